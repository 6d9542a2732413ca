// CCHC.SUBTOTAL's arithmetic: the sum of the leaf points under a code.
import type { CellValue } from "./types";

/**
 * Sum of the leaf points under `code` (the row itself when it is a leaf), blanks and KPS
 * skipped. `codes[i]` and `points[i]` are the same row. Null when no row has that code.
 */
export function subtotalByCode(codes: CellValue[], points: CellValue[], code: string): number | null {
  void codes; void points; void code;
  throw new Error("subtotalByCode: not implemented yet");
}
