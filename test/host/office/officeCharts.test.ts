// The add-in's charts through Office.js, against the fake object model (test/support/fakeExcel.js),
// which refuses what Office refuses: each chart of a plan added over its value range, titled,
// placed over its anchor's cells, its bars named by the category range where ExcelApi 1.7 is
// there; with ExcelApi 1.1 to 1.6 only what those sets have is called.
import * as FakeExcel from "../../support/fakeExcel.js";
import { OfficeWorkbook } from "../../../src/host/office/officeWorkbook";
import { memoryStore } from "../../../src/host/office/officeSettings";
import { queueCharts } from "../../../src/host/office/officeRender";
import { analyzeWorkbook, buildReportPlans, toA1, type Grid, type SheetPlan } from "../../../src/engine";
import { localRange } from "../../../src/engine/plans/chartPlans";
import { communesGrid, districtGrid } from "../../fixtures/seed";
import { BLOCKS, blockHeadingGrid } from "../../fixtures/units";

const DATE = new Date(2023, 11, 15);

function fakeBook(grids: Grid[], excelApi = "1.13") {
  const workbook = new FakeExcel.Workbook({ sheets: grids.map((g) => ({ name: g.name, values: g.values })), excelApi });
  const host = new OfficeWorkbook({ run: FakeExcel.runner(workbook), store: memoryStore(), requirements: workbook });
  return { workbook, host };
}

const plain = (reference: string) => localRange(reference).replace(/\$/g, "");

describe("charts written by the add-in", () => {
  const grids = [blockHeadingGrid()];
  const plans = buildReportPlans(analyzeWorkbook(grids), { date: DATE });
  const ranking = plans.find((p) => p.name === "Xếp hạng")!;

  test("one bar chart per block over the plan's index cells, named by its unit cells, where the plan places it", async () => {
    const { workbook, host } = fakeBook(grids);
    const syncsBefore = workbook.syncCount;
    await host.writeSheets(plans);
    const sheet = workbook.sheet("Xếp hạng")!;
    expect(sheet.charts).toHaveLength(BLOCKS.length);
    sheet.charts.forEach((chart, i) => {
      const spec = ranking.charts![i];
      expect(chart).toMatchObject({
        type: "BarClustered",
        seriesBy: "Columns",
        source: `'Xếp hạng'!${plain(spec.valueRange)}`,
        title: spec.title,
        legendVisible: false,
        showValue: true,
        valueAxisMinimum: 0,
        reversePlotOrder: true,
        position: { start: toA1(spec.anchor.row, spec.anchor.col), end: toA1(spec.anchor.row + spec.anchor.rows - 1, spec.anchor.col + spec.anchor.cols - 1) },
        series: [{ name: "Chỉ số CCHC", values: `'Xếp hạng'!${plain(spec.valueRange)}`, xValues: `'Xếp hạng'!${plain(spec.categoryRange)}` }],
      });
      expect(chart.title).toContain(BLOCKS[i]);
    });
    // The cells the chart reads hold the units and their indices.
    const spec = ranking.charts![0];
    const first = FakeExcel.parseAddress(plain(spec.categoryRange));
    const names = Array.from({ length: first.r2 - first.r1 + 1 }, (_, i) => sheet.shown(first.r1 + i, first.c1).value);
    expect(names).toEqual(spec.categories);
    // Charts travel with the sheet's last block: no sync of their own.
    const { workbook: without, host: hostWithout } = fakeBook(grids);
    await hostWithout.writeSheets(plans.map((p) => ({ ...p, charts: undefined })));
    expect(workbook.syncCount - syncsBefore).toBe(without.syncCount);
  });

  test("the summary's chart of the points lost by area; a sheet written under another name charts its own cells", async () => {
    const seed = [districtGrid(), communesGrid()];
    const seedPlans = buildReportPlans(analyzeWorkbook(seed), { date: DATE });
    const { workbook, host } = fakeBook(seed);
    await host.writeSheets(seedPlans);
    await host.writeSheets(seedPlans);
    const summary = workbook.sheet("Tổng hợp trách nhiệm")!;
    expect(summary.charts.map((c) => c.title)).toEqual(["Điểm bị mất theo lĩnh vực"]);
    // The fake computes no IF or RANK, so the first sheets read as edited and are kept: the new ones take "(2)".
    const again = workbook.sheet("Xếp hạng (2)")!;
    expect(again.charts).toHaveLength(1);
    expect(again.charts[0].source.startsWith("'Xếp hạng (2)'!")).toBe(true);
    expect(again.charts[0].series[0].xValues!.startsWith("'Xếp hạng (2)'!")).toBe(true);
    expect(workbook.sheet("Tổng hợp trách nhiệm (2)")!.charts).toHaveLength(1);
  });

  test("with ExcelApi 1.1 to 1.6 the charts are added without the 1.7 calls", async () => {
    const { workbook, host } = fakeBook(grids, "1.6");
    await host.writeSheets(plans);
    const charts = workbook.sheet("Xếp hạng")!.charts;
    expect(charts).toHaveLength(BLOCKS.length);
    expect(charts.every((c) => c.series[0].xValues === null && !c.reversePlotOrder && c.title !== null)).toBe(true);
  });
});

describe("the fake refuses what Office refuses", () => {
  const run = async (excelApi: string, queue: (ws: Excel.Worksheet) => void) => {
    const workbook = new FakeExcel.Workbook({ sheets: [{ name: "A", values: [["x", 1], ["y", 2]] }], excelApi });
    await FakeExcel.runner(workbook)(async (context) => {
      queue(context.workbook.worksheets.getItem("A"));
      await context.sync();
    });
    return workbook.sheet("A")!;
  };
  const plan = (over: Partial<SheetPlan> = {}): SheetPlan => ({
    name: "A",
    marker: "CCHC_GEN_RANKING",
    cells: [],
    columnWidths: [],
    rowHeights: {},
    merges: [],
    freeze: { rows: 0, cols: 0 },
    print: { paper: "A4", orientation: "portrait", fitToWidth: true },
    charts: [
      { kind: "unitIndex", title: "T", type: "bar", seriesName: "S", categoryRange: "'A'!$A$1:$A$2", valueRange: "'A'!$B$1:$B$2", categories: ["x", "y"], values: [1, 2], format: "0.00", anchor: { row: 3, col: 0, rows: 5, cols: 4 } },
    ],
    ...over,
  });

  test("an unknown chart type, a source that is not a range, a series out of range", async () => {
    await expect(run("1.13", (ws) => ws.charts.add("Bars" as Excel.ChartType, ws.getRange("B1:B2")))).rejects.toThrow(/InvalidArgument/);
    await expect(run("1.13", (ws) => ws.charts.add("BarClustered" as Excel.ChartType, "B1:B2" as unknown as Excel.Range))).rejects.toThrow(/InvalidArgument/);
    await expect(run("1.13", (ws) => void (ws.charts.add("BarClustered" as Excel.ChartType, ws.getRange("B1:B2"), "Columns" as Excel.ChartSeriesBy).series.getItemAt(1).name = "S"))).rejects.toThrow(/InvalidArgument/);
  });

  test("setXAxisValues and reversePlotOrder before ExcelApi 1.7", async () => {
    await expect(run("1.6", (ws) => ws.charts.add("BarClustered" as Excel.ChartType, ws.getRange("B1:B2")).series.getItemAt(0).setXAxisValues(ws.getRange("A1:A2")))).rejects.toThrow(/ApiNotFound/);
    const sheet = await run("1.6", (ws) => queueCharts(ws, plan(), () => false));
    expect(sheet.charts[0]).toMatchObject({ title: "T", series: [{ name: "S", xValues: null }], position: { start: "A4", end: "D8" } });
  });
});
