// Blocks of a units table ("Khối sở, ban, ngành", "Khối phường", "Khối xã"): each is ranked on
// its own, with its own grade counts and best and last unit.
import type { BlockSummary, CellValue, GradeBand, RankingEntry } from "../core/types";
import { cellText, parseNumber } from "../core/numbers";
import { foldText, normalizeName } from "../core/text";
import { competitionRanks, sortBands } from "../core/grades";

/** "I. Khối phường", "B) Nhóm xã", "Khối sở, ban, ngành": a heading that opens a block. */
const BLOCK_HEADING = /^((?:[ivx]+|[a-z]|\d{1,2})\s*[.)/-]\s*)?(khoi|nhom)\b/;

/**
 * The block a row opens, or null: text in the unit column, no figure in any figure column, and
 * the text names a block ("Khối …", "Nhóm …") or the row's number is a Roman numeral or letter.
 */
export function blockHeading(row: readonly CellValue[], unitCol: number, figureCols: readonly number[], codeCol: number | undefined): string | null {
  const text = normalizeName(cellText(row[unitCol]));
  if (text === "") return null;
  if (figureCols.some((c) => parseNumber(row[c]).kind !== "blank")) return null;
  const folded = foldText(text);
  const numbered = codeCol !== undefined && /^([ivx]+|[a-z])\.?$/.test(foldText(cellText(row[codeCol])));
  if (!BLOCK_HEADING.test(folded) && !numbered) return null;
  // The list mark goes ("I. Khối phường" → "Khối phường").
  return text.replace(/^((?:[IVXivx]+|[A-Za-zĐđ]|\d{1,2})\s*[.)/-]\s*)(?=\S)/, "");
}

/** Competition ranks within each block (the whole list when every block is null). */
export function ranksWithinBlocks(entries: ReadonlyArray<{ block: string | null; index: number }>): number[] {
  const ranks = new Array<number>(entries.length);
  const groups = new Map<string | null, number[]>();
  entries.forEach((e, i) => {
    const g = groups.get(e.block) ?? [];
    g.push(i);
    groups.set(e.block, g);
  });
  for (const members of groups.values()) {
    const r = competitionRanks(members.map((i) => entries[i].index));
    members.forEach((i, k) => (ranks[i] = r[k]));
  }
  return ranks;
}

/**
 * Blocks in the order they first appear, each with its grade counts (every band of the block's
 * own bands, in band order) and its best and last unit by rank. Units kept out of the ranking
 * count in no grade count and are neither best nor last; nor is a unit without a rank.
 */
export function blockSummaries(
  ranking: readonly RankingEntry[],
  bands: readonly GradeBand[] | ((block: string | null) => readonly GradeBand[]),
): BlockSummary[] {
  const bandsOf = typeof bands === "function" ? bands : () => bands;
  const order: Array<string | null> = [];
  for (const e of ranking) if (!order.includes(e.block ?? null)) order.push(e.block ?? null);
  if (order.length === 0) order.push(null);
  return order.map((block) => {
    const all = ranking.filter((e) => (e.block ?? null) === block);
    const members = all.filter((e) => !e.unranked);
    const grades: Record<string, number> = {};
    for (const band of sortBands(bandsOf(block))) grades[band.name] = 0;
    for (const e of members) grades[e.grade] = (grades[e.grade] ?? 0) + 1;
    const withRank = members.filter((e): e is RankingEntry & { rank: number } => e.rank !== null);
    const best = withRank.reduce<(typeof withRank)[number] | null>((b, e) => (b === null || e.rank < b.rank ? e : b), null);
    const last = withRank.reduce<(typeof withRank)[number] | null>((b, e) => (b === null || e.rank > b.rank ? e : b), null);
    const summary: BlockSummary = { block, units: members.length, grades, best: best?.unit ?? null, last: last?.unit ?? null };
    if (all.length > members.length) summary.unranked = all.length - members.length;
    return summary;
  });
}
