// The charts of the Word draft: the same as the generated sheets' (chartPlans.ts), taken from
// the plans "Tạo báo cáo" would write for the same analysis, with their cached values.
import type { EngineSettings, WorkbookAnalysis } from "../core/types";
import type { ChartPlan } from "./plan";
import { buildReportPlans } from "./reportPlans";

/** No chart shows the plans' date. */
const UNUSED_DATE = new Date(0);

/**
 * The charts for a draft of `analysis`: the points lost by area of the scoring sheet `sheet`
 * (section I's, `report.source.scoring`; the first scoring sheet when omitted; none when null, a
 * report with no unit sheet of its own), then the index by unit of each block of each units
 * table. Throws as buildReportPlans does for an unknown sheet.
 */
export function draftCharts(analysis: WorkbookAnalysis, opts: { sheet?: string | null; settings?: Partial<EngineSettings> } = {}): ChartPlan[] {
  const plans = buildReportPlans(analysis, { date: UNUSED_DATE, sheet: opts.sheet ?? undefined, settings: opts.settings });
  // Section I is not one unit's sheet: no chart of some unit's lost points.
  const shown = opts.sheet === null ? plans.filter((p) => p.marker !== "CCHC_GEN_SUMMARY") : plans;
  return shown.flatMap((plan) => plan.charts ?? []);
}
