// What the appraisal council cut on one unit's scoring sheet: the leaves appraised below the
// unit's self-assessment, with the council's note, and the cuts per area. An appraised score
// above the self-assessment is a warning at the appraised cell.
import type { CriterionNode, Finding, HeaderInfo, NumberParse, ScoringSheet } from "../core/types";
import { excelRound, points } from "../core/numbers";
import { finding, type SheetPlace } from "../core/findingFactory";
import { formatPointsVi } from "../core/viText";
import { exclusionsOf, type Exclusions } from "./totals";

/** One leaf the council appraised below the unit's self-assessment. */
export interface AppraisalCut {
  code: string;
  name: string;
  /** Grid row (0-based, relative to the grid). */
  row: number;
  max: number;
  self: number;
  appraised: number;
  /** self − appraised, to 2 decimals (always above 0). */
  cut: number;
  /** The cause column's text: the council's note. */
  note: string | null;
}

/** One area: its self-assessed and appraised points and the points cut on its leaves. */
export interface AreaCut {
  code: string;
  name: string;
  self: number;
  appraised: number;
  /** Sum of the area's leaf cuts (a leaf appraised above self does not offset a cut). */
  cut: number;
}

export interface AppraisalCuts {
  /** Leaves cut, in row order. */
  cuts: AppraisalCut[];
  /** Every area of the sheet, in sheet order. */
  byArea: AreaCut[];
  /** Sum of every cut. */
  total: number;
}

/** A leaf's points on one score as the totals count them (a blank is 0); null when not comparable. */
function pointsOf(p: NumberParse): number | null {
  if (p.kind === "number") return p.value;
  return p.kind === "blank" ? 0 : null;
}

/** Self and appraised points of a leaf both scores count; null for KPS, text, errors. */
function pair(leaf: CriterionNode, excluded: Exclusions): { self: number; appraised: number } | null {
  if (!leaf.isLeaf || excluded.self.has(leaf.code) || excluded.appraised.has(leaf.code)) return null;
  const self = pointsOf(leaf.self);
  // The cut is the first appraisal's, before any explanation changed the points.
  const appraised = pointsOf(leaf.appraisedBefore ?? leaf.appraised);
  return self === null || appraised === null ? null : { self, appraised };
}

/** The cuts of a sheet, or null unless it carries both self-assessed and appraised points. */
export function appraisalCuts(sheet: ScoringSheet): AppraisalCuts | null {
  if (!sheet.hasSelf || !sheet.hasAppraised) return null;
  const excluded = exclusionsOf(sheet.nodes);
  const cuts: AppraisalCut[] = [];
  for (const leaf of sheet.nodes) {
    const p = pair(leaf, excluded);
    if (p === null) continue;
    const cut = points(p.self - p.appraised);
    if (cut <= 0) continue;
    const max = leaf.max.kind === "number" ? leaf.max.value : 0;
    cuts.push({ code: leaf.code, name: leaf.name, row: leaf.row, max, self: p.self, appraised: p.appraised, cut, note: leaf.cause });
  }
  const byArea = sheet.areas.map((a) => {
    const within = (code: string) => code === a.code || code.startsWith(a.code + ".");
    const inArea = cuts.filter((c) => within(c.code));
    // The area's first appraisal: its points less what the explanation changed.
    const changed = sum((sheet.explanation?.restored ?? []).filter((r) => within(r.code)).map((r) => r.change));
    return { code: a.code, name: a.name, self: a.self ?? 0, appraised: points((a.appraised ?? 0) - changed), cut: sum(inArea.map((c) => c.cut)) };
  });
  return { cuts, byArea, total: sum(cuts.map((c) => c.cut)) };
}

/** Binary noise removed: sums of 2-decimal points stay 2-decimal. */
function sum(values: readonly number[]): number {
  return excelRound(values.reduce((s, x) => s + x, 0), 10);
}

/**
 * A warning at the appraised cell of each leaf appraised above its self-assessment (the council
 * cuts, it does not add), unless that cell is already over the maximum.
 */
export function appraisedAboveSelfFindings(place: SheetPlace, header: HeaderInfo, nodes: readonly CriterionNode[]): Finding[] {
  const col = header.columns.appraised;
  if (col === undefined || header.columns.self === undefined) return [];
  const excluded = exclusionsOf(nodes);
  const findings: Finding[] = [];
  for (const leaf of nodes) {
    if (leaf.self.kind !== "number" || leaf.appraised.kind !== "number") continue;
    const p = pair(leaf, excluded);
    if (p === null || points(p.appraised - p.self) <= 0) continue;
    // Above the maximum is already an error at this cell.
    if (leaf.max.kind === "number" && points(p.appraised - leaf.max.value) > 0) continue;
    findings.push(
      finding(place, "appraised-above-self", leaf.row, col,
        `Điểm thẩm định của ${leaf.code} (${formatPointsVi(p.appraised)}) cao hơn điểm tự đánh giá (${formatPointsVi(p.self)}): hãy kiểm tra lại.`),
    );
  }
  return findings;
}
