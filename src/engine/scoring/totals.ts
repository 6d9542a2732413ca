// Totals over the leaves of the criteria tree: per node, per area, the grand total.
import type { AreaSummary, CriterionNode, LostItem, NumberParse, PointsTotal, ScoreKind, ScoreSummary } from "../core/types";
import { excelRound, points } from "../core/numbers";
import { computeIndex, gradeOf } from "../core/grades";
import type { GradeBand } from "../core/types";
import { isUnder } from "../cells/codes";

/** Leaves left out of each score's totals (achieved and maximum), by code. */
export type Exclusions = Record<ScoreKind, Set<string>>;

/**
 * A leaf is left out of a score when it, or any row above it, is KPS in the maximum column or
 * in that score's column: a criterion "không phát sinh" takes its sub-criteria with it.
 */
export function exclusionsOf(nodes: readonly CriterionNode[]): Exclusions {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const out: Exclusions = { self: new Set(), appraised: new Set() };
  for (const leaf of nodes) {
    if (!leaf.isLeaf) continue;
    for (const kind of ["self", "appraised"] as const) {
      for (let n: CriterionNode | undefined = leaf; n; n = n.parent === null ? undefined : byCode.get(n.parent)) {
        if (n.max.kind === "kps" || n[kind].kind === "kps") {
          out[kind].add(leaf.code);
          break;
        }
      }
    }
  }
  return out;
}

function valueOf(p: NumberParse): number {
  return p.kind === "number" ? p.value : 0;
}

/** Binary noise removed: sums of 2-decimal points stay 2-decimal (0.1 + 0.2 → 0.3). */
function clean(x: number): number {
  return excelRound(x, 10);
}

export function leafTotal(leaves: readonly CriterionNode[], kind: ScoreKind, excluded: Exclusions): PointsTotal {
  let achieved = 0;
  let max = 0;
  for (const leaf of leaves) {
    if (excluded[kind].has(leaf.code)) continue;
    achieved += valueOf(leaf[kind]);
    max += valueOf(leaf.max);
  }
  return { achieved: clean(achieved), max: clean(max) };
}

/** Totals per node, bottom-up: a parent's totals are its children's sums (O(nodes)). */
export function nodeTotals(nodes: readonly CriterionNode[], excluded: Exclusions): Record<string, { self: PointsTotal; appraised: PointsTotal }> {
  const out: Record<string, { self: PointsTotal; appraised: PointsTotal }> = {};
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const visit = (node: CriterionNode): { self: PointsTotal; appraised: PointsTotal } => {
    const known = out[node.code];
    if (known) return known;
    let result: { self: PointsTotal; appraised: PointsTotal };
    if (node.isLeaf) {
      const max = valueOf(node.max);
      const one = (kind: ScoreKind): PointsTotal => (excluded[kind].has(node.code) ? { achieved: 0, max: 0 } : { achieved: valueOf(node[kind]), max });
      result = { self: one("self"), appraised: one("appraised") };
    } else {
      const sum = { self: { achieved: 0, max: 0 }, appraised: { achieved: 0, max: 0 } };
      for (const code of node.children) {
        const t = visit(byCode.get(code)!);
        sum.self.achieved += t.self.achieved;
        sum.self.max += t.self.max;
        sum.appraised.achieved += t.appraised.achieved;
        sum.appraised.max += t.appraised.max;
      }
      result = {
        self: { achieved: clean(sum.self.achieved), max: clean(sum.self.max) },
        appraised: { achieved: clean(sum.appraised.achieved), max: clean(sum.appraised.max) },
      };
    }
    out[node.code] = result;
    return result;
  };
  for (const node of nodes) visit(node);
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
export function areasOf(
  nodes: readonly CriterionNode[],
  totals: Record<string, { self: PointsTotal; appraised: PointsTotal }>,
  hasSelf: boolean,
  hasAppraised: boolean,
  official: ScoreKind,
): AreaSummary[] {
  const areaCodes: string[] = [];
  for (const n of nodes) {
    const area = n.code.split(".", 1)[0];
    if (!areaCodes.includes(area)) areaCodes.push(area);
  }
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  return areaCodes.map((code) => {
    const own = byCode.get(code);
    // An area without its own row: the sum of its top rows.
    const parts = own ? [own] : nodes.filter((n) => n.parent === null && isUnder(n.code, code));
    const sum = (kind: ScoreKind, field: "achieved" | "max") => clean(parts.reduce((s, n) => s + totals[n.code][kind][field], 0));
    return {
      code,
      name: own?.name ?? "",
      row: own?.row ?? parts[0]?.row ?? 0,
      // The applicable maximum of the official score; the two differ only where KPS does.
      max: sum(official, "max"),
      self: hasSelf ? sum("self", "achieved") : null,
      appraised: hasAppraised ? sum("appraised", "achieved") : null,
    };
  });
}

/**
 * Leaves that lost points on the official score, in row order. A blank score counts as 0 (it
 * is also a finding) once the sheet carries that score at all.
 */
export function lostItems(nodes: readonly CriterionNode[], official: ScoreKind, excluded: Exclusions, hasOfficial: boolean): LostItem[] {
  const items: LostItem[] = [];
  if (!hasOfficial) return items;
  for (const leaf of nodes) {
    if (!leaf.isLeaf || excluded[official].has(leaf.code)) continue;
    const score = leaf[official];
    if (leaf.max.kind !== "number" || (score.kind !== "number" && score.kind !== "blank")) continue;
    const max = leaf.max.value;
    const achieved = valueOf(score);
    const lost = points(max - achieved);
    if (lost <= 0) continue;
    items.push({ code: leaf.code, name: leaf.name, row: leaf.row, max, achieved, lost, cause: leaf.cause, responsible: leaf.responsible });
  }
  return items;
}
