// Entry point of the engine: tells each grid's kind and reads it.
import type { EngineSettings, Grid, SheetResult, WorkbookAnalysis } from "./core/types";
import { detectHeader, kindOfColumns } from "./cells/header";
import { readScoringSheet } from "./scoring/scoringSheet";
import { readUnitsSheet } from "./units/unitsTable";
import { withDefaults } from "./core/settings";
import { analyzeAcrossUnits } from "./compare/acrossUnits";
import { sortFindings } from "./core/findingFactory";
import { compareWithPrevious } from "./compare/previousYear";
import { applyTemplate, readTemplate } from "./compare/templateSheet";
import { storedTemplateSheet } from "./compare/storedTemplate";

export function analyzeSheet(grid: Grid, settings?: Partial<EngineSettings>): SheetResult {
  const s = withDefaults(settings);
  // Own properties only: a sheet named "constructor" must not find Object's.
  const mapped = Object.prototype.hasOwnProperty.call(s.columnMaps, grid.name) ? s.columnMaps[grid.name] : undefined;
  if (mapped) {
    // A mapping the clerk made in the settings wins over detection.
    const kind = mapped.kind ?? kindOfColumns(mapped.columns) ?? "scoring";
    return kind === "units" ? readUnitsSheet(grid, mapped, s) : readScoringSheet(grid, mapped, s);
  }
  const detected = detectHeader(grid);
  if (detected.kind === "scoring") return readScoringSheet(grid, detected.header, s);
  if (detected.kind === "units") return readUnitsSheet(grid, detected.header, s);
  return { kind: "other", sheet: grid.name, reason: detected.reason, findings: [] };
}

/**
 * Every sheet read, and the analysis across units where two or more scoring sheets share
 * criteria. A last year's sheet and a criteria set (template) sheet named in the settings are
 * left out and compared with; without a template sheet, a criteria set stored from a file
 * (`templateFile`) is compared with.
 */
export function analyzeWorkbook(grids: Grid[], settings?: Partial<EngineSettings>): WorkbookAnalysis {
  const s = withDefaults(settings);
  const lastYear = s.previousSheet ? grids.find((g) => g.name === s.previousSheet) : undefined;
  const templateGrid = s.templateSheet ? grids.find((g) => g.name === s.templateSheet) : undefined;
  const sheets = grids.filter((g) => g !== lastYear && g !== templateGrid).map((g) => analyzeSheet(g, s));
  const across = analyzeAcrossUnits(sheets, s);
  for (const sheet of sheets) {
    const f = across.findings.get(sheet.sheet);
    if (f) sheet.findings = sortFindings([...sheet.findings, f]);
  }
  let analysis: WorkbookAnalysis = { sheets, acrossUnits: across.analysis };
  if (templateGrid) {
    const read = readTemplate([templateGrid], templateGrid.name, s);
    if (read.ok) analysis = applyTemplate(analysis, read.template, { file: null, sheet: templateGrid.name });
  } else if (s.templateFile) {
    // A set chosen as a file is used only without a template sheet: the sheet of this workbook wins.
    const stored = storedTemplateSheet(s.templateFile);
    if (stored) analysis = applyTemplate(analysis, stored, s.templateFile);
  }
  if (!lastYear) return analysis;
  return compareWithPrevious(analysis, { sheets: [analyzeSheet(lastYear, s)] }, null).analysis;
}
