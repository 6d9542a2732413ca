// What the title rows above a sheet's header say, where the engine keeps nothing of it: the
// year, and the bodies named in the heading (the superior body above the unit itself).
import type { Grid } from "../core/types";
import { cellText } from "../core/numbers";
import { foldText, normalizeName } from "../core/text";
import { isBodyLine } from "../scoring/scoringSheet";
import { shortUnitName } from "./vietnameseText";

/** The year a title row names ("BẢNG ĐIỂM … NĂM 2023" → 2023); null when none does. */
export function titleYear(grid: Grid, headerRow: number): number | null {
  for (let r = 0; r < headerRow; r++) {
    for (const v of grid.values[r] ?? []) {
      const m = /\bnam\s+(\d{4})\b/.exec(foldText(cellText(v)));
      if (m) return Number(m[1]);
    }
  }
  return null;
}

/** The bodies the title rows name, top to bottom: ["UBND HUYỆN KON RẪY", "UBND XÃ ĐĂK KÔI"]. */
export function titleBodies(grid: Grid, headerRow: number): string[] {
  const bodies: string[] = [];
  for (let r = 0; r < headerRow; r++) {
    for (const v of grid.values[r] ?? []) {
      const text = normalizeName(cellText(v));
      if (text.length <= 80 && isBodyLine(text)) bodies.push(text);
    }
  }
  return bodies;
}

/** Key under which two spellings name the same body ("ỦY BAN NHÂN DÂN HUYỆN …" = "UBND huyện …"). */
export function bodyKey(name: string): string {
  return foldText(shortUnitName(name));
}

/**
 * The body every sheet's title rows name, the lowest such line (the issuer above the units):
 * "UBND HUYỆN KON RẪY" above each commune's own line. Null when the sheets share none.
 */
export function commonBody(sheets: readonly string[][]): string | null {
  if (sheets.length === 0) return null;
  const [first, ...others] = sheets;
  const common = first.filter((line) => others.every((o) => o.some((l) => bodyKey(l) === bodyKey(line))));
  return common.length > 0 ? common[common.length - 1] : null;
}
