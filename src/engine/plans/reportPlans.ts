// The sheets "Tạo báo cáo" writes, as sheet plans: the responsibility summary of a scoring
// sheet (like the seed report) and the ranking of units. Totals, index, grade and rank are
// native Excel formulas so the file keeps working where the add-in is not installed; `result`
// carries the engine's value of each formula.
import type { ScoringSheet, WorkbookAnalysis } from "../core/types";
import type { SheetPlan } from "./plan";
import { PlanBuilder, POINTS_FORMAT, STYLES } from "./planBuilder";
import { withDefaults } from "../core/settings";
import { computeIndex, gradeOf } from "../core/grades";
import { SCORE_NAME, dateText, gradeFormula } from "./planText";
import { RANKING_SHEET_NAME, buildRankingPlan } from "./rankingPlan";
import { putComparison } from "./comparisonPlan";
import { buildAnalysisPlan } from "./analysisPlan";
import { buildAppraisalPlan } from "./appraisalPlan";
import type { ReportOptions } from "./reportOptions";
import { withCharts } from "./chartPlans";

export type { ReportOptions };

export { gradeFormula, buildRankingPlan, RANKING_SHEET_NAME };
import { excelRound, points } from "../core/numbers";

export const SUMMARY_SHEET_NAME = "Tổng hợp trách nhiệm";

function responsibleText(entries: ScoringSheet["lost"][number]["responsible"]): string {
  return entries.map((e) => (e.records === null ? e.unit : `${e.unit} (${String(e.records).padStart(2, "0")} hồ sơ)`)).join("\n");
}

/** "Tổng hợp trách nhiệm" for one scoring sheet. */
export function buildSummaryPlan(sheet: ScoringSheet, opts: ReportOptions): SheetPlan {
  const settings = withDefaults(opts.settings);
  const official = sheet.official;
  const b = new PlanBuilder();
  const lastCol = 6;

  b.put(0, { value: "TỔNG HỢP NGUYÊN NHÂN, TRÁCH NHIỆM LÀM ẢNH HƯỞNG ĐẾN CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", style: STYLES.title });
  b.merge(0, lastCol);
  b.next();
  b.put(0, { value: `Đơn vị: ${opts.unit ?? sheet.title ?? sheet.sheet}`, style: STYLES.subtitle });
  b.merge(0, lastCol);
  b.next();
  b.put(0, { value: `Bảng điểm: ${sheet.sheet} · Điểm ${SCORE_NAME[official]} · Ngày lập: ${dateText(opts.date)}`, style: STYLES.subtitle });
  b.merge(0, lastCol);
  const headerLast = b.row;
  b.next(2);

  // Table 1: per area.
  b.put(0, { value: "1. Kết quả theo lĩnh vực", style: STYLES.section });
  b.next();
  b.headerRow(["Mã", "Lĩnh vực", "Điểm tối đa", "Điểm đạt", "Điểm bị mất", "Tỷ lệ đạt"]);
  const firstArea = b.row;
  for (const area of sheet.areas) {
    const achieved = area[official] ?? 0;
    b.put(0, { value: area.code, style: STYLES.center });
    b.put(1, { value: area.name, style: STYLES.text });
    b.put(2, { value: area.max, format: POINTS_FORMAT, style: STYLES.number });
    b.put(3, { value: achieved, format: POINTS_FORMAT, style: STYLES.number });
    b.put(4, { formula: `=ROUND(${b.at(2)}-${b.at(3)},2)`, result: points(area.max - achieved), format: POINTS_FORMAT, style: STYLES.number });
    b.put(5, { formula: `=IF(${b.at(2)}>0,${b.at(3)}/${b.at(2)},0)`, result: area.max > 0 ? achieved / area.max : 0, format: "0.00%", style: STYLES.number });
    b.next();
  }
  const lastArea = b.row - 1;
  const totalMax = sheet.areas.reduce((s, a) => s + a.max, 0);
  const totalAchieved = sheet.areas.reduce((s, a) => s + (a[official] ?? 0), 0);
  const totalLost = sheet.areas.reduce((s, a) => s + points(a.max - (a[official] ?? 0)), 0);
  const sumOf = (col: number) => `=SUM(${b.at(col, firstArea)}:${b.at(col, lastArea)})`;
  const totalRow = b.row;
  b.put(0, { value: "", style: STYLES.total });
  b.put(1, { value: "Tổng cộng", style: STYLES.total });
  b.put(2, { formula: sumOf(2), result: totalMax, format: POINTS_FORMAT, style: STYLES.totalNumber });
  b.put(3, { formula: sumOf(3), result: totalAchieved, format: POINTS_FORMAT, style: STYLES.totalNumber });
  b.put(4, { formula: sumOf(4), result: totalLost, format: POINTS_FORMAT, style: STYLES.totalNumber });
  b.put(5, { formula: `=IF(${b.at(2)}>0,${b.at(3)}/${b.at(2)},0)`, result: totalMax > 0 ? totalAchieved / totalMax : 0, format: "0.00%", style: STYLES.totalNumber });
  b.next();
  const index = computeIndex(totalAchieved, totalMax) ?? 0;
  const indexCell = b.at(3);
  b.put(1, { value: "Chỉ số CCHC", style: STYLES.total });
  b.put(3, { formula: `=IF(${b.at(2, totalRow)}>0,${b.at(3, totalRow)}/${b.at(2, totalRow)}*100,0)`, result: index, format: "0.000", style: STYLES.totalNumber });
  b.next();
  b.put(1, { value: "Xếp loại", style: STYLES.total });
  const gradeCell = b.at(3);
  b.put(3, { formula: `=${gradeFormula(indexCell, settings.bands)}`, result: gradeOf(index, settings.bands), style: STYLES.total });
  b.next(2);

  // Table 2: every sub-criterion that lost points.
  b.put(0, { value: "2. Các tiêu chí thành phần bị mất điểm", style: STYLES.section });
  b.next();
  b.headerRow(["Mã", "Tiêu chí thành phần", "Điểm tối đa", "Điểm đạt", "Điểm bị mất", "Nguyên nhân", "Trách nhiệm thuộc về"]);
  if (sheet.lost.length === 0) {
    b.put(0, { value: "Không có tiêu chí thành phần nào bị mất điểm.", style: STYLES.note });
    b.next();
  } else {
    const firstLost = b.row;
    for (const item of sheet.lost) {
      b.put(0, { value: item.code, style: STYLES.center });
      b.put(1, { value: item.name, style: STYLES.text });
      b.put(2, { value: item.max, format: POINTS_FORMAT, style: STYLES.number });
      b.put(3, { value: item.achieved, format: POINTS_FORMAT, style: STYLES.number });
      b.put(4, { formula: `=ROUND(${b.at(2)}-${b.at(3)},2)`, result: item.lost, format: POINTS_FORMAT, style: STYLES.number });
      b.put(5, { value: item.cause ?? "", style: STYLES.text });
      b.put(6, { value: responsibleText(item.responsible), style: STYLES.text });
      b.next();
    }
    b.put(1, { value: "Tổng số điểm bị mất", style: STYLES.total });
    b.put(4, {
      formula: `=SUM(${b.at(4, firstLost)}:${b.at(4, b.row - 1)})`,
      result: excelRound(sheet.lost.reduce((s, l) => s + l.lost, 0), 10),
      format: POINTS_FORMAT,
      style: STYLES.totalNumber,
    });
    b.next();
  }
  b.next();

  // Table 3: per responsible unit, most points lost first.
  b.put(0, { value: "3. Tổng hợp theo đơn vị chịu trách nhiệm", style: STYLES.section });
  b.next();
  b.headerRow(["STT", "Đơn vị", "Số tiêu chí", "Điểm bị mất liên quan", "Số hồ sơ", "Các tiêu chí"]);
  if (sheet.units.length === 0) {
    b.put(0, { value: "Chưa có đơn vị nào được ghi trách nhiệm.", style: STYLES.note });
    b.next();
  }
  sheet.units.forEach((u, i) => {
    b.put(0, { value: i + 1, style: STYLES.center });
    b.put(1, { value: u.unit, style: STYLES.text });
    b.put(2, { value: u.criteria.length, style: STYLES.number });
    b.put(3, { value: u.lost, format: POINTS_FORMAT, style: STYLES.number });
    b.put(4, { value: u.records ?? "", style: STYLES.number });
    b.put(5, { value: u.criteria.join("; "), style: STYLES.text });
    b.next();
  });

  if (sheet.comparison) {
    b.next();
    const areaRows = new Map(sheet.areas.map((a, i) => [a.code, firstArea + i]));
    putComparison(b, sheet.comparison, {
      areaCell: (code) => (areaRows.has(code) ? b.at(3, areaRows.get(code)!) : null),
      totalCell: b.at(3, totalRow),
      indexCell,
      gradeCell,
      current: { achieved: totalAchieved, index, grade: gradeOf(index, settings.bands) },
    });
  }

  const columnWidths = [7, 45, 10, 10, 10, 40, 40];
  return b.toPlan(SUMMARY_SHEET_NAME, "CCHC_GEN_SUMMARY", columnWidths, { rows: headerLast + 1, cols: 0 }, { paper: "A4", orientation: "landscape", fitToWidth: true, repeatRows: { first: 0, last: headerLast } });
}

/**
 * Every sheet "Tạo báo cáo" writes: the summary of the chosen scoring sheet (the first one when
 * `sheet` is omitted), the ranking where it applies, "Phân tích tiêu chí" where two or more
 * scoring sheets share their criteria and "Kết quả thẩm định" where two or more units' sheets
 * carry both self-assessed and appraised points. Empty when there is no scoring sheet and no units table.
 */
export function buildReportPlans(analysis: WorkbookAnalysis, opts: ReportOptions & { sheet?: string }): SheetPlan[] {
  const plans: SheetPlan[] = [];
  const scoring = analysis.sheets.filter((s): s is ScoringSheet => s.kind === "scoring");
  const chosen = opts.sheet === undefined ? scoring[0] : scoring.find((s) => s.sheet === opts.sheet);
  if (opts.sheet !== undefined && !chosen) throw new Error(`Không tìm thấy bảng chấm điểm "${opts.sheet}".`);
  if (chosen) plans.push(buildSummaryPlan(chosen, opts));
  const ranking = buildRankingPlan(analysis, opts);
  if (ranking) plans.push(ranking);
  const across = buildAnalysisPlan(analysis, opts);
  if (across) plans.push(across);
  const appraisal = buildAppraisalPlan(analysis, opts);
  if (appraisal) plans.push(appraisal);
  return withCharts(plans);
}
