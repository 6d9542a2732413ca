// The value the add-in saved under CCHC_SETTINGS (an EngineSettings object as JSON), checked field
// by field: unknown keys are ignored, a field of the wrong shape is dropped with a Vietnamese
// notice (its default is used), a value that is not JSON or not an object gives the defaults.
import type { ColumnMap, ColumnRole, EngineSettings, GradeBand, HeaderInfo, StoredTemplate } from "../../../engine/core/types";
import { storedTemplateSheet } from "../../../engine/compare/storedTemplate";

export interface SavedSettingsCheck {
  /** The fields that could be read; null when nothing could. */
  settings: Partial<EngineSettings> | null;
  /** What was not read, as Vietnamese sentences for the clerk. */
  notices: string[];
}

/** The notice for a saved value (or one of its fields) that could not be read. */
export function unreadableNotice(why: string): string {
  return `Cài đặt đã lưu trong bảng tính không đọc được: ${why}; dùng cài đặt mặc định.`;
}

const ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  "code", "name", "max", "self", "appraised", "cause", "responsible", "unit", "index", "grade", "rank",
  "block", "survey", "surveyMax", "previousIndex", "previousRank", "achieved",
]);
/** Excel's grid: 1,048,576 rows, 16,384 columns. */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isIndex = (v: unknown, limit: number): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0 && v < limit;
const own = (o: Record<string, unknown>, key: string) => Object.prototype.hasOwnProperty.call(o, key);
/** Sets an own property, even one named "__proto__" (a sheet may be named anything). */
function setOwn<T>(o: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function bandsOf(v: unknown): GradeBand[] | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  const bands: GradeBand[] = [];
  for (const b of v) {
    if (!isRecord(b) || typeof b.name !== "string" || b.name.trim() === "") return null;
    if (typeof b.min !== "number" || !Number.isFinite(b.min) || b.min < 0 || b.min > 100) return null;
    bands.push({ name: b.name, min: b.min });
  }
  return bands;
}

function headerOf(v: unknown): HeaderInfo | null {
  if (!isRecord(v) || !isIndex(v.row, MAX_ROW) || !isRecord(v.columns)) return null;
  const columns: ColumnMap = {};
  for (const [role, col] of Object.entries(v.columns)) {
    // A role this version does not know is left out, not a fault.
    if (!ROLES.has(role as ColumnRole)) continue;
    if (!isIndex(col, MAX_COL)) return null;
    columns[role as ColumnRole] = col;
  }
  const header: HeaderInfo = { row: v.row, columns };
  if (v.kind === "scoring" || v.kind === "units") header.kind = v.kind;
  else if (v.kind !== undefined) return null;
  return header;
}

/** A criteria set stored from a file (templateFile), or why it is dropped. */
function storedTemplateOf(v: unknown): StoredTemplate | { why: string } {
  const wrong = { why: "bộ tiêu chí mẫu từ tệp (templateFile) sai dạng" };
  if (!isRecord(v) || typeof v.file !== "string" || typeof v.sheet !== "string" || !Array.isArray(v.criteria)) return wrong;
  const criteria: StoredTemplate["criteria"] = [];
  for (const c of v.criteria) {
    if (!isRecord(c) || typeof c.code !== "string" || typeof c.name !== "string") return wrong;
    const max = c.max;
    if (!(max === null || typeof max === "string" || (typeof max === "number" && Number.isFinite(max)))) return wrong;
    criteria.push({ code: c.code, name: c.name, max });
  }
  const stored: StoredTemplate = { file: v.file, sheet: v.sheet, criteria };
  if (!storedTemplateSheet(stored)) return { why: `bộ tiêu chí mẫu từ tệp "${v.file}", sheet "${v.sheet}" (templateFile) không có tiêu chí nào đọc được` };
  return stored;
}

/** Reads the saved value's text (JSON). */
export function checkSavedSettings(text: string): SavedSettingsCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { settings: null, notices: [unreadableNotice("giá trị CCHC_SETTINGS không phải JSON hợp lệ")] };
  }
  if (!isRecord(value)) return { settings: null, notices: [unreadableNotice("giá trị CCHC_SETTINGS không phải một bộ cài đặt")] };
  const settings: Partial<EngineSettings> = {};
  const notices: string[] = [];
  const drop = (why: string) => notices.push(unreadableNotice(why));

  if (own(value, "bands")) {
    const bands = bandsOf(value.bands);
    if (bands) settings.bands = bands;
    else drop("các mức xếp loại (bands) sai dạng");
  }
  if (own(value, "official")) {
    const o = value.official;
    if (o === "auto" || o === "self" || o === "appraised") settings.official = o;
    else drop(`cột điểm chính thức (official) "${String(o)}" không hợp lệ`);
  }
  if (own(value, "previousSheet")) {
    const p = value.previousSheet;
    if (p === null || typeof p === "string") settings.previousSheet = p === "" ? null : p;
    else drop("sheet năm trước (previousSheet) sai dạng");
  }
  if (own(value, "templateSheet")) {
    const t = value.templateSheet;
    if (t === null || typeof t === "string") settings.templateSheet = t === "" ? null : t;
    else drop("sheet bộ tiêu chí mẫu (templateSheet) sai dạng");
  }
  if (own(value, "templateFile")) {
    const t = value.templateFile;
    const stored = t === null ? null : storedTemplateOf(t);
    if (stored !== null && "why" in stored) drop(stored.why);
    else settings.templateFile = stored;
  }
  if (own(value, "columnMaps")) {
    if (!isRecord(value.columnMaps)) drop("khai báo cột (columnMaps) sai dạng");
    else {
      const maps: Record<string, HeaderInfo> = {};
      for (const [sheet, m] of Object.entries(value.columnMaps)) {
        const header = headerOf(m);
        if (header) setOwn(maps, sheet, header);
        else drop(`khai báo cột của sheet "${sheet}" sai dạng`);
      }
      settings.columnMaps = maps;
    }
  }
  if (own(value, "blockBands")) {
    if (!isRecord(value.blockBands)) drop("xếp loại riêng từng khối (blockBands) sai dạng");
    else {
      const blocks: Record<string, GradeBand[]> = {};
      for (const [block, b] of Object.entries(value.blockBands)) {
        const bands = bandsOf(b);
        if (bands) setOwn(blocks, block, bands);
        else drop(`xếp loại riêng của khối "${block}" sai dạng`);
      }
      settings.blockBands = blocks;
    }
  }
  if (own(value, "unranked")) {
    const u = value.unranked;
    if (Array.isArray(u) && u.every((x) => typeof x === "string")) settings.unranked = [...(u as string[])];
    else drop("danh sách đơn vị không xếp hạng (unranked) sai dạng");
  }
  if (own(value, "leadOffices")) {
    const l = value.leadOffices;
    if (isRecord(l) && Object.values(l).every((x) => typeof x === "string")) {
      const offices: Record<string, string> = {};
      for (const [area, office] of Object.entries(l)) setOwn(offices, area, office as string);
      settings.leadOffices = offices;
    } else drop("cơ quan chủ trì từng lĩnh vực (leadOffices) sai dạng");
  }
  if (own(value, "issuer")) {
    const i = value.issuer;
    if (i === null || typeof i === "string") settings.issuer = i === null || i.trim() === "" ? null : i.trim();
    else drop("cơ quan ban hành báo cáo (issuer) sai dạng");
  }
  return { settings, notices };
}
