// How a cell's value is shown in the page's grid: numbers with their Excel number format's
// decimals (and %), binary noise removed; everything else as the engine's cellText.
import { cellText, excelRound } from "../engine/core/numbers";
import type { CellValue } from "../engine/core/types";

/** Decimals a number format asks for ("0.00" → 2, "0%" → 0, "General" → null). */
export function formatDecimals(numFmt: string | undefined): number | null {
  if (!numFmt) return null;
  // The positive section, without quoted text, [colours] and escaped characters.
  const section = numFmt.split(";")[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  if (/general/i.test(section) || !/[0#]/.test(section)) return null;
  const m = /\.([0#]+)/.exec(section);
  return m ? m[1].length : 0;
}

export function displayValue(v: CellValue, numFmt?: string): string {
  if (typeof v !== "number") return cellText(v);
  const percent = numFmt !== undefined && /%/.test(numFmt.split(";")[0]);
  const decimals = formatDecimals(numFmt);
  const x = percent ? v * 100 : v;
  const text = decimals === null ? String(Number(x.toPrecision(15))) : excelRound(x, decimals).toFixed(decimals);
  return percent ? text + "%" : text;
}
