// The criteria set (template) read from a workbook's grids, applied to every scoring sheet of an
// analysis, and tallied over many units: how many conform, which differences are most common.
import type { ColumnMap, EngineSettings, Grid, HeaderInfo, RuleId, ScoringSheet, WorkbookAnalysis } from "../core/types";
import { detectHeader, HEADER_SEARCH_ROWS, roleOf } from "../cells/header";
import { readScoringSheet } from "../scoring/scoringSheet";
import { withDefaults } from "../core/settings";
import { sortFindings } from "../core/findingFactory";
import { compareCodes } from "../cells/codes";
import { compareWithTemplate } from "./criteriaTemplate";

/**
 * A criteria set may come without any points column ("STT | Nội dung | Điểm tối đa"): a row naming
 * a code and a maximum is its header. Scoring sheets are recognised first, as everywhere else.
 */
function criteriaHeader(grid: Grid): HeaderInfo | null {
  const detected = detectHeader(grid);
  if (detected.kind === "scoring") return detected.header;
  const limit = Math.min(grid.values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const columns: ColumnMap = {};
    (grid.values[r] ?? []).forEach((v, col) => {
      const role = typeof v === "string" ? roleOf(v) : null;
      if (role && columns[role] === undefined) columns[role] = col;
    });
    if (columns.code !== undefined && columns.max !== undefined && columns.unit === undefined) return { row: r, columns, kind: "scoring" };
  }
  return null;
}

/** The sheet read as a criteria set, or null: no header naming codes and maxima, or no criterion. */
function criteriaSetOf(grid: Grid, s: EngineSettings): ScoringSheet | null {
  const header = criteriaHeader(grid);
  if (!header) return null;
  const template = readScoringSheet(grid, header, s);
  return template.nodes.length > 0 ? template : null;
}

/**
 * Every sheet of a workbook that reads as a criteria set, in tab order: a file may hold one per
 * level (departments, communes), and the clerk chooses; `readTemplate` without a sheet takes the first.
 */
export function readTemplates(grids: readonly Grid[], settings?: Partial<EngineSettings>): ScoringSheet[] {
  const s = withDefaults(settings);
  return grids.map((g) => criteriaSetOf(g, s)).filter((t): t is ScoringSheet => t !== null);
}

export type TemplateRead = { ok: true; template: ScoringSheet } | { ok: false; error: string };

/**
 * The template: the sheet named, else the first sheet (tab order) that reads as a criteria set
 * (codes and maxima; its points may be empty). Read with the scoring sheet's own reader.
 */
export function readTemplate(grids: readonly Grid[], sheetName?: string | null, settings?: Partial<EngineSettings>): TemplateRead {
  const s = withDefaults(settings);
  const candidates = sheetName ? grids.filter((g) => g.name === sheetName) : grids;
  if (sheetName && candidates.length === 0) {
    return { ok: false, error: `Không có sheet "${sheetName}" trong tệp bộ tiêu chí mẫu; các sheet: ${grids.map((g) => `"${g.name}"`).join(", ")}.` };
  }
  for (const grid of candidates) {
    const template = criteriaSetOf(grid, s);
    if (template) return { ok: true, template };
  }
  const where = sheetName ? `Sheet "${sheetName}"` : "Tệp bộ tiêu chí mẫu";
  return {
    ok: false,
    error: `${where} không có bảng tiêu chí nào: cần một dòng tiêu đề có cột mã tiêu chí (STT, Mã) và cột điểm tối đa, và các dòng tiêu chí có mã (1, 1.1, 1.1.1).`,
  };
}

/**
 * Every scoring sheet of the analysis compared with the template: its findings join the sheet's,
 * its summary is the sheet's `template`. `skipSheet`: the template's own sheet when it lies in
 * this workbook. Returns a new analysis; the given one is not changed.
 */
export function applyTemplate(
  analysis: WorkbookAnalysis,
  template: ScoringSheet,
  ref: { file: string | null; sheet: string },
  skipSheet?: string | null,
): WorkbookAnalysis {
  const sheets = analysis.sheets.map((s) => {
    if (s.kind !== "scoring" || s.sheet === skipSheet) return s;
    const c = compareWithTemplate(s, template);
    return {
      ...s,
      template: { file: ref.file, sheet: ref.sheet, conforms: c.conforms, differences: c.differences },
      findings: sortFindings([...s.findings, ...c.findings]),
    };
  });
  return { ...analysis, sheets };
}

export interface TemplateTally {
  /** Scoring sheets compared with the template. */
  units: number;
  conforming: number;
  /** Each (rule, code) with the number of sheets showing it: most sheets first, then rule, then code. */
  differences: Array<{ rule: RuleId; code: string; units: number }>;
}

export function tallyTemplate(sheets: readonly ScoringSheet[]): TemplateTally {
  const counts = new Map<string, { rule: RuleId; code: string; units: number }>();
  let units = 0;
  let conforming = 0;
  for (const s of sheets) {
    if (!s.template) continue;
    units++;
    if (s.template.conforms) conforming++;
    const seen = new Set<string>();
    for (const d of s.template.differences) {
      const key = `${d.rule}|${d.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key);
      if (entry) entry.units++;
      else counts.set(key, { rule: d.rule, code: d.code, units: 1 });
    }
  }
  const differences = [...counts.values()].sort(
    (a, b) => b.units - a.units || a.rule.localeCompare(b.rule) || (a.code === "" || b.code === "" ? a.code.localeCompare(b.code) : compareCodes(a.code, b.code)),
  );
  return { units, conforming, differences };
}
