// "Tính điểm" offers native SUM formulas for parent sub-total cells.
import type { CellValue, ScoringSheet } from "./types";

export interface SubtotalFormula {
  /** A1 address in the sheet (origin applied). */
  address: string;
  row: number;
  col: number;
  /** "=SUM(E7:E8)" or "=E7+E9+E12": the children's cells of the same score column. */
  formula: string;
  /** What the cell holds now; a non-empty one must not be overwritten without asking. */
  existing: CellValue;
}

/** Formulas for every parent (and grand-total) cell of the score and maximum columns. */
export function planSubtotalFormulas(sheet: ScoringSheet): SubtotalFormula[] {
  void sheet;
  throw new Error("planSubtotalFormulas: not implemented yet");
}
