// Totals over the leaves of the criteria tree: per node, per area, the grand total.
import type { AreaSummary, CriterionNode, LostItem, NumberParse, PointsTotal, ScoreKind, ScoreSummary } from "./types";
import { excelRound, points } from "./numbers";
import { computeIndex, gradeOf } from "./grades";
import type { GradeBand } from "./types";
import { isUnder } from "./codes";

/** A leaf is left out of a score's totals (achieved and maximum) when it or its maximum is KPS. */
export function isExcluded(leaf: CriterionNode, kind: ScoreKind): boolean {
  return leaf.max.kind === "kps" || leaf[kind].kind === "kps";
}

function valueOf(p: NumberParse): number {
  return p.kind === "number" ? p.value : 0;
}

/** Binary noise removed: sums of 2-decimal points stay 2-decimal (0.1 + 0.2 → 0.3). */
function clean(x: number): number {
  return excelRound(x, 10);
}

export function leafTotal(leaves: readonly CriterionNode[], kind: ScoreKind): PointsTotal {
  let achieved = 0;
  let max = 0;
  for (const leaf of leaves) {
    if (isExcluded(leaf, kind)) continue;
    achieved += valueOf(leaf[kind]);
    max += valueOf(leaf.max);
  }
  return { achieved: clean(achieved), max: clean(max) };
}

export function leavesUnder(code: string, leaves: readonly CriterionNode[]): CriterionNode[] {
  return leaves.filter((l) => isUnder(l.code, code));
}

export function nodeTotals(nodes: readonly CriterionNode[]): Record<string, { self: PointsTotal; appraised: PointsTotal }> {
  const leaves = nodes.filter((n) => n.isLeaf);
  const out: Record<string, { self: PointsTotal; appraised: PointsTotal }> = {};
  for (const node of nodes) {
    const under = node.isLeaf ? [node] : leavesUnder(node.code, leaves);
    out[node.code] = { self: leafTotal(under, "self"), appraised: leafTotal(under, "appraised") };
  }
  return out;
}

export function summarize(total: PointsTotal, bands: readonly GradeBand[]): ScoreSummary {
  const index = computeIndex(total.achieved, total.max);
  return { achieved: total.achieved, max: total.max, index, grade: index === null ? null : gradeOf(index, bands) };
}

/** Whether the sheet carries a score: at least one leaf has a number in that column. */
export function hasScore(nodes: readonly CriterionNode[], kind: ScoreKind): boolean {
  return nodes.some((n) => n.isLeaf && n[kind].kind === "number");
}

/** Areas: the first part of every code, named by the area's own row where there is one. */
export function areasOf(nodes: readonly CriterionNode[], hasSelf: boolean, hasAppraised: boolean): AreaSummary[] {
  const leaves = nodes.filter((n) => n.isLeaf);
  const areaCodes: string[] = [];
  for (const n of nodes) {
    const area = n.code.split(".")[0];
    if (!areaCodes.includes(area)) areaCodes.push(area);
  }
  return areaCodes.map((code) => {
    const own = nodes.find((n) => n.code === code);
    const under = leavesUnder(code, leaves);
    const self = leafTotal(under, "self");
    const appraised = leafTotal(under, "appraised");
    return {
      code,
      name: own?.name ?? "",
      row: own?.row ?? under[0]?.row ?? 0,
      // The applicable maximum of the official score is what the report prints; both agree unless KPS differs.
      max: hasAppraised ? appraised.max : self.max,
      self: hasSelf ? self.achieved : null,
      appraised: hasAppraised ? appraised.achieved : null,
    };
  });
}

/** Leaves that lost points on the official score, in row order. */
export function lostItems(nodes: readonly CriterionNode[], official: ScoreKind): LostItem[] {
  const items: LostItem[] = [];
  for (const leaf of nodes) {
    if (!leaf.isLeaf || isExcluded(leaf, official)) continue;
    if (leaf.max.kind !== "number" || leaf[official].kind !== "number") continue;
    const max = leaf.max.value;
    const achieved = valueOf(leaf[official]);
    const lost = points(max - achieved);
    if (lost <= 0) continue;
    items.push({ code: leaf.code, name: leaf.name, row: leaf.row, max, achieved, lost, cause: leaf.cause, responsible: leaf.responsible });
  }
  return items;
}
