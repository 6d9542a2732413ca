// What a sheet declares costs nothing, what it holds costs by its size, and a large sheet that is
// neither a scoring sheet nor a units table is not kept: declared extents over the whole sheet
// read like the cells that exist; 200,000 rows of a procedures list beside the scoring sheet are
// cut after their first rows, within the default size limit, without changing the figures.
import { Workbook } from "exceljs";
import { analyzeWorkbook } from "../../../../src/engine";
import type { ScoringSheet } from "../../../../src/engine/core/types";
import { readXlsx } from "../../../../src/host/file/read/readXlsx";
import { snapshotOf } from "../../../../src/host/file/read/readSnapshot";
import { LARGE_ROWS } from "../../../../src/host/file/read/sheetPart";
import { loadWorkbook } from "../../../../src/host/file/read/xlsxLoad";
import { DEFAULT_LIMITS } from "../../../../src/host/file/package/xlsxPackageCheck";
import { XlsxTooLargeError } from "../../../../src/host/file/package/xlsxReadError";
import { districtGrid } from "../../../fixtures/seed";
import { addGridSheet } from "../../../cli/helpers/xlsxFiles";
import { addSheetPart, edit, partsOf, sheetXml, zipParts } from "../../helpers/packageParts";

const SHEET = "xl/worksheets/sheet1.xml";

async function seedParts() {
  const wb = new Workbook();
  addGridSheet(wb, districtGrid());
  return partsOf(wb);
}

function appraisedTotal(snapshotSheets: ReturnType<typeof snapshotOf>["sheets"]): number | undefined {
  const sheet = analyzeWorkbook(snapshotSheets).sheets.find((s) => s.kind === "scoring") as ScoringSheet;
  return sheet.totals.appraised?.achieved;
}

describe("declared extents", () => {
  it("reads a sheet declaring all 16,384 columns, the whole sheet as its dimension, spans, a merge to the last cell, validations and formats over every cell, as the cells it holds (past Excel's grid is refused: readerRefusals)", async () => {
    const plain = await readXlsx(zipParts(await seedParts()));
    const parts = await seedParts();
    const everything = "A1:XFD1048576";
    edit(parts, SHEET, (xml) =>
      xml
        .replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${everything}"/>`)
        .replace("<sheetData>", '<cols><col min="1" max="16384" width="9" customWidth="1"/></cols><sheetData>')
        .replace(/spans="[^"]*"/g, 'spans="1:16384"')
        .replace(
          "</sheetData>",
          `</sheetData><mergeCells count="1"><mergeCell ref="H1:XFD1048576"/></mergeCells>` +
            `<conditionalFormatting sqref="${everything}"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>` +
            `<dataValidations count="1"><dataValidation type="decimal" sqref="${everything}"><formula1>0</formula1></dataValidation></dataValidations>`,
        ),
    );
    const bytes = zipParts(parts);
    expect(bytes.length).toBeLessThan(12 * 1024);
    const book = await readXlsx(bytes);
    // The merge lies right of every cell: dropped; nothing else of what was declared is read.
    expect(book).toEqual(plain);
    expect(appraisedTotal(snapshotOf(book).sheets)).toBeCloseTo(89.21, 2);
  });
});

/** A procedures list: a header and `rows` rows of three texts, as inline strings. */
function proceduresSheet(rows: number): string {
  const out: string[] = ['<row r="1"><c r="A1" t="inlineStr"><is><t>Mã thủ tục</t></is></c><c r="B1" t="inlineStr"><is><t>Tên thủ tục hành chính</t></is></c><c r="C1" t="inlineStr"><is><t>Lĩnh vực</t></is></c></row>'];
  for (let r = 2; r <= rows + 1; r++) {
    out.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>1.00${r}</t></is></c><c r="B${r}" t="inlineStr"><is><t>Thủ tục cấp giấy chứng nhận số ${r}</t></is></c><c r="C${r}" t="inlineStr"><is><t>Hộ tịch, chứng thực</t></is></c></row>`,
    );
  }
  // A merge in the kept rows, written after the rows (as every sheet writes them): still read.
  return sheetXml(out.join(""), "", '<mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells>');
}

describe("a large unrelated sheet beside the scoring sheet", () => {
  const ROWS = 200_000;
  let bytes: Buffer;
  let xmlBytes: number;

  beforeAll(async () => {
    const parts = await seedParts();
    const part = addSheetPart(parts, "Danh mục TTHC", proceduresSheet(ROWS));
    xmlBytes = parts.get(part)!.length;
    bytes = zipParts(parts);
  });

  it("is larger than the size limit, which the ExcelJS path refuses", async () => {
    expect(xmlBytes).toBeGreaterThan(DEFAULT_LIMITS.maxUnpackedBytes);
    await expect(loadWorkbook(bytes)).rejects.toBeInstanceOf(XlsxTooLargeError);
  });

  it("is read within the default limit: cut after its first rows, the scoring sheet's figures unchanged", async () => {
    const book = await readXlsx(bytes);
    const [scoring, procedures] = book.sheets;
    expect(scoring.truncated).toBeUndefined();
    expect(procedures.truncated).toEqual({ rowsKept: LARGE_ROWS, rowsInFile: ROWS + 1 });
    expect(procedures.values.length).toBe(LARGE_ROWS);
    expect(procedures.values[1]).toEqual(["1.002", "Thủ tục cấp giấy chứng nhận số 2", "Hộ tịch, chứng thực"]);
    expect(procedures.values[2][2]).toBeNull();
    expect(procedures.merges).toEqual([{ row: 1, col: 2, rows: 2, cols: 1 }]);
    expect(book.notices).toEqual([`Sheet "Danh mục TTHC" có 200.001 dòng và không phải bảng chấm điểm hay bảng đơn vị: chỉ đọc 1.000 dòng đầu.`]);
    const alone = await readXlsx(zipParts(await seedParts()));
    expect(scoring).toEqual(alone.sheets[0]);
    const snapshot = snapshotOf(book);
    expect(appraisedTotal(snapshot.sheets)).toBeCloseTo(89.21, 2);
    const analysis = analyzeWorkbook(snapshot.sheets);
    expect(analysis.sheets.map((s) => s.kind)).toEqual(["scoring", "other"]);
  });

  it("is kept whole when the caller names it (a sheet mapped in the settings), and then counts against the limit", async () => {
    const parts = await seedParts();
    addSheetPart(parts, "Danh mục TTHC", proceduresSheet(ROWS));
    const err = await readXlsx(zipParts(parts), DEFAULT_LIMITS, { keepWhole: (name) => name === "Danh mục TTHC" }).catch((e: unknown) => e);
    // Kept whole, its XML counts against the limit, which it exceeds.
    expect(err).toBeInstanceOf(XlsxTooLargeError);
    expect((err as Error).message).toMatch(/^Tệp quá lớn để đọc an toàn: .* vượt giới hạn 32,0 MB\.$/);
  });
});
