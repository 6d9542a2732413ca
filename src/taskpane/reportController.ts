// "Tạo báo cáo": the engine's sheet plans for the chosen scoring sheet (summary, and ranking
// where the workbook has a units table or several scoring sheets), written in one go. Sheets
// the add-in made earlier are replaced while they still hold what it wrote; an edited one, or a
// user's sheet of the same name, is left alone.
import { analyzeWorkbook } from "../engine/analyze";
import type { KeptSheet } from "../engine/generatedFingerprint";
import { buildReportPlans } from "../engine/reportPlans";
import type { PaneHost } from "./paneHost";
import { TEXT, UserError } from "./messages";
import { noProgress, type Progress } from "./progress";
import { chooseScoringSheet, scoringSheets, userGrids } from "./workbookScope";

export interface ReportResult {
  /** The scoring sheet the summary is about (null when only a units table was found). */
  sheet: string | null;
  /** Sheets written, with the name each wanted (they differ when a user's sheet had that name). */
  written: Array<{ desired: string; name: string }>;
  /** Sheets made earlier that were kept (edited since, or not provably ours), not replaced. */
  kept: KeptSheet[];
}

export async function generateReport(
  host: PaneHost,
  options: { sheet?: string; date?: Date; progress?: Progress } = {},
): Promise<ReportResult> {
  const progress = options.progress ?? noProgress;
  progress(TEXT.reading, 0.1);
  const snapshot = await host.read();
  const settings = host.loadSettings();
  const analysis = analyzeWorkbook(userGrids(snapshot), settings);
  const chosen = chooseScoringSheet(scoringSheets(analysis), options.sheet, snapshot.activeSheet);
  progress(TEXT.buildingReport, 0.4);
  const plans = buildReportPlans(analysis, { date: options.date ?? new Date(), settings, sheet: chosen?.sheet });
  if (plans.length === 0) throw new UserError(TEXT.noReportSource);
  progress(TEXT.writing, 0.7);
  const kept: KeptSheet[] = [];
  const names = await host.writeSheets(plans, kept);
  progress(TEXT.done, 1);
  return { sheet: chosen?.sheet ?? null, written: plans.map((p, i) => ({ desired: p.name, name: names[i] })), kept };
}
