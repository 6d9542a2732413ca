// Entry point of the engine: tells each grid's kind and reads it.
import type { EngineSettings, Grid, SheetResult, WorkbookAnalysis } from "./types";
import { detectHeader, kindOfColumns } from "./header";
import { readScoringSheet } from "./scoringSheet";
import { readUnitsSheet } from "./unitsTable";
import { withDefaults } from "./settings";

export function analyzeSheet(grid: Grid, settings?: Partial<EngineSettings>): SheetResult {
  const s = withDefaults(settings);
  // Own properties only: a sheet named "constructor" must not find Object's.
  const mapped = Object.prototype.hasOwnProperty.call(s.columnMaps, grid.name) ? s.columnMaps[grid.name] : undefined;
  if (mapped) {
    // A mapping the clerk made in the settings wins over detection.
    const kind = kindOfColumns(mapped.columns) ?? "scoring";
    return kind === "units" ? readUnitsSheet(grid, mapped, s) : readScoringSheet(grid, mapped, s);
  }
  const detected = detectHeader(grid);
  if (detected.kind === "scoring") return readScoringSheet(grid, detected.header, s);
  if (detected.kind === "units") return readUnitsSheet(grid, detected.header, s);
  return { kind: "other", sheet: grid.name, reason: detected.reason, findings: [] };
}

export function analyzeWorkbook(grids: Grid[], settings?: Partial<EngineSettings>): WorkbookAnalysis {
  return { sheets: grids.map((g) => analyzeSheet(g, settings)) };
}
