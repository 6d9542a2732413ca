// Ranks as typed in a units table's rank column: 3, "03", "43/63" (rank of how many), "Hạng 2",
// "KXH". Where typed ranks show the table is an extract of a larger one, they are the ranks.
import type { CellValue } from "../core/types";
import { cellText } from "../core/numbers";
import { foldText } from "../core/text";
import { ranksWithinBlocks } from "./unitBlocks";

export type TypedRank =
  | { kind: "rank"; rank: number; of: number | null }
  | { kind: "blank" }
  /** "KXH", "không xếp hạng", "-": the unit is kept out of the ranking. */
  | { kind: "unranked" }
  | { kind: "invalid"; text: string };

const UNRANKED = /^\(?\s*(kxh|k\.x\.h|khong xep hang|khong xh|chua xep hang|-|\u2013|\u2014|\u2212)\s*\)?\.?$/;

/** Whether a text says "kept out of the ranking": "KXH", "(không xếp hạng)", "-", "—". */
export function saysUnranked(text: string): boolean {
  return UNRANKED.test(foldText(text));
}

/** Whether a unit's name or note carries "(không xếp hạng)" / "(KXH)" after the name. */
export function noteSaysUnranked(text: string): boolean {
  return /\(\s*(khong xep hang|kxh)\s*\)/.test(foldText(text));
}

/** The name without its "(không xếp hạng)" note: "Sở Ngoại vụ (KXH)" → "Sở Ngoại vụ". */
export function withoutUnrankedNote(name: string): string {
  return name.replace(/\s*\(\s*(không xếp hạng|khong xep hang|KXH|kxh)\s*\)\s*/giu, " ").replace(/\s+/g, " ").trim();
}

const TYPED = /^(?:(?:xep hang|thu hang|hang|thu)\s*:?\s*)?0*(\d+)(?:\s*\/\s*(\d+))?$/;

/** One rank cell as typed. A rank is a whole number from 1; "43/63" is 43 of 63. */
export function parseTypedRank(v: CellValue | undefined): TypedRank {
  if (v === null || v === undefined) return { kind: "blank" };
  if (typeof v === "number") {
    return Number.isInteger(v) && v >= 1 ? { kind: "rank", rank: v, of: null } : { kind: "invalid", text: cellText(v) };
  }
  const text = cellText(v).replace(/[\u00a0\u2007\u202f]/g, " ").trim();
  if (text === "") return { kind: "blank" };
  if (saysUnranked(text)) return { kind: "unranked" };
  const m = TYPED.exec(foldText(text));
  if (!m) return { kind: "invalid", text };
  const rank = Number(m[1]);
  const of = m[2] === undefined ? null : Number(m[2]);
  if (rank < 1 || (of !== null && of < rank)) return { kind: "invalid", text };
  return { kind: "rank", rank, of };
}

/** A unit as extract detection sees it: its name, block, typed rank and last year's rank. */
export interface RankEvidence {
  unit: string;
  block: string | null;
  typed: TypedRank | null;
  previousRank: number | null;
}

/**
 * Why the table is an extract of a larger one, in Vietnamese, or null for a whole table: a typed
 * rank beyond the units ranked in its block, "43/63" naming more units than its block shows, or
 * last year's rank beyond the units the table shows. `ranked` are the units that take a rank;
 * `shownByBlock` counts every unit row of each block (those kept out too), `shown` the table's.
 */
export function extractEvidence(ranked: readonly RankEvidence[], shownByBlock: ReadonlyMap<string | null, number>, shown: number): string | null {
  const rankedByBlock = new Map<string | null, number>();
  for (const u of ranked) rankedByBlock.set(u.block, (rankedByBlock.get(u.block) ?? 0) + 1);
  const where = (block: string | null) => (block === null ? "bảng" : block);
  for (const u of ranked) {
    if (u.typed?.kind !== "rank") continue;
    const n = rankedByBlock.get(u.block) ?? 0;
    if (u.typed.rank > n) return `thứ hạng ghi cho ${u.unit} là ${u.typed.rank}, lớn hơn số đơn vị được xếp hạng trong ${where(u.block)} (${n})`;
    const m = shownByBlock.get(u.block) ?? 0;
    if (u.typed.of !== null && u.typed.of > m) return `thứ hạng ghi cho ${u.unit} là "${u.typed.rank}/${u.typed.of}", tính trên ${u.typed.of} đơn vị, còn ${where(u.block)} có ${m}`;
  }
  const beyond = ranked.find((u) => u.previousRank !== null && u.previousRank > shown);
  return beyond ? `xếp hạng năm trước của ${beyond.unit} là ${beyond.previousRank}, lớn hơn số đơn vị của bảng (${shown})` : null;
}

/** Whether the table is an extract of a larger one (see `extractEvidence`). */
export function isExtract(ranked: readonly RankEvidence[], shownByBlock: ReadonlyMap<string | null, number>, shown: number): boolean {
  return extractEvidence(ranked, shownByBlock, shown) !== null;
}

/** A unit to rank: its block, its index, its typed rank and last year's, whether it is kept out. */
export interface RankInput extends RankEvidence {
  index: number;
  unranked: boolean;
}

export interface SettledRank {
  /** The unit's rank: computed in a whole table, typed in an extract; null for a unit kept out or untyped in an extract. */
  rank: number | null;
  rankOf: number | null;
  /** The competition rank within the block computed in the table; null for a unit kept out. */
  computed: number | null;
}

/**
 * Each unit's rank. Units kept out take no rank and shift no one's. In an extract the typed
 * ranks are the ranks (none invented where none is typed); in a whole table the computed ones.
 */
export function settleRanks(
  units: readonly RankInput[],
  shownByBlock: ReadonlyMap<string | null, number>,
  shown: number,
): { extract: boolean; evidence: string | null; acrossBlocks: boolean; ranks: SettledRank[] } {
  const ranked = units.filter((u) => !u.unranked);
  const computed = ranksWithinBlocks(ranked.map((u) => ({ block: u.block, index: u.index })));
  const acrossBlocks = typedAcrossBlocks(ranked);
  const evidence = acrossBlocks ? null : extractEvidence(ranked, shownByBlock, shown);
  const extract = evidence !== null;
  let k = 0;
  const ranks = units.map((u): SettledRank => {
    const typed = u.typed?.kind === "rank" ? u.typed : null;
    const rankOf = typed?.of ?? null;
    if (u.unranked) return { rank: null, rankOf: null, computed: null };
    const own = computed[k++];
    return { rank: extract ? (typed?.rank ?? null) : own, rankOf, computed: own };
  });
  return { extract, evidence, acrossBlocks, ranks };
}

/**
 * Whether a table in blocks types its ranks over the whole table (1 to N across the blocks), not
 * within each block: every typed rank is the unit's rank among all the table's units. Such ranks
 * run past a block's size without the table being an extract, and differ from the ranks within
 * blocks without being wrong.
 */
export function typedAcrossBlocks(ranked: readonly RankInput[]): boolean {
  if (new Set(ranked.map((u) => u.block)).size < 2) return false;
  const overall = ranksWithinBlocks(ranked.map((u) => ({ block: null, index: u.index })));
  let typed = 0;
  for (let i = 0; i < ranked.length; i++) {
    const t = ranked[i].typed;
    if (t?.kind !== "rank") continue;
    if (t.rank !== overall[i] || (t.of !== null && t.of !== ranked.length)) return false;
    typed++;
  }
  // One typed rank could match by chance; most of the table must be typed.
  return typed >= 2 && typed * 2 > ranked.length;
}
