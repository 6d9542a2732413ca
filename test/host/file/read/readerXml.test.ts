// The reader reads SpreadsheetML by namespace and local name, and every cell form the format
// allows: prefixed elements (the Open XML SDK's <x:c>), the Strict namespace, rows and cells
// without `r`, ISO dates (t="d"), phonetic runs, long sheet names; and the kinds of cell ExcelJS
// reads, compared with it.
import { Workbook } from "exceljs";
import { ExcelJsWorkbook } from "../../../../src/host/file/read/exceljsWorkbook";
import { readXlsx } from "../../../../src/host/file/read/readXlsx";
import { sheetContent, snapshotOf } from "../../../../src/host/file/read/readSnapshot";
import { loadWorkbook, saveWorkbook } from "../../../../src/host/file/read/xlsxLoad";
import { sheetContent as excelJsContent } from "../../../../src/host/file/read/exceljsMarkers";
import { analyzeWorkbook } from "../../../../src/engine";
import type { ScoringSheet } from "../../../../src/engine/core/types";
import { districtGrid } from "../../../fixtures/seed";
import { addGridSheet } from "../../../cli/helpers/xlsxFiles";
import { addSheetPart, edit, partsOf, prefixed, sheetXml, SML, SML_STRICT, zipParts } from "../../helpers/packageParts";

/** Every kind of cell ExcelJS reads (as in exceljsWorkbook.test.ts), with merges and two sheets. */
function everyKindOfCell(): Workbook {
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
  ws.getCell("J1").value = { formula: "F1+1", result: new Date(Date.UTC(2023, 11, 4)) };
  ws.getCell("K1").value = 0.25;
  ws.getCell("K1").numFmt = "0.00%";
  ws.getCell("L1").value = 45000;
  ws.getCell("L1").numFmt = 'dd/mm/yyyy "năm"';
  ws.getCell("A3").value = 1;
  ws.getCell("A4").value = 2;
  ws.getCell("A5").value = 3;
  ws.getCell("B3").value = { formula: "A3*10+$A$3", result: 11, shareType: "shared", ref: "B3:B5" } as never;
  ws.getCell("B4").value = { sharedFormula: "B3", result: 21 };
  ws.getCell("B5").value = { sharedFormula: "B3", result: 31 };
  ws.getCell("C3").value = { formula: "A3+1" };
  ws.getCell("D3").value = { formula: "A3-1", result: 0 };
  ws.getCell("E3").value = { formula: "A3>1", result: false };
  ws.getCell("F3").value = { formula: 'IF(A3>1,"x","")', result: "" };
  ws.getCell("C7").value = "TIÊU ĐỀ";
  ws.mergeCells("C7:E7");
  ws.getCell("G6").value = "gộp dọc";
  ws.mergeCells("G6:G8");
  ws.getCell("F9").value = "cuối";
  wb.addWorksheet("Trống");
  return wb;
}

describe("cells of every kind, against ExcelJS", () => {
  it("gives the same snapshot and the same fingerprint content", async () => {
    const bytes = await saveWorkbook(everyKindOfCell());
    const book = await readXlsx(bytes);
    const excel = await loadWorkbook(bytes);
    expect(snapshotOf(book)).toEqual(await new ExcelJsWorkbook(excel).read());
    expect(book.sheets.map(sheetContent)).toEqual(excel.worksheets.map(excelJsContent));
    const row = book.sheets[0].values[0];
    expect(row[5]).toEqual(new Date(Date.UTC(2023, 11, 3)));
    expect(row[9]).toEqual(new Date(Date.UTC(2023, 11, 4)));
    expect(row[11]).toBeInstanceOf(Date);
    // Shared formulas are given their own text, moved from the master's.
    expect(book.sheets[0].formulas.filter((f) => f.col === 1).map((f) => f.formula)).toEqual(["A3*10+$A$3", "A4*10+$A$3", "A5*10+$A$3"]);
    expect(book.sheets[0].numberFormats).toEqual([{ row: 0, col: 10, format: "0.00%" }]);
  });
});

async function seedParts() {
  const wb = new Workbook();
  addGridSheet(wb, districtGrid());
  wb.getWorksheet(1)!.getCell("H3").value = { formula: "C3*2", result: 2 * Number(districtGrid().values[2][2] ?? 0) };
  return partsOf(wb);
}

const SML_PARTS = ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"];

describe("namespaces", () => {
  it("reads a workbook whose SpreadsheetML elements carry a prefix (<x:c>) with the same figures", async () => {
    const plain = await readXlsx(zipParts(await seedParts()));
    const parts = await seedParts();
    for (const name of SML_PARTS) edit(parts, name, (xml) => prefixed(xml, "x"));
    expect(parts.get("xl/worksheets/sheet1.xml")!.toString()).toContain("<x:c r=");
    const book = await readXlsx(zipParts(parts));
    expect(book).toEqual(plain);
    const sheet = analyzeWorkbook(snapshotOf(book).sheets).sheets[0] as ScoringSheet;
    expect(sheet.totals.appraised?.achieved).toBeCloseTo(89.21, 2);
  });

  it("reads the Strict namespace the same", async () => {
    const plain = await readXlsx(zipParts(await seedParts()));
    const parts = await seedParts();
    for (const name of SML_PARTS) edit(parts, name, (xml) => xml.split(SML).join(SML_STRICT));
    expect(await readXlsx(zipParts(parts))).toEqual(plain);
  });

  it("does not take an element of another namespace for SpreadsheetML's", async () => {
    const parts = await seedParts();
    // The cells' elements moved to a foreign namespace: no cell of the sheet is SpreadsheetML's now.
    edit(parts, "xl/worksheets/sheet1.xml", (xml) => xml.replace(/<c /g, '<o:c xmlns:o="urn:other" ').replace(/<\/c>/g, "</o:c>"));
    const book = await readXlsx(zipParts(parts));
    expect(book.sheets[0].values).toEqual([]);
  });
});

describe("forms of cells", () => {
  async function withExtraSheet(rows: string, after = "") {
    const parts = await seedParts();
    addSheetPart(parts, "Thêm", sheetXml(rows, "", after));
    return (await readXlsx(zipParts(parts))).sheets[1];
  }

  it("places rows and cells without `r` after the previous ones", async () => {
    const sheet = await withExtraSheet(
      '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row r="4"><c r="C4"><v>2</v></c><c><v>3</v></c></row><row><c><v>4</v></c></row>',
    );
    expect(sheet.values).toEqual([
      ["a", 1, null, null],
      [null, null, null, null],
      [null, null, null, null],
      [null, null, 2, 3],
      [4, null, null, null],
    ]);
  });

  it("reads ISO dates (t=\"d\"), inline rich text, and leaves phonetic runs out", async () => {
    const sheet = await withExtraSheet(
      '<row r="1"><c r="A1" t="d"><v>2024-01-15T00:00:00</v></c><c r="B1" t="inlineStr"><is><r><t>Phòng </t></r><r><t>Nội vụ</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c><c r="C1" t="b"><v>0</v></c><c r="D1" t="e"><v>#VALUE!</v></c><c r="E1" t="str"><v>văn bản</v></c></row>',
    );
    expect(sheet.values[0]).toEqual([new Date(Date.UTC(2024, 0, 15)), "Phòng Nội vụ", false, { error: "#VALUE!" }, "văn bản"]);
  });

  it("reads a sheet renamed to more than 31 characters, saying nothing on the console", async () => {
    const parts = await seedParts();
    const long = "Bảng điểm chỉ số cải cách hành chính năm 2023 của huyện";
    edit(parts, "xl/workbook.xml", (xml) => xml.replace(/name="[^"]*"/, `name="${long}"`));
    const spies = (["log", "warn", "error", "info"] as const).map((m) => jest.spyOn(console, m).mockImplementation(() => undefined));
    try {
      const book = await readXlsx(zipParts(parts));
      expect(book.sheets[0].name).toBe(long);
      expect(book.sheets[0].values).toEqual((await readXlsx(zipParts(await seedParts()))).sheets[0].values);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("ignores docProps entirely: an empty docProps/core.xml does not stop the reading", async () => {
    const parts = await seedParts();
    parts.set("docProps/core.xml", Buffer.alloc(0));
    const book = await readXlsx(zipParts(parts));
    expect(book.sheets[0].values).toEqual((await readXlsx(zipParts(await seedParts()))).sheets[0].values);
  });
});
