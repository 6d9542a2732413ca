// Charts derived from the generated sheets' plans: one chart of the index by unit per block of
// "Xếp hạng", one of the points lost by area on "Tổng hợp trách nhiệm"; their ranges point at the
// plan's own cells, their caches hold those cells' values, and they sit below the tables.
import { parseA1 } from "../../../src/engine/core/address";
import { analyzeWorkbook, buildReportPlans, type PlanCell, type ScoringSheet, type SheetPlan, type UnitsSheet } from "../../../src/engine";
import { chartsOfPlan, localRange, onSheet } from "../../../src/engine/plans/chartPlans";
import { draftCharts } from "../../../src/engine/plans/draftCharts";
import { communesGrid, districtGrid } from "../../fixtures/seed";
import { BLOCKS, BLOCK_UNITS, blockHeadingGrid } from "../../fixtures/units";

const DATE = new Date(2023, 11, 15);

/** The cells a column range "'Sheet'!$B$5:$B$12" covers, top to bottom. */
function cellsOf(plan: SheetPlan, reference: string): PlanCell[] {
  expect(reference.startsWith(`'${plan.name}'!`)).toBe(true);
  const [from, to] = localRange(reference).replace(/\$/g, "").split(":").map((a) => parseA1(a)!);
  expect(from.col).toBe(to.col);
  const cells: PlanCell[] = [];
  for (let row = from.row; row <= to.row; row++) cells.push(plan.cells.find((c) => c.row === row && c.col === from.col)!);
  return cells;
}
const shown = (c: PlanCell) => (c.formula !== undefined ? c.result : c.value);

const planNamed = (plans: SheetPlan[], name: string) => plans.find((p) => p.name === name)!;

describe("Xếp hạng with blocks and the two-part index", () => {
  const ranking = planNamed(buildReportPlans(analyzeWorkbook([blockHeadingGrid()]), { date: DATE }), "Xếp hạng");
  const charts = ranking.charts ?? [];

  test("one bar chart per block, titled by the block, of the units' names and indices in rank order", () => {
    expect(charts.map((c) => c.title)).toEqual(BLOCKS.map((b) => expect.stringContaining(b)));
    charts.forEach((chart, i) => {
      const units = BLOCK_UNITS.filter((u) => u.block === BLOCKS[i]).sort((a, b) => a.rankInBlock - b.rankInBlock);
      expect(chart).toMatchObject({ kind: "unitIndex", type: "bar", categories: units.map((u) => u.unit) });
      expect(chart.values.map((v) => Math.round(v * 100) / 100)).toEqual(units.map((u) => u.index));
    });
  });

  test("the ranges are the plan's unit-name and index cells of the block, and the caches their values", () => {
    const header = ranking.cells.find((c) => c.value === "Đơn vị")!;
    const indexCol = ranking.cells.find((c) => c.row === header.row && c.value === "Chỉ số (hai phần)")!.col;
    for (const chart of charts) {
      const names = cellsOf(ranking, chart.categoryRange);
      const indices = cellsOf(ranking, chart.valueRange);
      expect(names.every((c) => c.col === header.col && c.row > header.row)).toBe(true);
      expect(indices.every((c) => c.col === indexCol && c.formula !== undefined)).toBe(true);
      expect(names.map(shown)).toEqual(chart.categories);
      expect(indices.map(shown)).toEqual(chart.values);
    }
  });

  test("the charts sit below every cell of the sheet, one under the other", () => {
    const lastRow = Math.max(...ranking.cells.map((c) => c.row));
    let top = lastRow + 1;
    for (const chart of charts) {
      expect(chart.anchor.row).toBeGreaterThan(top - 1);
      expect(chart.anchor.rows).toBeGreaterThanOrEqual(chart.values.length);
      top = chart.anchor.row + chart.anchor.rows;
    }
  });
});

describe("Tổng hợp trách nhiệm of the seed", () => {
  const analysis = analyzeWorkbook([districtGrid(), communesGrid()]);
  const plans = buildReportPlans(analysis, { date: DATE });
  const summary = planNamed(plans, "Tổng hợp trách nhiệm");
  const sheet = analysis.sheets.find((s): s is ScoringSheet => s.kind === "scoring")!;

  test("one chart of the points lost by each area, read from the area table's cells", () => {
    expect(summary.charts).toHaveLength(1);
    const chart = summary.charts![0];
    expect(chart).toMatchObject({ kind: "areaLoss", title: "Điểm bị mất theo lĩnh vực", categories: sheet.areas.map((a) => a.name) });
    const official = sheet.official;
    expect(chart.values).toEqual(sheet.areas.map((a) => expect.closeTo(a.max - (a[official] ?? 0), 2)));
    const lost = cellsOf(summary, chart.valueRange);
    expect(lost.every((c) => c.formula?.startsWith("=ROUND("))).toBe(true);
    expect(cellsOf(summary, chart.categoryRange).map(shown)).toEqual(chart.categories);
    expect(chart.anchor.row).toBeGreaterThan(Math.max(...summary.cells.map((c) => c.row)));
  });

  test("no area chart when no area lost a point", () => {
    const plan = { ...summary, cells: summary.cells.map((c) => (c.formula?.startsWith("=ROUND(") ? { ...c, result: 0 } : c)) };
    expect(chartsOfPlan(plan)).toEqual([]);
  });

  test("the seed's communes table gives the ranking chart; the draft takes the same charts", () => {
    const ranking = planNamed(plans, "Xếp hạng");
    const table = analysis.sheets.find((s): s is UnitsSheet => s.kind === "units")!;
    const byRank = [...table.ranking].sort((a, b) => a.rank! - b.rank!);
    expect(ranking.charts).toHaveLength(1);
    expect(ranking.charts![0].categories).toEqual(byRank.map((e) => e.unit));
    expect(ranking.charts![0].values).toEqual(byRank.map((e) => e.index));
    expect(draftCharts(analysis).map((c) => c.kind)).toEqual(["areaLoss", "unitIndex"]);
  });

  test("a renamed sheet keeps the cells of a reference", () => {
    expect(onSheet("'Xếp hạng'!$B$5:$B$9", "Xếp hạng (2)")).toBe("'Xếp hạng (2)'!$B$5:$B$9");
    expect(onSheet("'A'!$H$1:$H$2", "O'Neil")).toBe("'O''Neil'!$H$1:$H$2");
  });
});
