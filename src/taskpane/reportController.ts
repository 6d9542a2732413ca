// "Tạo báo cáo": the engine's sheet plans for the chosen scoring sheet (summary, and ranking
// where the workbook has a units table or several scoring sheets), written in one go. Sheets
// the add-in made earlier are replaced while they still hold what it wrote; an edited one, or a
// user's sheet of the same name, is left alone.
import { analyzeWorkbook } from "../engine/analyze";
import type { KeptSheet } from "../engine/plans/generatedFingerprint";
import type { SheetPlan } from "../engine/plans/plan";
import type { PaneHost } from "./paneHost";
import type { SaveFile } from "./reportFile";
import { HOW_TO_COPY, TEXT, UserError } from "./messages";
import { noProgress, type Progress } from "./progress";
import { withSecondWorkbook, type SecondWorkbook } from "./secondWorkbook";
import { chooseScoringSheet, scoringSheets, userGrids } from "./workbookScope";

export interface ReportResult {
  /** The scoring sheet the summary is about (null when only a units table was found). */
  sheet: string | null;
  /** Sheets written, with the name each wanted (they differ when a user's sheet had that name). */
  written: Array<{ desired: string; name: string }>;
  /** Sheets made earlier that were kept (edited since, or not provably ours), not replaced. */
  kept: KeptSheet[];
}

type PlanOptions = { sheet?: string; date?: Date; progress?: Progress };

/** The workbook read once and analysed with its settings, and the scoring sheet chosen (if any). */
async function readAndChoose(host: PaneHost, options: PlanOptions) {
  (options.progress ?? noProgress)(TEXT.reading, 0.1);
  const snapshot = await host.read();
  const settings = host.loadSettings();
  const analysis = analyzeWorkbook(userGrids(snapshot), settings);
  const chosen = chooseScoringSheet(scoringSheets(analysis), options.sheet, snapshot.activeSheet);
  return { settings, analysis, chosen };
}

/** Writes the plans in one go; which earlier sheets were kept is said in the result. */
async function writePlans(host: PaneHost, plans: SheetPlan[], sheet: string | null, progress: Progress): Promise<ReportResult> {
  progress(TEXT.writing, 0.7);
  const kept: KeptSheet[] = [];
  const names = await host.writeSheets(plans, kept);
  progress(TEXT.done, 1);
  return { sheet, written: plans.map((p, i) => ({ desired: p.name, name: names[i] })), kept };
}

export async function generateReport(host: PaneHost, options: PlanOptions = {}): Promise<ReportResult> {
  const progress = options.progress ?? noProgress;
  const { settings, analysis, chosen } = await readAndChoose(host, options);
  progress(TEXT.buildingReport, 0.4);
  // The plans' code is a chunk loaded on first use: taskpane.js stays within its budget.
  const { buildReportPlans } = await import(/* webpackChunkName: "report-plans" */ "../engine/plans/reportPlans");
  const plans = buildReportPlans(analysis, { date: options.date ?? new Date(), settings, sheet: chosen?.sheet });
  if (plans.length === 0) throw new UserError(TEXT.noReportSource);
  return writePlans(host, plans, chosen?.sheet ?? null, progress);
}

/**
 * "Tạo phiếu đề nghị giải trình": the sheet "Yêu cầu giải trình" for the chosen scoring sheet (the
 * criteria the appraisal cut, with empty columns for the unit's explanation and new evidence).
 */
export async function generateExplanation(host: PaneHost, options: PlanOptions = {}): Promise<ReportResult> {
  const { settings, chosen } = await readAndChoose(host, options);
  if (!chosen) throw new UserError(TEXT.noScoringSheet);
  const { buildExplanationPlan } = await import(/* webpackChunkName: "report-plans" */ "../engine/plans/explanationPlan");
  const plan = buildExplanationPlan(chosen, { date: options.date ?? new Date(), settings });
  if (!plan) throw new UserError(`Sheet "${chosen.sheet}" cần có cả cột điểm tự đánh giá và cột điểm thẩm định để lập phiếu đề nghị giải trình.`);
  return writePlans(host, [plan], chosen.sheet, options.progress ?? noProgress);
}

/**
 * Where the Word draft went: a file the clerk saved, or the printable sheet. `sheet` is section I's
 * scoring sheet (null: none, a ranking report), `units` the units tables section II reports.
 */
export type WordDraftResult =
  | { kind: "file"; sheet: string | null; units: string[]; fileName: string; notice: string[]; blanks: number }
  | { kind: "sheet"; sheet: string | null; units: string[]; written: string; notice: string[]; blanks: number; kept: KeptSheet[] };

export const WORD_FILE_NAME = "Báo cáo Chỉ số CCHC.docx";


/**
 * The draft report as Word: saved as a .docx where the host lets the pane save a file (the
 * .docx code is a chunk loaded only now), else written as the printable sheet "Bản thảo báo cáo".
 * Drafted from this workbook (units tables alone will do) and, optionally, a second file read as
 * part of it. Section I is the sheet the clerk chose, else the one the draft finds as the issuer's.
 */
export async function generateWordDraft(
  host: PaneHost,
  options: { sheet?: string; second?: SecondWorkbook | null; saveFile?: SaveFile; progress?: Progress } = {},
): Promise<WordDraftResult> {
  const progress = options.progress ?? noProgress;
  progress(TEXT.reading, 0.1);
  const snapshot = await host.read();
  const { grids, hidden, settings } = withSecondWorkbook(userGrids(snapshot), host.loadSettings(), options.second);
  const analysis = analyzeWorkbook(grids, settings);
  progress("Đang lập bản thảo báo cáo (Word)…", 0.4);
  const { draftForPane, draftDocx, draftSheetPlan } = await import(/* webpackChunkName: "word-draft" */ "./wordDraftChunk");
  const { report, ...common } = draftForPane(analysis, { ...(options.sheet !== undefined ? { sheet: options.sheet } : {}), grids, hidden, settings });
  if (options.saveFile) {
    const docx = await draftDocx(report, analysis, settings);
    options.saveFile(docx.bytes, WORD_FILE_NAME, docx.mime);
    progress(TEXT.done, 1);
    return { kind: "file", fileName: WORD_FILE_NAME, ...common };
  }
  progress(TEXT.writing, 0.7);
  // An earlier draft the clerk edited is kept (and named to the clerk), never overwritten.
  const kept: KeptSheet[] = [];
  const [written] = await host.writeSheets([draftSheetPlan(report, HOW_TO_COPY)], kept);
  progress(TEXT.done, 1);
  return { kind: "sheet", written, kept, ...common };
}
