// A unit's scoring sheet against the official criteria set (the template), criterion by code
// (issue 19 §1): criteria missing, extra or moved, maxima and names that differ, the total maximum.
import type { CriterionNode, Finding, NumberParse, RuleId, ScoringSheet, TemplateDifference } from "../core/types";
import { excelRound } from "../core/numbers";
import { finding, sortFindings, type SheetPlace } from "../core/findingFactory";
import { formatPointsVi } from "../core/viText";
import { exclusionsOf } from "../scoring/totals";
import { criterionNameKey } from "./criterionNames";

export interface TemplateComparison {
  /** At the unit's sheet's cells; errors first, then in row order. */
  findings: Finding[];
  /** No difference at all (a name warning included). */
  conforms: boolean;
  /** One per finding, in the sheet's row order; `code` is "" for the total maximum. */
  differences: TemplateDifference[];
}

/** Maxima are kept to 2 decimals: 0.005 apart or more differ (as the scoring rules read them). */
function differs(a: number, b: number): boolean {
  return excelRound(Math.abs(a - b), 9) >= 0.005;
}

const fmt = formatPointsVi;

function maxText(p: NumberParse): string {
  switch (p.kind) {
    case "number":
      return fmt(p.value);
    case "blank":
      return "để trống";
    case "kps":
      return "KPS";
    case "text":
      return `"${p.text}"`;
    case "error":
      return p.code;
  }
}

function numberOf(p: NumberParse): number {
  return p.kind === "number" ? p.value : 0;
}

/** "1.3.2 "Xử lý …"", or the code alone when the row has no name. */
function labelOf(n: CriterionNode): string {
  return n.name === "" ? n.code : `${n.code} "${n.name}"`;
}

/** Where a criterion sits: under its parent, or as an area. */
function placeOf(n: CriterionNode): string {
  return n.parent === null ? "là lĩnh vực" : `thuộc ${n.parent}`;
}

interface Differences {
  place: SheetPlace;
  items: Array<{ finding: Finding; difference: TemplateDifference }>;
}

function add(d: Differences, rule: RuleId, code: string, row: number, col: number, message: string): void {
  d.items.push({ finding: finding(d.place, rule, row, col, message), difference: { rule, code } });
}

/** Template code → sheet code, both ways, grown by pairing moved criteria with their subtrees. */
class CodeMap {
  readonly toSheet = new Map<string, string>();
  readonly toTemplate = new Map<string, string>();
  pair(templateCode: string, sheetCode: string): void {
    this.toSheet.set(templateCode, sheetCode);
    this.toTemplate.set(sheetCode, templateCode);
  }
}

function below(nodes: readonly CriterionNode[], code: string): CriterionNode[] {
  return nodes.filter((n) => n.code.startsWith(code + "."));
}

/** Nodes left unpaired whose parent is paired (or absent): the top of each unpaired subtree. */
function topmost(nodes: readonly CriterionNode[], paired: ReadonlyMap<string, string>): CriterionNode[] {
  const unpaired = new Set(nodes.filter((n) => !paired.has(n.code)).map((n) => n.code));
  return nodes.filter((n) => unpaired.has(n.code) && (n.parent === null || !unpaired.has(n.parent)));
}

function byNameKey(nodes: readonly CriterionNode[]): Map<string, CriterionNode[]> {
  const out = new Map<string, CriterionNode[]>();
  for (const n of nodes) {
    const key = criterionNameKey(n.name);
    if (key === "") continue;
    const list = out.get(key);
    if (list) list.push(n);
    else out.set(key, [n]);
  }
  return out;
}

/**
 * Pairs by code, then a criterion missing under one code with one extra under another when both
 * carry the same name (unique on each side): moved. A moved criterion's subtree pairs by the
 * same suffix ("1.3.2" moved to "1.4.1" takes "1.3.2.1" to "1.4.1.1").
 */
function pairCodes(template: ScoringSheet, sheet: ScoringSheet): { map: CodeMap; moved: Array<[CriterionNode, CriterionNode]> } {
  const map = new CodeMap();
  const sheetCodes = new Set(sheet.nodes.map((n) => n.code));
  for (const t of template.nodes) if (sheetCodes.has(t.code)) map.pair(t.code, t.code);
  const moved: Array<[CriterionNode, CriterionNode]> = [];
  for (;;) {
    const missing = byNameKey(topmost(template.nodes, map.toSheet));
    const extra = byNameKey(topmost(sheet.nodes, map.toTemplate));
    let paired = 0;
    for (const [key, ts] of missing) {
      const ss = extra.get(key);
      if (ts.length !== 1 || ss?.length !== 1) continue;
      const [t, s] = [ts[0], ss[0]];
      map.pair(t.code, s.code);
      moved.push([t, s]);
      paired++;
      for (const d of below(template.nodes, t.code)) {
        const code = s.code + d.code.slice(t.code.length);
        if (!map.toSheet.has(d.code) && sheetCodes.has(code) && !map.toTemplate.has(code)) map.pair(d.code, code);
      }
    }
    if (paired === 0) return { map, moved };
  }
}

/** The sheet's direct children's maxima summed (KPS and blanks as 0). */
function childrenMax(n: CriterionNode, byCode: ReadonlyMap<string, CriterionNode>): number {
  return n.children.reduce((sum, c) => sum + numberOf(byCode.get(c)!.max), 0);
}

function checkMax(d: Differences, sheet: ScoringSheet, t: CriterionNode, s: CriterionNode, sheetByCode: ReadonlyMap<string, CriterionNode>): void {
  if (t.max.kind !== "number" || s.max.kind === "kps") return;
  const col = sheet.header.columns.max ?? sheet.header.columns.code ?? 0;
  const expected = t.max.value;
  if (s.max.kind === "number") {
    if (!differs(s.max.value, expected)) return;
    // A parent whose maximum is its own children's sum differs only through them (each reported).
    if (!s.isLeaf && !differs(s.max.value, childrenMax(s, sheetByCode))) return;
  } else if (!s.isLeaf) {
    return; // parents' maxima are often left blank
  }
  add(d, "template-max", s.code, s.row, col, `Điểm tối đa của ${s.code}: bộ tiêu chí ghi ${fmt(expected)}, bảng này ghi ${maxText(s.max)}.`);
}

function checkName(d: Differences, sheet: ScoringSheet, t: CriterionNode, s: CriterionNode): void {
  if (t.name === "" || criterionNameKey(t.name) === criterionNameKey(s.name)) return;
  const col = sheet.header.columns.name ?? sheet.header.columns.code ?? 0;
  const now = s.name === "" ? "để trống" : `ghi "${s.name}"`;
  add(d, "template-name", s.code, s.row, col, `Tên tiêu chí ${s.code} khác bộ tiêu chí: bộ tiêu chí ghi "${t.name}", bảng này ${now}.`);
}

/**
 * The total maximum the template gives this sheet: all its leaves' maxima, less those of the
 * leaves not applicable (KPS) on this sheet. A typed total may state it with or without the KPS
 * part, as the scoring rules accept; a total that only follows the per-criterion differences
 * (the sheet's own leaves' sum) is not reported again.
 */
function checkTotal(d: Differences, template: ScoringSheet, sheet: ScoringSheet, map: CodeMap): void {
  const official = sheet.official;
  const excluded = exclusionsOf(sheet.nodes)[official];
  const sheetByCode = new Map(sheet.nodes.map((n) => [n.code, n]));
  const kpsAt = (code: string): boolean => {
    for (let n = sheetByCode.get(code); n; n = n.parent === null ? undefined : sheetByCode.get(n.parent)) {
      if (n.max.kind === "kps" || n[official].kind === "kps") return true;
    }
    return false;
  };
  const templateByCode = new Map(template.nodes.map((n) => [n.code, n]));
  let templateFull = 0;
  let notApplicable = 0;
  for (const t of template.nodes) {
    if (!t.isLeaf) continue;
    templateFull += numberOf(t.max);
    // The nearest criterion of the template the sheet has: KPS there takes this leaf out.
    let n: CriterionNode | undefined = t;
    while (n && !map.toSheet.has(n.code)) n = n.parent === null ? undefined : templateByCode.get(n.parent);
    if (n && kpsAt(map.toSheet.get(n.code)!)) notApplicable += numberOf(t.max);
  }
  const leaves = sheet.nodes.filter((n) => n.isLeaf);
  const sheetFull = leaves.reduce((s, n) => s + numberOf(n.max), 0);
  const sheetApplicable = leaves.reduce((s, n) => s + (excluded.has(n.code) ? 0 : numberOf(n.max)), 0);
  const expected = templateFull - notApplicable;
  const col = sheet.header.columns.max ?? sheet.header.columns.code ?? 0;
  const typedRow = sheet.totalRow;
  const typed = typedRow !== null && sheet.totalMax?.kind === "number" ? sheet.totalMax.value : null;
  const observed = typed ?? sheetApplicable;
  if ([expected, templateFull, sheetFull, sheetApplicable].some((sound) => !differs(observed, sound))) return;
  const kps = notApplicable > 0 ? ` (${fmt(templateFull)} trừ ${fmt(notApplicable)} điểm của các tiêu chí không phát sinh)` : "";
  add(d, "template-total", "", typed === null ? sheet.header.row : typedRow!, col, `Tổng điểm tối đa: theo bộ tiêu chí là ${fmt(expected)}${kps}, bảng này ghi ${fmt(observed)}.`);
}

/**
 * The sheet against the template by criterion code. Errors: a criterion missing (at its parent's
 * row, or the header when its area is missing), extra or moved (at its code), a maximum that
 * differs (at the maximum), a total maximum that differs beyond those; warning: a name that
 * differs beyond case, Unicode form, tone placement, spacing and punctuation. A missing or extra
 * criterion takes its sub-criteria with it (one finding).
 */
export function compareWithTemplate(sheet: ScoringSheet, template: ScoringSheet): TemplateComparison {
  const d: Differences = { place: { sheet: sheet.sheet, origin: sheet.origin }, items: [] };
  const codeCol = sheet.header.columns.code ?? 0;
  const { map, moved } = pairCodes(template, sheet);
  const sheetByCode = new Map(sheet.nodes.map((n) => [n.code, n]));
  const templateByCode = new Map(template.nodes.map((n) => [n.code, n]));

  for (const t of topmost(template.nodes, map.toSheet)) {
    const parent = t.parent === null ? undefined : sheetByCode.get(map.toSheet.get(t.parent) ?? "");
    const under = below(template.nodes, t.code).filter((n) => !map.toSheet.has(n.code)).length;
    const with_ = under > 0 ? ` cùng ${under} tiêu chí con` : "";
    add(d, "template-missing", t.code, parent?.row ?? sheet.header.row, codeCol,
      `Thiếu tiêu chí ${labelOf(t)}${with_} (tối đa ${maxText(t.max)}, ${placeOf(t)}): bộ tiêu chí có, bảng này không có dòng mã ${t.code}.`);
  }
  for (const s of topmost(sheet.nodes, map.toTemplate)) {
    const under = below(sheet.nodes, s.code).filter((n) => !map.toTemplate.has(n.code)).length;
    const with_ = under > 0 ? ` cùng ${under} tiêu chí con` : "";
    add(d, "template-extra", s.code, s.row, codeCol, `Tiêu chí ${labelOf(s)}${with_} không có trong bộ tiêu chí: bảng này có dòng mã ${s.rawCode || s.code}, bộ tiêu chí không có.`);
  }
  for (const [t, s] of moved) {
    add(d, "template-moved", s.code, s.row, codeCol,
      `Tiêu chí "${s.name}" bị chuyển chỗ: bộ tiêu chí ghi mã ${t.code} (${placeOf(t)}), bảng này ghi mã ${s.code} (${placeOf(s)}).`);
  }
  for (const [tCode, sCode] of map.toSheet) {
    const t = templateByCode.get(tCode)!;
    const s = sheetByCode.get(sCode)!;
    checkMax(d, sheet, t, s, sheetByCode);
    checkName(d, sheet, t, s);
  }
  checkTotal(d, template, sheet, map);

  d.items.sort((a, b) => a.finding.row - b.finding.row || a.finding.col - b.finding.col);
  const differences = d.items.map((i) => i.difference);
  return { findings: sortFindings(d.items.map((i) => i.finding)), conforms: differences.length === 0, differences };
}
