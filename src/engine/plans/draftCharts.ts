// The charts of the Word draft: the same as the generated sheets' (chartPlans.ts), taken from
// the plans "Tạo báo cáo" would write for the same analysis, with their cached values.
import type { WorkbookAnalysis } from "../core/types";
import type { ChartPlan } from "./plan";
import type { ReportOptions } from "./reportOptions";
import { buildReportPlans } from "./reportPlans";

/**
 * The charts for a draft of `analysis`: the points lost by area of the scoring sheet `sheet`
 * (section I's sheet; the first scoring sheet when omitted), then the index by unit of each block.
 */
export function draftCharts(analysis: WorkbookAnalysis, opts: ReportOptions & { sheet?: string }): ChartPlan[] {
  return buildReportPlans(analysis, opts).flatMap((plan) => plan.charts ?? []);
}
