// Queues (never syncs) the Office.js operations that render a SheetPlan into a new worksheet:
// values and native formulas, number formats, styles, merges, column widths, frozen panes and
// the page layout. The caller (src/host/officeWorkbook.ts) owns the context.sync().
import type { PlanCell, PlanStyle, SheetPlan } from "../engine/plan";
import { columnLetters, parseA1, toA1 } from "../engine/address";

/** Excel column width in points for a width in characters (Calibri 11: 7 px a character + 5 px padding). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Text keeps the Text format so Excel never turns "01/10" into a date or "=x" into a formula. */
function formatOf(pc: PlanCell | undefined): string {
  if (!pc) return "General";
  if (pc.format) return pc.format;
  if (pc.formula === undefined && typeof pc.value === "string") return "@";
  return "General";
}

function contentOf(pc: PlanCell | undefined): string | number {
  if (!pc) return "";
  if (pc.formula !== undefined) return pc.formula;
  return pc.value ?? "";
}

/** A stable key for grouping cells with the same style into one range operation. */
function styleKey(style: PlanStyle | undefined): string {
  return style ? JSON.stringify(style, Object.keys(style).sort()) : "";
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
export function styleRuns(cells: readonly PlanCell[]): Array<{ row: number; from: number; to: number; style: PlanStyle }> {
  const byRow = new Map<number, PlanCell[]>();
  for (const c of cells) {
    if (!c.style) continue;
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const runs: Array<{ row: number; from: number; to: number; style: PlanStyle }> = [];
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

/** Queues everything that draws the plan on `ws` (a freshly added, empty worksheet). */
export function queuePlan(ws: Excel.Worksheet, plan: SheetPlan, sheetSetup = true): void {
  if (plan.cells.length > 0) {
    // From the plan's first row: a part of a plan (planParts) leaves the rows above alone.
    const minRow = Math.min(...plan.cells.map((c) => c.row));
    const maxRow = Math.max(...plan.cells.map((c) => c.row));
    const maxCol = Math.max(...plan.cells.map((c) => c.col));
    const grid: Array<Array<PlanCell | undefined>> = Array.from({ length: maxRow - minRow + 1 }, () => new Array(maxCol + 1).fill(undefined));
    for (const c of plan.cells) grid[c.row - minRow][c.col] = c;
    const block = ws.getRange(`${toA1(minRow, 0)}:${toA1(maxRow, maxCol)}`);
    // Formats first, so the values arrive into Text cells where they must stay text.
    block.numberFormat = grid.map((row) => row.map(formatOf));
    block.formulas = grid.map((row) => row.map(contentOf));
  }
  for (const run of styleRuns(plan.cells)) {
    const range = ws.getRange(run.from === run.to ? toA1(run.row, run.from) : `${toA1(run.row, run.from)}:${toA1(run.row, run.to)}`);
    applyStyle(range, run.style, { rows: false, cols: run.to > run.from });
  }
  for (const [row, height] of Object.entries(plan.rowHeights)) {
    ws.getRange(`${Number(row) + 1}:${Number(row) + 1}`).format.rowHeight = height;
  }
  for (const range of plan.merges) ws.getRange(range).merge(false);
  if (!sheetSetup) return;
  plan.columnWidths.forEach((width, col) => {
    if (width > 0) {
      const letter = columnLetters(col);
      ws.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(width);
    }
  });
  queueFreeze(ws, plan.freeze);
  queuePageLayout(ws, plan);
}

/** Rough request bytes of one planned cell with real office.js (DESIGN.md §7: 0,5–1 KB). */
export const BYTES_PER_CELL = 800;

/**
 * A plan cut into parts of whole rows of at most `maxCells` cells each, so a very large sheet
 * (the analysis of a hundred units) is written over as many requests as Excel on the web's
 * size limit demands. Merges and row heights go with the part holding their first row; the
 * sheet's own set-up (widths, freeze, print) is written with the first part.
 */
export function planParts(plan: SheetPlan, maxCells: number): SheetPlan[] {
  if (plan.cells.length <= maxCells) return [plan];
  const byRow = new Map<number, PlanCell[]>();
  for (const c of plan.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const parts: SheetPlan[] = [];
  let cells: PlanCell[] = [];
  const flush = () => {
    if (cells.length === 0) return;
    const first = cells[0].row;
    const last = cells[cells.length - 1].row;
    const within = (row: number) => row >= first && row <= last;
    parts.push({
      ...plan,
      cells,
      merges: plan.merges.filter((m) => within(parseA1(m.split(":")[0])!.row)),
      rowHeights: Object.fromEntries(Object.entries(plan.rowHeights).filter(([row]) => within(Number(row)))),
    });
    cells = [];
  };
  for (const row of rows) {
    const rowCells = byRow.get(row)!;
    if (cells.length > 0 && cells.length + rowCells.length > maxCells) flush();
    cells = cells.concat(rowCells);
  }
  flush();
  return parts;
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
