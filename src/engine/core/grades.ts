// Index, grade bands and ranking.
import type { GradeBand } from "./types";
import { excelRound } from "./numbers";

/** Default bands (DESIGN.md §3); each province may set its own. */
export const DEFAULT_BANDS: readonly GradeBand[] = Object.freeze([
  { min: 90, name: "Xuất sắc" },
  { min: 80, name: "Tốt" },
  { min: 70, name: "Khá" },
  { min: 50, name: "Trung bình" },
  { min: 0, name: "Yếu" },
]);

/** achieved ÷ max × 100, unrounded; null when there is no applicable maximum. */
export function computeIndex(achieved: number, max: number): number | null {
  if (!(max > 0)) return null;
  return (achieved / max) * 100;
}

/** Bands sorted by lower bound, highest first. */
export function sortBands(bands: readonly GradeBand[]): GradeBand[] {
  return [...bands].sort((a, b) => b.min - a.min);
}

/** The name of the highest band whose lower bound the index reaches; the lowest band below all. */
export function gradeOf(index: number, bands: readonly GradeBand[] = DEFAULT_BANDS): string {
  const sorted = sortBands(bands);
  if (sorted.length === 0) return "";
  // Compare with binary noise removed, so 89.99999999999999 from 0.8999…×100 is not 90 but 90.0000000000001 is.
  const clean = excelRound(index, 9);
  for (const band of sorted) if (clean >= band.min) return band.name;
  return sorted[sorted.length - 1].name;
}

/** Competition ranking, highest value first: [90, 95, 95, 80] → [3, 1, 1, 4]. O(n log n). */
export function competitionRanks(values: readonly number[]): number[] {
  const clean = values.map((v) => excelRound(v, 9));
  const order = clean.map((_, i) => i).sort((a, b) => clean[b] - clean[a]);
  const ranks = new Array<number>(clean.length);
  order.forEach((i, k) => {
    // Equal values share the rank of the first of them.
    ranks[i] = k > 0 && clean[order[k - 1]] === clean[i] ? ranks[order[k - 1]] : k + 1;
  });
  return ranks;
}
