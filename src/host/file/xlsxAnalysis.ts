// Opening a workbook's bytes and analysing them: shared by `cchc check`, `cchc summary` and the
// standalone page, so all three see a workbook the same way. An old .xls or an .ods is read by the
// legacy readers and converted to a new .xlsx first, so everything after reads one format.
// The settings the add-in saved in the workbook are used, overridden field by field by those given.
import { analyzeWorkbook } from "../../engine/analyze";
import { detectHeader } from "../../engine/cells/header";
import { withDefaults } from "../../engine/core/settings";
import type { ColumnMap, EngineSettings, Grid, HeaderInfo, ScoringSheet, SheetResult, WorkbookAnalysis } from "../../engine/core/types";
import type { WorkbookSnapshot } from "../port";
import { XlsxWorkbook } from "./xlsxWorkbook";
import { isLegacyWorkbook, readLegacyWorkbook } from "./legacy/legacyWorkbook";
import { convertedNotice, convertToXlsx } from "./write/convertedPackage";
import { DEFAULT_LIMITS, type PackageLimits } from "./package/xlsxPackageCheck";
import { readAddinSettings } from "./read/addinSettings";

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
  /** The settings the analysis used: the workbook's saved ones, overridden by those given, with defaults. */
  settings: EngineSettings;
  /** What the add-in saved in the workbook (the fields that could be read); null when nothing. */
  savedSettings: Partial<EngineSettings> | null;
  /** Where `settings` came from. */
  settingsSource: SettingsSource;
  /** Saved settings that could not be read, column requests that could not be used: Vietnamese sentences. */
  settingsNotices: string[];
}

export type SettingsSource = "default" | "workbook" | "options" | "workbook+options";

/** A column map asked for by name and letters (`cchc --columns`), resolved against the sheet once read. */
export interface ColumnsRequest {
  sheet: string;
  /** 0-based header row; absent: the row the header detection finds (the sheet must be recognised). */
  row?: number;
  columns: ColumnMap;
  kind?: "scoring" | "units";
}

export interface OpenOptions {
  /** Column maps that replace, sheet by sheet, those saved in the workbook and in `settings`. */
  columns?: readonly ColumnsRequest[];
}

/** Sets an own property, even one named "__proto__" (a sheet may be named anything). */
function setOwn<T>(o: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function mergedRecord<T>(...records: Array<Record<string, T> | undefined>): Record<string, T> | undefined {
  if (records.every((r) => r === undefined)) return undefined;
  const out: Record<string, T> = {};
  for (const r of records) for (const [k, v] of Object.entries(r ?? {})) setOwn(out, k, v);
  return out;
}

/** `given` over `saved`, field by field; column maps sheet by sheet. */
export function mergeSettings(saved: Partial<EngineSettings> | null, given: Partial<EngineSettings> | undefined): Partial<EngineSettings> {
  const out: Partial<EngineSettings> = { ...(saved ?? {}) };
  for (const [key, value] of Object.entries(given ?? {}) as Array<[keyof EngineSettings, unknown]>) {
    if (value !== undefined && key !== "columnMaps") (out as Record<string, unknown>)[key] = value;
  }
  const maps = mergedRecord(saved?.columnMaps, given?.columnMaps);
  if (maps) out.columnMaps = maps;
  return out;
}

const sheetList = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");

/** Sheets the settings name that the workbook no longer has (renamed or deleted since). */
function missingSheetNotices(settings: EngineSettings, sheets: readonly Grid[]): string[] {
  const has = (name: string) => sheets.some((g) => g.name === name);
  const notices: string[] = [];
  for (const name of Object.keys(settings.columnMaps)) {
    if (!has(name)) notices.push(`Khai báo cột cho sheet "${name}" trong cài đặt không dùng được: bảng tính không còn sheet này; các sheet có: ${sheetList(sheets.map((g) => g.name))}.`);
  }
  if (settings.previousSheet && !has(settings.previousSheet)) {
    notices.push(`Sheet năm trước "${settings.previousSheet}" chọn trong cài đặt không còn trong bảng tính; không so sánh với năm trước.`);
  }
  return notices;
}

/** Resolves column requests against the read sheets: maps by sheet, and what could not be used. */
function resolveColumns(requests: readonly ColumnsRequest[], sheets: readonly Grid[]): { maps: Record<string, HeaderInfo>; notices: string[] } {
  const maps: Record<string, HeaderInfo> = {};
  const notices: string[] = [];
  for (const req of requests) {
    const grid = sheets.find((g) => g.name === req.sheet);
    if (!grid) {
      notices.push(`Khai báo cột cho sheet "${req.sheet}": bảng tính không có sheet này; các sheet có: ${sheetList(sheets.map((g) => g.name))}.`);
      continue;
    }
    let row = req.row;
    if (row === undefined) {
      const detected = detectHeader(grid);
      if (detected.kind === "other") {
        notices.push(`Khai báo cột cho sheet "${req.sheet}": không nhận ra dòng tiêu đề của sheet này, nên chưa dùng được; hãy ghi thêm header=SỐ_DÒNG (số dòng trong Excel), ví dụ "${req.sheet}!header=5,…".`);
        continue;
      }
      row = detected.header.row;
    }
    setOwn(maps, req.sheet, { row, columns: { ...req.columns }, ...(req.kind ? { kind: req.kind } : {}) });
  }
  return { maps, notices };
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
  options: OpenOptions = {},
): Promise<OpenedWorkbook> {
  let bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let converted: OpenedWorkbook["converted"];
  let saved: Awaited<ReturnType<typeof readAddinSettings>> = { settings: null, notices: [] };
  if (isLegacyWorkbook(bytes)) {
    const legacy = await readLegacyWorkbook(bytes, limits);
    const format = legacy.format === "ods" ? "ods" : "xls";
    converted = { format, notices: [convertedNotice(format), ...legacy.notices] };
    bytes = await convertToXlsx(legacy);
  } else {
    saved = await readAddinSettings(bytes, limits ?? DEFAULT_LIMITS);
  }
  const requests = options.columns ?? [];
  const chosen = mergeSettings(saved.settings, settings);
  // A sheet the clerk mapped, or last year's, is kept whole even when large and unrecognised.
  const named = (name: string) =>
    chosen.previousSheet === name ||
    (chosen.columnMaps !== undefined && Object.prototype.hasOwnProperty.call(chosen.columnMaps, name)) ||
    requests.some((r) => r.sheet === name);
  const port = await XlsxWorkbook.open(bytes, limits, { keepWhole: named });
  const snapshot = await port.read();
  const generated = generatedNames(snapshot);
  const userSheets = snapshot.sheets.filter((g) => !generated.has(g.name));
  const resolved = resolveColumns(requests, userSheets);
  const effective = withDefaults(requests.length > 0 ? { ...chosen, columnMaps: mergedRecord(chosen.columnMaps, resolved.maps) } : chosen);
  const fromOptions = requests.length > 0 || Object.values(settings ?? {}).some((v) => v !== undefined);
  const fromWorkbook = saved.settings !== null;
  const source: SettingsSource = fromWorkbook ? (fromOptions ? "workbook+options" : "workbook") : fromOptions ? "options" : "default";
  return {
    port,
    snapshot,
    userSheets,
    analysis: analyzeWorkbook(userSheets, effective),
    ...(converted ? { converted } : {}),
    settings: effective,
    savedSettings: saved.settings,
    settingsSource: source,
    settingsNotices: [...saved.notices, ...missingSheetNotices(effective, snapshot.sheets), ...resolved.notices],
  };
}

/** Why a generated sheet is listed but not analysed. */
export const GENERATED_REASON = "Sheet do công cụ CCHC tạo ra trước đây (báo cáo tổng hợp), không kiểm tra lại như số liệu.";

/** Why last year's sheet (chosen in the settings) is listed but not analysed as this year's. */
export const PREVIOUS_SHEET_REASON = "Sheet năm trước (chọn trong Cài đặt): dùng để so sánh, không kiểm tra như số liệu năm nay.";

/** Why the criteria-set sheet chosen in Cài đặt is listed but not checked as a unit's sheet. */
export const TEMPLATE_SHEET_REASON = "Bộ tiêu chí mẫu (chọn trong Cài đặt): các bảng điểm được đối chiếu với sheet này, không chấm điểm sheet này.";

/**
 * Every sheet in tab order: the user's sheets as analysed, the generated ones as "other" with
 * GENERATED_REASON (so a report lists every sheet of the workbook).
 */
export function analysisOfEverySheet(opened: OpenedWorkbook): WorkbookAnalysis {
  const byName = new Map(opened.analysis.sheets.map((s) => [s.sheet, s] as const));
  const reason = (name: string) =>
    name === opened.settings.previousSheet ? PREVIOUS_SHEET_REASON : name === opened.settings.templateSheet ? TEMPLATE_SHEET_REASON : GENERATED_REASON;
  const sheets = opened.snapshot.sheets.map(
    (g): SheetResult => byName.get(g.name) ?? { kind: "other", sheet: g.name, reason: reason(g.name), findings: [] },
  );
  return { ...opened.analysis, sheets };
}

/** The sheet to summarise when none is named: the first visible scoring sheet (an old year is often kept hidden). */
export function defaultScoringSheet(opened: OpenedWorkbook): ScoringSheet | undefined {
  const scoring = opened.analysis.sheets.filter((s): s is ScoringSheet => s.kind === "scoring");
  const hidden = opened.port.hiddenSheets();
  return scoring.find((s) => !hidden.has(s.sheet)) ?? scoring[0];
}

const SOURCE_TEXT: Record<Exclude<SettingsSource, "default">, (options: string) => string> = {
  workbook: () => "Dùng cài đặt đã lưu trong bảng tính",
  options: (o) => `Dùng cài đặt từ ${o}`,
  "workbook+options": (o) => `Dùng cài đặt đã lưu trong bảng tính, thay một phần bằng ${o}`,
};

const bandsText = (bands: ReadonlyArray<{ name: string; min: number }>) =>
  bands.map((b) => `${b.name} từ ${String(b.min).replace(".", ",")}`).join(", ");

/**
 * The line that says which settings were used ("Dùng cài đặt đã lưu trong bảng tính (khai báo
 * cột: sheet "X"; xếp loại riêng: khối "A")"); null when only the defaults were. `options` names
 * the other source where there is one ("tùy chọn dòng lệnh").
 */
export function settingsSummary(opened: Pick<OpenedWorkbook, "settings" | "settingsSource">, options = "tùy chọn dòng lệnh"): string | null {
  if (opened.settingsSource === "default") return null;
  const s = opened.settings;
  const parts: string[] = [];
  const maps = Object.keys(s.columnMaps);
  if (maps.length > 0) parts.push(`khai báo cột: ${maps.map((m) => `sheet "${m}"`).join(", ")}`);
  const defaults = withDefaults();
  if (JSON.stringify(s.bands) !== JSON.stringify(defaults.bands)) parts.push(`xếp loại: ${bandsText(s.bands)}`);
  for (const [block, bands] of Object.entries(s.blockBands ?? {})) parts.push(`xếp loại riêng khối "${block}": ${bandsText(bands)}`);
  if (s.official !== "auto") parts.push(`điểm chính thức: ${s.official === "self" ? "tự đánh giá" : "thẩm định"}`);
  if (s.previousSheet) parts.push(`sheet năm trước: "${s.previousSheet}"`);
  if (s.templateSheet) parts.push(`bộ tiêu chí mẫu: sheet "${s.templateSheet}"`);
  else if (s.templateFile) parts.push(`bộ tiêu chí mẫu: tệp "${s.templateFile.file}", sheet "${s.templateFile.sheet}"`);
  if ((s.unranked ?? []).length > 0) parts.push(`không xếp hạng: ${s.unranked!.length} đơn vị`);
  const head = SOURCE_TEXT[opened.settingsSource](options);
  return parts.length > 0 ? `${head} (${parts.join("; ")}).` : `${head}.`;
}
