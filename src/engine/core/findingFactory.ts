// One place that turns a rule and a grid cell into a Finding, with the rule's fixed severity.
import type { Finding, RuleId, Severity } from "./types";
import { toA1 } from "./address";

export const RULE_SEVERITY: Record<RuleId, Severity> = {
  "not-a-number": "error",
  negative: "error",
  "over-max": "error",
  "too-many-decimals": "warning",
  "duplicate-code": "error",
  "missing-parent": "warning",
  "max-mismatch": "error",
  "subtotal-mismatch": "error",
  "kps-with-score": "error",
  "lost-without-cause": "warning",
  "lost-without-responsible": "warning",
  "similar-unit-names": "warning",
  "unreadable-code": "error",
  "assumed-max": "warning",
  "zero-max": "error",
  "empty-block": "warning",
  "unnamed-unit": "warning",
  "criteria-set-mismatch": "warning",
  "template-missing": "error",
  "template-extra": "error",
  "template-moved": "error",
  "template-max": "error",
  "template-name": "warning",
  "template-total": "error",
  "rank-mismatch": "warning",
  "extract-without-rank": "warning",
  "index-out-of-range": "error",
  "appraised-above-self": "warning",
  "missing-evidence": "warning",
  "bad-evidence-link": "warning",
};

export interface SheetPlace {
  sheet: string;
  origin: { row: number; col: number };
}

export function finding(place: SheetPlace, rule: RuleId, gridRow: number, gridCol: number, message: string): Finding {
  const row = place.origin.row + gridRow;
  const col = place.origin.col + gridCol;
  return { rule, severity: RULE_SEVERITY[rule], sheet: place.sheet, cell: toA1(row, col), row, col, message };
}

/** Errors first, then by position in the sheet. */
export function sortFindings(findings: Finding[]): Finding[] {
  const weight = (f: Finding) => (f.severity === "error" ? 0 : 1);
  return findings.sort((a, b) => weight(a) - weight(b) || a.row - b.row || a.col - b.col);
}
