// The Office.js adapter (src/host/office/officeWorkbook.ts) against the fake Excel object model in
// test/support/fakeExcel.js: what it reads, what it writes, and how many round trips it takes.
import * as FakeExcel from "../../support/fakeExcel.js";
import { OfficeWorkbook, HIGHLIGHT_FILL } from "../../../src/host/office/officeWorkbook";
import { memoryStore, HIGHLIGHTS_KEY, SETTINGS_KEY } from "../../../src/host/office/officeSettings";
import { saveSettings } from "../../../src/taskpane/settingsController";
import { communesGrid, districtGrid } from "../../fixtures/seed";
import type { CellValue, Grid } from "../../../src/engine/core/types";
import { analyzeWorkbook, buildReportPlans, SUMMARY_SHEET_NAME, RANKING_SHEET_NAME, toA1, type SheetPlan } from "../../../src/engine";
import { runValidation } from "../../../src/taskpane/validateController";
import { applySubtotals, computeScores } from "../../../src/taskpane/computeController";
import { generateReport, generateWordDraft } from "../../../src/taskpane/reportController";
import { DRAFT_SHEET_NAME } from "../../../src/engine/reportDraft";
import { ChangedCellsError, UserError, errorSentence, TEXT, approximatedFillsSentence } from "../../../src/taskpane/messages";
import { MERGES_UNREADABLE, MERGES_UNSUPPORTED } from "../../../src/host/office/officeWorkbook";
import type { ScoringSheet } from "../../../src/engine/core/types";
import { fingerprintOfPlan, keptSheetMessage, type KeptSheet } from "../../../src/engine/plans/generatedFingerprint";
import { storedFingerprint } from "../../../src/host/generatedMarkers";
import { stripedPlan, unitsGrid } from "../../support/largePlans";

/** The fake workbook holding the grids (with merged areas, where given), and the adapter over it. */
function fakeBook(grids: Array<Grid & { merges?: string[] }>, extra: Partial<FakeExcel.FakeWorkbookInit> = {}) {
  const workbook = new FakeExcel.Workbook({
    sheets: grids.map((g) => ({ name: g.name, values: g.values, origin: g.origin, merges: g.merges })),
    ...extra,
  });
  const store = memoryStore();
  // The add-in asks Office.context.requirements; here the fake workbook's ExcelApi version answers.
  const host = new OfficeWorkbook({ run: FakeExcel.runner(workbook), store, requirements: workbook });
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

describe("read(): merged cells, as the command line reads them", () => {
  const HEADER = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Nguyên nhân", "Trách nhiệm thuộc về"];
  /** A merged title, an area name merged across B3:E3, a cause and a unit merged down F5:F6, G5:G6. */
  const merged = (): Grid & { merges: string[] } => ({
    name: "Huyện",
    values: [
      ["BẢNG ĐIỂM CHỈ SỐ CCHC", null, null, null, null, null, null],
      HEADER,
      ["I", "CÔNG TÁC CHỈ ĐẠO", null, null, null, null, null],
      ["1", "Lĩnh vực 1", 2, 2, 1, null, null],
      ["1.1", "Tiêu chí 1.1", 1, 1, 0.5, "Chưa hoàn thành đúng hạn", "Phòng Nội vụ"],
      ["1.2", "Tiêu chí 1.2", 1, 1, 0.5, null, null],
    ],
    merges: ["A1:G1", "B3:E3", "F5:F6", "G5:G6"],
  });
  const lostOf = (grids: Grid[]) =>
    (analyzeWorkbook(grids).sheets[0] as ScoringSheet).lost.map((l) => [l.code, l.cause, l.responsible.map((u) => u.unit)]);

  test("copies a text merged down one column into each row, in the same 2 syncs", async () => {
    const { workbook, host } = fakeBook([merged()]);
    const snapshot = await host.read();
    expect(workbook.syncCount).toBe(2);
    expect(snapshot.notices).toBeUndefined();
    expect(snapshot.sheets[0].values[5]).toEqual(["1.2", "Tiêu chí 1.2", 1, 1, 0.5, "Chưa hoàn thành đúng hạn", "Phòng Nội vụ"]);
    expect(lostOf(snapshot.sheets)).toEqual([
      ["1.1", "Chưa hoàn thành đúng hạn", ["Phòng Nội vụ"]],
      ["1.2", "Chưa hoàn thành đúng hạn", ["Phòng Nội vụ"]],
    ]);
  });

  test("also when the read is split because Excel refused one large response", async () => {
    const grid = merged();
    const workbook = new FakeExcel.Workbook({ sheets: [{ name: grid.name, values: grid.values, merges: grid.merges }], responseLimit: 600 });
    const host = new OfficeWorkbook({ run: FakeExcel.runner(workbook), store: memoryStore(), readChunkCells: 14, requirements: { isSetSupported: () => true } });
    const snapshot = await host.read();
    expect(workbook.syncCount).toBeGreaterThan(4);
    expect(lostOf(snapshot.sheets).map((l) => l[2])).toEqual([["Phòng Nội vụ"], ["Phòng Nội vụ"]]);
  });

  test("before ExcelApi 1.13: read without merges in 2 syncs, and the clerk is told why", async () => {
    const { workbook, host } = fakeBook([merged()], { excelApi: "1.12" });
    const snapshot = await host.read();
    expect(workbook.syncCount).toBe(2);
    expect(snapshot.notices).toEqual([MERGES_UNSUPPORTED]);
    expect(snapshot.sheets[0].values[5].slice(5)).toEqual([null, null]);
    // The fake is as strict as Office: asking an older Excel for merged areas fails.
    const strict = fakeBook([merged()], { excelApi: "1.12" });
    const forced = new OfficeWorkbook({ run: FakeExcel.runner(strict.workbook), store: memoryStore(), requirements: { isSetSupported: () => true } });
    expect((await forced.read()).notices).toEqual([MERGES_UNREADABLE]);
  });

  test("more than 512 merged areas in a sheet: Excel fails to list them, the read goes on without", async () => {
    const grid = merged();
    for (let r = 10; r < 10 + 520; r++) grid.merges.push(`B${r}:C${r}`);
    const { workbook, host } = fakeBook([grid]);
    const snapshot = await host.read();
    expect(snapshot.notices).toEqual([MERGES_UNREADABLE]);
    expect(snapshot.sheets[0].values[4][6]).toBe("Phòng Nội vụ");
    expect(workbook.syncCount).toBe(4);
  });

  test("an error of another cause is not hidden by the retry without merges", async () => {
    const { workbook, host } = fakeBook([merged()]);
    workbook.editMode = true;
    const err = await host.read().catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe("InvalidOperationInCellEditMode");
    expect(errorSentence(err)).toBe("Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.");
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
      expect(sheet.rowHeights).toEqual(plan.rowHeights);
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
      { name: "CCHC_GEN_SUMMARY_FP", formula: `="${fingerprintOfPlan(plans[0])}"` },
      { name: "CCHC_GEN_RANKING", formula: `='${RANKING_SHEET_NAME}'!$A$1` },
      { name: "CCHC_GEN_RANKING_FP", formula: `="${fingerprintOfPlan(plans[1])}"` },
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
    // A report reads the workbook before writing; the read names the sheets to check.
    await host.read();
    workbook.syncCount = 0;
    const second = await host.writeSheets(plansFor(grids.slice(0, 2)));
    expect(second).toEqual(first);
    expect(workbook.syncCount).toBe(2);
    expect(workbook.sheets).toHaveLength(count);
    expect(workbook.sheet(RANKING_SHEET_NAME)!.peek(0, 0)!.value).toBe("Bảng của tôi");
    const markers = workbook.names.filter((n) => !n.name.endsWith("_FP")).map((n) => n.formula);
    expect(markers.sort()).toEqual([`='${RANKING_SHEET_NAME} (2)'!$A$1`, `='${SUMMARY_SHEET_NAME}'!$A$1`].sort());
  });

  test("text that looks like a date or a formula stays text", async () => {
    const { workbook, host } = fakeBook([districtGrid()]);
    const plan: SheetPlan = {
      name: "Thử",
      marker: "CCHC_GEN_SUMMARY",
      cells: [{ row: 0, col: 0, value: "01/10" }, { row: 0, col: 1, value: "=HYPERLINK(\"x\")" }],
      columnWidths: [],
      rowHeights: {},
      merges: [],
      freeze: { rows: 0, cols: 0 },
      print: { paper: "A4", orientation: "portrait", fitToWidth: false },
    };
    await host.writeSheets([plan]);
    const cell = workbook.sheet("Thử")!.peek(0, 1)!;
    expect(cell.numberFormat).toBe("@");
    expect(cell.formula).toBeNull();
    expect(cell.value).toBe("=HYPERLINK(\"x\")");
    // The fake turns "01/10" into a date in a General cell, as Excel does (test/taskpane/fakeExcel.test.ts).
    expect(workbook.sheet("Thử")!.peek(0, 0)!.value).toBe("01/10");
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

describe("highlights: saved first, all of the fill, only cells still highlighted", () => {
  function book(fills: Record<string, string> = {}, extraSheets: string[] = []) {
    const wb = new FakeExcel.Workbook({ sheets: [{ name: "S", values: [["x"]], fills }, ...extraSheets.map((name) => ({ name, values: [["y"]] }))] });
    return wb;
  }

  test("the original fills are in the saved document settings before any cell is coloured", async () => {
    const wb = book({ B2: "#00B050" });
    const store = memoryStore();
    const seenAtSave: Array<{ saved: unknown; b2: unknown }> = [];
    const save = store.save;
    store.save = async () => {
      seenAtSave.push({ saved: store.get(HIGHLIGHTS_KEY), b2: JSON.parse(JSON.stringify(wb.sheet("S")!.peek(1, 1)!.fill)) });
      await save();
    };
    const host = new OfficeWorkbook({ run: FakeExcel.runner(wb), store });
    await host.highlight([{ sheet: "S", address: "B2" }]);
    expect(seenAtSave[0]).toEqual({
      saved: [{ sheet: "S", address: "B2", fill: { color: "#00B050", pattern: "Solid" } }],
      b2: { color: "#00B050", pattern: "Solid" },
    });
    expect(wb.sheet("S")!.peek(1, 1)!.fill!.color).toBe(HIGHLIGHT_FILL);
  });

  test("when saving fails nothing is coloured, the records stay as they were, and the clerk is told", async () => {
    const wb = book({ B2: "#00B050" });
    const store = memoryStore();
    const host = new OfficeWorkbook({ run: FakeExcel.runner(wb), store });
    await host.highlight([{ sheet: "S", address: "C3" }]);
    const before = JSON.parse(JSON.stringify(store.data));
    store.save = async () => {
      throw new Error("read-only");
    };
    const err = await host.highlight([{ sheet: "S", address: "B2" }, { sheet: "S", address: "C3" }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/^Không lưu được màu cũ.*chưa tô màu ô nào/);
    expect(wb.sheet("S")!.peek(1, 1)!.fill).toEqual({ color: "#00B050", pattern: "Solid" });
    expect(store.data).toEqual(before);
    expect(wb.ops.filter((o) => o.op === "fill" && o.address === "B2")).toEqual([]);
    // The check still lists its findings, with the sentence.
    const grid = districtGrid({ typedAreas: { "6": 10 } });
    const failing = fakeBook([grid]);
    failing.store.save = async () => {
      throw new Error("read-only");
    };
    const report = await runValidation(failing.host, { scope: "all", highlight: true });
    expect(report.errors).toBeGreaterThan(0);
    expect(report.highlightError).toMatch(/^Không lưu được màu cũ/);
    expect(report.highlighted).toBe(0);
    expect(failing.workbook.ops.filter((o) => o.op === "fill")).toEqual([]);
  });

  test("tint, pattern colour and pattern tint are remembered and put back", async () => {
    const wb = book();
    const original = { color: "#4472C4", pattern: "Gray25", tintAndShade: 0.4, patternColor: "#FF0000", patternTintAndShade: -0.25 };
    wb.sheet("S")!.cell(1, 1).fill = { ...original };
    wb.sheet("S")!.cell(2, 2).fill = { color: "#70AD47", pattern: "Solid", tintAndShade: 0.6 };
    const store = memoryStore();
    const host = new OfficeWorkbook({ run: FakeExcel.runner(wb), store });
    await host.highlight([{ sheet: "S", address: "B2" }, { sheet: "S", address: "C3" }]);
    expect(wb.sheet("S")!.peek(1, 1)!.fill).toEqual({ color: HIGHLIGHT_FILL, pattern: "Solid" });
    expect(wb.sheet("S")!.peek(2, 2)!.fill).toEqual({ color: HIGHLIGHT_FILL, pattern: "Solid" });
    expect(store.get(HIGHLIGHTS_KEY)).toEqual([
      { sheet: "S", address: "B2", fill: original },
      { sheet: "S", address: "C3", fill: { color: "#70AD47", pattern: "Solid", tintAndShade: 0.6 } },
    ]);
    expect(await host.clearHighlights()).toBe(2);
    expect(wb.sheet("S")!.peek(1, 1)!.fill).toEqual(original);
    expect(wb.sheet("S")!.peek(2, 2)!.fill).toEqual({ color: "#70AD47", pattern: "Solid", tintAndShade: 0.6 });
  });

  test("a cell the clerk refilled since keeps the clerk's fill, on clearing and on a new check", async () => {
    const wb = book({ B2: "#00B050" });
    const store = memoryStore();
    const host = new OfficeWorkbook({ run: FakeExcel.runner(wb), store });
    await host.highlight([{ sheet: "S", address: "B2" }, { sheet: "S", address: "C3" }, { sheet: "S", address: "D4" }]);
    // The clerk colours C3 blue and D4 orange by hand.
    wb.sheet("S")!.cell(2, 2).fill = { color: "#0070C0", pattern: "Solid" };
    wb.sheet("S")!.cell(3, 3).fill = { color: "#FFC000", pattern: "Solid" };
    // D4 is flagged again: its "before" is now the clerk's orange.
    await host.highlight([{ sheet: "S", address: "B2" }, { sheet: "S", address: "D4" }]);
    expect(wb.sheet("S")!.peek(2, 2)!.fill).toEqual({ color: "#0070C0", pattern: "Solid" });
    expect(store.get(HIGHLIGHTS_KEY)).toEqual([
      { sheet: "S", address: "B2", fill: { color: "#00B050", pattern: "Solid" } },
      { sheet: "S", address: "D4", fill: { color: "#FFC000", pattern: "Solid" } },
    ]);
    wb.sheet("S")!.cell(1, 1).fill = { color: "#7030A0", pattern: "Solid" };
    expect(await host.clearHighlights()).toBe(1);
    expect(wb.sheet("S")!.peek(1, 1)!.fill).toEqual({ color: "#7030A0", pattern: "Solid" });
    expect(wb.sheet("S")!.peek(3, 3)!.fill).toEqual({ color: "#FFC000", pattern: "Solid" });
    expect(store.get(HIGHLIGHTS_KEY)).toEqual([]);
  });

  test("highlights on a sheet not found (renamed) are kept and named, restored once it is back, forgotten when asked", async () => {
    const wb = book({}, ["T"]);
    const store = memoryStore();
    const host = new OfficeWorkbook({ run: FakeExcel.runner(wb), store });
    await host.highlight([{ sheet: "S", address: "B2" }, { sheet: "T", address: "A2" }]);
    wb.renameSheet(wb.sheet("T")!, "T mới");
    // A new check of S alone, then of everything: T's record is not dropped.
    await host.highlight([{ sheet: "S", address: "B2" }]);
    expect(host.highlightCount()).toBe(2);
    expect(await host.clearHighlights()).toBe(1);
    expect(wb.sheet("S")!.peek(1, 1)!.fill).toBeNull();
    expect(host.highlightCount()).toBe(1);
    expect(host.highlightedSheets()).toEqual(["T"]);
    wb.renameSheet(wb.sheet("T mới")!, "T");
    expect(await host.clearHighlights()).toBe(1);
    expect(wb.sheet("T")!.peek(1, 0)!.fill).toBeNull();
    expect(host.highlightCount()).toBe(0);
    // Forgetting: a deleted sheet's records go only when asked.
    await host.highlight([{ sheet: "T", address: "A3" }]);
    wb.deleteSheet(wb.sheet("T")!);
    await host.clearHighlights();
    expect(host.highlightedSheets()).toEqual(["T"]);
    await host.clearHighlights(true);
    expect(host.highlightCount()).toBe(0);
  });
});

describe("settings", () => {
  test("recalculate() asks Excel for a full recalculation in one sync; saveSettings hands the bands over first", async () => {
    const { workbook, store, host } = fakeBook([districtGrid()]);
    const order: string[] = [];
    const bands = [{ name: "A", min: 95 }, { name: "B", min: 0 }];
    const recalculate = host.recalculate.bind(host);
    host.recalculate = async () => {
      order.push("recalculate");
      await recalculate();
    };
    await saveSettings(host, { bands, official: "auto", columnMaps: {} }, () => order.push("applyBands"));
    expect(order).toEqual(["applyBands", "recalculate"]);
    expect(workbook.calculations).toEqual(["Full"]);
    expect(workbook.ops.filter((o) => o.op === "calculate")).toEqual([expect.objectContaining({ calculationType: "Full" })]);
    expect(workbook.syncCount).toBe(1);
    expect((store.get(SETTINGS_KEY) as { bands: unknown }).bands).toEqual(bands);
  });
});

describe("writeCells()", () => {
  test("splits a write only where it would pass the request limit", async () => {
    const cells = Array.from({ length: 3000 }, (_, i) => ({ sheet: "S", address: `A${i + 1}`, formula: `=SUM(B${i + 1}:Z${i + 1})` }));
    const refused = new FakeExcel.Workbook({ sheets: [{ name: "S", values: [["x"]] }], requestLimit: 400_000 });
    const noBudget = new OfficeWorkbook({ run: FakeExcel.runner(refused), store: memoryStore(), payloadLimit: 1e12 });
    await expect(noBudget.writeCells(cells)).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    const wb = new FakeExcel.Workbook({ sheets: [{ name: "S", values: [["x"]] }], requestLimit: 400_000 });
    const host = new OfficeWorkbook({ run: FakeExcel.runner(wb), store: memoryStore(), payloadLimit: 320_000 });
    await host.writeCells(cells);
    expect(wb.sheet("S")!.peek(2999, 0)!.formula).toBe("=SUM(B3000:Z3000)");
    expect(cells.every((c, i) => wb.sheet("S")!.peek(i, 0)!.formula === c.formula)).toBe(true);
    // ~1.6 MB in requests of at most 400 KB: 5 or 6 syncs, none refused.
    expect(wb.syncCount).toBeGreaterThanOrEqual(5);
    expect(wb.syncCount).toBeLessThanOrEqual(6);
    expect(Math.max(...wb.requestSizes)).toBeLessThanOrEqual(400_000);
    const small = new FakeExcel.Workbook({ sheets: [{ name: "S", values: [["x"]] }] });
    await new OfficeWorkbook({ run: FakeExcel.runner(small), store: memoryStore() }).writeCells(cells);
    expect(small.syncCount).toBe(1);
  });
});

describe("request sizes: Excel on the web's 5 MB limit", () => {
  const LIMIT = 5_000_000;

  test("the fake weighs a highlighted cell as the real office.js does (828 bytes to load, 902 to colour, 769 to clear)", async () => {
    const wb = new FakeExcel.Workbook({ sheets: [{ name: "Xếp loại xã", values: [["x"]] }], requestLimit: 1e12 });
    const host = new OfficeWorkbook({ run: FakeExcel.runner(wb), store: memoryStore(), payloadLimit: 1e12 });
    const cells = Array.from({ length: 1000 }, (_, i) => ({ sheet: "Xếp loại xã", address: `E${i + 1}` }));
    await host.highlight(cells);
    const [, load, write] = wb.requestSizes.splice(0);
    await host.clearHighlights();
    const [, , clear] = wb.requestSizes.splice(0);
    // Measured in test/browser/officePayload.test.ts; within 10%.
    expect(load / 1000).toBeGreaterThan(828 * 0.9);
    expect(load / 1000).toBeLessThan(828 * 1.1);
    expect(write / 1000).toBeGreaterThan(902 * 0.9);
    expect(write / 1000).toBeLessThan(902 * 1.1);
    expect(clear / 1000).toBeGreaterThan(769 * 0.9);
    expect(clear / 1000).toBeLessThan(769 * 1.1);
  });

  test("a ranking of 5,000 units is written in one sync, every cell as planned", async () => {
    const grid = unitsGrid(5000);
    const plans = buildReportPlans(analyzeWorkbook([grid]), { date: new Date(2024, 0, 15) });
    const { workbook, host } = fakeBook([grid]);
    const names = await host.writeSheets(plans);
    expect(names).toEqual([RANKING_SHEET_NAME]);
    expect(workbook.syncCount).toBe(2);
    expect(Math.max(...workbook.requestSizes)).toBeLessThan(LIMIT);
    const sheet = workbook.sheet(RANKING_SHEET_NAME)!;
    const wrong = plans[0].cells.filter((pc) => {
      const cell = sheet.peek(pc.row, pc.col);
      return pc.formula !== undefined ? cell?.formula !== pc.formula : pc.value !== "" && cell?.value !== pc.value;
    });
    expect(wrong).toEqual([]);
    expect(plans[0].cells.length).toBeGreaterThan(40_000);
  });

  test("a 5,000-row plan too large for one request is written in blocks of rows, each under the limit", async () => {
    const plan = stripedPlan(5000);
    const { workbook, host } = fakeBook([districtGrid()], { active: "Huyện Kon Rẫy" });
    const names = await host.writeSheets([plan]);
    expect(names).toEqual(["Sọc"]);
    expect(workbook.requestSizes.every((bytes) => bytes <= LIMIT)).toBe(true);
    // More than one block, yet not one sync per row or per style.
    expect(workbook.syncCount).toBeGreaterThan(3);
    expect(workbook.syncCount).toBeLessThan(20);
    const sheet = workbook.sheet("Sọc")!;
    const wrong = plan.cells.filter((pc) => {
      const cell = sheet.peek(pc.row, pc.col)!;
      return (
        (pc.formula ?? pc.value) !== (cell.formula ?? cell.value) ||
        cell.numberFormat !== (pc.format ?? (typeof pc.value === "string" ? "@" : "General")) ||
        (pc.style?.border === true && cell.borders.EdgeTop?.style !== "Continuous") ||
        (cell.fill?.color ?? null) !== (pc.style?.fill ?? null)
      );
    });
    expect(wrong).toEqual([]);
    // The sheet-wide set-up comes once, with the first block; merges and heights with their rows.
    expect(sheet.merges.sort()).toEqual([...plan.merges].sort());
    expect(sheet.rowHeights).toEqual(plan.rowHeights);
    expect(sheet.freeze).toEqual(plan.freeze);
    expect(workbook.ops.filter((o) => o.op === "columnWidth")).toHaveLength(8);
    // The marker, and the fingerprint of the whole plan (not of one block).
    expect(workbook.names).toEqual([
      { name: "CCHC_GEN_ANALYSIS", formula: "='Sọc'!$A$1" },
      { name: "CCHC_GEN_ANALYSIS_FP", formula: `="${fingerprintOfPlan(plan)}"` },
    ]);
    expect(workbook.active).toBe("Sọc");
    // Every sync that writes suspends calculation first.
    const writing = new Set(workbook.ops.filter((o) => o.op !== "suspendApiCalculationUntilNextSync").map((o) => o.sync));
    const suspended = new Set(workbook.ops.filter((o) => o.op === "suspendApiCalculationUntilNextSync").map((o) => o.sync));
    for (const sync of writing) expect(suspended.has(sync)).toBe(true);
  });

  test("10,000 highlighted cells: loads and fills split under the limit, every cell coloured and given back", async () => {
    const fills: Record<string, string> = {};
    for (let i = 0; i < 10_000; i += 10) fills[`E${i + 1}`] = "#FFFF00";
    const wb = new FakeExcel.Workbook({ sheets: [{ name: "Xếp loại xã", values: [["x"]], fills }] });
    const host = new OfficeWorkbook({ run: FakeExcel.runner(wb), store: memoryStore() });
    const cells = Array.from({ length: 10_000 }, (_, i) => ({ sheet: "Xếp loại xã", address: `E${i + 1}` }));
    expect(await host.highlight(cells)).toBe(10_000);
    const sheet = wb.sheet("Xếp loại xã")!;
    expect(cells.filter((_, i) => sheet.peek(i, 4)?.fill?.color !== HIGHLIGHT_FILL)).toEqual([]);
    // 1 sheet list + loads (~8.5 MB) + fills (~9.3 MB), in requests under 5 MB.
    expect(wb.syncCount).toBeGreaterThanOrEqual(5);
    expect(wb.syncCount).toBeLessThanOrEqual(7);
    expect(Math.max(...wb.requestSizes)).toBeLessThanOrEqual(LIMIT);
    wb.syncCount = 0;
    expect(await host.clearHighlights()).toBe(10_000);
    expect(cells.filter((_, i) => (sheet.peek(i, 4)?.fill?.color ?? null) !== (i % 10 === 0 ? "#FFFF00" : null))).toEqual([]);
    expect(wb.syncCount).toBeLessThanOrEqual(7);
    expect(Math.max(...wb.requestSizes)).toBeLessThanOrEqual(LIMIT);
    expect(host.highlightCount()).toBe(0);
  });
});

describe("gradient fills", () => {
  test("\"Xóa đánh dấu\" gives a gradient back as a solid fill of its colour, forgets it and names the cell", async () => {
    const wb = new FakeExcel.Workbook({ sheets: [{ name: "S", values: [["x"]], fills: { C3: "#00B050" } }] });
    wb.sheet("S")!.cell(1, 1).fill = { color: "#5B9BD5", pattern: "LinearGradient" };
    wb.sheet("S")!.cell(3, 3).fill = { color: "#ED7D31", pattern: "RectangularGradient", tintAndShade: 0.4 };
    const store = memoryStore();
    const host = new OfficeWorkbook({ run: FakeExcel.runner(wb), store });
    await host.highlight(["B2", "C3", "D4"].map((address) => ({ sheet: "S", address })));
    expect(store.get(HIGHLIGHTS_KEY)).toContainEqual({ sheet: "S", address: "B2", fill: { color: "#5B9BD5", pattern: "LinearGradient" } });
    expect(await host.clearHighlights()).toBe(3);
    const s = wb.sheet("S")!;
    expect(s.peek(1, 1)!.fill).toEqual({ color: "#5B9BD5", pattern: "Solid" });
    expect(s.peek(3, 3)!.fill).toEqual({ color: "#ED7D31", pattern: "Solid", tintAndShade: 0.4 });
    expect(s.peek(2, 2)!.fill).toEqual({ color: "#00B050", pattern: "Solid" });
    expect(store.get(HIGHLIGHTS_KEY)).toEqual([]);
    expect(host.approximatedFills()).toEqual([{ sheet: "S", address: "B2" }, { sheet: "S", address: "D4" }]);
    expect(approximatedFillsSentence(host.approximatedFills())).toBe(`${TEXT.approximatedFills} S!B2, S!D4.`);
    // A second click has nothing left to do and says nothing of gradients.
    expect(await host.clearHighlights()).toBe(0);
    expect(host.approximatedFills()).toEqual([]);
  });

  test("a check that no longer flags a gradient cell gives it back the same way", async () => {
    const wb = new FakeExcel.Workbook({ sheets: [{ name: "S", values: [["x"]] }] });
    wb.sheet("S")!.cell(1, 1).fill = { color: "#5B9BD5", pattern: "LinearGradient" };
    const host = new OfficeWorkbook({ run: FakeExcel.runner(wb), store: memoryStore() });
    await host.highlight([{ sheet: "S", address: "B2" }]);
    expect(await host.highlight([{ sheet: "S", address: "C3" }])).toBe(1);
    expect(wb.sheet("S")!.peek(1, 1)!.fill).toEqual({ color: "#5B9BD5", pattern: "Solid" });
    expect(host.approximatedFills()).toEqual([{ sheet: "S", address: "B2" }]);
  });

  test("the fake refuses a gradient pattern, as Excel does", async () => {
    const wb = new FakeExcel.Workbook({ sheets: [{ name: "S", values: [["x"]] }] });
    const run = FakeExcel.runner(wb);
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("B2").format.fill.pattern = "LinearGradient" as Excel.FillPattern;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("the sentence names at most 8 cells", () => {
    const cells = Array.from({ length: 12 }, (_, i) => ({ sheet: "Huyện", address: `B${i + 1}` }));
    expect(approximatedFillsSentence(cells)).toBe(`${TEXT.approximatedFills} ${cells.slice(0, 8).map((c) => `Huyện!${c.address}`).join(", ")}, … (12 ô).`);
  });
});

describe("writeCells() with expected values", () => {
  test("writes nothing and lists the cells when one changed since it was read; else writes in 2 syncs", async () => {
    const wb = new FakeExcel.Workbook({ sheets: [{ name: "S", values: [[null, 7, "  "], [1, 2, 3]] }] });
    const host = new OfficeWorkbook({ run: FakeExcel.runner(wb), store: memoryStore() });
    const cells = [
      { sheet: "S", address: "A1", formula: "=SUM(A2:C2)", expected: null },
      { sheet: "S", address: "B1", formula: "=SUM(B2)", expected: 7 },
      { sheet: "S", address: "C1", formula: "=SUM(C2)", expected: null },
    ];
    // The clerk types into the "empty" A1 after Tính điểm read it.
    wb.sheet("S")!.cell(0, 0).value = 5;
    const err = await host.writeCells(cells).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChangedCellsError);
    expect((err as ChangedCellsError).cells).toEqual([{ sheet: "S", address: "A1", expected: null, actual: 5 }]);
    expect((err as ChangedCellsError).message).toMatch(/1 ô đã thay đổi.*A1/);
    expect(wb.sheet("S")!.peek(0, 0)!.value).toBe(5);
    expect(wb.sheet("S")!.peek(0, 0)!.formula).toBeNull();
    expect(wb.sheet("S")!.peek(0, 1)!.formula).toBeNull();
    expect(wb.ops.filter((o) => o.op === "setFormulas")).toEqual([]);
    expect(wb.syncCount).toBe(1);
    // Put back as read: all three are written (blank text counts as empty), in 2 syncs.
    wb.sheet("S")!.cell(0, 0).value = null;
    wb.syncCount = 0;
    await host.writeCells(cells);
    expect(wb.sheet("S")!.peek(0, 0)!.formula).toBe("=SUM(A2:C2)");
    expect(wb.sheet("S")!.peek(0, 1)!.formula).toBe("=SUM(B2)");
    expect(wb.sheet("S")!.peek(0, 2)!.formula).toBe("=SUM(C2)");
    expect(wb.syncCount).toBe(2);
  });

  test("Tính điểm's offer is refused after the clerk typed into an empty sub-total cell", async () => {
    const grid = districtGrid({ blankParents: true });
    const { workbook, host } = fakeBook([grid]);
    const result = await computeScores(host);
    const target = result.offer.empty[0];
    workbook.sheet(grid.name)!.cell(target.row, target.col).value = 4.5;
    await expect(applySubtotals(host, result.offer, false)).rejects.toBeInstanceOf(ChangedCellsError);
    const cell = workbook.sheet(grid.name)!.peek(target.row, target.col)!;
    expect(cell.value).toBe(4.5);
    expect(cell.formula).toBeNull();
    for (const f of result.offer.empty) expect(workbook.sheet(grid.name)!.peek(f.row, f.col)?.formula ?? null).toBeNull();
    // Computed again, the cell is offered as a filled one (asked before overwriting).
    const again = await computeScores(host);
    expect(again.offer.empty.map((f) => f.address)).not.toContain(target.address);
    expect(again.offer.filled.find((f) => f.address === target.address)!.existing).toBe(4.5);
    expect(await applySubtotals(host, again.offer, false)).toBe(again.offer.empty.length);
    expect(workbook.sheet(grid.name)!.peek(target.row, target.col)!.value).toBe(4.5);
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
    const expected: Counts = { read: 2, "validate+highlight": 5, clear: 3, compute: 4, generate: 4 };
    // Including 100 units' "Phân tích tiêu chí": request sizes measured with office.js keep it in one write.
    for (const counts of Object.values(results)) expect(counts).toEqual(expected);
  });
});

describe("writeSheets(): a generated sheet is replaced only while it holds what was generated", () => {
  const date = new Date(2024, 0, 15);
  const grids = [districtGrid(), communesGrid()];
  const plans = buildReportPlans(analyzeWorkbook(grids), { date });

  async function firstRun() {
    const book = fakeBook(grids);
    await book.host.read();
    expect(await book.host.writeSheets(plans)).toEqual([SUMMARY_SHEET_NAME, RANKING_SHEET_NAME]);
    return book;
  }

  test("stores a fingerprint beside each marker, as a text constant the command line reads too", async () => {
    const { workbook } = await firstRun();
    const fp = workbook.names.find((n) => n.name === "CCHC_GEN_SUMMARY_FP")!;
    expect(fp.formula).toMatch(/^="v1:[0-9a-f]{16}"$/);
    expect(storedFingerprint(workbook.names, "CCHC_GEN_SUMMARY")).toBe(fingerprintOfPlan(plans[0]));
    // The same text as the package writer stores it: "v1:…" without "=".
    expect(storedFingerprint([{ name: "CCHC_GEN_SUMMARY_FP", formula: fp.formula.slice(1) }], "CCHC_GEN_SUMMARY")).toBe(fingerprintOfPlan(plans[0]));
  });

  test("an unchanged sheet, even renamed, is replaced in the same 2 syncs", async () => {
    const { workbook, host } = await firstRun();
    workbook.renameSheet(workbook.sheet(SUMMARY_SHEET_NAME)!, "TH 2023");
    await host.read();
    workbook.syncCount = 0;
    const kept: KeptSheet[] = [];
    expect(await host.writeSheets(plans, kept)).toEqual([SUMMARY_SHEET_NAME, RANKING_SHEET_NAME]);
    expect(workbook.syncCount).toBe(2);
    expect(kept).toEqual([]);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Huyện Kon Rẫy", "Xếp loại xã", SUMMARY_SHEET_NAME, RANKING_SHEET_NAME]);
    expect(workbook.names.filter((n) => n.name.startsWith("CCHC_GEN_SUMMARY"))).toHaveLength(2);
  });

  test("a sheet the clerk renamed and edited is kept, the new one gets a free name, and the clerk is told", async () => {
    const { workbook, host } = await firstRun();
    const summary = workbook.sheet(SUMMARY_SHEET_NAME)!;
    summary.cell(89, 0).value = "Ghi chú: đã gửi tỉnh ngày 20/1";
    workbook.renameSheet(summary, "Báo cáo gửi tỉnh");
    await host.read();
    workbook.syncCount = 0;
    const kept: KeptSheet[] = [];
    expect(await host.writeSheets(plans, kept)).toEqual([SUMMARY_SHEET_NAME, RANKING_SHEET_NAME]);
    expect(workbook.syncCount).toBe(2);
    expect(kept).toEqual([{ marker: "CCHC_GEN_SUMMARY", sheet: "Báo cáo gửi tỉnh", replacement: SUMMARY_SHEET_NAME, reason: "edited" }]);
    expect(workbook.sheet("Báo cáo gửi tỉnh")!.peek(89, 0)!.value).toBe("Ghi chú: đã gửi tỉnh ngày 20/1");
    expect(workbook.names.find((n) => n.name === "CCHC_GEN_SUMMARY")!.formula).toBe(`='${SUMMARY_SHEET_NAME}'!$A$1`);
    expect(keptSheetMessage(kept[0])).toContain('Giữ nguyên sheet "Báo cáo gửi tỉnh"');
  });

  test("a marker on the clerk's scoring sheet (no fingerprint) never deletes it", async () => {
    const { workbook, host } = fakeBook(grids, { names: [{ name: "CCHC_GEN_SUMMARY", formula: "='Huyện Kon Rẫy'!$A$1" }] });
    await host.read();
    const kept: KeptSheet[] = [];
    expect(await host.writeSheets(plans, kept)).toEqual([SUMMARY_SHEET_NAME, RANKING_SHEET_NAME]);
    expect(kept).toEqual([{ marker: "CCHC_GEN_SUMMARY", sheet: "Huyện Kon Rẫy", replacement: SUMMARY_SHEET_NAME, reason: "unproven" }]);
    expect(workbook.sheet("Huyện Kon Rẫy")!.peek(0, 0)!.value).toBe(districtGrid().values[0][0]);
  });

  test("Tạo báo cáo run again after the clerk edited the summary tells which sheet was kept", async () => {
    const { workbook, host } = fakeBook(grids);
    await generateReport(host, { date });
    workbook.sheet(SUMMARY_SHEET_NAME)!.cell(89, 0).value = "sửa tay";
    const again = await generateReport(host, { date });
    expect(again.kept).toEqual([{ marker: "CCHC_GEN_SUMMARY", sheet: SUMMARY_SHEET_NAME, replacement: `${SUMMARY_SHEET_NAME} (2)`, reason: "edited" }]);
    expect(again.written.map((w) => w.name)).toEqual([`${SUMMARY_SHEET_NAME} (2)`, RANKING_SHEET_NAME]);
  });

  test("the Word draft's sheet, edited by the clerk, is kept and the pane says so", async () => {
    const { workbook, host } = fakeBook(grids);
    await host.read();
    const first = await generateWordDraft(host);
    expect(first).toMatchObject({ kind: "sheet", written: DRAFT_SHEET_NAME, kept: [] });
    workbook.sheet(DRAFT_SHEET_NAME)!.cell(3, 0).value = "Đoạn cán bộ đã viết lại";
    const again = await generateWordDraft(host);
    expect(again).toMatchObject({ kind: "sheet", written: `${DRAFT_SHEET_NAME} (2)` });
    expect(again.kind === "sheet" && again.kept).toEqual([{ marker: "CCHC_GEN_DRAFT", sheet: DRAFT_SHEET_NAME, replacement: `${DRAFT_SHEET_NAME} (2)`, reason: "edited" }]);
    expect(workbook.sheet(DRAFT_SHEET_NAME)!.cell(3, 0).value).toBe("Đoạn cán bộ đã viết lại");
  });
});
