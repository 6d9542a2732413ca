// The project's .xlsx reader (src/host/file/read/) against the ExcelJS path it replaces: for every
// parity fixture and the sample workbook, the snapshot (grids after the merge rule, markers,
// active sheet), the hidden sheets and the fingerprint content of each sheet are the same.
import { ExcelJsWorkbook } from "../../../../src/host/file/read/exceljsWorkbook";
import { readXlsx } from "../../../../src/host/file/read/readXlsx";
import { sheetContent, snapshotOf } from "../../../../src/host/file/read/readSnapshot";
import { loadWorkbook } from "../../../../src/host/file/read/xlsxLoad";
import { sheetContent as excelJsContent } from "../../../../src/host/file/read/exceljsMarkers";
import { FIXTURES } from "../../helpers/parityFixtures";

describe("the reader gives the ExcelJS path's snapshot", () => {
  it.each(FIXTURES)("%s", async (_name, make) => {
    const bytes = await make();
    const book = await readXlsx(bytes);
    const excel = await loadWorkbook(bytes);
    const expected = await new ExcelJsWorkbook(excel).read();
    const actual = snapshotOf(book);
    // Sheet by sheet first, so a difference says where it is.
    expect(actual.sheets.map((g) => g.name)).toEqual(expected.sheets.map((g) => g.name));
    actual.sheets.forEach((g, i) => expect([g.name, g.values]).toEqual([g.name, expected.sheets[i].values]));
    expect(actual).toEqual(expected);
    expect(book.sheets.map((s) => s.state)).toEqual(excel.worksheets.map((ws) => ws.state));
    book.sheets.forEach((s, i) => {
      const theirs = excelJsContent(excel.worksheets[i]);
      expect(sheetContent(s)).toEqual(theirs);
    });
    expect(book.notices).toEqual([]);
  });

  it("the fixtures hold what the comparison needs: dates, formulas, merges, names, an active sheet", async () => {
    const books = await Promise.all(FIXTURES.map(async ([, make]) => readXlsx(await make())));
    const all = books.flatMap((b) => b.sheets);
    expect(all.some((s) => s.merges.length > 0)).toBe(true);
    expect(all.some((s) => s.formulas.length > 0)).toBe(true);
    expect(books.some((b) => b.definedNames.length > 0)).toBe(true);
    expect(books.some((b) => b.activeSheet !== null && b.activeSheet > 0)).toBe(true);
    expect(all.some((s) => s.values.some((row) => row.some((v) => v !== null && typeof v === "object" && "error" in v)))).toBe(true);
  });
});
