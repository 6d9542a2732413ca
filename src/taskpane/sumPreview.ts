// What a sub-total formula would show, from the values the sheet holds now: lets the pane tell
// the clerk, before overwriting a typed number, which cells disagree with their parts, and warn
// when parts hold numbers typed as text (Excel's SUM skips them).
import type { CellValue, Grid } from "../engine/core/types";
import { parseA1, toA1 } from "../engine/core/address";
import { excelRound, parseNumber } from "../engine/core/numbers";

/** The cells a "=SUM(E7:E9,E12)" formula adds up, as sheet positions; null if not a SUM of references. */
function sumCells(formula: string): Array<{ row: number; col: number }> | null {
  const m = /^=SUM\((.*)\)$/i.exec(formula.trim());
  if (!m) return null;
  const cells: Array<{ row: number; col: number }> = [];
  for (const part of m[1].split(",")) {
    const [from, to = from] = part.split(":");
    const a = parseA1(from);
    const b = parseA1(to);
    if (!a || !b) return null;
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
      for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) cells.push({ row: r, col: c });
    }
  }
  return cells;
}

function valueAt(grid: Grid, row: number, col: number): CellValue {
  const origin = grid.origin ?? { row: 0, col: 0 };
  return grid.values[row - origin.row]?.[col - origin.col] ?? null;
}

/**
 * The value of the SUM as Excel computes it: only numbers count (text, even "3,5", and KPS are
 * skipped, as Excel's SUM skips text). Null if not a SUM of references.
 */
export function previewSum(formula: string, grid: Grid): number | null {
  const cells = sumCells(formula);
  if (!cells) return null;
  let total = 0;
  for (const { row, col } of cells) {
    const v = valueAt(grid, row, col);
    if (typeof v === "number" && Number.isFinite(v)) total += v;
  }
  return excelRound(total, 10);
}

/** Addresses of the SUM's cells holding a number typed as text ("3,89"): the SUM would skip them. */
export function textNumbersIn(formula: string, grid: Grid): string[] {
  return (sumCells(formula) ?? [])
    .filter(({ row, col }) => {
      const v = valueAt(grid, row, col);
      return typeof v === "string" && parseNumber(v).kind === "number";
    })
    .map(({ row, col }) => toA1(row, col));
}
