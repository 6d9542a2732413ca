// Entry point of the engine: tells each grid's kind and reads it.
import type { EngineSettings, Grid, SheetResult, WorkbookAnalysis } from "./types";
import { detectHeader, kindOfColumns } from "./header";
import { readScoringSheet } from "./scoringSheet";
import { readUnitsSheet } from "./unitsTable";
import { withDefaults } from "./settings";
import { analyzeAcrossUnits } from "./acrossUnits";
import { sortFindings } from "./findingFactory";

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

/** Every sheet read, and the analysis across units where two or more scoring sheets share criteria. */
export function analyzeWorkbook(grids: Grid[], settings?: Partial<EngineSettings>): WorkbookAnalysis {
  const sheets = grids.map((g) => analyzeSheet(g, settings));
  const across = analyzeAcrossUnits(sheets, withDefaults(settings));
  for (const s of sheets) {
    const f = across.findings.get(s.sheet);
    if (f) s.findings = sortFindings([...s.findings, f]);
  }
  return { sheets, acrossUnits: across.analysis };
}
