// The Office.js adapter (src/host/officeWorkbook.ts) against the fake Excel object model in
// test/support/fakeExcel.js: what it reads, what it writes, and how many round trips it takes.
import * as FakeExcel from "../support/fakeExcel.js";
import { OfficeWorkbook, HIGHLIGHT_FILL } from "../../src/host/officeWorkbook";
import { memoryStore, HIGHLIGHTS_KEY } from "../../src/host/officeSettings";
import { communesGrid, districtGrid } from "../fixtures/seed";
import type { CellValue, Grid } from "../../src/engine/types";
import { analyzeWorkbook, buildReportPlans, SUMMARY_SHEET_NAME, RANKING_SHEET_NAME, toA1, type SheetPlan } from "../../src/engine";
import { runValidation } from "../../src/taskpane/validateController";
import { applySubtotals, computeScores } from "../../src/taskpane/computeController";
import { generateReport } from "../../src/taskpane/reportController";

function fakeBook(grids: Grid[], extra: Partial<FakeExcel.FakeWorkbookInit> = {}) {
  const workbook = new FakeExcel.Workbook({ sheets: grids.map((g) => ({ name: g.name, values: g.values, origin: g.origin })), ...extra });
  const store = memoryStore();
  const host = new OfficeWorkbook({ run: FakeExcel.runner(workbook), store });
  return { workbook, store, host };
}

/** Values as Excel holds them: "" is an empty cell. */
function asExcel(values: CellValue[][]): CellValue[][] {
  return values.map((row) => row.map((v) => (v === "" ? null : v)));
}

function districts(n: number, opts: Parameters<typeof districtGrid>[0] = { typedAreas: { "6": 10 } }): Grid[] {
  return Array.from({ length: n }, (_, i) => districtGrid(opts, `Huyện ${i + 1}`));
}

describe("read()", () => {
  test("gives every sheet's values as the engine's grids, in tab order, in 2 syncs", async () => {
    const grids = [districtGrid(), communesGrid()];
    const { workbook, host } = fakeBook(grids, { active: "Xếp loại xã" });
    const snapshot = await host.read();
    expect(snapshot.sheets.map((g) => g.name)).toEqual(["Huyện Kon Rẫy", "Xếp loại xã"]);
    expect(snapshot.sheets[0].values).toEqual(asExcel(grids[0].values));
    expect(snapshot.sheets[1].values).toEqual(asExcel(grids[1].values));
    expect(snapshot.activeSheet).toBe("Xếp loại xã");
    expect(snapshot.generated).toEqual({});
    expect(workbook.syncCount).toBe(2);
  });

  test("a table that starts below and right of A1 is padded so rows and columns keep their sheet positions", async () => {
    const { host } = fakeBook([{ name: "Lệch", values: [["STT", "Nội dung"], [1, { error: "#N/A" }]], origin: { row: 4, col: 2 } }]);
    const grid = (await host.read()).sheets[0];
    expect(grid.origin).toEqual({ row: 0, col: 0 });
    expect(grid.values[4][2]).toBe("STT");
    expect(grid.values[5][3]).toEqual({ error: "#N/A" });
    expect(grid.values[0]).toEqual([null, null, null, null]);
  });

  test("recognises generated sheets by their workbook-level names, as the command line writes them", async () => {
    const { host } = fakeBook([districtGrid(), { name: SUMMARY_SHEET_NAME, values: [["cũ"]] }], {
      names: [
        { name: "CCHC_GEN_SUMMARY", formula: `='${SUMMARY_SHEET_NAME}'!$A$1` },
        { name: "CCHC_GEN_RANKING", formula: "=#REF!" },
      ],
    });
    expect((await host.read()).generated).toEqual({ CCHC_GEN_SUMMARY: SUMMARY_SHEET_NAME });
  });

  test("when Excel refuses one large response, the read is split and gives the same grids", async () => {
    const grids = districts(3);
    const whole = await fakeBook(grids).host.read();
    const workbook = new FakeExcel.Workbook({ sheets: grids.map((g) => ({ name: g.name, values: g.values })), responseLimit: 12_000 });
    const host = new OfficeWorkbook({ run: FakeExcel.runner(workbook), store: memoryStore(), readChunkCells: 200 });
    const split = await host.read();
    expect(split.sheets).toEqual(whole.sheets);
    expect(workbook.syncCount).toBeGreaterThan(2);
  });
});

describe("writeSheets()", () => {
  const date = new Date(2024, 0, 15);
  function plansFor(grids: Grid[]): SheetPlan[] {
    return buildReportPlans(analyzeWorkbook(grids), { date });
  }

  test("renders every plan cell, format, style, merge, width, frozen pane and the A4 page set-up, in 2 syncs", async () => {
    const grids = [districtGrid(), communesGrid()];
    const plans = plansFor(grids);
    const { workbook, host } = fakeBook(grids);
    const names = await host.writeSheets(plans);
    expect(names).toEqual([SUMMARY_SHEET_NAME, RANKING_SHEET_NAME]);
    expect(workbook.syncCount).toBe(2);
    // Calculation suspended in the writing sync.
    const suspend = workbook.ops.find((o) => o.op === "suspendApiCalculationUntilNextSync")!;
    expect(suspend.sync).toBe(2);
    plans.forEach((plan, i) => {
      const sheet = workbook.sheet(names[i])!;
      for (const pc of plan.cells) {
        const cell = sheet.peek(pc.row, pc.col)!;
        const where = `${plan.name}!${toA1(pc.row, pc.col)}`;
        if (pc.formula !== undefined) expect([where, cell.formula]).toEqual([where, pc.formula]);
        else if (pc.value !== undefined && pc.value !== null && pc.value !== "") expect([where, cell.value]).toEqual([where, pc.value]);
        if (pc.format) expect([where, cell.numberFormat]).toEqual([where, pc.format]);
        else if (pc.formula === undefined && typeof pc.value === "string") expect([where, cell.numberFormat]).toEqual([where, "@"]);
        if (pc.style?.bold) expect(cell.font.bold).toBe(true);
        if (pc.style?.fill) expect(cell.fill?.color).toBe(pc.style.fill.toUpperCase());
        if (pc.style?.border) expect(cell.borders.EdgeTop?.style).toBe("Continuous");
        if (pc.style?.wrap) expect(cell.align.wrap).toBe(true);
      }
      expect(sheet.merges).toEqual(plan.merges);
      const widths = plan.columnWidths.filter((w) => w > 0).length;
      expect(Object.keys(sheet.columnWidths)).toHaveLength(widths);
      if (plan.freeze.rows > 0) expect(sheet.freeze).toEqual(plan.freeze);
      expect(sheet.pageLayout.paperSize).toBe("A4");
      expect(sheet.pageLayout.orientation.toLowerCase()).toBe(plan.print.orientation);
      if (plan.print.fitToWidth) expect(sheet.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      if (plan.print.repeatRows) {
        expect(sheet.pageLayout.printTitleRows).toBe(`$${plan.print.repeatRows.first + 1}:$${plan.print.repeatRows.last + 1}`);
      }
    });
    expect(workbook.names).toEqual([
      { name: "CCHC_GEN_SUMMARY", formula: `='${SUMMARY_SHEET_NAME}'!$A$1` },
      { name: "CCHC_GEN_RANKING", formula: `='${RANKING_SHEET_NAME}'!$A$1` },
    ]);
    // The sub-total formulas the fake can evaluate agree with the engine's cached results.
    const summary = workbook.sheet(SUMMARY_SHEET_NAME)!;
    // (Only SUMs over constants: the fake does not compute ROUND or IF.)
    const overConstants = (formula: string) => {
      const m = /^=SUM\((\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)\)$/.exec(formula);
      if (!m) return false;
      const box = FakeExcel.parseAddress(m[1]);
      return !plans[0].cells.some((c) => c.formula !== undefined && c.row >= box.r1 && c.row <= box.r2 && c.col >= box.c1 && c.col <= box.c2);
    };
    const sums = plans[0].cells.filter((c) => c.formula !== undefined && overConstants(c.formula) && typeof c.result === "number");
    expect(sums.length).toBeGreaterThan(0);
    for (const c of sums) expect([c.formula, summary.shown(c.row, c.col).value]).toEqual([c.formula, expect.closeTo(c.result as number, 9)]);
  });

  test("a rerun replaces only its own sheets; a user's sheet of the same name is never touched", async () => {
    const grids = [districtGrid(), communesGrid(), { name: RANKING_SHEET_NAME, values: [["Bảng của tôi"]] }];
    const { workbook, host } = fakeBook(grids);
    const first = await host.writeSheets(plansFor(grids.slice(0, 2)));
    expect(first).toEqual([SUMMARY_SHEET_NAME, `${RANKING_SHEET_NAME} (2)`]);
    const count = workbook.sheets.length;
    workbook.syncCount = 0;
    const second = await host.writeSheets(plansFor(grids.slice(0, 2)));
    expect(second).toEqual(first);
    expect(workbook.syncCount).toBe(2);
    expect(workbook.sheets).toHaveLength(count);
    expect(workbook.sheet(RANKING_SHEET_NAME)!.peek(0, 0)!.value).toBe("Bảng của tôi");
    expect(workbook.names.map((n) => n.formula).sort()).toEqual([`='${RANKING_SHEET_NAME} (2)'!$A$1`, `='${SUMMARY_SHEET_NAME}'!$A$1`].sort());
  });

  test("text that looks like a date or a formula stays text", async () => {
    const { workbook, host } = fakeBook([districtGrid()]);
    const plan: SheetPlan = {
      name: "Thử",
      marker: "CCHC_GEN_SUMMARY",
      cells: [{ row: 0, col: 0, value: "01/10" }, { row: 0, col: 1, value: "=HYPERLINK(\"x\")" }],
      columnWidths: [],
      merges: [],
      freeze: { rows: 0, cols: 0 },
      print: { paper: "A4", orientation: "portrait", fitToWidth: false },
    };
    await host.writeSheets([plan]);
    const cell = workbook.sheet("Thử")!.peek(0, 1)!;
    expect(cell.numberFormat).toBe("@");
    expect(cell.formula).toBeNull();
    expect(cell.value).toBe("=HYPERLINK(\"x\")");
  });
});

describe("highlights", () => {
  test("remember the fills cells had, also across closing and reopening, and put them back", async () => {
    const grid = districtGrid({ typedAreas: { "6": 10 } });
    const area6 = grid.values.findIndex((r) => r[0] === "6");
    const address = `E${area6 + 1}`;
    const { workbook, store, host } = fakeBook([grid]);
    workbook.sheet(grid.name)!.cell(area6, 4).fill = { color: "#FFFF00", pattern: "Solid" };
    const report = await runValidation(host, { scope: "all", highlight: true });
    const flagged = report.groups[0].findings.map((f) => f.cell);
    expect(flagged).toContain(address);
    const sheet = workbook.sheet(grid.name)!;
    for (const cell of flagged) {
      const { r1, c1 } = FakeExcel.parseAddress(cell);
      expect(sheet.peek(r1, c1)!.fill!.color).toBe(HIGHLIGHT_FILL);
    }
    // "Reopen": a new adapter over the same document settings.
    const reopened = new OfficeWorkbook({ run: FakeExcel.runner(workbook), store: memoryStore(store.data) });
    expect(reopened.highlightCount()).toBe(new Set(flagged).size);
    const restored = await reopened.clearHighlights();
    expect(restored).toBe(new Set(flagged).size);
    expect(sheet.peek(area6, 4)!.fill).toEqual({ color: "#FFFF00", pattern: "Solid" });
    for (const cell of flagged.filter((c) => c !== address)) {
      const { r1, c1 } = FakeExcel.parseAddress(cell);
      expect(sheet.peek(r1, c1)!.fill).toBeNull();
    }
  });

  test("a second check keeps the original fill and restores cells that are no longer flagged", async () => {
    const store = memoryStore();
    const wb2 = new FakeExcel.Workbook({ sheets: [{ name: "S", values: [["x"]], fills: { B2: "#00B050" } }] });
    const h2 = new OfficeWorkbook({ run: FakeExcel.runner(wb2), store });
    await h2.highlight([{ sheet: "S", address: "B2" }, { sheet: "S", address: "C3" }]);
    await h2.highlight([{ sheet: "S", address: "B2" }]);
    const s = wb2.sheet("S")!;
    expect(s.peek(1, 1)!.fill!.color).toBe(HIGHLIGHT_FILL);
    expect(s.peek(2, 2)!.fill).toBeNull();
    expect(store.get(HIGHLIGHTS_KEY)).toEqual([{ sheet: "S", address: "B2", fill: { color: "#00B050", pattern: "Solid" } }]);
    await h2.clearHighlights();
    expect(s.peek(1, 1)!.fill).toEqual({ color: "#00B050", pattern: "Solid" });
    expect(store.get(HIGHLIGHTS_KEY)).toEqual([]);
  });

  test("a check limited to one sheet leaves the other sheets' highlights alone", async () => {
    const wb = new FakeExcel.Workbook({ sheets: [{ name: "A", values: [["x"]] }, { name: "B", values: [["y"]] }] });
    const host = new OfficeWorkbook({ run: FakeExcel.runner(wb), store: memoryStore() });
    await host.highlight([{ sheet: "A", address: "A2" }, { sheet: "B", address: "B2" }]);
    expect(await host.highlight([], ["A"])).toBe(1);
    expect(wb.sheet("A")!.peek(1, 0)!.fill).toBeNull();
    expect(wb.sheet("B")!.peek(1, 1)!.fill!.color).toBe(HIGHLIGHT_FILL);
  });
});

describe("writeCells()", () => {
  test("splits a write only where it would pass the request limit", async () => {
    const cells = Array.from({ length: 3000 }, (_, i) => ({ sheet: "S", address: `A${i + 1}`, formula: `=SUM(B${i + 1}:Z${i + 1})` }));
    const refused = new FakeExcel.Workbook({ sheets: [{ name: "S", values: [["x"]] }], requestLimit: 100_000 });
    const noBudget = new OfficeWorkbook({ run: FakeExcel.runner(refused), store: memoryStore(), payloadLimit: 1e12 });
    await expect(noBudget.writeCells(cells)).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    const wb = new FakeExcel.Workbook({ sheets: [{ name: "S", values: [["x"]] }], requestLimit: 100_000 });
    const host = new OfficeWorkbook({ run: FakeExcel.runner(wb), store: memoryStore(), payloadLimit: 80_000 });
    await host.writeCells(cells);
    expect(wb.sheet("S")!.peek(2999, 0)!.formula).toBe("=SUM(B3000:Z3000)");
    expect(wb.syncCount).toBeGreaterThan(1);
    expect(wb.syncCount).toBeLessThan(10);
    const small = new FakeExcel.Workbook({ sheets: [{ name: "S", values: [["x"]] }] });
    await new OfficeWorkbook({ run: FakeExcel.runner(small), store: memoryStore() }).writeCells(cells);
    expect(small.syncCount).toBe(1);
  });
});

describe("round trips do not grow with sheets or rows", () => {
  type Counts = Record<"read" | "validate+highlight" | "clear" | "compute" | "generate", number>;

  async function countsFor(grids: Grid[]): Promise<Counts> {
    const { workbook, host } = fakeBook(grids);
    const counts = {} as Counts;
    const measure = async (name: keyof Counts, work: () => Promise<unknown>) => {
      const before = workbook.syncCount;
      await work();
      counts[name] = workbook.syncCount - before;
    };
    await measure("read", () => host.read());
    await measure("validate+highlight", () => runValidation(host, { scope: "all", highlight: true }));
    expect(host.highlightCount()).toBeGreaterThan(0);
    await measure("clear", () => host.clearHighlights());
    await measure("compute", async () => {
      const result = await computeScores(host);
      const written = await applySubtotals(host, result.offer, false);
      expect(written).toBeGreaterThan(0);
    });
    await measure("generate", () => generateReport(host, { date: new Date(2024, 0, 15) }));
    return counts;
  }

  /** The first sheet has empty parent cells (for the SUM offer) and 1.6.1 scored over its maximum. */
  const withBlankParents = (n: number) =>
    districts(n).map((g, i) => {
      if (i > 0) return g;
      const blank = districtGrid({ blankParents: true }, g.name);
      blank.values.find((r) => r[0] === "1.6.1")![4] = 5;
      return blank;
    });

  test("1, 10 and 100 scoring sheets; and one sheet with 5,000 more rows", async () => {
    const results: Record<string, Counts> = {};
    for (const n of [1, 10, 100]) results[`${n} sheet(s)`] = await countsFor(withBlankParents(n));
    const long = withBlankParents(1)[0];
    for (let i = 0; i < 5000; i++) long.values.push([null, `Ghi chú ${i + 1}`, null, null, null, null, null]);
    results["1 sheet + 5000 rows"] = await countsFor([long]);
    console.log("context.sync() per command:\n" + Object.entries(results).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`).join("\n"));
    const expected: Counts = { read: 2, "validate+highlight": 4, clear: 2, compute: 3, generate: 4 };
    for (const counts of Object.values(results)) expect(counts).toEqual(expected);
  });
});
