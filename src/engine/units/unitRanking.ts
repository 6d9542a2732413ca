// The ranking entries of a units table from its indexed units: ranks computed or typed (an
// extract), units kept out, grades on each block's bands, the change on last year; and the
// findings on typed ranks (a mismatch in a whole table, an extract leaving a unit unranked).
import type { EngineSettings, Finding, RankingEntry } from "../core/types";
import { bandsOfBlock, gradeOf } from "../core/grades";
import { finding, type SheetPlace } from "../core/findingFactory";
import { changeOnPrevious } from "./unitsYearOverYear";
import { settleRanks, type TypedRank } from "./typedRanks";

/** A unit with its index, as the table reads it. */
export interface IndexedUnit {
  unit: string;
  row: number;
  self: number | null;
  appraised: number | null;
  max: number | null;
  block: string | null;
  index: number;
  survey: { achieved: number; max: number } | null;
  previous: { index: number | null; rank: number | null } | null;
  typed: TypedRank | null;
  unranked: boolean;
}

/** Where findings go: the sheet, the header row, the rank and unit columns. */
export interface RankingPlace {
  place: SheetPlace;
  headerRow: number;
  rankCol: number | undefined;
  unitCol: number;
}

/**
 * The ranking, in the units' order. `shownByBlock` counts every unit row of each block and
 * `shown` every unit row of the table, indexed or not: an extract is told against them.
 */
export function rankUnits(
  units: readonly IndexedUnit[],
  shownByBlock: ReadonlyMap<string | null, number>,
  shown: number,
  settings: EngineSettings,
  at: RankingPlace,
  findings: Finding[],
): { ranking: RankingEntry[]; extract: boolean } {
  const settled = settleRanks(
    units.map((u) => ({ unit: u.unit, block: u.block, index: u.index, typed: u.typed, previousRank: u.previous?.rank ?? null, unranked: u.unranked })),
    shownByBlock,
    shown,
  );
  const ranking = units.map((u, i): RankingEntry => {
    const { rank, rankOf, computed } = settled.ranks[i];
    const typed = u.typed?.kind === "rank" ? u.typed.rank : null;
    // Ranks typed over the whole table, not within blocks, are all right (settleRanks): no mismatch.
    if (!settled.extract && !settled.acrossBlocks && typed !== null && computed !== null && typed !== computed && at.rankCol !== undefined) {
      findings.push(
        finding(at.place, "rank-mismatch", u.row, at.rankCol,
          `Xếp hạng ghi cho ${u.unit} là ${typed}, nhưng theo chỉ số trong bảng đơn vị này xếp thứ ${computed}${u.block ? ` trong ${u.block}` : ""}.`),
      );
    }
    const change = changeOnPrevious(u.index, rank ?? 0, u.previous);
    const entry: RankingEntry = {
      unit: u.unit,
      row: u.row,
      self: u.self,
      appraised: u.appraised,
      max: u.max,
      index: u.index,
      grade: gradeOf(u.index, bandsOfBlock(settings, u.block)),
      rank,
      block: u.block,
      survey: u.survey,
      previous: u.previous,
      // No rank, no rank change: none is invented.
      change: change && rank === null ? { ...change, rank: null } : change,
    };
    if (rankOf !== null) entry.rankOf = rankOf;
    if (u.unranked) entry.unranked = true;
    return entry;
  });
  // An extract gives no rank where none is typed: say why, once, so no rank is missed in silence.
  const untyped = ranking.filter((e) => e.rank === null && !e.unranked);
  if (settled.evidence !== null && untyped.length > 0) {
    const names = untyped.length <= 3 ? untyped.map((e) => e.unit).join(", ") : `${untyped.length} đơn vị`;
    findings.push(
      finding(at.place, "extract-without-rank", at.headerRow, at.rankCol ?? at.unitCol,
        `Bảng là trích một phần của bảng lớn hơn (${settled.evidence}): thứ hạng lấy theo thứ hạng ghi trong bảng. ` +
          `${names} không có thứ hạng ghi nên không được xếp hạng và không tính tăng/giảm bậc.`),
    );
  }
  return { ranking, extract: settled.extract };
}
