// Merges bounded to the used range on load: a merge over the whole sheet or a whole column in a
// tiny file must not make ExcelJS build a million cells (issue 9 §2).
import { Workbook } from "exceljs";
import { analyzeWorkbook } from "../../../../src/engine/analyze";
import { ExcelJsWorkbook } from "../../../../src/host/file/read/exceljsWorkbook";
import { clipMergesToUsedRange } from "../../../../src/host/file/read/xlsxCells";
import { loadWorkbook, saveWorkbook } from "../../../../src/host/file/read/xlsxLoad";
import { districtGrid } from "../../../fixtures/seed";
import { addGridSheet } from "../../../cli/helpers/xlsxFiles";
import { deflated, unzipParts, writeZip } from "../../helpers/rawZip";

/** The workbook with these merge ranges written into its first sheet's XML. */
async function withMerges(wb: Workbook, refs: string[]): Promise<Buffer> {
  const parts = await unzipParts(await saveWorkbook(wb));
  const name = "xl/worksheets/sheet1.xml";
  const merges = `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`;
  parts.set(name, Buffer.from(parts.get(name)!.toString("utf8").replace("</sheetData>", `</sheetData>${merges}`)));
  return writeZip([...parts].map(([n, c]) => deflated(n, c)));
}

describe("clipMergesToUsedRange", () => {
  const rows = [{ cells: [{ address: "A1" }, { address: "C1" }] }, { cells: [{ address: "B4" }] }];

  it("cuts merges to the last used row and column, drops those outside or reduced to one cell", () => {
    const model = { rows, mergeCells: ["A1:XFD1048576", "B2:B1048576", "E1:F2", "A5:C9", "C4:D4", "C3:A2"] };
    clipMergesToUsedRange(model);
    expect(model.mergeCells).toEqual(["A1:C4", "B2:B4", "A2:C3"]);
  });

  it("leaves a model without merges alone", () => {
    const model: { rows: typeof rows; mergeCells?: string[] } = { rows };
    clipMergesToUsedRange(model);
    expect(model.mergeCells).toBeUndefined();
  });
});

describe("loading a file with unbounded merges", () => {
  it("reads a 2 KB file with one merge over A1:XFD1048576 as its used range", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Bìa");
    ws.getCell("A1").value = "BÁO CÁO CHỈ SỐ CCHC";
    ws.getCell("D5").value = 89.21;
    const bytes = await withMerges(wb, ["A1:XFD1048576"]);
    expect(bytes.length).toBeLessThan(8 * 1024);
    const loaded = await loadWorkbook(bytes);
    const sheet = loaded.worksheets[0];
    expect(sheet.model.merges).toEqual(["A1:D5"]);
    expect(sheet.rowCount).toBe(5);
    expect(sheet.columnCount).toBe(4);
    const { sheets } = await new ExcelJsWorkbook(loaded).read();
    expect(sheets[0].values.length).toBe(5);
    expect(sheets[0].values[0]).toEqual(["BÁO CÁO CHỈ SỐ CCHC", null, null, null]);
  });

  it("reads the seed with a whole-column merge past its columns exactly as without it", async () => {
    const wb = new Workbook();
    const grid = districtGrid();
    addGridSheet(wb, grid);
    const loaded = await loadWorkbook(await withMerges(wb, ["H1:H1048576", "J1:K1048576"]));
    const sheet = loaded.worksheets[0];
    // Both merges lie right of the last used column (G): only empty cells, dropped.
    expect(sheet.model.merges).toEqual([]);
    expect(sheet.rowCount).toBe(grid.values.length);
    const analysis = analyzeWorkbook((await new ExcelJsWorkbook(loaded).read()).sheets);
    const scoring = analysis.sheets[0];
    if (scoring.kind !== "scoring") throw new Error("not a scoring sheet");
    expect(scoring.totals.appraised?.achieved).toBeCloseTo(89.21, 2);
    expect(scoring.totals.appraised?.max).toBe(97);
  });
});
