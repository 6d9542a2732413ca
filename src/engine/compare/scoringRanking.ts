// Ranking the units of a workbook that holds one scoring sheet per unit.
import type { EngineSettings, RankingEntry, ScoreKind, ScoringSheet } from "../core/types";
import { competitionRanks, gradeOf } from "../core/grades";
import { unitKey } from "../scoring/responsible";
import { changeOnPrevious } from "../units/unitsYearOverYear";

export interface ScoringRanking {
  official: ScoreKind;
  /** Sheets ranked, in workbook order, and their entries. */
  sheets: ScoringSheet[];
  entries: RankingEntry[];
  /** Scoring sheets left out: no official score. */
  skipped: ScoringSheet[];
}

/** Each sheet's unit; the sheet names instead when two sheets name the same unit. */
export function unitNames(sheets: readonly ScoringSheet[]): string[] {
  const names = sheets.map((s) => s.unit ?? s.title ?? s.sheet);
  const unique = new Set(names.map(unitKey)).size === names.length;
  return unique ? names : sheets.map((s) => s.sheet);
}

/** The score every sheet is ranked on: the setting, else appraised where any sheet has it. */
export function commonOfficial(sheets: readonly ScoringSheet[], settings: EngineSettings): ScoreKind {
  if (settings.official !== "auto") return settings.official;
  return sheets.some((s) => s.totals.appraised !== null) ? "appraised" : "self";
}

export function rankScoringSheets(scoring: readonly ScoringSheet[], settings: EngineSettings): ScoringRanking {
  const official = commonOfficial(scoring, settings);
  const usable = scoring.filter((s) => s.totals[official] !== null && s.totals[official]!.max > 0);
  const indices = usable.map((s) => s.totals[official]!.index!);
  const ranks = competitionRanks(indices);
  const names = unitNames(usable);
  const entries = usable.map(
    (s, i): RankingEntry => ({
      unit: names[i],
      row: 0,
      self: s.totals.self?.achieved ?? null,
      appraised: s.totals.appraised?.achieved ?? null,
      max: s.totals[official]!.max,
      index: indices[i],
      grade: gradeOf(indices[i], settings.bands),
      rank: ranks[i],
      block: null,
      survey: null,
      // Last year's rank is not known from one sheet per unit; the index change is.
      previous: s.comparison ? { index: s.comparison.previous.index, rank: null } : null,
      change: changeOnPrevious(indices[i], ranks[i], s.comparison ? { index: s.comparison.previous.index, rank: null } : null),
    }),
  );
  const ranked = new Set(usable);
  return { official, sheets: usable, entries, skipped: scoring.filter((s) => !ranked.has(s)) };
}
