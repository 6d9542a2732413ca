// `--columns "SHEET!unit=B,index=F,rank=G;SHEET2!code=A,max=C,self=D,header=5"`: column maps for
// sheets whose headers are not recognised, as the pane's Cài đặt makes them. Roles by their English
// names (ColumnRole) or a Vietnamese alias, written with or without diacritics ("đơn vị", "donvi");
// `header=N` the header row as Excel numbers it (default: the row the detection finds);
// `kind=units|scoring` (default: told from the roles). Every fault is one Vietnamese sentence.
import { kindOfColumns } from "../engine/cells/header";
import { columnLetters } from "../engine/core/address";
import { foldText } from "../engine/core/text";
import type { ColumnMap, ColumnRole } from "../engine/core/types";
import type { ColumnsRequest } from "../host/file/xlsxAnalysis";

export const COLUMNS_OPTION = "--columns";

/** Each role, and the Vietnamese aliases it may be written as (folded: no diacritics, no spaces). */
export const ROLE_ALIASES: ReadonlyArray<{ role: ColumnRole; aliases: readonly string[]; label: string }> = [
  { role: "code", aliases: ["ma", "stt"], label: "mã (STT)" },
  { role: "name", aliases: ["noidung", "tieuchi"], label: "nội dung tiêu chí" },
  { role: "max", aliases: ["toida", "diemtoida"], label: "điểm tối đa" },
  { role: "self", aliases: ["tudanhgia", "tdg"], label: "điểm tự đánh giá" },
  { role: "appraised", aliases: ["thamdinh", "td"], label: "điểm thẩm định" },
  { role: "achieved", aliases: ["diemdat", "dat"], label: "điểm đạt" },
  { role: "cause", aliases: ["nguyennhan"], label: "nguyên nhân" },
  { role: "responsible", aliases: ["trachnhiem"], label: "trách nhiệm" },
  { role: "evidence", aliases: ["minhchung", "tailieukiemchung"], label: "tài liệu kiểm chứng" },
  { role: "afterExplanation", aliases: ["saugiaitrinh"], label: "điểm sau giải trình" },
  { role: "unit", aliases: ["donvi"], label: "đơn vị" },
  { role: "block", aliases: ["khoi"], label: "khối" },
  { role: "index", aliases: ["chiso"], label: "chỉ số" },
  { role: "grade", aliases: ["xeploai"], label: "xếp loại" },
  { role: "rank", aliases: ["xephang", "hang"], label: "xếp hạng" },
  { role: "survey", aliases: ["xhh", "dieutra"], label: "điểm điều tra xã hội học" },
  { role: "surveyMax", aliases: ["xhhtoida"], label: "điểm tối đa điều tra xã hội học" },
  { role: "previousIndex", aliases: ["chisonamtruoc"], label: "chỉ số năm trước" },
  { role: "previousRank", aliases: ["xephangnamtruoc", "hangnamtruoc"], label: "xếp hạng năm trước" },
];

const EXAMPLE = `ví dụ ${COLUMNS_OPTION} "Tổng hợp!donvi=B,thamdinh=E,toida=D;Bảng điểm!ma=A,toida=C,tudanhgia=D,header=5"`;
/** Excel's last column, XFD. */
const MAX_COLUMN = 16_384;

const fold = (s: string) => foldText(s).replace(/[\s_-]+/g, "");

const BY_NAME = new Map<string, ColumnRole>();
for (const { role, aliases } of ROLE_ALIASES) {
  BY_NAME.set(role.toLowerCase(), role);
  for (const a of aliases) BY_NAME.set(a, role);
}

/** "B" → 1, "xfd" → 16383; null when not column letters within Excel's grid. */
export function columnOfLetters(text: string): number | null {
  const t = text.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(t)) return null;
  let n = 0;
  for (const ch of t) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLUMN ? n - 1 : null;
}

type One = ColumnsRequest | { error: string };

function parseSheetSpec(spec: string): One {
  const bang = spec.lastIndexOf("!");
  if (bang < 0) return { error: `thiếu tên sheet trước dấu "!" trong "${spec}"` };
  let sheet = spec.slice(0, bang).trim();
  // 'Sheet name'!… as Excel writes references; '' inside stands for one '.
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  if (sheet === "") return { error: `thiếu tên sheet trước dấu "!" trong "${spec}"` };
  const where = `sheet "${sheet}"`;
  const columns: ColumnMap = {};
  const roleOfColumn = new Map<number, ColumnRole>();
  let row: number | undefined;
  let kind: ColumnsRequest["kind"];
  const pairs = spec.slice(bang + 1).split(",").map((p) => p.trim()).filter((p) => p !== "");
  if (pairs.length === 0) return { error: `${where}: chưa khai báo cột nào sau dấu "!"` };
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq < 0) return { error: `${where}: "${pair}" cần dạng VAI_TRÒ=CỘT, ví dụ donvi=B` };
    const key = fold(pair.slice(0, eq));
    const value = pair.slice(eq + 1).trim();
    if (key === "header" || key === "dongtieude") {
      if (row !== undefined) return { error: `${where}: header được ghi hai lần` };
      const n = /^\d+$/.test(value) ? Number(value) : NaN;
      if (!(n >= 1 && n <= 1_048_576)) return { error: `${where}: header=${value} phải là số dòng tiêu đề trong Excel (1, 2, 3…)` };
      row = n - 1;
      continue;
    }
    if (key === "kind" || key === "loai") {
      const k = fold(value);
      if (k === "units" || k === "bangdonvi") kind = "units";
      else if (k === "scoring" || k === "bangdiem") kind = "scoring";
      else return { error: `${where}: kind=${value} phải là units (bảng đơn vị) hoặc scoring (bảng điểm)` };
      continue;
    }
    const role = BY_NAME.get(key);
    if (role === undefined) return { error: `${where}: không biết vai trò cột "${pair.slice(0, eq).trim()}"; các vai trò: ${roleList()}` };
    if (columns[role] !== undefined) return { error: `${where}: cột ${role} được khai báo hai lần` };
    const col = columnOfLetters(value);
    if (col === null) return { error: `${where}: "${value}" không phải chữ cái cột (A, B, …, XFD) cho ${role}` };
    const taken = roleOfColumn.get(col);
    if (taken !== undefined) return { error: `${where}: cột ${columnLetters(col)} được gán cho cả ${taken} và ${role}` };
    roleOfColumn.set(col, role);
    columns[role] = col;
  }
  const told = kind ?? kindOfColumns(columns) ?? (columns.unit !== undefined ? "units" : columns.code !== undefined ? "scoring" : null);
  if (told === null) return { error: `${where}: cần cột đơn vị (unit/donvi) cho bảng đơn vị, hoặc cột mã (code/ma) cho bảng điểm` };
  const missing = told === "units" ? missingForUnits(columns) : missingForScoring(columns);
  if (missing !== null) return { error: `${where}: ${missing}` };
  return { sheet, columns, ...(row !== undefined ? { row } : {}), ...(kind ? { kind } : {}) };
}

function missingForUnits(c: ColumnMap): string | null {
  if (c.unit === undefined) return "bảng đơn vị cần cột đơn vị (unit/donvi)";
  if (c.self === undefined && c.appraised === undefined && c.achieved === undefined && c.index === undefined) {
    return "bảng đơn vị cần ít nhất một cột điểm hay chỉ số (tudanhgia, thamdinh, diemdat hoặc chiso)";
  }
  return null;
}

function missingForScoring(c: ColumnMap): string | null {
  if (c.code === undefined) return "bảng điểm cần cột mã (code/ma)";
  if (c.max === undefined) return "bảng điểm cần cột điểm tối đa (max/toida)";
  if (c.self === undefined && c.appraised === undefined && c.achieved === undefined) {
    return "bảng điểm cần ít nhất một cột điểm (tudanhgia, thamdinh hoặc diemdat)";
  }
  return null;
}

function roleList(): string {
  return ROLE_ALIASES.map((r) => `${r.role} (${r.aliases[0]})`).join(", ");
}

/** The text split at each ";" outside a quoted sheet name ('Khối sở; ngành'!…), as Excel quotes them. */
export function splitSheetSpecs(text: string): string[] {
  const specs: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    // A doubled '' inside a quoted name toggles twice: the name goes on.
    if (text[i] === "'") quoted = !quoted;
    else if (text[i] === ";" && !quoted) {
      specs.push(text.slice(start, i));
      start = i + 1;
    }
  }
  specs.push(text.slice(start));
  return specs.map((s) => s.trim()).filter((s) => s !== "");
}

/**
 * The option's maps, one per sheet; a Vietnamese error naming the faulty part. A sheet name
 * holding ";" is quoted as Excel writes it: 'Sở; ngành'!donvi=B.
 */
export function parseColumns(text: string): ColumnsRequest[] | { error: string } {
  const specs = splitSheetSpecs(text);
  if (specs.length === 0) return { error: `${COLUMNS_OPTION} cần ít nhất một sheet, ${EXAMPLE}.` };
  const out: ColumnsRequest[] = [];
  for (const spec of specs) {
    const one = parseSheetSpec(spec);
    if ("error" in one) return { error: `${COLUMNS_OPTION}: ${one.error} (${EXAMPLE}).` };
    if (out.some((r) => r.sheet === one.sheet)) return { error: `${COLUMNS_OPTION}: sheet "${one.sheet}" được khai báo hai lần (${EXAMPLE}).` };
    out.push(one);
  }
  return out;
}
