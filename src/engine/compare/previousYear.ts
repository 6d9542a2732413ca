// Comparing each scoring sheet with last year's sheet of the same unit: totals, index and grade,
// each area's change, sub-criteria newly losing points and those that recovered.
import type { ScoringComparison, ScoringSheet, WorkbookAnalysis } from "../core/types";
import { excelRound, points } from "../core/numbers";
import { unitKey } from "../scoring/responsible";
import { rankScoringSheets } from "./scoringRanking";
import { withDefaults } from "../core/settings";

/**
 * Last year's sheet for `sheet`: same unit, else same sheet name, else, one sheet against one,
 * the only scoring sheet last year had unless both titles name their units and they differ (a
 * workbook of several units never pairs a unit with another's sheet). A sheet is never its own last year (a sheet of the same workbook).
 */
export function matchPrevious(sheet: ScoringSheet, candidates: readonly ScoringSheet[], onlyOne: boolean): ScoringSheet | null {
  const others = candidates.filter((p) => p !== sheet);
  const unit = unitKey(sheet.unit ?? sheet.sheet);
  return (
    others.find((p) => unitKey(p.unit ?? p.sheet) === unit) ??
    others.find((p) => p.sheet === sheet.sheet) ??
    // Two sheets whose titles name different units are never paired, even one against one.
    (onlyOne && candidates.length === 1 && others.length === 1 && (sheet.title === null || others[0].title === null) ? others[0] : null)
  );
}

export function compareSheets(current: ScoringSheet, previous: ScoringSheet, previousFile: string | null): ScoringComparison | null {
  const now = current.totals[current.official];
  const then = previous.totals[previous.official];
  if (now === null || then === null) return null;
  const codes = current.areas.map((a) => a.code);
  for (const a of previous.areas) if (!codes.includes(a.code)) codes.push(a.code);
  const areas = codes.map((code) => {
    const c = current.areas.find((a) => a.code === code);
    const p = previous.areas.find((a) => a.code === code);
    const cur = c ? (c[current.official] ?? null) : null;
    const prev = p ? (p[previous.official] ?? null) : null;
    return { code, name: c?.name || p?.name || "", current: cur, previous: prev, change: cur === null || prev === null ? null : points(cur - prev) };
  });
  const lostNow = new Set(current.lost.map((l) => l.code));
  const lostThen = new Set(previous.lost.map((l) => l.code));
  return {
    previous: {
      file: previousFile,
      sheet: previous.sheet,
      achieved: then.achieved,
      max: then.max,
      index: then.index,
      grade: then.grade,
      year: previous.year ?? null,
    },
    change: {
      achieved: points(now.achieved - then.achieved),
      index: now.index === null || then.index === null ? null : excelRound(now.index - then.index, 3),
    },
    areas,
    newlyLost: current.lost.filter((l) => !lostThen.has(l.code)).map((l) => l.code),
    recovered: previous.lost.filter((l) => !lostNow.has(l.code)).map((l) => l.code),
  };
}

/**
 * `current` with each scoring sheet compared with last year's sheet of the same unit
 * (`previousFile` null: last year's sheet is in the same workbook). `messages` (Vietnamese) name
 * what could not be compared: no scoring sheet last year, no matching sheet, years out of order.
 */
export function compareWithPrevious(
  current: WorkbookAnalysis,
  previous: WorkbookAnalysis,
  previousFile: string | null,
): { analysis: WorkbookAnalysis; messages: string[] } {
  const where = previousFile === null ? "bảng tính này" : `tệp năm trước ${previousFile}`;
  const candidates = previous.sheets.filter((s): s is ScoringSheet => s.kind === "scoring");
  const messages: string[] = [];
  const scoring = current.sheets.filter((s): s is ScoringSheet => s.kind === "scoring");
  if (candidates.length === 0) {
    messages.push(`Không có bảng chấm điểm nào trong ${where} để so sánh với năm trước.`);
    return { analysis: current, messages };
  }
  const sheets = current.sheets.map((s) => {
    if (s.kind !== "scoring") return s;
    const match = matchPrevious(s, candidates, scoring.length === 1);
    if (!match) {
      messages.push(`Sheet "${s.sheet}" (${s.unit ?? s.sheet}): không tìm thấy sheet cùng đơn vị trong ${where}.`);
      return s;
    }
    const comparison = compareSheets(s, match, previousFile);
    if (!comparison) {
      messages.push(`Sheet "${s.sheet}": không so sánh được với sheet "${match.sheet}" của ${where} vì một trong hai chưa có điểm.`);
      return s;
    }
    if (s.year != null && match.year != null && match.year >= s.year) {
      messages.push(`Sheet "${match.sheet}" của ${where} ghi năm ${match.year}, không trước năm ${s.year} của sheet "${s.sheet}".`);
    }
    return { ...s, comparison };
  });
  let acrossUnits = current.acrossUnits ?? null;
  if (acrossUnits) {
    // The ranking across units carries each unit's change on last year.
    const compared = acrossUnits.sheets.map((name) => sheets.find((s) => s.sheet === name)).filter((s): s is ScoringSheet => s?.kind === "scoring");
    const ranked = rankScoringSheets(compared, withDefaults({ official: acrossUnits.official }));
    acrossUnits = { ...acrossUnits, ranking: acrossUnits.ranking.map((e, i) => ({ ...e, previous: ranked.entries[i]?.previous ?? null, change: ranked.entries[i]?.change ?? null })) };
  }
  if (scoring.length > 0 && scoring.every((s) => !sheets.some((x) => x.kind === "scoring" && x.sheet === s.sheet && x.comparison))) {
    // Said once more plainly when nothing at all could be compared.
    messages.push(`Không so sánh được sheet nào với ${where}.`);
  }
  return { analysis: { ...current, sheets, acrossUnits }, messages };
}
