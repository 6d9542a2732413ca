// "Tính điểm" offers native SUM formulas for parent sub-total cells.
import type { CellValue, ScoringSheet } from "../core/types";
import { columnLetters, toA1 } from "../core/address";

export interface SubtotalFormula {
  /** A1 address in the sheet (origin applied). */
  address: string;
  row: number;
  col: number;
  /** "=SUM(E7:E8,E10)": the children's cells of the same column. */
  formula: string;
  /** What the cell holds now; a non-empty one must not be overwritten without asking. */
  existing: CellValue;
}

/** "E7:E9,E12" from sheet rows 6,7,8,11 (0-based): consecutive rows become one range. */
function sumArguments(letter: string, rows: number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let prev = sorted[0];
  for (const r of [...sorted.slice(1), Number.NaN]) {
    if (r === prev + 1) {
      prev = r;
      continue;
    }
    parts.push(start === prev ? `${letter}${start + 1}` : `${letter}${start + 1}:${letter}${prev + 1}`);
    start = r;
    prev = r;
  }
  return parts.join(",");
}

/**
 * Formulas for every parent cell (children's sum) and the grand-total cell (the areas' sum) of
 * the maximum and score columns. The caller writes empty cells and asks before the others.
 */
export function planSubtotalFormulas(sheet: ScoringSheet, grid: { values: CellValue[][] }): SubtotalFormula[] {
  const c = sheet.header.columns;
  const columns = [c.max, c.self, c.appraised].filter((x): x is number => x !== undefined);
  const byCode = new Map(sheet.nodes.map((n) => [n.code, n]));
  const out: SubtotalFormula[] = [];
  const add = (gridRow: number, childRows: number[]) => {
    if (childRows.length === 0) return;
    for (const col of columns) {
      const sheetCol = sheet.origin.col + col;
      const row = sheet.origin.row + gridRow;
      const args = sumArguments(columnLetters(sheetCol), childRows.map((r) => sheet.origin.row + r));
      out.push({ address: toA1(row, sheetCol), row, col: sheetCol, formula: `=SUM(${args})`, existing: grid.values[gridRow]?.[col] ?? null });
    }
  };
  for (const node of sheet.nodes) {
    if (!node.isLeaf) add(node.row, node.children.map((code) => byCode.get(code)!.row));
  }
  if (sheet.totalRow !== null) {
    // Top-level rows: areas, or nodes with no ancestor row in the sheet.
    const tops = sheet.nodes.filter((n) => n.parent === null);
    add(sheet.totalRow, tops.map((n) => n.row));
  }
  return out;
}
