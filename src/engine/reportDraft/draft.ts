// Entry of the draft report: from a workbook's analysis to the document model, section by section.
import type { Grid, ScoringSheet, UnitsSheet, WorkbookAnalysis } from "../core/types";
import type { DraftReport } from "./model";
import type { DraftContext } from "./context";
import { Footnotes } from "./spans";
import { closing, heading, opening, recipients, signature, subject } from "./frame";
import { scoringSection } from "./scoringSection";
import { unitsSection } from "./unitsSection";
import { tasksSection } from "./tasksSection";
import { titleYear } from "./titleRows";
import { shortUnitName } from "./vietnameseText";

export interface DraftOptions {
  /** The scoring sheet of section I; the first one when omitted. */
  sheet?: string;
  /** The grids analysed, to read the year from the title rows when the analysis has none. */
  grids?: readonly Grid[];
  /** Settings used when the sheet does not say: the year scored and the issuing body. */
  year?: number | null;
  issuer?: string | null;
}

/** Bad input for a draft, with a Vietnamese message for the clerk. */
export class DraftError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DraftError";
  }
}

function yearOf(sheet: ScoringSheet, options: DraftOptions): number | null {
  if (sheet.year != null) return sheet.year;
  const grid = options.grids?.find((g) => g.name === sheet.sheet);
  return (grid ? titleYear(grid, sheet.header.row) : null) ?? options.year ?? null;
}

const NO_RANKED_UNIT = "không có đơn vị nào đủ điểm và điểm tối đa để tính chỉ số (xem các lỗi của sheet này).";

export function draftReport(analysis: WorkbookAnalysis, options: DraftOptions = {}): DraftReport {
  const scoring = analysis.sheets.filter((s): s is ScoringSheet => s.kind === "scoring");
  if (scoring.length === 0) {
    throw new DraftError("Không tìm thấy bảng điểm nào (cần một sheet có cột mã tiêu chí, điểm tối đa và điểm): không có gì để lập báo cáo.");
  }
  const sheet = options.sheet === undefined ? scoring[0] : scoring.find((s) => s.sheet === options.sheet);
  if (!sheet) throw new DraftError(`Không tìm thấy bảng điểm "${options.sheet}".`);
  // Every units table of the workbook gives section II its results; one with no unit to rank is named as left out.
  const unitsTables = analysis.sheets.filter((s): s is UnitsSheet => s.kind === "units");
  const tables = unitsTables.filter((s) => s.ranking.length > 0);
  const leftOut = unitsTables.filter((s) => s.ranking.length === 0).map((s) => ({ sheet: s.sheet, reason: NO_RANKED_UNIT }));
  // The unit named in the title rows, else the setting; never a guess from the sheet's name
  // (`sheet.unit` falls back to it), which would put "Sheet1" at the head of an official report.
  const issuer = sheet.title ?? options.issuer ?? null;
  const year = yearOf(sheet, options);
  const ctx: DraftContext = {
    year: year === null ? "…" : String(year),
    unit: issuer === null ? "đơn vị" : shortUnitName(issuer),
    footnotes: new Footnotes(),
  };
  const across = analysis.acrossUnits ?? null;
  const body = [
    ...opening(ctx, tables.length > 0),
    ...scoringSection(sheet, ctx),
    ...unitsSection(tables, across, ctx),
    ...tasksSection(sheet),
    closing(ctx),
  ];
  return {
    heading: heading(issuer),
    title: "BÁO CÁO",
    subject: subject(ctx),
    body,
    footnotes: ctx.footnotes.list,
    recipients: recipients(),
    signature: signature(issuer),
    source: { scoring: sheet.sheet, units: tables.map((t) => t.sheet), leftOut },
    errors: analysis.sheets.flatMap((s) => s.findings.filter((f) => f.severity === "error")),
  };
}

