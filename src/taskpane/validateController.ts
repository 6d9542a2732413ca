// "Kiểm tra": every scoring sheet (or only the active one), findings by sheet, errors first;
// offending cells highlighted with their previous fills remembered.
import { analyzeWorkbook } from "../engine/analyze";
import type { Finding, SheetResult } from "../engine/core/types";
import type { PaneHost } from "./paneHost";
import { TEXT, errorSentence } from "./messages";
import { noProgress, type Progress } from "./progress";
import { userGrids } from "./workbookScope";

export type ValidationScope = "all" | "active";

export interface FindingGroup {
  sheet: string;
  kind: SheetResult["kind"];
  errors: number;
  warnings: number;
  /** Errors first, then by row and column. */
  findings: Finding[];
}

export interface ValidationReport {
  groups: FindingGroup[];
  errors: number;
  warnings: number;
  /** Sheets read as neither a scoring sheet nor a units table, with the reason. */
  skipped: Array<{ sheet: string; reason: string }>;
  /** Cells carrying the highlight after the command (0 when highlighting was off). */
  highlighted: number;
  /** Why no cell was coloured, when highlighting failed (the findings are listed all the same). */
  highlightError?: string;
  /** Scoring sheets and units tables looked at. */
  checkedSheets: number;
}

export interface ValidationOptions {
  scope: ValidationScope;
  highlight: boolean;
  progress?: Progress;
}

function byImportance(a: Finding, b: Finding): number {
  if (a.severity !== b.severity) return a.severity === "error" ? -1 : 1;
  return a.row - b.row || a.col - b.col;
}

export async function runValidation(host: PaneHost, options: ValidationOptions): Promise<ValidationReport> {
  const progress = options.progress ?? noProgress;
  progress(TEXT.reading, 0.1);
  const snapshot = await host.read();
  const settings = host.loadSettings();
  let grids = userGrids(snapshot);
  // Checking one sheet still checks it against the criteria set chosen in Cài đặt.
  if (options.scope === "active") grids = grids.filter((g) => g.name === snapshot.activeSheet || g.name === settings.templateSheet);
  progress(TEXT.analysing, 0.4);
  const analysis = analyzeWorkbook(grids, settings);
  const groups: FindingGroup[] = [];
  const skipped: ValidationReport["skipped"] = [];
  for (const result of analysis.sheets) {
    if (result.kind === "other") {
      skipped.push({ sheet: result.sheet, reason: result.reason });
      continue;
    }
    const findings = [...result.findings].sort(byImportance);
    const errors = findings.filter((f) => f.severity === "error").length;
    groups.push({ sheet: result.sheet, kind: result.kind, errors, warnings: findings.length - errors, findings });
  }
  // Sheets with errors first, then warnings, then clean ones; tab order otherwise.
  const order = new Map(groups.map((g, i) => [g.sheet, i] as const));
  groups.sort((a, b) => Number(b.errors > 0) - Number(a.errors > 0) || Number(b.warnings > 0) - Number(a.warnings > 0) || order.get(a.sheet)! - order.get(b.sheet)!);
  let highlighted = 0;
  let highlightError: string | undefined;
  if (options.highlight) {
    progress(TEXT.highlighting, 0.7);
    const cells = groups.flatMap((g) => g.findings.map((f) => ({ sheet: f.sheet, address: f.cell })));
    // Checking one sheet leaves the other sheets' highlights as they are.
    try {
      highlighted = await host.highlight(cells, options.scope === "active" ? grids.map((g) => g.name) : undefined);
    } catch (err) {
      // The findings are still worth showing; the clerk is told why nothing was coloured.
      highlightError = errorSentence(err);
      highlighted = host.highlightCount();
    }
  }
  progress(TEXT.done, 1);
  return {
    groups,
    errors: groups.reduce((n, g) => n + g.errors, 0),
    warnings: groups.reduce((n, g) => n + g.warnings, 0),
    skipped,
    highlighted,
    ...(highlightError !== undefined ? { highlightError } : {}),
    checkedSheets: groups.length,
  };
}
