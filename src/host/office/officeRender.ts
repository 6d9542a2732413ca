// Queues (never syncs) the Office.js operations that render a SheetPlan into a new worksheet:
// values and native formulas, number formats, styles, merges, column widths, frozen panes and
// the page layout, whole or one block of rows at a time (src/host/office/officePayload.ts says where
// a plan is cut so no request passes Excel on the web's limit). The caller
// (src/host/office/officeWorkbook.ts) owns the context.sync().
import type { PlanCell, PlanStyle, SheetPlan } from "../../engine/plans/plan";
import { localRange } from "../../engine/plans/chartRanges";
import { columnLetters, toA1 } from "../../engine/core/address";
import { contentOf, formatOf, lastRowOf, runSignature, styleKey, type StyleRun } from "./officePayload";

/** Excel column width in points for a width in characters (Calibri 11: 7 px a character + 5 px padding). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

function applyStyle(range: Excel.Range, style: PlanStyle, multiCell: { rows: boolean; cols: boolean }): void {
  const f = range.format;
  if (style.bold) f.font.bold = true;
  if (style.italic) f.font.italic = true;
  if (style.size) f.font.size = style.size;
  if (style.color) f.font.color = style.color;
  if (style.fill) f.fill.color = style.fill;
  if (style.align) f.horizontalAlignment = H_ALIGN[style.align];
  if (style.valign) f.verticalAlignment = V_ALIGN[style.valign];
  if (style.wrap) f.wrapText = true;
  if (style.border) {
    const edges: Excel.BorderIndex[] = [
      "EdgeTop" as Excel.BorderIndex,
      "EdgeBottom" as Excel.BorderIndex,
      "EdgeLeft" as Excel.BorderIndex,
      "EdgeRight" as Excel.BorderIndex,
    ];
    if (multiCell.cols) edges.push("InsideVertical" as Excel.BorderIndex);
    if (multiCell.rows) edges.push("InsideHorizontal" as Excel.BorderIndex);
    for (const edge of edges) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
    }
  }
}

/** Runs of consecutive cells in a row with the same style: one range operation each. */
export function styleRuns(cells: readonly PlanCell[]): StyleRun[] {
  const byRow = new Map<number, PlanCell[]>();
  for (const c of cells) {
    if (!c.style) continue;
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const runs: StyleRun[] = [];
  for (const [row, list] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.col - b.col);
    let current: { row: number; from: number; to: number; style: PlanStyle; key: string } | null = null;
    for (const c of list) {
      const key = styleKey(c.style);
      if (current && current.key === key && current.to === c.col - 1) {
        current.to = c.col;
        continue;
      }
      if (current) runs.push({ row, from: current.from, to: current.to, style: current.style });
      current = { row, from: c.col, to: c.col, style: c.style!, key };
    }
    if (current) runs.push({ row, from: current.from, to: current.to, style: current.style });
  }
  return runs;
}

/** A style range: the same run repeated on consecutive rows, drawn with one range operation. */
export interface StyleRectangle extends StyleRun {
  lastRow: number;
}

/**
 * Runs (in row order) joined into rectangles where consecutive rows repeat the same run (same
 * columns, same style): a table of thousands of alike rows takes a few operations, not one per
 * row. The request estimate (officePayload.planBytes) counts runs the same way.
 */
export function styleRectangles(runs: readonly StyleRun[]): StyleRectangle[] {
  const rectangles: StyleRectangle[] = [];
  const open = new Map<string, StyleRectangle>();
  for (const run of runs) {
    const signature = runSignature(run);
    const above = open.get(signature);
    if (above && above.lastRow === run.row - 1) {
      above.lastRow = run.row;
      continue;
    }
    const rectangle = { ...run, lastRow: run.row };
    open.set(signature, rectangle);
    rectangles.push(rectangle);
  }
  return rectangles;
}

/** Rows first..last of a plan (0-based, inclusive). */
export interface PlanRows {
  first: number;
  last: number;
}

/**
 * Queues what draws the plan on `ws` (a freshly added, empty worksheet), or only rows
 * `rows.first`..`rows.last` of it: their values, formats, styles and heights, and the merges
 * that end in them. The block starting at row 0 also sets the column widths, frozen panes and
 * page layout. `runs` are styleRuns(plan.cells), computed once by a caller that splits.
 */
export function queuePlan(ws: Excel.Worksheet, plan: SheetPlan, rows?: PlanRows, runs: readonly StyleRun[] = styleRuns(plan.cells)): void {
  const first = rows?.first ?? 0;
  const last = rows?.last ?? Number.MAX_SAFE_INTEGER;
  const inBlock = (row: number) => row >= first && row <= last;
  const cells = rows === undefined ? plan.cells : plan.cells.filter((c) => inBlock(c.row));
  if (cells.length > 0) {
    let maxCol = 0;
    let maxRow = first;
    for (const c of plan.cells) maxCol = Math.max(maxCol, c.col);
    for (const c of cells) maxRow = Math.max(maxRow, c.row);
    // The block's rows up to its last cell, every column up to the plan's widest.
    const grid: Array<Array<PlanCell | undefined>> = Array.from({ length: maxRow - first + 1 }, () => new Array(maxCol + 1).fill(undefined));
    for (const c of cells) grid[c.row - first][c.col] = c;
    const block = ws.getRange(`A${first + 1}:${toA1(maxRow, maxCol)}`);
    // Formats first, so the values arrive into Text cells where they must stay text.
    block.numberFormat = grid.map((row) => row.map(formatOf));
    block.formulas = grid.map((row) => row.map(contentOf));
  }
  for (const rect of styleRectangles(rows === undefined ? runs : runs.filter((r) => inBlock(r.row)))) {
    const single = rect.row === rect.lastRow && rect.from === rect.to;
    const range = ws.getRange(single ? toA1(rect.row, rect.from) : `${toA1(rect.row, rect.from)}:${toA1(rect.lastRow, rect.to)}`);
    applyStyle(range, rect.style, { rows: rect.lastRow > rect.row, cols: rect.to > rect.from });
  }
  for (const [row, height] of Object.entries(plan.rowHeights)) {
    if (inBlock(Number(row))) ws.getRange(`${Number(row) + 1}:${Number(row) + 1}`).format.rowHeight = height;
  }
  for (const range of plan.merges) {
    const end = lastRowOf(range);
    // With the block of its last row, so every cell it covers has been written.
    if (end === null ? first === 0 : inBlock(end)) ws.getRange(range).merge(false);
  }
  if (first > 0) return;
  plan.columnWidths.forEach((width, col) => {
    if (width > 0) {
      const letter = columnLetters(col);
      ws.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(width);
    }
  });
  queueFreeze(ws, plan.freeze);
  queuePageLayout(ws, plan);
}

function queueFreeze(ws: Excel.Worksheet, freeze: SheetPlan["freeze"]): void {
  if (freeze.rows > 0 && freeze.cols > 0) ws.freezePanes.freezeAt(ws.getRange(`A1:${toA1(freeze.rows - 1, freeze.cols - 1)}`));
  else if (freeze.rows > 0) ws.freezePanes.freezeRows(freeze.rows);
  else if (freeze.cols > 0) ws.freezePanes.freezeColumns(freeze.cols);
}

function queuePageLayout(ws: Excel.Worksheet, plan: SheetPlan): void {
  const layout = ws.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = plan.print.orientation === "landscape" ? "Landscape" : "Portrait";
  // One page wide, as many pages tall as needed (0 = not constrained).
  if (plan.print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  const repeat = plan.print.repeatRows;
  if (repeat) layout.setPrintTitleRows(`$${repeat.first + 1}:$${repeat.last + 1}`);
}

/** Whether the host has a requirement set (Office.context.requirements.isSetSupported). */
export type HasRequirementSet = (name: string, minVersion: string) => boolean;

/**
 * Queues the plan's charts on `ws` (whose cells the plan's earlier blocks wrote): a clustered bar
 * chart of the value range, titled, placed over the anchor's cells, values labelled (ExcelApi
 * 1.1). Where ExcelApi 1.7 is there, the bars are named by the category range and listed top
 * down as the table is; before it, Excel numbers them 1, 2, 3 …
 */
export function queueCharts(ws: Excel.Worksheet, plan: SheetPlan, has: HasRequirementSet): void {
  for (const spec of plan.charts ?? []) {
    const type = (spec.type === "bar" ? "BarClustered" : "ColumnClustered") as Excel.ChartType;
    const chart = ws.charts.add(type, ws.getRange(localRange(spec.valueRange)), "Columns" as Excel.ChartSeriesBy);
    chart.title.text = spec.title;
    chart.legend.visible = false;
    chart.dataLabels.showValue = true;
    chart.axes.valueAxis.minimum = 0;
    const { row, col, rows, cols } = spec.anchor;
    chart.setPosition(toA1(row, col), toA1(row + rows - 1, col + cols - 1));
    const series = chart.series.getItemAt(0);
    series.name = spec.seriesName;
    if (has("ExcelApi", "1.7")) {
      series.setXAxisValues(ws.getRange(localRange(spec.categoryRange)));
      if (spec.type === "bar") chart.axes.categoryAxis.reversePlotOrder = true;
    }
  }
}
