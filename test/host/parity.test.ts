// The add-in and the command line read the same workbook the same way: every .xlsx fixture the
// tests use is written to a real file, then read once through the ExcelJS adapter (as `cchc` and
// the standalone page read it) and once through the Office.js adapter over a fake Excel opened from
// the same file (test/support/fakeFromXlsx.ts); both must give the same analysis: totals, findings
// with their cells, lost items, responsible units, ranking.
import { promises as fs } from "fs";
import * as path from "path";
import { Workbook } from "exceljs";
import { analyzeWorkbook, buildReportPlans } from "../../src/engine";
import type { CellValue, Grid, ScoringSheet, UnitsSheet } from "../../src/engine/core/types";
import { XlsxWorkbook } from "../../src/host/file/xlsxWorkbook";
import { OfficeWorkbook } from "../../src/host/office/officeWorkbook";
import { memoryStore } from "../../src/host/office/officeSettings";
import { openXlsx } from "../../src/host/file/xlsxAnalysis";
import { loadWorkbook, saveWorkbook } from "../../src/host/file/read/xlsxLoad";
import { userGrids } from "../../src/taskpane/workbookScope";
import { communesGrid, districtGrid, LOST_CODES } from "../fixtures/seed";
import { kpsGrid, misprintGrid } from "../cli/helpers/layouts";
import { addGridSheet, makeTempDir, removeDir } from "../cli/helpers/xlsxFiles";
import * as FakeExcel from "../support/fakeExcel.js";
import { fakeFromXlsx } from "../support/fakeFromXlsx";
import { expectValidOoxmlBytes } from "../support/ooxmlCheck";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "mau-chi-so-cchc.xlsx");

function workbookOf(grids: Grid[]): Workbook {
  const wb = new Workbook();
  for (const g of grids) addGridSheet(wb, g);
  return wb;
}

/** Roman areas with criteria numbered from 1 under each (as some provinces lay them out). */
function romanGrid(): Grid {
  return {
    name: "La Mã",
    values: [
      ["TT", "Nội dung", "Điểm tối đa", "Thẩm định", "Nguyên nhân", "Trách nhiệm"],
      ["I", "Chỉ đạo", 3, 3, null, null],
      ["1", "Kế hoạch", 1, 1, null, null],
      ["2", "Báo cáo", 2, 2, null, null],
      ["II", "Thể chế", 2, 1, null, null],
      ["1", "Văn bản", 2, 1, null, null],
      ["1.1", "Ban hành", 1, 0, "Ban hành trễ", "Phòng Tư pháp"],
      ["1.2", "Rà soát", 1, 1, null, null],
    ],
  };
}

const HEADER = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Nguyên nhân", "Trách nhiệm thuộc về"];

/**
 * Merges as clerks make them: a title over A1:G1, an area name over B3:E3, a cause and a unit
 * merged down F5:F7 and G5:G7 over three sub-criteria, a maximum merged down C9:C10, a note
 * merged over a block H5:I6, and a unit merged down past the last row with values (G11:G14).
 */
function mergedWorkbook(): Workbook {
  const wb = new Workbook();
  const ws = wb.addWorksheet("Gộp ô");
  const rows: CellValue[][] = [
    ["BẢNG ĐIỂM CHỈ SỐ CCHC"],
    HEADER,
    ["I", "CÔNG TÁC CHỈ ĐẠO"],
    ["1", "Lĩnh vực 1", 3, 3, 1.5],
    ["1.1", "Tiêu chí 1.1", 1, 1, 0.5, "Chưa hoàn thành đúng hạn", "Phòng Nội vụ\nVăn phòng HĐND-UBND"],
    ["1.2", "Tiêu chí 1.2", 1, 1, 0.5, null, null, "ghi chú"],
    ["1.3", "Tiêu chí 1.3", 1, 1, 0.5],
    ["2", "Lĩnh vực 2", 2, 2, 1.5],
    ["2.1", "Tiêu chí 2.1", 1, 1, 1],
    ["2.2", "Tiêu chí 2.2", null, 1, 0.5],
    ["2.3", "Tiêu chí 2.3", 0, 0, 0, "Không phát sinh", "Phòng Tư pháp"],
  ];
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v as string | number;
    }),
  );
  ws.getCell("C9").value = 2;
  for (const range of ["A1:G1", "B3:E3", "F5:F7", "G5:G7", "C9:C10", "H5:I6", "G11:G14"]) ws.mergeCells(range);
  return wb;
}

/** The seed's sheets with the communes' table hidden and a very hidden sheet of notes. */
function hiddenWorkbook(): Workbook {
  const wb = workbookOf([districtGrid(), communesGrid(), { name: "Ghi chú", values: [["STT", "Ghi chú"], [1, "nội bộ"]] }]);
  wb.getWorksheet("Xếp loại xã")!.state = "hidden";
  wb.getWorksheet("Ghi chú")!.state = "veryHidden";
  return wb;
}

/** A table far from A1 (titles merged above it), with an error value and the third sheet active. */
function offsetWorkbook(): Workbook {
  const wb = workbookOf([communesGrid(), districtGrid({}, "Huyện A")]);
  const ws = wb.addWorksheet("Lệch");
  ws.getCell("D3").value = "BẢNG ĐIỂM";
  ws.mergeCells("D3:H3");
  const grid = districtGrid({ titleRows: 0 });
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 5, c + 4).value = v as string | number;
    }),
  );
  ws.getCell(7, 8).value = { error: "#N/A" };
  wb.views = [{ activeTab: 2, x: 0, y: 0, width: 10000, height: 10000, firstSheet: 0, visibility: "visible" }];
  return wb;
}

/** A workbook the summary command wrote into: generated sheets marked by defined names. */
async function generatedWorkbook(): Promise<Uint8Array> {
  const bytes = await saveWorkbook(workbookOf([districtGrid(), communesGrid()]));
  const port = new XlsxWorkbook(bytes, await loadWorkbook(bytes));
  const { sheets } = await port.read();
  await port.writeSheets(buildReportPlans(analyzeWorkbook(sheets), { date: new Date(2024, 0, 15) }));
  return port.save();
}

const FIXTURES: Array<[string, () => Promise<Uint8Array>]> = [
  ["the seed: district and communes", () => saveWorkbook(workbookOf([districtGrid(), communesGrid()]))],
  ["no title rows", () => saveWorkbook(workbookOf([districtGrid({ titleRows: 0 })]))],
  ["five title rows", () => saveWorkbook(workbookOf([districtGrid({ titleRows: 5 })]))],
  ["headers without diacritics", () => saveWorkbook(workbookOf([districtGrid({ plainHeaders: true })]))],
  ["decimal commas in text", () => saveWorkbook(workbookOf([districtGrid({ commaText: true })]))],
  ["codes stored as numbers", () => saveWorkbook(workbookOf([districtGrid({ numericCodes: true })]))],
  ["parents left blank", () => saveWorkbook(workbookOf([districtGrid({ blankParents: true })]))],
  ["a KPS criterion", () => saveWorkbook(workbookOf([kpsGrid("1.5")]))],
  ["the misprinted area 6", () => saveWorkbook(workbookOf([misprintGrid()]))],
  ["Roman area codes", () => saveWorkbook(workbookOf([romanGrid()]))],
  ["merged cells", () => saveWorkbook(mergedWorkbook())],
  ["hidden and very hidden sheets", () => saveWorkbook(hiddenWorkbook())],
  ["a table far from A1, an error value, another active sheet", () => saveWorkbook(offsetWorkbook())],
  ["generated sheets marked by defined names", generatedWorkbook],
  ["the sample workbook in assets/", async () => new Uint8Array(await fs.readFile(SAMPLE))],
];

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir("cchc-parity-");
});
afterAll(async () => removeDir(dir));

/** Writes the bytes to a real file and reads them back, as a clerk's file arrives. */
async function throughFile(name: string, bytes: Uint8Array): Promise<Uint8Array> {
  const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.xlsx`);
  await fs.writeFile(file, bytes);
  return new Uint8Array(await fs.readFile(file));
}

async function bothReads(bytes: Uint8Array) {
  const cli = await openXlsx(bytes);
  const fake = await fakeFromXlsx(bytes);
  const office = new OfficeWorkbook({ run: FakeExcel.runner(fake), store: memoryStore(), requirements: fake });
  const snapshot = await office.read();
  return { cli, fake, snapshot, analysis: analyzeWorkbook(userGrids(snapshot)) };
}

describe("the ExcelJS and the Office.js adapters give the same analysis", () => {
  it.each(FIXTURES)("%s", async (name, make) => {
    const bytes = await throughFile(name, await make());
    const { cli, fake, snapshot, analysis } = await bothReads(bytes);
    expect(fake.syncCount).toBe(2);
    expect(snapshot.notices).toBeUndefined();
    expect(snapshot.sheets.map((g) => g.name)).toEqual(cli.snapshot.sheets.map((g) => g.name));
    expect(snapshot.generated).toEqual(cli.snapshot.generated);
    expect(snapshot.activeSheet).toBe(cli.snapshot.activeSheet ?? snapshot.sheets[0].name);
    // Named parts first, so a difference says where it is; then everything.
    expect(analysis.sheets.map((s) => [s.sheet, s.kind])).toEqual(cli.analysis.sheets.map((s) => [s.sheet, s.kind]));
    analysis.sheets.forEach((s, i) => {
      const other = cli.analysis.sheets[i];
      expect([s.sheet, s.findings.map((f) => [f.rule, f.cell, f.message])]).toEqual([other.sheet, other.findings.map((f) => [f.rule, f.cell, f.message])]);
      if (s.kind === "scoring") {
        const o = other as ScoringSheet;
        expect(s.totals).toEqual(o.totals);
        expect(s.lost).toEqual(o.lost);
        expect(s.units).toEqual(o.units);
      }
      if (s.kind === "units") expect(s.ranking).toEqual((other as UnitsSheet).ranking);
    });
    expect(analysis).toEqual(cli.analysis);
  });

  it("the fixtures are what they claim: findings, merges copied, hidden sheets, a generated sheet", async () => {
    const read = async (i: number) => bothReads(await throughFile(`claim-${i}`, await FIXTURES[i][1]()));
    const seed = await read(0);
    expect((seed.analysis.sheets[0] as ScoringSheet).lost.map((l) => l.code)).toEqual(LOST_CODES);
    const misprint = await read(8);
    expect(misprint.analysis.sheets[0].findings.map((f) => f.rule)).toContain("subtotal-mismatch");
    const merged = await read(10);
    const lost = (merged.analysis.sheets[0] as ScoringSheet).lost;
    expect(lost.map((l) => [l.code, l.responsible.map((u) => u.unit)])).toEqual([
      ["1.1", ["Phòng Nội vụ", "Văn phòng HĐND-UBND"]],
      ["1.2", ["Phòng Nội vụ", "Văn phòng HĐND-UBND"]],
      ["1.3", ["Phòng Nội vụ", "Văn phòng HĐND-UBND"]],
      ["2.1", []],
    ]);
    const hidden = await read(11);
    expect(hidden.fake.sheets.map((s) => s.visibility)).toEqual(["Visible", "Hidden", "VeryHidden"]);
    expect(hidden.analysis.sheets.map((s) => s.kind)).toEqual(["scoring", "units", "other"]);
    const generated = await read(13);
    expect(Object.keys(generated.snapshot.generated).sort()).toEqual(["CCHC_GEN_RANKING", "CCHC_GEN_SUMMARY"]);
  });

  it("the generated-sheets fixture, written by the package writer, passes the OOXML checker", async () => {
    await expectValidOoxmlBytes(await generatedWorkbook(), "da-tong-hop.xlsx", { base: await saveWorkbook(workbookOf([districtGrid(), communesGrid()])) });
  });
});

describe("without the shared merge rule the two readers disagree", () => {
  it("the Office read without merged areas loses the units of 1.2 and 1.3 (what issue 8 found)", async () => {
    const bytes = await saveWorkbook(mergedWorkbook());
    const fake = await fakeFromXlsx(bytes);
    const office = new OfficeWorkbook({ run: FakeExcel.runner(fake), store: memoryStore(), requirements: { isSetSupported: () => false } });
    const analysis = analyzeWorkbook(userGrids(await office.read()));
    const cli = (await openXlsx(bytes)).analysis;
    expect((analysis.sheets[0] as ScoringSheet).units).not.toEqual((cli.sheets[0] as ScoringSheet).units);
    // …and warns falsely that 1.2 and 1.3 lost points with no one responsible.
    const unblamed = (a: typeof analysis) => a.sheets[0].findings.filter((f) => f.rule === "lost-without-responsible").map((f) => f.cell);
    expect(unblamed(analysis)).toEqual(["G6", "G7", "G9"]);
    expect(unblamed(cli)).toEqual(["G9"]); // 2.1 really has no unit

    // Sanity: ExcelJS read the file back with the merges the fixture made.
    expect((await loadWorkbook(bytes)).getWorksheet("Gộp ô")!.model.merges).toHaveLength(7);
  });
});
