// What `cchc check|summary|report` add to the settings saved in the workbook: `--columns` and
// `--bands`, parsed once per run; and what they tell about the settings a file was read with
// (the `settings` object of `check --json`, the lines of the text output).
import { columnLetters } from "../engine/core/address";
import type { EngineSettings, GradeBand } from "../engine/core/types";
import { settingsSummary, type ColumnsRequest, type OpenedWorkbook, type SettingsSource } from "../host/file/xlsxAnalysis";
import { BANDS_OPTION, loadBandsFile } from "./bandsOption";
import { COLUMNS_OPTION, parseColumns } from "./columnsOption";

export { BANDS_OPTION, COLUMNS_OPTION };

/** The options' usage, for the commands' usage lines. */
export const SETTINGS_USAGE = `[${COLUMNS_OPTION} "SHEET!donvi=B,thamdinh=E,…"] [${BANDS_OPTION} TỆP_XẾP_LOẠI]`;

/** Settings from the command line: given to openXlsx, over those saved in the workbook. */
export interface GivenSettings {
  settings: Partial<EngineSettings>;
  columns: ColumnsRequest[];
}

/** Parses --columns and reads --bands; a Vietnamese error for the first fault. */
export async function givenSettings(options: ReadonlyMap<string, string>): Promise<GivenSettings | { error: string }> {
  const given: GivenSettings = { settings: {}, columns: [] };
  const columns = options.get(COLUMNS_OPTION);
  if (columns !== undefined) {
    const parsed = parseColumns(columns);
    if ("error" in parsed) return parsed;
    given.columns = parsed;
  }
  const bandsFile = options.get(BANDS_OPTION);
  if (bandsFile !== undefined) {
    const bands = await loadBandsFile(bandsFile);
    if ("error" in bands) return bands;
    if (bands.bands) given.settings.bands = bands.bands;
    given.settings.blockBands = bands.blockBands;
  }
  return given;
}

/** `check --json`'s account of the settings a file was read with. */
export interface JsonSettings {
  source: SettingsSource;
  /** By sheet: the header row as Excel numbers it, the column letters by role. */
  columnMaps: Record<string, { header: number; kind?: "scoring" | "units"; columns: Record<string, string> }>;
  bands: GradeBand[];
  blockBands: Record<string, GradeBand[]>;
  previousSheet: string | null;
  /** The criteria set compared with: a sheet of the workbook, or a set stored from a file (its criteria counted). */
  templateSheet: string | null;
  templateFile: { file: string; sheet: string; criteria: number } | null;
  official: EngineSettings["official"];
  unranked: string[];
  /** The sentence the text output shows ("Dùng cài đặt đã lưu trong bảng tính (…)"). */
  summary: string | null;
  /** What could not be used, in Vietnamese. */
  notices: string[];
}

/** The account, or undefined when only the defaults were used and nothing is to be said. */
export function settingsReport(opened: OpenedWorkbook): JsonSettings | undefined {
  if (opened.settingsSource === "default" && opened.settingsNotices.length === 0) return undefined;
  const s = opened.settings;
  const columnMaps: JsonSettings["columnMaps"] = {};
  for (const [sheet, h] of Object.entries(s.columnMaps)) {
    const columns: Record<string, string> = {};
    for (const [role, col] of Object.entries(h.columns)) if (col !== undefined) columns[role] = columnLetters(col);
    Object.defineProperty(columnMaps, sheet, {
      value: { header: h.row + 1, ...(h.kind ? { kind: h.kind } : {}), columns },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return {
    source: opened.settingsSource,
    columnMaps,
    bands: s.bands,
    blockBands: s.blockBands ?? {},
    previousSheet: s.previousSheet ?? null,
    templateSheet: s.templateSheet ?? null,
    templateFile: s.templateFile ? { file: s.templateFile.file, sheet: s.templateFile.sheet, criteria: s.templateFile.criteria.length } : null,
    official: s.official,
    unranked: s.unranked ?? [],
    summary: settingsSummary(opened),
    notices: [...opened.settingsNotices],
  };
}

/** The lines the text outputs show: which settings, then each notice. */
export function settingsLines(report: Pick<JsonSettings, "summary" | "notices"> | undefined): string[] {
  if (!report) return [];
  return [...(report.summary ? [report.summary] : []), ...report.notices.map((n) => `Lưu ý: ${n}`)];
}
