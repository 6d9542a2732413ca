// Opening a workbook's bytes and analysing them: shared by `cchc check`, `cchc summary` and the
// standalone page, so all three see a workbook the same way. An old .xls or an .ods is read by the
// legacy readers and converted to a new .xlsx first, so everything after reads one format.
import { analyzeWorkbook } from "../../engine/analyze";
import type { EngineSettings, Grid, ScoringSheet, SheetResult, WorkbookAnalysis } from "../../engine/core/types";
import type { WorkbookSnapshot } from "../port";
import { XlsxWorkbook } from "./xlsxWorkbook";
import { isLegacyWorkbook, readLegacyWorkbook } from "./legacy/legacyWorkbook";
import { convertedNotice, convertToXlsx } from "./write/convertedPackage";
import type { PackageLimits } from "./package/xlsxPackageCheck";

export interface OpenedWorkbook {
  /** Reads through the project's reader (read/); writes report sheets into the original package. */
  port: XlsxWorkbook;
  snapshot: WorkbookSnapshot;
  /** The user's sheets: every sheet except those this project generated (found by marker). */
  userSheets: Grid[];
  /** Analysis of the user's sheets, in tab order. */
  analysis: WorkbookAnalysis;
  /** Set when the file was an .xls or .ods: what the clerk is told about the conversion. */
  converted?: { format: "xls" | "ods"; notices: string[] };
}

/** Names of the sheets this project wrote earlier (kept out of the analysis). */
export function generatedNames(snapshot: WorkbookSnapshot): Set<string> {
  return new Set(Object.values(snapshot.generated).filter((n): n is string => typeof n === "string"));
}

/** Loads the bytes (throws XlsxReadError with a Vietnamese message) and analyses the user's sheets. */
export async function openXlsx(
  data: ArrayBuffer | Uint8Array,
  settings?: Partial<EngineSettings>,
  limits?: PackageLimits,
): Promise<OpenedWorkbook> {
  let bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let converted: OpenedWorkbook["converted"];
  if (isLegacyWorkbook(bytes)) {
    const legacy = await readLegacyWorkbook(bytes, limits);
    const format = legacy.format === "ods" ? "ods" : "xls";
    converted = { format, notices: [convertedNotice(format), ...legacy.notices] };
    bytes = await convertToXlsx(legacy);
  }
  // A sheet the clerk mapped, or last year's, is kept whole even when large and unrecognised.
  const named = (name: string) =>
    settings?.previousSheet === name || (settings?.columnMaps !== undefined && Object.prototype.hasOwnProperty.call(settings.columnMaps, name));
  const port = await XlsxWorkbook.open(bytes, limits, { keepWhole: named });
  const snapshot = await port.read();
  const generated = generatedNames(snapshot);
  const userSheets = snapshot.sheets.filter((g) => !generated.has(g.name));
  return { port, snapshot, userSheets, analysis: analyzeWorkbook(userSheets, settings), ...(converted ? { converted } : {}) };
}

/** Why a generated sheet is listed but not analysed. */
export const GENERATED_REASON = "Sheet do công cụ CCHC tạo ra trước đây (báo cáo tổng hợp), không kiểm tra lại như số liệu.";

/**
 * Every sheet in tab order: the user's sheets as analysed, the generated ones as "other" with
 * GENERATED_REASON (so a report lists every sheet of the workbook).
 */
export function analysisOfEverySheet(opened: OpenedWorkbook): WorkbookAnalysis {
  const byName = new Map(opened.analysis.sheets.map((s) => [s.sheet, s] as const));
  const sheets = opened.snapshot.sheets.map(
    (g): SheetResult => byName.get(g.name) ?? { kind: "other", sheet: g.name, reason: GENERATED_REASON, findings: [] },
  );
  return { ...opened.analysis, sheets };
}

/** The sheet to summarise when none is named: the first visible scoring sheet (an old year is often kept hidden). */
export function defaultScoringSheet(opened: OpenedWorkbook): ScoringSheet | undefined {
  const scoring = opened.analysis.sheets.filter((s): s is ScoringSheet => s.kind === "scoring");
  const hidden = opened.port.hiddenSheets();
  return scoring.find((s) => !hidden.has(s.sheet)) ?? scoring[0];
}
