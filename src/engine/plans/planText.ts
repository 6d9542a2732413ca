// Small pieces every sheet plan uses: dates, quoted texts, the grade formula, references to
// other sheets.
import type { GradeBand, ScoreKind } from "../core/types";
import { sortBands } from "../core/grades";
import { toA1 } from "../core/address";

export const SCORE_NAME: Record<ScoreKind, string> = { self: "tự đánh giá", appraised: "thẩm định" };

export function dateText(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** A text constant inside a formula. */
export function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Nested IF over the bands, highest first; ROUND(…, 9) drops binary noise as the engine does. */
export function gradeFormula(ref: string, bands: readonly GradeBand[]): string {
  const sorted = sortBands(bands);
  let formula = quote(sorted[sorted.length - 1]?.name ?? "");
  for (let i = sorted.length - 2; i >= 0; i--) {
    formula = `IF(ROUND(${ref},9)>=${sorted[i].min},${quote(sorted[i].name)},${formula})`;
  }
  return formula;
}

/** A cell of another sheet: 'Xã Đăk Kôi'!E20 (0-based row and column). */
export function sheetRef(sheet: string, row: number, col: number): string {
  return `'${sheet.replace(/'/g, "''")}'!${toA1(row, col)}`;
}

/** "Xuất sắc: 3/5" as a formula over a range of grades, and the engine's value of it. */
export function gradeCountFormula(range: string, grade: string, count: number, total: number): { formula: string; result: string } {
  return {
    formula: `=${quote(`${grade}: `)}&COUNTIF(${range},${quote(grade)})&"/"&ROWS(${range})`,
    result: `${grade}: ${count}/${total}`,
  };
}
