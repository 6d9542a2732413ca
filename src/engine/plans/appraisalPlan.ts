// "Kết quả thẩm định": what the appraisal cut across units. One row per unit with its
// self-assessed and appraised points and the points cut (a formula over the row, totals with
// SUM), then one section per criterion cut most (top 10) listing the units cut on it. A4
// portrait, the units table's header repeated on every printed page.
import type { WorkbookAnalysis } from "../core/types";
import type { PlanCell, SheetPlan } from "./plan";
import type { ReportOptions } from "./reportOptions";
import { PlanBuilder, POINTS_FORMAT, STYLES } from "./planBuilder";
import { dateText } from "./planText";
import { points } from "../core/numbers";
import { formatPointsVi } from "../core/viText";
import { workbookAppraisal, type AppraisalAcross } from "../compare/appraisalAcross";

export const APPRAISAL_SHEET_NAME = "Kết quả thẩm định";

/** How many of the criteria cut most get a section of their own. */
export const TOP_CRITERIA = 10;

const LAST_COL = 5;

/** A unit's row: number, name, self-assessed, appraised, cut = self − appraised, then `last`. */
function cutRow(b: PlanBuilder, n: number, unit: string, self: number, appraised: number, last: Omit<PlanCell, "row" | "col">): void {
  b.put(0, { value: n, style: STYLES.center });
  b.put(1, { value: unit, style: STYLES.text });
  b.put(2, { value: self, format: POINTS_FORMAT, style: STYLES.number });
  b.put(3, { value: appraised, format: POINTS_FORMAT, style: STYLES.number });
  b.put(4, { formula: `=ROUND(${b.at(2)}-${b.at(3)},2)`, result: points(self - appraised), format: POINTS_FORMAT, style: STYLES.number });
  b.put(5, last);
  b.next();
}

/** "Kết quả thẩm định" when the workbook holds two or more units' sheets with both scores; else null. */
export function buildAppraisalPlan(analysis: WorkbookAnalysis, opts: ReportOptions): SheetPlan | null {
  const across = workbookAppraisal(analysis.sheets);
  return across === null ? null : buildAppraisalPlanOf(across, opts);
}

/** The sheet for an appraisal across units gathered elsewhere (a folder of unit workbooks). */
export function buildAppraisalPlanOf(across: AppraisalAcross, opts: ReportOptions): SheetPlan {
  const b = new PlanBuilder();
  b.put(0, { value: "KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC ĐƠN VỊ", style: STYLES.title });
  b.merge(0, LAST_COL);
  b.next();
  b.put(0, { value: `${across.units.length} đơn vị · Ngày lập: ${dateText(opts.date)}`, style: STYLES.subtitle });
  b.merge(0, LAST_COL);
  b.next(2);

  b.put(0, { value: "1. Điểm tự đánh giá, điểm thẩm định và điểm bị cắt của từng đơn vị", style: STYLES.section });
  b.merge(0, LAST_COL);
  b.next();
  const headerRow = b.row;
  b.headerRow(["STT", "Đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm bị cắt", "Số tiêu chí bị cắt"]);
  const first = b.row;
  across.units.forEach((u, i) => cutRow(b, i + 1, u.unit, u.self, u.appraised, { value: u.cuts.cuts.length, style: STYLES.center }));
  const last = b.row - 1;
  const sumOf = (col: number) => `=SUM(${b.at(col, first)}:${b.at(col, last)})`;
  const total = (pick: (u: AppraisalAcross["units"][number]) => number) => points(across.units.reduce((s, u) => s + pick(u), 0));
  b.put(0, { value: "", style: STYLES.total });
  b.put(1, { value: "Tổng cộng", style: STYLES.total });
  b.put(2, { formula: sumOf(2), result: total((u) => u.self), format: POINTS_FORMAT, style: STYLES.totalNumber });
  b.put(3, { formula: sumOf(3), result: total((u) => u.appraised), format: POINTS_FORMAT, style: STYLES.totalNumber });
  b.put(4, { formula: sumOf(4), result: total((u) => points(u.self - u.appraised)), format: POINTS_FORMAT, style: STYLES.totalNumber });
  b.put(5, { formula: sumOf(5), result: across.units.reduce((s, u) => s + u.cuts.cuts.length, 0), style: STYLES.totalNumber });
  b.next(2);

  const top = across.byCriterion.slice(0, TOP_CRITERIA);
  b.put(0, { value: `2. Các tiêu chí bị cắt điểm nhiều nhất (${top.length}/${across.byCriterion.length} tiêu chí bị cắt)`, style: STYLES.section });
  b.merge(0, LAST_COL);
  b.next();
  if (top.length === 0) {
    b.put(0, { value: "Hội đồng thẩm định không cắt điểm tiêu chí nào của các đơn vị.", style: STYLES.note });
    b.merge(0, LAST_COL);
    b.next();
  }
  const headings: Array<{ row: number; text: string }> = [];
  for (const c of top) {
    const text = `${c.code} ${c.name} (tối đa ${formatPointsVi(c.max)}): bị cắt ở ${c.units} đơn vị, tổng ${formatPointsVi(c.totalCut)} điểm`;
    headings.push({ row: b.row, text });
    b.put(0, { value: text, style: { ...STYLES.section, wrap: true } });
    b.merge(0, LAST_COL);
    b.next();
    b.headerRow(["STT", "Đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm bị cắt", "Ghi chú của hội đồng thẩm định"]);
    const firstUnit = b.row;
    c.unitsCut.forEach((u, i) => cutRow(b, i + 1, u.unit, u.self, u.appraised, { value: u.note ?? "", style: STYLES.text }));
    b.put(1, { value: "Cộng", style: STYLES.total });
    b.put(4, { formula: `=SUM(${b.at(4, firstUnit)}:${b.at(4, b.row - 1)})`, result: c.totalCut, format: POINTS_FORMAT, style: STYLES.totalNumber });
    b.next(2);
  }

  const widths = [6, 36, 12, 12, 12, 40];
  const plan = b.toPlan(APPRAISAL_SHEET_NAME, "CCHC_GEN_APPRAISAL", widths, { rows: headerRow + 1, cols: 0 }, {
    paper: "A4",
    orientation: "portrait",
    fitToWidth: true,
    repeatRows: { first: headerRow, last: headerRow },
  });
  // A merged heading wraps over the table's whole width; the builder leaves merged cells out.
  const perLine = Math.floor(widths.reduce((s, w) => s + w, 0) * 1.15) - 1;
  for (const h of headings) {
    const lines = Math.ceil(h.text.length / perLine);
    if (lines > 1) plan.rowHeights[h.row] = lines * 16;
  }
  return plan;
}
