// The one rule for merged cells, applied by both readers (ExcelJS on the command line and the
// page, Office.js in the add-in) to the grid they read, so a workbook gives the same analysis
// wherever it is opened.
import type { CellValue, Grid } from "../core/types";

/** A merged area in sheet coordinates (0-based top-left cell, size in rows and columns). */
export interface MergedArea {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * Applies the merged areas to the grid, in place, and returns it. Excel holds a merge's value in
 * its top-left cell only, so every other cell of a merge is blank, except below the top of a merge
 * ONE column wide whose value is text: a cause or responsible unit merged down over the rows of its
 * sub-criteria is meant for each of those rows, so that text is copied down. A number merged down
 * (a score, a maximum) is not: it counts once, as Excel's SUM counts it. A name merged across
 * columns (an area row "I | CÔNG TÁC CHỈ ĐẠO" over B5:E5) stays in its first cell, or it would read
 * as scores that are not numbers.
 *
 * Areas are clipped to the grid (its origin and extent, i.e. the used range the reader read), so a
 * merge over whole columns or rows costs no more than the cells the grid already has.
 */
export function applyMergedAreas(grid: Grid, areas: readonly MergedArea[]): Grid {
  const origin = grid.origin ?? { row: 0, col: 0 };
  const values = grid.values;
  const height = values.length;
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);
  for (const area of areas) {
    const top = area.row - origin.row;
    const left = area.col - origin.col;
    const r1 = Math.max(0, top);
    const r2 = Math.min(height - 1, top + area.rows - 1);
    const c1 = Math.max(0, left);
    const c2 = Math.min(width - 1, left + area.cols - 1);
    if (r1 > r2 || c1 > c2 || (area.rows <= 1 && area.cols <= 1)) continue;
    // The top-left cell's value when it lies in the grid (a reader's used range always holds it
    // when it has one).
    const first: CellValue = top >= 0 && left >= 0 && top < height ? (values[top][left] ?? null) : null;
    const copied = area.cols === 1 && typeof first === "string" ? first : null;
    for (let r = r1; r <= r2; r++) {
      const row = values[r];
      for (let c = c1; c <= c2 && c < row.length; c++) {
        if (r === top && c === left) continue;
        row[c] = c === left ? copied : null;
      }
    }
  }
  return grid;
}
