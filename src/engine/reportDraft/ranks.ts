// Every read of a unit's rank in the draft goes through here, so units kept out of the ranking
// (no rank) are handled in one place.
import type { RankingEntry } from "../core/types";
import { byRank } from "../core/grades";
import { UNRANKED_TEXT } from "../core/viText";

/** The unit's rank in its block, or null when it has none (kept out of the ranking, or an extract without one). */
export function rankOf(e: RankingEntry): number | null {
  return e.unranked ? null : e.rank;
}

/** Rank order (units without a rank, then units kept out, last), ties in table order. */
export function inRankOrder(entries: readonly RankingEntry[]): RankingEntry[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => byRank(a.e, b.e) || a.i - b.i)
    .map((x) => x.e);
}

/** The units that take part in the ranking: grade counts, best and last are over them only. */
export function rankedOnly(entries: readonly RankingEntry[]): RankingEntry[] {
  return entries.filter((e) => !e.unranked);
}

/** A rank cell's text where the unit has no rank: "Không xếp hạng" for a unit kept out, null otherwise. */
export function noRankText(e: RankingEntry): string | null {
  return e.unranked ? UNRANKED_TEXT : null;
}
