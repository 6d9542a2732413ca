// The Word draft's drafting, a chunk loaded only when the clerk asks for a draft: the report
// engine is not needed at the pane's start (taskpane.js stays within its budget).
import type { EngineSettings, Grid, WorkbookAnalysis } from "../engine/core/types";
import { draftCharts } from "../engine/plans/draftCharts";
import type { SheetPlan } from "../engine/plans/plan";
import { buildDraftPlan, DraftError, draftErrorNotice, draftReport, placeholderCount, type DraftReport } from "../engine/reportDraft";
import { UserError } from "./messages";

export interface PaneDraft {
  report: DraftReport;
  sheet: string | null;
  units: string[];
  notice: string[];
  blanks: number;
}

/** The draft of the workbook (section I: `sheet` when given); a Vietnamese UserError when there is nothing to draft from. */
export function draftForPane(
  analysis: WorkbookAnalysis,
  options: { sheet?: string; grids: Grid[]; hidden: string[]; settings: Partial<EngineSettings> },
): PaneDraft {
  let report: DraftReport;
  try {
    report = draftReport(analysis, {
      ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
      grids: options.grids,
      hidden: options.hidden,
      leadOffices: options.settings.leadOffices ?? null,
      ...(options.settings.issuer ? { issuer: options.settings.issuer } : {}),
    });
  } catch (err) {
    if (err instanceof DraftError) throw new UserError(err.message);
    throw err;
  }
  return { report, sheet: report.source.scoring, units: report.source.units, notice: draftErrorNotice(report), blanks: placeholderCount(report) };
}

/** The .docx with its charts (the docx code is a chunk of its own, loaded only here). */
export async function draftDocx(report: DraftReport, analysis: WorkbookAnalysis, settings: Partial<EngineSettings>): Promise<{ bytes: Uint8Array; mime: string }> {
  const { renderDocx, DOCX_MIME } = await import(/* webpackChunkName: "docx-report" */ "../report/docxRender");
  const charts = draftCharts(analysis, { sheet: report.source.scoring, settings });
  return { bytes: await renderDocx(report, { charts }), mime: DOCX_MIME };
}

/** The printable sheet "Bản thảo báo cáo", `howTo` at its top. */
export function draftSheetPlan(report: DraftReport, howTo: string): SheetPlan {
  return buildDraftPlan(report, howTo);
}
