// What the title rows above a scoring sheet's header say, where the engine keeps nothing of it.
import type { Grid } from "../core/types";
import { cellText } from "../core/numbers";
import { foldText } from "../core/text";

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
