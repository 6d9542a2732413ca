// Reading the rows of a scoring sheet into criterion nodes (one per code), in row order.
import type { CriterionNode, Finding, Grid, HeaderInfo } from "./types";
import { cellText, parseNumber } from "./numbers";
import { parseCode, parentCode } from "./codes";
import { foldText, normalizeName } from "./text";
import { parseResponsible } from "./responsible";
import { finding, type SheetPlace } from "./findingFactory";

export interface ScoringRows {
  nodes: CriterionNode[];
  byCode: Map<string, CriterionNode>;
  totalRow: number | null;
  findings: Finding[];
}

/** The grand-total row: no code, text starting with "Tổng" (Tổng điểm, Tổng cộng, TỔNG). */
function isTotalRow(texts: string[]): boolean {
  return texts.some((t) => /^tong\b/.test(foldText(t)));
}

export function readScoringRows(grid: Grid, header: HeaderInfo, place: SheetPlace): ScoringRows {
  const c = header.columns;
  const nodes: CriterionNode[] = [];
  const byCode = new Map<string, CriterionNode>();
  const findings: Finding[] = [];
  let totalRow: number | null = null;
  const textAt = (row: readonly unknown[], col: number | undefined) =>
    col === undefined ? "" : cellText(row[col] as never).trim();

  for (let r = header.row + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const parsed = c.code === undefined ? null : parseCode(row[c.code]);
    if (!parsed) {
      if (totalRow === null && isTotalRow([textAt(row, c.code), textAt(row, c.name)])) totalRow = r;
      continue;
    }
    const existing = byCode.get(parsed.code);
    if (existing) {
      findings.push(
        finding(place, "duplicate-code", r, c.code!, `Mã tiêu chí ${parsed.code} bị trùng: đã có ở dòng ${place.origin.row + existing.row + 1}. Dòng này không được tính.`),
      );
      continue;
    }
    const at = (col: number | undefined) => (col === undefined ? undefined : row[col]);
    const cause = normalizeName(textAt(row, c.cause));
    const node: CriterionNode = {
      code: parsed.code,
      rawCode: cellText(row[c.code!]).trim(),
      name: normalizeName(textAt(row, c.name)),
      level: parsed.level,
      row: r,
      parent: parentCode(parsed.code),
      children: [],
      isLeaf: true,
      max: parseNumber(at(c.max)),
      self: c.self === undefined ? { kind: "blank" } : parseNumber(at(c.self)),
      appraised: c.appraised === undefined ? { kind: "blank" } : parseNumber(at(c.appraised)),
      cause: cause === "" ? null : cause,
      responsible: parseResponsible(textAt(row, c.responsible)),
    };
    nodes.push(node);
    byCode.set(node.code, node);
  }

  for (const node of nodes) {
    const expected = node.parent;
    if (expected === null) continue;
    // Attach to the nearest ancestor present, so "2" is not a leaf when only "2.1.1" is below it.
    let ancestor: string | null = expected;
    while (ancestor !== null && !byCode.has(ancestor)) ancestor = parentCode(ancestor);
    node.parent = ancestor;
    if (ancestor !== null) {
      const parent = byCode.get(ancestor)!;
      parent.children.push(node.code);
      parent.isLeaf = false;
    }
    if (ancestor !== expected) {
      findings.push(finding(place, "missing-parent", node.row, c.code!, `Tiêu chí ${node.code} không có dòng tiêu chí cha ${expected}.`));
    }
  }
  return { nodes, byCode, totalRow, findings };
}
