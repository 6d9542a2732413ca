// What the appraisal cut across units (a workbook of unit sheets, or a folder run): each unit's
// self-assessed and appraised totals, and the criteria cut most often and by how much. Criteria
// are matched by code, as the analysis across units matches them.
import type { ScoringSheet, SheetResult } from "../core/types";
import { compareCodes } from "../cells/codes";
import { excelRound, points } from "../core/numbers";
import { appraisalCuts, type AppraisalCuts } from "../scoring/appraisalCuts";
import { oneSheetPerUnit } from "./acrossUnits";
import { unitNames } from "./scoringRanking";

/** One unit's appraisal: its totals and its cuts. */
export interface UnitAppraisal {
  unit: string;
  sheet: string;
  /** Position of the unit's sheet among the sheets given (tells files apart in a folder run). */
  source: number;
  self: number;
  appraised: number;
  /** Sum of the unit's leaf cuts. */
  cut: number;
  cuts: AppraisalCuts;
}

/** One criterion across units: how many units it was cut on, and by how much. */
export interface CriterionCutAcross {
  code: string;
  name: string;
  max: number;
  units: number;
  totalCut: number;
  /** Most cut first, then by unit order. */
  unitsCut: Array<{ unit: string; source: number; self: number; appraised: number; cut: number; note: string | null }>;
}

export interface AppraisalAcross {
  units: UnitAppraisal[];
  /** Criteria cut on at least one unit: most units first, then most points, then by code. */
  byCriterion: CriterionCutAcross[];
}

/**
 * The appraisal across the given sheets (each with its unit's label); sheets without both
 * self-assessed and appraised points are left out.
 */
export function appraisalAcross(sheets: readonly ScoringSheet[], labels: readonly string[] = unitNames(sheets)): AppraisalAcross {
  const units: UnitAppraisal[] = [];
  sheets.forEach((s, i) => {
    const cuts = appraisalCuts(s);
    if (cuts === null) return;
    units.push({ unit: labels[i], sheet: s.sheet, source: i, self: s.totals.self!.achieved, appraised: s.totals.appraised!.achieved, cut: cuts.total, cuts });
  });
  const byCode = new Map<string, CriterionCutAcross>();
  for (const u of units) {
    for (const c of u.cuts.cuts) {
      let entry = byCode.get(c.code);
      if (!entry) byCode.set(c.code, (entry = { code: c.code, name: c.name, max: c.max, units: 0, totalCut: 0, unitsCut: [] }));
      entry.units++;
      entry.totalCut = excelRound(entry.totalCut + c.cut, 10);
      entry.unitsCut.push({ unit: u.unit, source: u.source, self: c.self, appraised: c.appraised, cut: c.cut, note: c.note });
    }
  }
  const byCriterion = [...byCode.values()];
  for (const c of byCriterion) {
    c.totalCut = points(c.totalCut);
    // A stable sort keeps the units' order among equal cuts.
    c.unitsCut.sort((a, b) => b.cut - a.cut);
  }
  byCriterion.sort((a, b) => b.units - a.units || b.totalCut - a.totalCut || compareCodes(a.code, b.code));
  return { units, byCriterion };
}

/** A workbook's sheets with both scores, one per unit (as the analysis across units takes them). */
export function appraisedUnitSheets(results: readonly SheetResult[]): ScoringSheet[] {
  const scoring = oneSheetPerUnit(results.filter((s): s is ScoringSheet => s.kind === "scoring"));
  return scoring.filter((s) => s.hasSelf && s.hasAppraised);
}

/** The appraisal across the units' sheets of one workbook, or null with fewer than two. */
export function workbookAppraisal(results: readonly SheetResult[]): AppraisalAcross | null {
  const sheets = appraisedUnitSheets(results);
  return sheets.length < 2 ? null : appraisalAcross(sheets);
}
