// Analysis across units: a workbook with one scoring sheet per unit (one sheet per commune).
// Which sub-criteria many units lost points on (the report's "Tồn tại, hạn chế"), each area's
// points, component index and rank per unit, and a ranking of the units.
import type { AcrossUnitsAnalysis, AreaAcrossUnits, CriterionAcrossUnits, EngineSettings, Finding, ScoringSheet, SheetResult } from "../core/types";
import { compareCodes } from "../cells/codes";
import { competitionRanks, computeIndex } from "../core/grades";
import { excelRound } from "../core/numbers";
import { finding } from "../core/findingFactory";
import { rankScoringSheets, unitNames } from "./scoringRanking";
import { unitKey } from "../scoring/responsible";

/**
 * One sheet per unit, of this year: a workbook often keeps last year's sheet of the same unit (an
 * old year kept hidden), which is no other unit. Where titles name years only the latest year's
 * sheets count (sheets without a year stay); of sheets naming the same unit the first counts.
 */
export function oneSheetPerUnit(scoring: readonly ScoringSheet[]): ScoringSheet[] {
  const years = scoring.map((s) => s.year ?? null).filter((y): y is number => y !== null);
  const latest = years.length > 0 ? Math.max(...years) : null;
  const seen = new Set<string>();
  return scoring.filter((s) => {
    if (latest !== null && s.year != null && s.year !== latest) return false;
    const key = unitKey(s.unit ?? s.sheet);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The criteria set of a sheet: its leaf codes in a canonical order (any order tells sets apart). */
function criteriaKey(sheet: ScoringSheet): string {
  return sheet.nodes
    .filter((n) => n.isLeaf)
    .map((n) => n.code)
    .sort()
    .join("|");
}

/**
 * The sheets sharing the criteria set most sheets have (the first such set on a tie), and a
 * finding for each other scoring sheet: another criteria set is never silently mixed in.
 */
export function sameCriteriaSheets(scoring: readonly ScoringSheet[]): { sheets: ScoringSheet[]; findings: Map<string, Finding> } {
  const groups = new Map<string, ScoringSheet[]>();
  for (const s of scoring) {
    const key = criteriaKey(s);
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  let main: ScoringSheet[] = [];
  for (const g of groups.values()) if (g.length > main.length) main = g;
  const findings = new Map<string, Finding>();
  if (scoring.length < 2) return { sheets: main, findings };
  const names = main.map((s) => `"${s.sheet}"`).join(", ");
  for (const s of scoring) {
    if (main.includes(s)) continue;
    const place = { sheet: s.sheet, origin: s.origin };
    findings.set(
      s.sheet,
      finding(place, "criteria-set-mismatch", s.header.row, s.header.columns.code ?? 0,
        `Sheet "${s.sheet}" có bộ tiêu chí khác các sheet ${names}: không được gộp vào phân tích nhiều đơn vị.`),
    );
  }
  return { sheets: main, findings };
}

function criteriaAcross(sheets: readonly ScoringSheet[], units: readonly string[]): CriterionAcrossUnits[] {
  const first = sheets[0];
  const byCode = new Map<string, CriterionAcrossUnits>();
  for (const leaf of first.nodes) {
    if (!leaf.isLeaf) continue;
    const max = leaf.max.kind === "number" ? leaf.max.value : 0;
    byCode.set(leaf.code, { code: leaf.code, name: leaf.name, max, unitsLosing: 0, lostTotal: 0, lostBy: [] });
  }
  sheets.forEach((s, i) => {
    for (const item of s.lost) {
      const c = byCode.get(item.code);
      if (!c) continue;
      c.unitsLosing++;
      c.lostTotal = excelRound(c.lostTotal + item.lost, 10);
      c.lostBy.push({ unit: units[i], achieved: item.achieved, lost: item.lost });
    }
  });
  const losing = [...byCode.values()].filter((c) => c.unitsLosing > 0);
  for (const c of losing) c.lostBy.sort((a, b) => b.lost - a.lost);
  return losing.sort((a, b) => b.unitsLosing - a.unitsLosing || b.lostTotal - a.lostTotal || compareCodes(a.code, b.code));
}

function areasAcross(sheets: readonly ScoringSheet[], units: readonly string[], official: "self" | "appraised"): AreaAcrossUnits[] {
  return sheets[0].areas.map((area) => {
    const perUnit = sheets.map((s, i) => {
      const own = s.areas.find((a) => a.code === area.code);
      const achieved = own?.[official] ?? 0;
      return { unit: units[i], achieved, index: own ? computeIndex(achieved, own.max) : null };
    });
    // A unit without an index (no applicable maximum) ranks below every other.
    const ranks = competitionRanks(perUnit.map((u) => u.index ?? -1));
    return { code: area.code, name: area.name, max: area.max, units: perUnit.map((u, i) => ({ ...u, rank: ranks[i] })) };
  });
}

/**
 * The analysis, or null with fewer than two scoring sheets of one criteria set; `findings`
 * name the scoring sheets left out for another criteria set.
 */
export function analyzeAcrossUnits(results: readonly SheetResult[], settings: EngineSettings): { analysis: AcrossUnitsAnalysis | null; findings: Map<string, Finding> } {
  const scoring = oneSheetPerUnit(results.filter((s): s is ScoringSheet => s.kind === "scoring"));
  const { sheets, findings } = sameCriteriaSheets(scoring);
  if (sheets.length < 2) return { analysis: null, findings };
  const ranking = rankScoringSheets(sheets, settings);
  const units = unitNames(sheets);
  return {
    analysis: {
      units,
      sheets: sheets.map((s) => s.sheet),
      criteria: criteriaAcross(sheets, units),
      areas: areasAcross(sheets, units, ranking.official),
      ranking: ranking.entries,
      official: ranking.official,
    },
    findings,
  };
}
