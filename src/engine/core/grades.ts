// Index, grade bands and ranking.
import type { EngineSettings, GradeBand } from "./types";
import { excelRound } from "./numbers";
import { foldText } from "./text";

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

/**
 * Rank order of ranking entries: ranked units by rank, then units without a rank (an extract
 * that types none for them), then units kept out of the ranking. Ties keep their order.
 */
export function byRank(a: { rank: number | null; unranked?: boolean }, b: { rank: number | null; unranked?: boolean }): number {
  const tier = (e: { rank: number | null; unranked?: boolean }) => (e.unranked ? 2 : e.rank === null ? 1 : 0);
  return tier(a) - tier(b) || (a.rank ?? 0) - (b.rank ?? 0);
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

/**
 * The bands of a block: its own in `settings.blockBands` (block names matched without regard to
 * diacritics, case or spacing), else `settings.bands`; empty own bands count as none.
 */
export function bandsOfBlock(settings: Pick<EngineSettings, "bands" | "blockBands">, block: string | null | undefined): GradeBand[] {
  if (block !== null && block !== undefined && settings.blockBands) {
    const key = foldText(block);
    for (const [name, bands] of Object.entries(settings.blockBands)) {
      if (foldText(name) === key && bands.length > 0) return bands;
    }
  }
  return settings.bands;
}
