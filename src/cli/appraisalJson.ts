// What the appraisal cut, in `cchc check --json` (issue 19 §2): per scoring sheet with both
// scores `appraisal: {cuts, byArea}`, per run `byCriterion` over every unit's sheet of every file.
import { excelRound } from "../engine/core/numbers";
import type { ScoringSheet } from "../engine/core/types";
import { appraisalCuts } from "../engine/scoring/appraisalCuts";
import { appraisalAcross, appraisedUnitSheets } from "../engine/compare/appraisalAcross";

export interface JsonAppraisal {
  cuts: { code: string; name: string; max: number; self: number; appraised: number; cut: number; note: string | null }[];
  byArea: { code: string; name: string; self: number; appraised: number; cut: number }[];
}

export interface JsonCriterionCut {
  code: string;
  name: string;
  max: number;
  /** How many units it was cut on. */
  units: number;
  totalCut: number;
  /** Most cut first; `file` and `sheet` say where each unit's sheet is. */
  unitsCut: { unit: string; file: string; sheet: string; cut: number }[];
}

const pts = (x: number): number => excelRound(x, 2);

/** The sheet's cuts; undefined unless it has both self-assessed and appraised points. */
export function appraisalJson(s: ScoringSheet): JsonAppraisal | undefined {
  const a = appraisalCuts(s);
  if (a === null) return undefined;
  return {
    cuts: a.cuts.map((c) => ({ code: c.code, name: c.name, max: pts(c.max), self: pts(c.self), appraised: pts(c.appraised), cut: pts(c.cut), note: c.note })),
    byArea: a.byArea.map((x) => ({ code: x.code, name: x.name, self: pts(x.self), appraised: pts(x.appraised), cut: pts(x.cut) })),
  };
}

/**
 * The criteria cut most often across every unit's sheet of the run (one sheet per unit in each
 * file), or undefined with fewer than two such sheets.
 */
export function byCriterionJson(files: readonly { file: string; sheets: readonly ScoringSheet[] }[]): JsonCriterionCut[] | undefined {
  const where: { file: string; sheet: ScoringSheet }[] = [];
  for (const f of files) for (const sheet of f.sheets) where.push({ file: f.file, sheet });
  if (where.length < 2) return undefined;
  const labels = where.map((w) => w.sheet.unit ?? w.sheet.title ?? w.sheet.sheet);
  const across = appraisalAcross(
    where.map((w) => w.sheet),
    labels,
  );
  return across.byCriterion.map((c) => ({
    code: c.code,
    name: c.name,
    max: pts(c.max),
    units: c.units,
    totalCut: pts(c.totalCut),
    unitsCut: c.unitsCut.map((u) => ({ unit: u.unit, file: where[u.source].file, sheet: where[u.source].sheet.sheet, cut: pts(u.cut) })),
  }));
}

export { appraisedUnitSheets };
