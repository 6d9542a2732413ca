// "Bộ tiêu chí mẫu" on the page (issue 19 §1): the official criteria set chosen as a third file,
// read once and applied to every scoring sheet of the open workbook after last year's comparison.
import { analyzeWorkbook } from "../engine/analyze";
import { applyTemplate, readTemplate, readTemplates } from "../engine/compare/templateSheet";
import type { EngineSettings, Grid, ScoringSheet, WorkbookAnalysis } from "../engine/core/types";
import { openXlsx } from "../host/file/xlsxAnalysis";
import { templateName } from "../forms/roundText";

export interface PageTemplate {
  fileName: string;
  template: ScoringSheet;
  /** Every criteria set of the file, in tab order (one per level in some files): the clerk may pick another. */
  sets: ScoringSheet[];
}

export type TemplateFileRead = { ok: true; value: PageTemplate } | { ok: false; error: string };

/** Template errors quoted in the status at most; the rest are counted. */
const QUOTED_ERRORS = 3;

/** The criteria sets in a workbook's bytes, the first in use; else a Vietnamese reason naming the file. */
export async function readTemplateFile(bytes: ArrayBuffer, fileName: string): Promise<TemplateFileRead> {
  let grids: Grid[];
  try {
    grids = (await openXlsx(bytes)).userSheets;
  } catch (err) {
    return { ok: false, error: `Không mở được tệp bộ tiêu chí mẫu ${fileName}: ${err instanceof Error ? err.message : String(err)}` };
  }
  const sets = readTemplates(grids);
  if (sets.length === 0) {
    const read = readTemplate(grids);
    return { ok: false, error: `Không dùng được ${fileName} làm bộ tiêu chí mẫu. ${read.ok ? "" : read.error}` };
  }
  return { ok: true, value: { fileName, template: sets[0], sets } };
}

/** The template's own errors (a maximum that is not its children's sum …), which every comparison inherits. */
export function templateNotes(t: PageTemplate): string[] {
  const errors = t.template.findings.filter((f) => f.severity === "error");
  if (errors.length === 0) return [];
  const quoted = errors.slice(0, QUOTED_ERRORS).map((f) => `ô ${f.cell}: ${f.message}`);
  const more = errors.length > QUOTED_ERRORS ? ` (và ${errors.length - QUOTED_ERRORS} lỗi khác)` : "";
  return [`Lưu ý: bộ tiêu chí mẫu có ${errors.length} lỗi riêng: ${quoted.join(" ")}${more}`];
}

/**
 * The workbook analysed without the criteria set its saved settings name (a sheet, or a set stored
 * from a file): the page's file takes its place (as a choice made now overrides a saved one), so
 * no sheet is compared twice. A saved sheet stays out of the analysis, as it is no unit's.
 */
export function withoutSavedTemplate(grids: readonly Grid[], settings: EngineSettings): WorkbookAnalysis {
  const saved = settings.templateSheet;
  return analyzeWorkbook(
    grids.filter((g) => g.name !== saved),
    { ...settings, templateSheet: null, templateFile: null },
  );
}

/** Every scoring sheet compared with the page's criteria set. */
export function applyPageTemplate(analysis: WorkbookAnalysis, t: PageTemplate): WorkbookAnalysis {
  return applyTemplate(analysis, t.template, { file: t.fileName, sheet: t.template.sheet });
}

/** "Đã so sánh N bảng điểm với bộ tiêu chí mẫu X: K đúng bộ tiêu chí, M có khác biệt." */
export function templateSentence(analysis: WorkbookAnalysis, t: PageTemplate): string {
  const compared = analysis.sheets.filter((s): s is ScoringSheet => s.kind === "scoring" && !!s.template && s.template.file === t.fileName);
  const conforming = compared.filter((s) => s.template!.conforms).length;
  const name = templateName({ file: t.fileName, sheet: t.template.sheet });
  return `Đã so sánh ${compared.length} bảng điểm với bộ tiêu chí mẫu ${name}: ${conforming} đúng bộ tiêu chí, ${compared.length - conforming} có khác biệt.`;
}
