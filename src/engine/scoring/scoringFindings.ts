// The validation rules of a scoring sheet. Each finding points at the offending cell.
import type { CriterionNode, Finding, HeaderInfo, LostItem, NumberParse, PointsTotal, ScoreKind } from "../core/types";
import type { Exclusions } from "./totals";
import { excelRound, hasMoreDecimalsThan } from "../core/numbers";
import { finding, type SheetPlace } from "../core/findingFactory";
import { similarNameGroups, unitKey } from "./responsible";
import type { Grid } from "../core/types";
import { parseNumber } from "../core/numbers";

/** Two point values differ when they are 0.005 or more apart (points are kept to 2 decimals). */
const TOLERANCE = 0.005;

function differs(a: number, b: number): boolean {
  return excelRound(Math.abs(a - b), 9) >= TOLERANCE;
}

/** The code the .xlsx reader gives a formula saved without its result. */
export const UNCALCULATED = "#UNCALCULATED";

const SCORE_LABEL: Record<ScoreKind, string> = { self: "tự đánh giá", appraised: "thẩm định" };

function fmt(x: number): string {
  return String(excelRound(x, 4)).replace(".", ",");
}

interface Context {
  place: SheetPlace;
  header: HeaderInfo;
  findings: Finding[];
}

/** not-a-number, negative, too-many-decimals on one cell. */
function checkValue(ctx: Context, p: NumberParse, row: number, col: number, what: string): void {
  if (p.kind === "text") {
    ctx.findings.push(finding(ctx.place, "not-a-number", row, col, `${what}: "${p.text}" không phải là số. Hãy nhập số (ví dụ 3,89) hoặc KPS.`));
  } else if (p.kind === "error" && p.code === UNCALCULATED) {
    ctx.findings.push(finding(ctx.place, "not-a-number", row, col, `${what}: công thức chưa được tính; hãy mở và lưu lại tệp bằng Excel.`));
  } else if (p.kind === "error") {
    ctx.findings.push(finding(ctx.place, "not-a-number", row, col, `${what}: ô có lỗi ${p.code}, không đọc được điểm.`));
  } else if (p.kind === "number") {
    if (p.value < 0) ctx.findings.push(finding(ctx.place, "negative", row, col, `${what}: điểm âm (${fmt(p.value)}) không hợp lệ.`));
    if (hasMoreDecimalsThan(p.value, 2)) {
      ctx.findings.push(finding(ctx.place, "too-many-decimals", row, col, `${what}: ${fmt(p.value)} có quá 2 chữ số thập phân; điểm được ghi đến 2 chữ số thập phân.`));
    }
  }
}

function checkCells(ctx: Context, nodes: readonly CriterionNode[], excluded: Exclusions, has: Record<ScoreKind, boolean>): void {
  const c = ctx.header.columns;
  for (const n of nodes) {
    if (c.max !== undefined) checkValue(ctx, n.max, n.row, c.max, `Điểm tối đa của ${n.code}`);
    const scored = n.self.kind === "number" || n.appraised.kind === "number";
    if (c.max !== undefined && n.isLeaf && n.max.kind === "blank" && scored) {
      ctx.findings.push(finding(ctx.place, "not-a-number", n.row, c.max, `Tiêu chí ${n.code} có điểm nhưng chưa ghi điểm tối đa.`));
    }
    for (const kind of ["self", "appraised"] as const) {
      const col = c[kind];
      if (col === undefined) continue;
      const p = n[kind];
      checkValue(ctx, p, n.row, col, `Điểm ${SCORE_LABEL[kind]} của ${n.code}`);
      if (!n.isLeaf) continue;
      if (p.kind === "blank" && has[kind] && !excluded[kind].has(n.code) && n.max.kind === "number") {
        // Other leaves carry this score, so a blank is an omission; it counts as 0.
        ctx.findings.push(finding(ctx.place, "not-a-number", n.row, col, `Điểm ${SCORE_LABEL[kind]} của ${n.code} đang để trống (được tính là 0). Hãy nhập điểm, hoặc KPS nếu không phát sinh.`));
      }
      if (p.kind !== "number") continue;
      if (excluded[kind].has(n.code)) {
        ctx.findings.push(finding(ctx.place, "kps-with-score", n.row, col, `Tiêu chí ${n.code} không phát sinh (KPS) nhưng có điểm ${SCORE_LABEL[kind]} ${fmt(p.value)}.`));
      } else if (n.max.kind === "number" && p.value > n.max.value && differs(p.value, n.max.value)) {
        ctx.findings.push(finding(ctx.place, "over-max", n.row, col, `Điểm ${SCORE_LABEL[kind]} của ${n.code} (${fmt(p.value)}) vượt điểm tối đa (${fmt(n.max.value)}).`));
      }
    }
  }
}

/** A parent's maximum must be its children's sum; a typed parent score, its leaves' sum. */
function checkParents(
  ctx: Context,
  nodes: readonly CriterionNode[],
  byCode: Map<string, CriterionNode>,
  totals: Record<string, { self: PointsTotal; appraised: PointsTotal }>,
): void {
  const c = ctx.header.columns;
  for (const n of nodes) {
    if (n.isLeaf) continue;
    const children = n.children.map((code) => byCode.get(code)!);
    if (c.max !== undefined && n.max.kind === "number" && children.every((ch) => ch.max.kind === "number")) {
      const sum = children.reduce((s, ch) => s + (ch.max.kind === "number" ? ch.max.value : 0), 0);
      if (differs(n.max.value, sum)) {
        ctx.findings.push(finding(ctx.place, "max-mismatch", n.row, c.max, `Điểm tối đa của ${n.code} là ${fmt(n.max.value)} nhưng tổng điểm tối đa các tiêu chí con là ${fmt(sum)}.`));
      }
    }
    for (const kind of ["self", "appraised"] as const) {
      const col = c[kind];
      const p = n[kind];
      if (col === undefined || p.kind !== "number") continue;
      const sum = totals[n.code][kind].achieved;
      if (differs(p.value, sum)) {
        ctx.findings.push(finding(ctx.place, "subtotal-mismatch", n.row, col, `Điểm ${SCORE_LABEL[kind]} của ${n.code} ghi ${fmt(p.value)} nhưng tổng các tiêu chí thành phần là ${fmt(sum)}.`));
      }
    }
  }
}

/** The grand-total row against the sum of all leaves. */
function checkTotalRow(ctx: Context, grid: Grid, totalRow: number, nodes: readonly CriterionNode[], grand: { self: PointsTotal; appraised: PointsTotal }): void {
  const c = ctx.header.columns;
  const row = grid.values[totalRow] ?? [];
  if (c.max !== undefined) {
    const typed = parseNumber(row[c.max]);
    checkValue(ctx, typed, totalRow, c.max, "Tổng điểm tối đa");
    const maxOfAll = nodes.filter((n) => n.isLeaf).reduce((s, n) => s + (n.max.kind === "number" ? n.max.value : 0), 0);
    // Either the full maximum or the applicable one (KPS excluded) is a sound total.
    if (typed.kind === "number" && differs(typed.value, maxOfAll) && differs(typed.value, grand.appraised.max) && differs(typed.value, grand.self.max)) {
      ctx.findings.push(finding(ctx.place, "max-mismatch", totalRow, c.max, `Tổng điểm tối đa ghi ${fmt(typed.value)} nhưng tổng điểm tối đa các tiêu chí là ${fmt(maxOfAll)}.`));
    }
  }
  for (const kind of ["self", "appraised"] as const) {
    const col = c[kind];
    if (col === undefined) continue;
    const typed = parseNumber(row[col]);
    checkValue(ctx, typed, totalRow, col, `Tổng điểm ${SCORE_LABEL[kind]}`);
    if (typed.kind === "number" && differs(typed.value, grand[kind].achieved)) {
      ctx.findings.push(finding(ctx.place, "subtotal-mismatch", totalRow, col, `Tổng điểm ${SCORE_LABEL[kind]} ghi ${fmt(typed.value)} nhưng tổng các tiêu chí thành phần là ${fmt(grand[kind].achieved)}.`));
    }
  }
}

/** A leaf that lost points should say why and who answers for it. */
function checkLost(ctx: Context, lost: readonly LostItem[]): void {
  const c = ctx.header.columns;
  for (const item of lost) {
    if (c.cause !== undefined && item.cause === null) {
      ctx.findings.push(finding(ctx.place, "lost-without-cause", item.row, c.cause, `Tiêu chí ${item.code} bị mất ${fmt(item.lost)} điểm nhưng chưa ghi nguyên nhân.`));
    }
    if (c.responsible !== undefined && item.responsible.length === 0) {
      ctx.findings.push(finding(ctx.place, "lost-without-responsible", item.row, c.responsible, `Tiêu chí ${item.code} bị mất ${fmt(item.lost)} điểm nhưng chưa ghi trách nhiệm thuộc về đơn vị nào.`));
    }
  }
}

/** Unit names that differ only in diacritics ("Đăk Tô Re" / "Đắk Tô Re") are probably one unit. */
function checkUnitNames(ctx: Context, nodes: readonly CriterionNode[]): void {
  const col = ctx.header.columns.responsible;
  if (col === undefined) return;
  const firstRow = new Map<string, number>();
  const names: string[] = [];
  for (const n of nodes) {
    for (const e of n.responsible) {
      const key = unitKey(e.unit);
      if (!firstRow.has(key)) {
        firstRow.set(key, n.row);
        names.push(e.unit);
      }
    }
  }
  for (const group of similarNameGroups(names)) {
    for (const other of group.slice(1)) {
      ctx.findings.push(
        finding(ctx.place, "similar-unit-names", firstRow.get(unitKey(other))!, col, `"${other}" và "${group[0]}" chỉ khác nhau ở dấu: có phải cùng một đơn vị? Hãy viết thống nhất một cách.`),
      );
    }
  }
}

export interface ScoringFindingInput {
  place: SheetPlace;
  grid: Grid;
  header: HeaderInfo;
  nodes: readonly CriterionNode[];
  byCode: Map<string, CriterionNode>;
  totalRow: number | null;
  totals: Record<string, { self: PointsTotal; appraised: PointsTotal }>;
  grand: { self: PointsTotal; appraised: PointsTotal };
  lost: readonly LostItem[];
  excluded: Exclusions;
  has: Record<ScoreKind, boolean>;
}

export function scoringFindings(input: ScoringFindingInput): Finding[] {
  const ctx: Context = { place: input.place, header: input.header, findings: [] };
  checkCells(ctx, input.nodes, input.excluded, input.has);
  checkParents(ctx, input.nodes, input.byCode, input.totals);
  if (input.totalRow !== null) checkTotalRow(ctx, input.grid, input.totalRow, input.nodes, input.grand);
  checkLost(ctx, input.lost);
  checkUnitNames(ctx, input.nodes);
  return ctx.findings;
}
