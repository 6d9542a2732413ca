// The sheets "Tạo báo cáo" writes, as sheet plans.
import type { EngineSettings, ScoringSheet, WorkbookAnalysis } from "./types";
import type { SheetPlan } from "./plan";

export const SUMMARY_SHEET_NAME = "Tổng hợp trách nhiệm";
export const RANKING_SHEET_NAME = "Xếp hạng";

export interface ReportOptions {
  /** Date printed in the header. */
  date: Date;
  /** Unit name printed in the header; defaults to the sheet's title or name. */
  unit?: string;
  settings?: Partial<EngineSettings>;
}

/** "Tổng hợp trách nhiệm" for one scoring sheet. */
export function buildSummaryPlan(sheet: ScoringSheet, opts: ReportOptions): SheetPlan {
  void sheet; void opts;
  throw new Error("buildSummaryPlan: not implemented yet");
}

/** "Xếp hạng" when the workbook holds a units table or several scoring sheets; else null. */
export function buildRankingPlan(analysis: WorkbookAnalysis, opts: ReportOptions): SheetPlan | null {
  void analysis; void opts;
  throw new Error("buildRankingPlan: not implemented yet");
}

/**
 * Every sheet "Tạo báo cáo" writes: the summary of the chosen scoring sheet (the first one when
 * `sheet` is omitted) and the ranking where it applies. Empty when there is no scoring sheet and
 * no units table.
 */
export function buildReportPlans(analysis: WorkbookAnalysis, opts: ReportOptions & { sheet?: string }): SheetPlan[] {
  void analysis; void opts;
  throw new Error("buildReportPlans: not implemented yet");
}
