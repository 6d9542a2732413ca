// Every read of a unit's rank in the draft goes through here, so units kept out of the ranking
// (no rank) are handled in one place.
import type { RankingEntry } from "../core/types";

/** The unit's rank in its block, or null when it has none. */
export function rankOf(e: RankingEntry): number | null {
  return e.rank;
}

/** Rank order (units without a rank last), ties and unranked units in table order. */
export function inRankOrder(entries: readonly RankingEntry[]): RankingEntry[] {
  const key = (e: RankingEntry) => rankOf(e) ?? Number.POSITIVE_INFINITY;
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => key(a.e) - key(b.e) || a.i - b.i)
    .map((x) => x.e);
}
