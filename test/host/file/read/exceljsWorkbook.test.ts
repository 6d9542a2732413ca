// The ExcelJS reader on real .xlsx bytes: reading every kind of cell, markers' references,
// files that are not workbooks. Writing is tested in xlsxWorkbook.test.ts.
import JSZip from "jszip";
import { Workbook } from "exceljs";
import { ExcelJsWorkbook } from "../../../../src/host/file/read/exceljsWorkbook";
import { loadWorkbook, saveWorkbook, XlsxReadError } from "../../../../src/host/file/read/xlsxLoad";
import { markerReference, sheetOfReference } from "../../../../src/host/generatedMarkers";

async function roundTrip(wb: Workbook): Promise<Workbook> {
  return loadWorkbook(await saveWorkbook(wb));
}

describe("reading worksheets as grids", () => {
  let sheets: Awaited<ReturnType<ExcelJsWorkbook["read"]>>["sheets"];

  beforeAll(async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Dữ liệu");
    ws.getCell("A1").value = 3.89;
    ws.getCell("B1").value = "3,89";
    ws.getCell("C1").value = { richText: [{ text: "Phòng " }, { text: "Tư pháp", font: { bold: true } }] };
    ws.getCell("D1").value = { formula: "A1*2", result: 7.78 };
    ws.getCell("E1").value = { error: "#N/A" };
    ws.getCell("F1").value = new Date(Date.UTC(2023, 11, 3));
    ws.getCell("G1").value = { text: "Cổng dịch vụ công", hyperlink: "https://dichvucong.gov.vn/" };
    ws.getCell("H1").value = true;
    ws.getCell("I1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    // Shared formula: B3:B5 follow the master in B3; each keeps its own cached result.
    ws.getCell("A3").value = 1;
    ws.getCell("A4").value = 2;
    ws.getCell("A5").value = 3;
    ws.getCell("B3").value = { formula: "A3*10", result: 10, shareType: "shared", ref: "B3:B5" } as never;
    ws.getCell("B4").value = { sharedFormula: "B3", result: 20 };
    ws.getCell("B5").value = { sharedFormula: "B3", result: 30 };
    ws.getCell("C3").value = { formula: "A3+1" }; // no cached result: never calculated
    // Falsy cached results are real values (ExcelJS's `value` getter drops them).
    ws.getCell("D3").value = { formula: "A3-1", result: 0 };
    ws.getCell("E3").value = { formula: "A3>1", result: false };
    ws.getCell("F3").value = { formula: 'IF(A3>1,"x","")', result: "" };
    // A merged title over C7:E7, and a value far from A1 (row 9, column F).
    ws.getCell("C7").value = "TIÊU ĐỀ";
    ws.mergeCells("C7:E7");
    ws.getCell("F9").value = "cuối";
    wb.addWorksheet("Trống");
    sheets = (await new ExcelJsWorkbook(await roundTrip(wb)).read()).sheets;
  });

  it("reads numbers, text, rich text, cached formula results, errors, dates, hyperlinks, booleans", () => {
    const row = sheets[0].values[0];
    expect(row.slice(0, 5)).toEqual([3.89, "3,89", "Phòng Tư pháp", 7.78, { error: "#N/A" }]);
    expect(row[5]).toBeInstanceOf(Date);
    expect((row[5] as Date).toISOString().slice(0, 10)).toBe("2023-12-03");
    expect(row[6]).toBe("Cổng dịch vụ công");
    expect(row[7]).toBe(true);
    expect(row[8]).toEqual({ error: "#DIV/0!" });
  });

  it("reads shared formulas by their own cached results, and a formula without result as #UNCALCULATED", () => {
    expect(sheets[0].values.slice(2, 5).map((r) => r[1])).toEqual([10, 20, 30]);
    expect(sheets[0].values[2][2]).toEqual({ error: "#UNCALCULATED" });
    // An empty-text result reads as blank (ExcelJS stores no value for it), which means the same.
    expect(sheets[0].values[2].slice(3, 6)).toEqual([0, false, null]);
  });

  it("keeps the origin at A1, pads rows to one width and keeps a merge across columns in its top-left cell", () => {
    const g = sheets[0];
    expect(g.origin).toEqual({ row: 0, col: 0 });
    expect(g.values.length).toBe(9);
    expect(new Set(g.values.map((r) => r.length))).toEqual(new Set([9]));
    expect(g.values[1].every((v) => v === null)).toBe(true);
    expect(g.values[6].slice(2, 5)).toEqual(["TIÊU ĐỀ", null, null]);
    expect(g.values[8][5]).toBe("cuối");
  });

  it("reads every worksheet in tab order, an empty one as an empty grid", () => {
    expect(sheets.map((s) => s.name)).toEqual(["Dữ liệu", "Trống"]);
    expect(sheets[1].values).toEqual([]);
  });
});

describe("markers' references", () => {
  it("quotes and unquotes sheet names as Excel does", () => {
    expect(markerReference("Xếp hạng")).toBe("'Xếp hạng'!$A$1");
    expect(markerReference("Bob's")).toBe("'Bob''s'!$A$1");
    expect(sheetOfReference("'Bob''s'!$A$1")).toBe("Bob's");
    expect(sheetOfReference("Sheet1!$A$1")).toBe("Sheet1");
    expect(sheetOfReference("=Sheet1!$A$1")).toBe("Sheet1");
    expect(sheetOfReference("$A$1")).toBeNull();
  });
});

describe("loading bytes that are not a workbook", () => {
  it("rejects an empty file, a text file and a truncated zip with Vietnamese messages", async () => {
    await expect(loadWorkbook(new Uint8Array())).rejects.toThrow(/Tệp rỗng/);
    const text = new TextEncoder().encode("STT;Tiêu chí;Điểm\n1;Kế hoạch;2\n");
    await expect(loadWorkbook(text)).rejects.toThrow(/Không phải tệp Excel \.xlsx/);
    const wb = new Workbook();
    wb.addWorksheet("A").getCell("A1").value = 1;
    const full = await saveWorkbook(wb);
    const truncated = full.slice(0, Math.floor(full.length / 2));
    const err = await loadWorkbook(truncated).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(XlsxReadError);
    expect((err as Error).message).toMatch(/bị hỏng hoặc không đầy đủ/);
  });

  it("rejects a zip of another format (a renamed .docx or .ods) instead of reading no sheet", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("word/document.xml", "<w:document/>");
    const docx = await zip.generateAsync({ type: "uint8array" });
    await expect(loadWorkbook(docx)).rejects.toThrow(/Tệp nén nhưng không phải bảng tính \.xlsx/);
  });
});
