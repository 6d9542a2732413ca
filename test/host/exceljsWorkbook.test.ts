// The ExcelJS adapter on real .xlsx bytes: reading every kind of cell, writing sheet plans,
// markers as defined names, reruns that replace only the project's own sheets.
import JSZip from "jszip";
import { Workbook } from "exceljs";
import type { SheetPlan } from "../../src/engine/plan";
import { ExcelJsWorkbook } from "../../src/host/exceljsWorkbook";
import { loadWorkbook, saveWorkbook, XlsxReadError } from "../../src/host/xlsxLoad";
import { markerReference, sheetOfReference } from "../../src/host/xlsxMarkers";

async function roundTrip(wb: Workbook): Promise<Workbook> {
  return loadWorkbook(await saveWorkbook(wb));
}

async function workbookXml(wb: Workbook): Promise<string> {
  const zip = await JSZip.loadAsync(await saveWorkbook(wb));
  return zip.file("xl/workbook.xml")!.async("string");
}

function summaryPlan(overrides: Partial<SheetPlan> = {}): SheetPlan {
  return {
    name: "Tổng hợp trách nhiệm",
    marker: "CCHC_GEN_SUMMARY",
    cells: [
      { row: 0, col: 0, value: "TỔNG HỢP TRÁCH NHIỆM", style: { bold: true, size: 14, align: "center" } },
      { row: 2, col: 0, value: "Đơn vị", style: { bold: true, fill: "#DDEBF7", border: true, wrap: true, valign: "middle" } },
      { row: 2, col: 1, value: "Điểm bị mất", style: { bold: true, fill: "#ddebf7", border: true } },
      { row: 3, col: 0, value: "Phòng Tư pháp" },
      { row: 3, col: 1, value: 1.11, format: "0.00" },
      { row: 4, col: 0, value: "Phòng Nội vụ", style: { italic: true, color: "#C00000" } },
      { row: 4, col: 1, value: 1, format: "0.00" },
      { row: 5, col: 0, value: "Tổng", style: { bold: true, align: "right" } },
      { row: 5, col: 1, formula: "=SUM(B4:B5)", result: 2.11, format: "0.00" },
      { row: 6, col: 1, formula: '=IF(B6>2,"Nhiều","Ít")', result: "Nhiều" },
    ],
    columnWidths: [40, 14],
    rowHeights: { 2: 30 },
    merges: ["A1:B1"],
    freeze: { rows: 3, cols: 0 },
    print: { paper: "A4", orientation: "landscape", fitToWidth: true, repeatRows: { first: 2, last: 2 } },
    ...overrides,
  };
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

describe("writing sheet plans", () => {
  it("renders values, formulas with cached results, formats, styles, merges, widths, panes and print setup", async () => {
    const wb = new Workbook();
    wb.addWorksheet("Bảng điểm").getCell("A1").value = "dữ liệu của người dùng";
    const port = new ExcelJsWorkbook(wb);
    expect(await port.writeSheets([summaryPlan()])).toEqual(["Tổng hợp trách nhiệm"]);

    const back = await roundTrip(wb);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Bảng điểm", "Tổng hợp trách nhiệm"]);
    expect(back.getWorksheet("Bảng điểm")!.getCell("A1").value).toBe("dữ liệu của người dùng");
    const ws = back.getWorksheet("Tổng hợp trách nhiệm")!;
    expect(ws.getCell("A1").value).toBe("TỔNG HỢP TRÁCH NHIỆM");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getCell("A1").alignment).toMatchObject({ horizontal: "center" });
    expect(ws.getCell("B6").value).toEqual({ formula: "SUM(B4:B5)", result: 2.11 });
    expect(ws.getCell("B6").numFmt).toBe("0.00");
    expect(ws.getCell("B7").value).toEqual({ formula: 'IF(B6>2,"Nhiều","Ít")', result: "Nhiều" });
    expect(ws.getCell("B4").value).toBe(1.11);
    expect(ws.getRow(3).height).toBe(30);
    expect(ws.getCell("A3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("B3").fill).toMatchObject({ fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("A3").border).toMatchObject({ top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } });
    expect(ws.getCell("A3").alignment).toMatchObject({ wrapText: true, vertical: "middle" });
    expect(ws.getCell("A5").font).toMatchObject({ italic: true, color: { argb: "FFC00000" } });
    expect(ws.model.merges).toEqual(["A1:B1"]);
    expect(ws.getColumn(1).width).toBe(40);
    expect(ws.getColumn(2).width).toBe(14);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3, xSplit: 0 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "3:3",
    });
  });

  it("writes the cached values into the file itself (what Excel shows before recalculating)", async () => {
    const wb = new Workbook();
    await new ExcelJsWorkbook(wb).writeSheets([summaryPlan()]);
    const zip = await JSZip.loadAsync(await saveWorkbook(wb));
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).toMatch(/<c r="B6"[^>]*><f>SUM\(B4:B5\)<\/f><v>2.11<\/v><\/c>/);
    expect(sheetXml).toMatch(/<c r="B7"[^>]*t="str"[^>]*><f>IF\(B6&gt;2,&quot;Nhiều&quot;,&quot;Ít&quot;\)<\/f><v>Nhiều<\/v><\/c>/);
  });

  it("marks the sheet with a workbook-level defined name referring to its A1", async () => {
    const wb = new Workbook();
    wb.addWorksheet("Bảng điểm");
    await new ExcelJsWorkbook(wb).writeSheets([summaryPlan(), summaryPlan({ name: "Xếp hạng", marker: "CCHC_GEN_RANKING" })]);
    const xml = await workbookXml(wb);
    expect(xml).toContain(`<definedName name="CCHC_GEN_SUMMARY">&apos;Tổng hợp trách nhiệm&apos;!$A$1</definedName>`);
    expect(xml).toContain(`<definedName name="CCHC_GEN_RANKING">&apos;Xếp hạng&apos;!$A$1</definedName>`);
    const snapshot = await new ExcelJsWorkbook(await roundTrip(wb)).read();
    expect(snapshot.generated).toEqual({ CCHC_GEN_SUMMARY: "Tổng hợp trách nhiệm", CCHC_GEN_RANKING: "Xếp hạng" });
  });

  it("on a rerun replaces only its own sheet, in place, and keeps the user's sheet of the same name", async () => {
    const wb = new Workbook();
    wb.addWorksheet("Bảng điểm").getCell("A1").value = 1;
    wb.addWorksheet("Tổng hợp trách nhiệm").getCell("A1").value = "ghi chú của người dùng";
    wb.addWorksheet("Ghi chú");
    const first = await new ExcelJsWorkbook(wb).writeSheets([summaryPlan()]);
    expect(first).toEqual(["Tổng hợp trách nhiệm (2)"]);

    // The user moves on: a sheet after ours, then a rerun on the saved file.
    const reopened = await roundTrip(wb);
    reopened.addWorksheet("Sau");
    const port = new ExcelJsWorkbook(reopened);
    const second = await port.writeSheets([
      summaryPlan({ cells: [{ row: 0, col: 0, value: "LẦN HAI" }], merges: [] }),
    ]);
    expect(second).toEqual(["Tổng hợp trách nhiệm (2)"]);

    const back = await roundTrip(reopened);
    expect(back.worksheets.map((w) => w.name)).toEqual([
      "Bảng điểm",
      "Tổng hợp trách nhiệm",
      "Ghi chú",
      "Tổng hợp trách nhiệm (2)",
      "Sau",
    ]);
    expect(back.getWorksheet("Tổng hợp trách nhiệm")!.getCell("A1").value).toBe("ghi chú của người dùng");
    expect(back.getWorksheet("Tổng hợp trách nhiệm (2)")!.getCell("A1").value).toBe("LẦN HAI");
    expect(back.getWorksheet("Tổng hợp trách nhiệm (2)")!.getCell("B6").value).toBeNull();
    const xml = await workbookXml(back);
    expect(xml.match(/name="CCHC_GEN_SUMMARY"/g)).toHaveLength(1);
    expect((await new ExcelJsWorkbook(back).read()).generated).toEqual({ CCHC_GEN_SUMMARY: "Tổng hợp trách nhiệm (2)" });
  });

  it("finds its sheet by the marker after the user renamed it", async () => {
    const wb = new Workbook();
    wb.addWorksheet("Bảng điểm");
    await new ExcelJsWorkbook(wb).writeSheets([summaryPlan()]);
    const back = await roundTrip(wb);
    // What Excel does on a rename: the sheet and the name's reference change together.
    back.getWorksheet("Tổng hợp trách nhiệm")!.name = "TH 2023";
    back.definedNames.model = [{ name: "CCHC_GEN_SUMMARY", ranges: [markerReference("TH 2023")] }];
    const port = new ExcelJsWorkbook(back);
    expect((await port.read()).generated).toEqual({ CCHC_GEN_SUMMARY: "TH 2023" });
    expect(await port.writeSheets([summaryPlan()])).toEqual(["Tổng hợp trách nhiệm"]);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Bảng điểm", "Tổng hợp trách nhiệm"]);
  });

  it("ignores a marker whose sheet no longer exists", async () => {
    const wb = new Workbook();
    wb.addWorksheet("Bảng điểm");
    wb.definedNames.add(markerReference("Đã xoá"), "CCHC_GEN_SUMMARY");
    expect((await new ExcelJsWorkbook(wb).read()).generated).toEqual({});
  });

  it("writes single cells: constants and formulas, asking Excel to recalculate on open", async () => {
    const wb = new Workbook();
    wb.addWorksheet("Bảng điểm");
    const port = new ExcelJsWorkbook(wb);
    await port.writeCells([
      { sheet: "Bảng điểm", address: "C2", value: 1.5 },
      { sheet: "bảng điểm", address: "C3", formula: "=SUM(C1:C2)" },
    ]);
    const back = await roundTrip(wb);
    expect(back.getWorksheet("Bảng điểm")!.getCell("C2").value).toBe(1.5);
    expect(back.getWorksheet("Bảng điểm")!.getCell("C3").formula).toBe("SUM(C1:C2)");
    expect(await workbookXml(wb)).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    await expect(port.writeCells([{ sheet: "Không có", address: "A1", value: 1 }])).rejects.toThrow(
      'Không tìm thấy sheet "Không có"',
    );
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
