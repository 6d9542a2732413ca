// "Tính điểm": per area achieved / maximum, total, index and grade for self-assessed and
// appraised points; and the offer to fill parent sub-total cells with native SUM formulas.
import { analyzeWorkbook } from "../engine/analyze";
import { planSubtotalFormulas, type SubtotalFormula } from "../engine/scoring/subtotalFormulas";
import { cellText, parseNumber } from "../engine/core/numbers";
import { previewSum, textNumbersIn } from "./sumPreview";
import type { AreaSummary, ScoreSummary, ScoreKind, ScoringComparison, ScoringSheet } from "../engine/core/types";
import type { PaneHost } from "./paneHost";
import { TEXT, UserError, formatPoints } from "./messages";
import { noProgress, type Progress } from "./progress";
import { chooseScoringSheet, scoringSheets, userGrids } from "./workbookScope";

/** A parent cell the SUM formula would fill, with the value the formula would show now. */
export interface OfferedFormula extends SubtotalFormula {
  /** The formula's value over the sheet as it is (null when it cannot be previewed). */
  becomes: number | null;
  /** A filled cell whose number differs from what the formula gives. */
  differs: boolean;
}

export interface SubtotalOffer {
  sheet: string;
  /** Empty parent cells: filled when the clerk accepts. */
  empty: OfferedFormula[];
  /**
   * Cells that hold something now, those that differ from their parts first: written only
   * after the clerk has seen them listed and agreed.
   */
  filled: OfferedFormula[];
  /** Cells summed by these formulas that hold numbers typed as text: SUM would skip them. */
  textNumbers: string[];
}

export interface ScoreResult {
  sheet: string;
  /** Unit name from the title rows, if any. */
  title: string | null;
  official: ScoreKind;
  areas: AreaSummary[];
  self: ScoreSummary | null;
  appraised: ScoreSummary | null;
  offer: SubtotalOffer;
  /** Every scoring sheet of the workbook, for the sheet choice. */
  scoringSheets: string[];
  /** Comparison with last year's sheet chosen in Cài đặt; null without one or without a match. */
  comparison: ScoringComparison | null;
  /** The sheet as read: its appraisal round (criteria set, cuts, evidence, explanation) is shown from it. */
  scoring: ScoringSheet;
}

export async function computeScores(host: PaneHost, options: { sheet?: string; progress?: Progress } = {}): Promise<ScoreResult> {
  const progress = options.progress ?? noProgress;
  progress(TEXT.reading, 0.1);
  const snapshot = await host.read();
  const grids = userGrids(snapshot);
  progress(TEXT.computing, 0.5);
  const sheets = scoringSheets(analyzeWorkbook(grids, host.loadSettings()));
  const sheet = chooseScoringSheet(sheets, options.sheet, snapshot.activeSheet);
  if (!sheet) throw new UserError(TEXT.noScoringSheet);
  const grid = grids.find((g) => g.name === sheet.sheet)!;
  const formulas: OfferedFormula[] = planSubtotalFormulas(sheet, grid).map((f) => {
    const becomes = previewSum(f.formula, grid);
    const now = parseNumber(f.existing);
    const differs = !isEmpty(f.existing) && (now.kind !== "number" || becomes === null || Math.abs(now.value - becomes) > 1e-9);
    return { ...f, becomes, differs };
  });
  progress(TEXT.done, 1);
  return {
    sheet: sheet.sheet,
    title: sheet.title,
    official: sheet.official,
    areas: sheet.areas,
    self: sheet.totals.self,
    appraised: sheet.totals.appraised,
    offer: {
      sheet: sheet.sheet,
      textNumbers: [...new Set(formulas.flatMap((f) => textNumbersIn(f.formula, grid)))],
      empty: formulas.filter((f) => isEmpty(f.existing)),
      filled: formulas.filter((f) => !isEmpty(f.existing)).sort((a, b) => Number(b.differs) - Number(a.differs)),
    },
    scoringSheets: sheets.map((s) => s.sheet),
    comparison: sheet.comparison ?? null,
    scoring: sheet,
  };
}

function isEmpty(value: SubtotalFormula["existing"]): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** What a listed cell holds now, as the clerk reads it (decimal comma). */
export function existingText(f: SubtotalFormula): string {
  return typeof f.existing === "number" ? formatPoints(f.existing, decimalsShown(f.existing)) : cellText(f.existing);
}

function decimalsShown(x: number): number {
  return Number.isInteger(x) ? 0 : Math.min(4, String(x).split(".")[1]?.length ?? 2);
}

/** "E63: đang là 10, công thức cho 11,09 → =SUM(E64:E66)" */
export function describeOverwrite(f: OfferedFormula): string {
  const becomes = f.becomes === null ? "" : `, công thức cho ${formatPoints(f.becomes, decimalsShown(f.becomes))}`;
  return `${f.address}: đang là "${existingText(f)}"${becomes} → ${f.formula}${f.differs ? " (khác tổng các ô con)" : ""}`;
}

/**
 * Writes the SUM formulas: the empty cells, and the filled ones only with `overwrite` (the pane
 * asks first, listing them). Returns how many cells were written. A cell changed since Tính
 * điểm read it makes the host write nothing and throw ChangedCellsError (where it checks).
 */
export async function applySubtotals(host: PaneHost, offer: SubtotalOffer, overwrite: boolean, progress: Progress = noProgress): Promise<number> {
  const chosen = overwrite ? [...offer.empty, ...offer.filled] : offer.empty;
  if (chosen.length === 0) return 0;
  progress(TEXT.writing, 0.5);
  // Each cell must still hold what Tính điểm read: a number typed since is never overwritten.
  await host.writeCells(chosen.map((f) => ({ sheet: offer.sheet, address: f.address, formula: f.formula, expected: f.existing })));
  progress(TEXT.done, 1);
  return chosen.length;
}
