// Entry point of the engine: tells each grid's kind and reads it.
import type { EngineSettings, Grid, SheetResult, WorkbookAnalysis } from "./types";

export function analyzeSheet(grid: Grid, settings?: Partial<EngineSettings>): SheetResult {
  void grid; void settings;
  throw new Error("analyzeSheet: not implemented yet");
}

export function analyzeWorkbook(grids: Grid[], settings?: Partial<EngineSettings>): WorkbookAnalysis {
  return { sheets: grids.map((g) => analyzeSheet(g, settings)) };
}
