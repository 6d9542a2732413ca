// CCHC.SUBTOTAL's arithmetic: the sum of the leaf points under a code.
import type { CellValue } from "../core/types";
import { parseCode, isUnder } from "../cells/codes";
import { excelRound, parseNumber } from "../core/numbers";

/**
 * Sum of the leaf points under `code` (the row itself when it is a leaf), blanks and KPS
 * skipped. `codes[i]` and `points[i]` are the same row. Null when no row has that code.
 */
export function subtotalByCode(codes: CellValue[], points: CellValue[], code: string): number | null {
  const target = parseCode(code);
  if (!target) return null;
  const rows: Array<{ code: string; value: CellValue }> = [];
  codes.forEach((c, i) => {
    const parsed = parseCode(c);
    if (parsed) rows.push({ code: parsed.code, value: points[i] ?? null });
  });
  if (!rows.some((r) => r.code === target.code)) return null;
  const all = rows.map((r) => r.code);
  let sum = 0;
  for (const r of rows) {
    if (!isUnder(r.code, target.code)) continue;
    const isLeaf = !all.some((other) => other !== r.code && isUnder(other, r.code));
    if (!isLeaf) continue;
    const p = parseNumber(r.value);
    if (p.kind === "number") sum += p.value;
  }
  return excelRound(sum, 10);
}
