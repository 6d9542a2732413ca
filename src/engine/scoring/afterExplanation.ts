// Points after explanation (issue 19 §4): where a sheet has a column "Điểm sau giải trình" /
// "Điểm thẩm định lại", its points replace the appraised points (a blank cell keeps them), so the
// official score, the totals and the index are the settled ones; the first appraisal stays on each
// node as `appraisedBefore`. ScoreKind keeps its two kinds: "appraised" means after explanation here.
import type { CriterionNode, ExplanationResult, Grid, HeaderInfo, NumberParse } from "../core/types";
import { parseNumber, points } from "../core/numbers";

/** A leaf's points as the totals count them (a blank is 0); null for KPS, text, errors. */
function pointsOf(p: NumberParse): number | null {
  if (p.kind === "number") return p.value;
  return p.kind === "blank" ? 0 : null;
}

export interface ExplainedNodes {
  /** The nodes with `appraised` replaced where the after-explanation cell is filled. */
  nodes: CriterionNode[];
  explanation: ExplanationResult;
}

/** Null when the sheet has no column of points after explanation. */
export function explainedNodes(grid: Grid, header: HeaderInfo, nodes: readonly CriterionNode[]): ExplainedNodes | null {
  const col = header.columns.afterExplanation;
  if (col === undefined) return null;
  const explanation: ExplanationResult = { restored: [], kept: [] };
  const out = nodes.map((node): CriterionNode => {
    const cell = grid.values[node.row]?.[col] ?? null;
    const after = parseNumber(cell);
    const before = pointsOf(node.appraised);
    const self = node.self.kind === "number" ? node.self.value : null;
    const wasCut = node.isLeaf && self !== null && before !== null && points(self - before) > 0;
    if (after.kind === "blank") {
      if (wasCut) explanation.kept.push({ code: node.code, name: node.name, appraised: before! });
      return node;
    }
    if (node.isLeaf && after.kind === "number" && before !== null) {
      const change = points(after.value - before);
      if (change !== 0) explanation.restored.push({ code: node.code, name: node.name, appraised: before, after: after.value, change });
      else if (wasCut) explanation.kept.push({ code: node.code, name: node.name, appraised: before });
    }
    return {
      ...node,
      appraised: after,
      appraisedBefore: node.appraised,
      numberCells: { self: node.numberCells?.self ?? false, appraised: typeof cell === "number" },
    };
  });
  // Parents point at children by code, so the copies keep the tree as it was.
  return { nodes: out, explanation };
}

/** Sum of the changes (points restored, less any lowered), to 2 decimals. */
export function restoredPoints(explanation: ExplanationResult): number {
  return points(explanation.restored.reduce((sum, r) => sum + r.change, 0));
}
