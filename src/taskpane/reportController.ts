// "Tạo báo cáo": the engine's sheet plans for the chosen scoring sheet (summary, and ranking
// where the workbook has a units table or several scoring sheets), written in one go. Sheets
// the add-in made earlier are replaced while they still hold what it wrote; an edited one, or a
// user's sheet of the same name, is left alone.
import { analyzeWorkbook } from "../engine/analyze";
import type { KeptSheet } from "../engine/plans/generatedFingerprint";
import { buildReportPlans } from "../engine/plans/reportPlans";
import { draftCharts } from "../engine/plans/draftCharts";
import { HOW_TO_COPY } from "./messages";
import { buildDraftPlan, draftErrorNotice, draftReport, placeholderCount } from "../engine/reportDraft";
import type { PaneHost } from "./paneHost";
import type { SaveFile } from "./reportFile";
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

/** Where the Word draft went: a file the clerk saved, or the printable sheet. */
export type WordDraftResult =
  | { kind: "file"; sheet: string; fileName: string; notice: string[]; blanks: number }
  | { kind: "sheet"; sheet: string; written: string; notice: string[]; blanks: number; kept: KeptSheet[] };

export const WORD_FILE_NAME = "Báo cáo Chỉ số CCHC.docx";


/**
 * The draft report as Word: saved as a .docx where the host lets the pane save a file (the
 * .docx code is a chunk loaded only now), else written as the printable sheet "Bản thảo báo cáo".
 */
export async function generateWordDraft(
  host: PaneHost,
  options: { sheet?: string; saveFile?: SaveFile; progress?: Progress } = {},
): Promise<WordDraftResult> {
  const progress = options.progress ?? noProgress;
  progress(TEXT.reading, 0.1);
  const snapshot = await host.read();
  const grids = userGrids(snapshot);
  const analysis = analyzeWorkbook(grids, host.loadSettings());
  const chosen = chooseScoringSheet(scoringSheets(analysis), options.sheet, snapshot.activeSheet);
  if (!chosen) throw new UserError(TEXT.noScoringSheet);
  progress("Đang lập bản thảo báo cáo (Word)…", 0.4);
  const report = draftReport(analysis, { sheet: chosen.sheet, grids });
  const common = { sheet: chosen.sheet, notice: draftErrorNotice(report), blanks: placeholderCount(report) };
  if (options.saveFile) {
    const { renderDocx, DOCX_MIME } = await import(/* webpackChunkName: "docx-report" */ "../report/docxRender");
    const charts = draftCharts(analysis, { sheet: report.source.scoring, settings: host.loadSettings() });
    options.saveFile(await renderDocx(report, { charts }), WORD_FILE_NAME, DOCX_MIME);
    progress(TEXT.done, 1);
    return { kind: "file", fileName: WORD_FILE_NAME, ...common };
  }
  progress(TEXT.writing, 0.7);
  // An earlier draft the clerk edited is kept (and named to the clerk), never overwritten.
  const kept: KeptSheet[] = [];
  const [written] = await host.writeSheets([buildDraftPlan(report, HOW_TO_COPY)], kept);
  progress(TEXT.done, 1);
  return { kind: "sheet", written, kept, ...common };
}
