// Which grids a command looks at: never the sheets this project generated itself (the ranking
// sheet would otherwise be read back as a units table).
import type { Grid, ScoringSheet, WorkbookAnalysis } from "../engine/core/types";
import type { WorkbookSnapshot } from "../host/port";

export function userGrids(snapshot: WorkbookSnapshot): Grid[] {
  const generated = new Set(Object.values(snapshot.generated).map((n) => n!.toLowerCase()));
  return snapshot.sheets.filter((g) => !generated.has(g.name.toLowerCase()));
}

export function scoringSheets(analysis: WorkbookAnalysis): ScoringSheet[] {
  return analysis.sheets.filter((s): s is ScoringSheet => s.kind === "scoring");
}

/** The sheet asked for; else the active sheet when it is a scoring sheet; else the first one. */
export function chooseScoringSheet(
  sheets: ScoringSheet[],
  wanted: string | undefined,
  active: string | null,
): ScoringSheet | undefined {
  const byName = (name: string | null | undefined) =>
    name ? sheets.find((s) => s.sheet.toLowerCase() === name.toLowerCase()) : undefined;
  return byName(wanted) ?? byName(active) ?? sheets[0];
}
