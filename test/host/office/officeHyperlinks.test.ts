// Issue 19 §3 in the add-in: the Office.js adapter reads the hyperlinks of each scoring sheet's
// evidence column (src/host/office/officeHyperlinks.ts) in one more sync, so the evidence check
// sees a criterion cited only by a link and warns of a malformed one, as `cchc check` does on the
// same workbook saved as .xlsx. The workbook is built once with ExcelJS and opened both ways.
import { promises as fs } from "fs";
import * as path from "path";
import { Workbook } from "exceljs";
import { analyzeWorkbook, toA1, type Grid, type ScoringSheet } from "../../../src/engine";
import type { CheckJson } from "../../../src/cli/checkJson";
import { MERGES_UNSUPPORTED, OfficeWorkbook, type ExcelRunner } from "../../../src/host/office/officeWorkbook";
import { LINKS_UNREADABLE, LINKS_UNSUPPORTED, evidenceCells, linkTarget } from "../../../src/host/office/officeHyperlinks";
import { memoryStore, SETTINGS_KEY } from "../../../src/host/office/officeSettings";
import { openXlsx } from "../../../src/host/file/xlsxAnalysis";
import { districtGrid } from "../../fixtures/seed";
import { addGridSheet, makeTempDir, removeDir } from "../../cli/helpers/xlsxFiles";
import { runCli } from "../../cli/helpers/runCli";
import { expectValidOoxmlBytes } from "../../support/ooxmlCheck";
import { fakeFromXlsx } from "../../support/fakeFromXlsx";
import * as FakeExcel from "../../support/fakeExcel.js";

const GOOD = "https://sonoivu.kontum.gov.vn/qd12.pdf";
const BAD = "htp//sonoivu";
const INSIDE = "#'Minh chứng'!B2";
const EVIDENCE_COL = 7;

/**
 * The seed sheet with an evidence column H: every criterion cites a decision by its text, except
 * four leaves: one cited by a link alone (its text blank: ExcelJS writes no link without text), one by "Xem tệp" linked to a file, one by a
 * malformed link, one by a place in the workbook.
 */
async function linkedWorkbook() {
  const grid = districtGrid();
  const header = grid.values.findIndex((r) => r[0] === "STT");
  grid.values.forEach((row, r) => {
    row[EVIDENCE_COL] = r === header ? "Tài liệu kiểm chứng" : r > header && typeof row[0] === "string" ? "Quyết định số 1/QĐ-UBND" : null;
  });
  const leafRows = grid.values.flatMap((row, r) => (r > header && typeof row[0] === "string" && /^\d+\.\d+\.\d+$/.test(row[0]) ? [r] : []));
  const [only, file, bad, inside] = leafRows;
  for (const r of [only, file, bad, inside]) grid.values[r][EVIDENCE_COL] = null;
  const wb = new Workbook();
  addGridSheet(wb, grid);
  wb.addWorksheet("Minh chứng").getCell("B2").value = "Danh mục tài liệu";
  const ws = wb.getWorksheet(grid.name)!;
  const cell = (r: number) => ws.getCell(r + 1, EVIDENCE_COL + 1);
  cell(only).value = { text: " ", hyperlink: GOOD };
  cell(file).value = { text: "Xem tệp", hyperlink: GOOD };
  cell(bad).value = { text: "Kế hoạch", hyperlink: BAD };
  cell(inside).value = { text: "Xem danh mục", hyperlink: INSIDE };
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const codeAt = (r: number) => String(grid.values[r][0]);
  return { bytes, grid, rows: { only, file, bad, inside }, codes: { only: codeAt(only), file: codeAt(file), bad: codeAt(bad), inside: codeAt(inside) } };
}

type Linked = Awaited<ReturnType<typeof linkedWorkbook>>;
let linked: Linked;
beforeAll(async () => {
  linked = await linkedWorkbook();
});

/** The adapter over a fake Excel opened from the workbook's bytes. */
async function office(options: { excelApi?: string; responseLimit?: number; readChunkCells?: number; run?: (fake: FakeExcel.Workbook) => ExcelRunner } = {}) {
  const fake = await fakeFromXlsx(linked.bytes);
  if (options.excelApi) fake.excelApi = options.excelApi;
  if (options.responseLimit) fake.responseLimit = options.responseLimit;
  const run = options.run ? options.run(fake) : (FakeExcel.runner(fake) as ExcelRunner);
  const host = new OfficeWorkbook({ run, store: memoryStore(), requirements: fake, readChunkCells: options.readChunkCells });
  return { fake, host };
}

const scoring = (grids: Grid[]) => analyzeWorkbook(grids).sheets[0] as ScoringSheet;
const evidenceOf = (sheet: ScoringSheet, code: string) => sheet.evidence?.find((e) => e.code === code);
const findingsAt = (sheet: ScoringSheet, rule: string) => sheet.findings.filter((f) => f.rule === rule).map((f) => f.cell);
const linksOf = (rows: Linked["rows"]) => ({
  [`${rows.only},${EVIDENCE_COL}`]: GOOD,
  [`${rows.file},${EVIDENCE_COL}`]: GOOD,
  [`${rows.bad},${EVIDENCE_COL}`]: BAD,
  [`${rows.inside},${EVIDENCE_COL}`]: INSIDE,
});

describe("read(): the evidence column's hyperlinks", () => {
  test("reach the grid in one more sync; a link alone is evidence, a malformed one is found at its cell", async () => {
    await expectValidOoxmlBytes(linked.bytes, "office-hyperlinks.xlsx");
    const { fake, host } = await office();
    const snapshot = await host.read();
    expect(fake.syncCount).toBe(3);
    expect(snapshot.notices).toBeUndefined();
    expect(snapshot.sheets[0].links).toEqual(linksOf(linked.rows));
    // Only the evidence column's data rows are asked for: the other sheet has no links read.
    expect(snapshot.sheets[1].links).toBeUndefined();
    const sheet = scoring(snapshot.sheets);
    const { codes, rows } = linked;
    expect(evidenceOf(sheet, codes.only)?.links).toEqual([GOOD]);
    expect(evidenceOf(sheet, codes.file)?.links).toEqual([GOOD]);
    expect(evidenceOf(sheet, codes.inside)?.links).toEqual([INSIDE]);
    expect(findingsAt(sheet, "missing-evidence")).toEqual([]);
    expect(findingsAt(sheet, "bad-evidence-link")).toEqual([toA1(rows.bad, EVIDENCE_COL)]);
  });

  test("the .xlsx reader and `cchc check --json` give the same links, evidence and findings", async () => {
    const { host } = await office();
    const pane = scoring((await host.read()).sheets);
    const cli = await openXlsx(linked.bytes);
    expect(cli.userSheets[0].links).toEqual(linksOf(linked.rows));
    const file = cli.analysis.sheets[0] as ScoringSheet;
    expect(pane.evidence).toEqual(file.evidence);
    expect(pane.findings).toEqual(file.findings);
    const dir = await makeTempDir("cchc-office-links-");
    try {
      const target = path.join(dir, "minh-chung.xlsx");
      await fs.writeFile(target, linked.bytes);
      const r = await runCli(["check", target, "--json"]);
      const json = (JSON.parse(r.stdout) as CheckJson).files[0].sheets[0] as unknown as { evidence: ScoringSheet["evidence"]; findings: Array<{ rule: string; cell: string }> };
      expect(json.evidence).toEqual(pane.evidence);
      expect(json.findings.filter((f) => f.rule.includes("evidence")).map((f) => [f.rule, f.cell])).toEqual([["bad-evidence-link", toA1(linked.rows.bad, EVIDENCE_COL)]]);
    } finally {
      await removeDir(dir);
    }
  });

  test("an Excel without ExcelApi 1.9: no links, a notice, the values as read otherwise", async () => {
    const full = await (await office()).host.read();
    const { fake, host } = await office({ excelApi: "1.8" });
    const snapshot = await host.read();
    expect(fake.syncCount).toBe(2);
    expect(snapshot.notices).toEqual([MERGES_UNSUPPORTED, LINKS_UNSUPPORTED]);
    expect(snapshot.sheets.map((g) => g.values)).toEqual(full.sheets.map((g) => g.values));
    expect(snapshot.sheets[0].links).toBeUndefined();
    // What the links change: without them the link alone is no evidence.
    const sheet = scoring(snapshot.sheets);
    expect(findingsAt(sheet, "missing-evidence")).toEqual([toA1(linked.rows.only, EVIDENCE_COL)]);
    expect(findingsAt(sheet, "bad-evidence-link")).toEqual([]);
  });

  test("a links request Excel refuses: the values are kept, without links, and the clerk is told", async () => {
    const full = await (await office()).host.read();
    // Excel fails the third sync (the links); the first two go through.
    const failing = (fake: FakeExcel.Workbook): ExcelRunner => {
      const run = FakeExcel.runner(fake) as ExcelRunner;
      return (batch) =>
        run((context) => {
          const sync = context.sync.bind(context);
          let count = 0;
          context.sync = (() => (++count === 3 ? Promise.reject(Object.assign(new Error("GeneralException"), { code: "GeneralException" })) : sync())) as typeof context.sync;
          return batch(context);
        });
    };
    const { host } = await office({ run: failing });
    const snapshot = await host.read();
    expect(snapshot.notices).toEqual([LINKS_UNREADABLE]);
    expect(snapshot.sheets.map((g) => g.values)).toEqual(full.sheets.map((g) => g.values));
    expect(snapshot.sheets[0].links).toBeUndefined();
  });

  test("the read split by rows (Excel refused one large response) reads the links too, in one sync", async () => {
    const whole = await (await office()).host.read();
    const { fake, host } = await office({ responseLimit: 6_000, readChunkCells: 200 });
    const split = await host.read();
    expect(fake.syncCount).toBeGreaterThan(4);
    expect(split.notices).toBeUndefined();
    expect(split.sheets).toEqual(whole.sheets);
    expect(split.sheets[0].links).toEqual(linksOf(linked.rows));
  });

  test("a sheet read through the clerk's column mapping has its evidence column's links read", async () => {
    // Headers the detection does not know; the mapping saved in Cài đặt names the columns.
    const values = [
      ["Mục", "Việc", "Khung", "Tự chấm", "Thẩm", "Hồ sơ"],
      ["1", "Lĩnh vực", 2, 2, 2, null],
      ["1.1", "Tiêu chí 1.1", 2, 2, 2, null],
    ];
    const fake = new FakeExcel.Workbook({ sheets: [{ name: "Đơn vị", values, hyperlinks: { F3: { address: BAD, textToDisplay: "" } } }] });
    const store = memoryStore();
    store.set(SETTINGS_KEY, { columnMaps: { "Đơn vị": { row: 0, columns: { code: 0, name: 1, max: 2, self: 3, appraised: 4, evidence: 5 } } } });
    const host = new OfficeWorkbook({ run: FakeExcel.runner(fake) as ExcelRunner, store, requirements: fake });
    const snapshot = await host.read();
    expect(snapshot.sheets[0].links).toEqual({ "2,5": BAD });
    const sheet = analyzeWorkbook(snapshot.sheets, host.loadSettings()).sheets[0] as ScoringSheet;
    expect(findingsAt(sheet, "bad-evidence-link")).toEqual(["F3"]);
  });
});

describe("officeHyperlinks.ts", () => {
  test("a link's target: the address, else the place in the workbook after '#'; empty parts are none", () => {
    expect(linkTarget({ address: GOOD, documentReference: "Sheet2!A1" })).toBe(GOOD);
    expect(linkTarget({ address: "", documentReference: "'Minh chứng'!B2" })).toBe(INSIDE);
    expect(linkTarget({ documentReference: "#Sheet2!A1" })).toBe("#Sheet2!A1");
    expect(linkTarget({ address: "", documentReference: "", textToDisplay: "Xem" })).toBeNull();
    expect(linkTarget(undefined)).toBeNull();
  });

  test("the evidence cells: the column's rows under the header; none for a sheet without the column or without rows", () => {
    const grid = districtGrid();
    expect(evidenceCells(grid, {})).toBeNull();
    const header = grid.values.findIndex((r) => r[0] === "STT");
    grid.values[header][EVIDENCE_COL] = "Tài liệu kiểm chứng";
    expect(evidenceCells(grid, {})).toEqual({ col: EVIDENCE_COL, first: header + 1, rows: grid.values.length - header - 1 });
    expect(evidenceCells({ name: "x", values: grid.values.slice(0, header + 1) }, {})).toBeNull();
    // A mapping saved for a units table is not a scoring sheet's.
    expect(evidenceCells(grid, { [grid.name]: { row: header, kind: "units", columns: { unit: 1, index: 2, evidence: 7 } } })).toBeNull();
  });
});

describe("the fake Excel's getCellProperties is as strict as Office.js", () => {
  const book = (excelApi = "1.13") =>
    new FakeExcel.Workbook({ sheets: [{ name: "Một", values: [["a", "b"]], hyperlinks: { B1: { address: GOOD, textToDisplay: "b" } } }], excelApi });

  test("the value only after the sync; only the properties asked; none for a cell without a hyperlink", async () => {
    const wb = book();
    const value = await FakeExcel.runner(wb)(async (context) => {
      const result = context.workbook.worksheets.getItem("Một").getRangeByIndexes(0, 0, 1, 2).getCellProperties({ hyperlink: true });
      expect(() => result.value).toThrow(/ValueNotLoaded/);
      await context.sync();
      return result.value;
    });
    expect(value).toEqual([[{}, { hyperlink: { address: GOOD, textToDisplay: "b" } }]]);
  });

  test.each([
    ["an option Office does not know", { hyperlinks: true }, /InvalidArgument/],
    ["an option that is not true or false", { hyperlink: "yes" }, /InvalidArgument/],
  ])("refuses %s", async (_what, options, error) => {
    const run = FakeExcel.runner(book());
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem("Một").getRange("A1:B1").getCellProperties(options as Excel.CellPropertiesLoadOptions);
        await context.sync();
      }),
    ).rejects.toThrow(error);
  });

  test("an Excel older than ExcelApi 1.9 refuses it; getRangeByIndexes refuses an empty range", async () => {
    await expect(
      FakeExcel.runner(book("1.8"))(async (context) => {
        context.workbook.worksheets.getItem("Một").getRange("A1:B1").getCellProperties({ hyperlink: true });
        await context.sync();
      }),
    ).rejects.toThrow(/ApiNotFound/);
    await expect(
      FakeExcel.runner(book())(async (context) => {
        context.workbook.worksheets.getItem("Một").getRangeByIndexes(0, 0, 0, 1).getCellProperties({ hyperlink: true });
        await context.sync();
      }),
    ).rejects.toThrow(/InvalidArgument/);
  });
});
