// Finding the header row of a scoring sheet or a units table, under titles and merged cells, and
// over one to three rows. The words of each role are in headerVocabulary.ts.
import type { CellValue, ColumnMap, ColumnRole, Grid, HeaderInfo } from "../core/types";
import { cellText } from "../core/numbers";
import { foldText } from "../core/text";
import { toA1 } from "../core/address";
import { memoize } from "../core/memo";
import { roleOfHeader } from "./headerVocabulary";

/** How many rows from the top may hold titles before the header. */
export const HEADER_SEARCH_ROWS = 30;

export const ROLE_LABELS: Record<ColumnRole, string> = {
  code: "mã tiêu chí (STT, Mã)",
  name: "tên tiêu chí (Nội dung)",
  max: "điểm tối đa",
  self: "điểm tự đánh giá",
  appraised: "điểm thẩm định",
  cause: "nguyên nhân",
  responsible: "trách nhiệm thuộc về",
  unit: "đơn vị",
  index: "chỉ số",
  grade: "xếp loại",
  rank: "xếp hạng",
  block: "khối",
  survey: "điểm điều tra xã hội học",
  surveyMax: "điểm tối đa điều tra xã hội học",
  previousIndex: "chỉ số năm trước",
  previousRank: "xếp hạng năm trước",
  achieved: "điểm đạt",
  evidence: "tài liệu kiểm chứng",
  afterExplanation: "điểm sau giải trình",
};

/** The role a header text names (see headerVocabulary.ts), or null. */
export function roleOf(text: string): ColumnRole | null {
  return roleOfHeader(text);
}

/** "Điểm đạt" is the official score only where no appraisal column exists. */
function withAchievedAsAppraised(map: ColumnMap): ColumnMap {
  if (map.achieved !== undefined && map.appraised === undefined) map.appraised = map.achieved;
  return map;
}

/**
 * The maximum a header states in its own text: "Điểm thẩm định (tối đa 61,5)" → 61.5. A sign is
 * read too ("(tối đa -38,5)" → -38.5), so a maximum of 0 or below is reported, not taken as absent.
 */
export function maxInHeader(text: string): number | null {
  const m = /(?:toi da|thang diem|diem chuan)\s*:?\s*([-\u2212]?)\s*(\d+(?:[.,]\d+)?)/.exec(foldText(text));
  return m ? (m[1] === "" ? 1 : -1) * Number(m[2].replace(",", ".")) : null;
}

export type HeaderDetection =
  | { kind: "scoring"; header: HeaderInfo }
  | { kind: "units"; header: HeaderInfo }
  | { kind: "other"; reason: string };

const SCORES: readonly ColumnRole[] = ["self", "appraised"];
const UNIT_RESULTS: readonly ColumnRole[] = ["self", "appraised", "achieved", "index"];

function isScoring(m: ColumnMap): boolean {
  return m.code !== undefined && m.max !== undefined && SCORES.some((r) => m[r] !== undefined);
}

/** A unit column and a result (points or a typed index) and no criterion names. */
function isUnits(m: ColumnMap): boolean {
  return m.unit !== undefined && m.name === undefined && UNIT_RESULTS.some((r) => m[r] !== undefined);
}

export function kindOfColumns(m: ColumnMap): "scoring" | "units" | null {
  if (isUnits(m)) return "units";
  if (isScoring(m)) return "scoring";
  return null;
}

const text = (v: CellValue | undefined): string => (typeof v === "string" ? v.trim() : "");
const filled = (v: CellValue | undefined): boolean => (typeof v === "string" ? v.trim() !== "" : v !== null && v !== undefined);

/** Years a header cell names: "Năm 2022", "2023", or a year typed as a number. */
const NO_YEARS: readonly number[] = [];
function yearsOfCell(v: CellValue | undefined): readonly number[] {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1990 && v <= 2100 ? [v] : NO_YEARS;
  return typeof v === "string" ? yearsOfText(v) : NO_YEARS;
}
const yearsOfText = memoize((v: string): readonly number[] =>
  /\d{4}/.test(v) ? [...v.matchAll(/(?:^|[^0-9])((?:19|20)\d\d)(?![0-9])/g)].map((m) => Number(m[1])) : [],
);

/** Years the titles name ("... NĂM 2023"), read as previousColumns did: the latest above each row. */
function titleYearsAbove(rows: readonly CellValue[][]): (top: number) => number | null {
  let latest: Array<number | null> | null = null;
  return (top) => {
    if (!latest) {
      latest = [null];
      const end = Math.min(rows.length, HEADER_SEARCH_ROWS + 2);
      for (let r = 0; r < end; r++) {
        let year = latest[r];
        for (const v of rows[r] ?? []) {
          if (typeof v !== "string" || !/\d{4}/.test(v)) continue;
          for (const m of foldText(v).matchAll(/\bnam (\d{4})\b/g)) year = Math.max(year ?? 0, Number(m[1]));
        }
        latest.push(year);
      }
    }
    return latest[Math.min(top, latest.length - 1)];
  };
}

/**
 * A sub-column's role under its group's: "Tối đa" under "Điểm XHH" is the survey's maximum, "Đạt"
 * under "Điểm thẩm định" the appraised points; otherwise the sub-column's own words decide.
 */
function underGroup(own: ColumnRole | null, group: ColumnRole | null): ColumnRole | null {
  if (own === "max" && (group === "survey" || group === "surveyMax")) return "surveyMax";
  if (own === "achieved" && (group === "self" || group === "appraised" || group === "survey")) return group;
  return own;
}

interface ColumnRead {
  col: number;
  /** Grid row of the text that names the column (the lowest filled header cell). */
  row: number;
  role: ColumnRole | null;
  years: readonly number[];
}

/**
 * Each column of the header rows top..bottom: its lowest filled cell, under the groups of the
 * rows above (a group spans from its cell to the next filled cell of its row, and stands over a
 * filled cell of the row below: a cell over a blank is a header merged down, not a group).
 */
function readColumns(rows: readonly CellValue[][], top: number, bottom: number): ColumnRead[] {
  let width = 0;
  for (let r = top; r <= bottom; r++) width = Math.max(width, rows[r]?.length ?? 0);
  // For each row above the lowest, the group over each column: its nearest filled cell at or to
  // the left, when that cell stands over a filled cell.
  const groups: Array<Int32Array> = [];
  for (let g = top; g < bottom; g++) {
    const over = new Int32Array(width).fill(-1);
    let k = -1;
    for (let col = 0; col < width; col++) {
      if (filled(rows[g]?.[col])) k = col;
      if (k >= 0 && filled(rows[g + 1]?.[k])) over[col] = k;
    }
    groups.push(over);
  }
  const out: ColumnRead[] = [];
  for (let col = 0; col < width; col++) {
    let leaf = -1;
    for (let r = bottom; r >= top; r--) {
      if (filled(rows[r]?.[col])) {
        leaf = r;
        break;
      }
    }
    if (leaf < 0) continue;
    const cell = rows[leaf][col];
    let years = yearsOfCell(cell);
    let role = roleOf(text(cell));
    // A sub-column headed by a year only ("2022" under "Chỉ số") takes its group's role.
    let yearOnly = role === null && years.length > 0;
    for (let g = leaf - 1; g >= top; g--) {
      const k = groups[g - top][col];
      if (k < 0) continue;
      const groupRole = roleOf(text(rows[g][k]));
      role = yearOnly ? groupRole : underGroup(role, groupRole);
      if (role !== null) yearOnly = false;
      const groupYears = yearsOfCell(rows[g][k]);
      if (groupYears.length > 0) years = [...years, ...groupYears];
    }
    out.push({ col, row: leaf, role, years });
  }
  return out;
}

/**
 * The roles of the columns read. Where columns name years, the latest is this year's (with one
 * year only, the titles' latest year may be later): an index or rank of the year before is last
 * year's; of earlier years, none.
 */
function mapOf(columns: readonly ColumnRead[], title: () => number | null): ColumnMap {
  const named = new Set<number>();
  for (const c of columns) for (const y of c.years) named.add(y);
  const titleYear = named.size === 1 ? title() : null;
  const current = named.size === 0 ? null : Math.max(...named, ...(titleYear !== null ? [titleYear] : []));
  const map: ColumnMap = {};
  for (const c of columns) {
    let role = c.role;
    if (role === null) continue;
    if (current !== null && c.years.length > 0 && !c.years.includes(current)) {
      const last = c.years.includes(current - 1);
      if (role === "index" || role === "previousIndex") role = last ? "previousIndex" : null;
      else if (role === "rank" || role === "previousRank") role = last ? "previousRank" : null;
    }
    if (role !== null && map[role] === undefined) map[role] = c.col;
  }
  return withAchievedAsAppraised(map);
}

interface Sheet {
  rows: readonly CellValue[][];
  titleYear: (top: number) => number | null;
  /** The roles each row's cells name on their own, as bits (ROLE_BITS), by row. */
  rowRoles: Array<number | undefined>;
}

const ROLE_BITS = new Map<ColumnRole, number>((Object.keys(ROLE_LABELS) as ColumnRole[]).map((role, i) => [role, 1 << i]));
const bits = (...roles: ColumnRole[]) => roles.reduce((b, r) => b | ROLE_BITS.get(r)!, 0);
const RESULT_BITS = bits("self", "appraised", "achieved", "index", "survey");
const UNIT_BIT = bits("unit");
const CODE_MAX_BITS = bits("code", "max");

function rolesNamedIn(sheet: Sheet, r: number): number {
  let roles = sheet.rowRoles[r];
  if (roles === undefined) {
    roles = 0;
    for (const v of sheet.rows[r] ?? []) {
      const role = typeof v === "string" ? roleOf(v) : null;
      if (role) roles |= ROLE_BITS.get(role)!;
    }
    sheet.rowRoles[r] = roles;
  }
  return roles;
}

/**
 * Whether rows top..bottom name, between them, the roles of a table: a multi-row read gives no
 * role that its rows' cells do not name (but a survey's maximum), so rows that cannot make a
 * table are not read together.
 */
function mayMakeTable(sheet: Sheet, top: number, bottom: number): boolean {
  let named = 0;
  for (let r = top; r <= bottom; r++) named |= rolesNamedIn(sheet, r);
  return (named & RESULT_BITS) !== 0 && ((named & UNIT_BIT) !== 0 || (named & CODE_MAX_BITS) === CODE_MAX_BITS);
}

function readMap(sheet: Sheet, top: number, bottom: number): ColumnMap {
  const columns = readColumns(sheet.rows, top, bottom);
  return mapOf(columns, () => sheet.titleYear(top));
}

const sameMap = (a: ColumnMap, b: ColumnMap): boolean => {
  const ka = Object.keys(a) as ColumnRole[];
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

/** A row that can be the upper part of a header: two or more cells (a title has one), no figures but years. */
function upperRowLike(row: readonly CellValue[] | undefined): boolean {
  let count = 0;
  for (const v of row ?? []) {
    if (!filled(v)) continue;
    if (typeof v !== "string" && yearsOfCell(v).length === 0) return false;
    count++;
  }
  return count >= 2;
}

/** A row that can be a header's lower part: no figures but years, and each text names a role or a year. */
function lowerRowLike(row: readonly CellValue[] | undefined): boolean {
  const cells = (row ?? []).filter(filled);
  return cells.length >= 1 && cells.every((v) => yearsOfCell(v).length > 0 || (typeof v === "string" && roleOf(v) !== null));
}

interface Read {
  top: number;
  row: number;
  columns: ColumnMap;
}

/**
 * The reads of a header whose lowest row is `bottom`: one row, or two or three with groups above;
 * with `all`, also those that cannot make a table (to say why none was found).
 */
function readsEndingAt(sheet: Sheet, bottom: number, all: boolean): Read[] {
  const reads: Read[] = [];
  if (all || mayMakeTable(sheet, bottom, bottom)) reads.push({ top: bottom, row: bottom, columns: readMap(sheet, bottom, bottom) });
  for (let top = bottom - 1; top >= Math.max(0, bottom - 2); top--) {
    if (!upperRowLike(sheet.rows[top])) break;
    if (!all && !mayMakeTable(sheet, top, bottom)) continue;
    reads.push({ top, row: bottom, columns: readMap(sheet, top, bottom) });
  }
  return reads.filter((read) => read.top < HEADER_SEARCH_ROWS);
}

/**
 * The header: the first rows of the first 30 whose cells name a code, a maximum and a score
 * column (a scoring sheet) or a unit and a result column (a units table). A header over two or
 * three rows ("Điểm" merged above "Tối đa | Tự đánh giá | Thẩm định", "Năm 2022 | Năm 2023" above
 * "Chỉ số (%) | Xếp hạng" each) is read as one, the data starting under its lowest row.
 */
export function detectHeader(grid: Grid): HeaderDetection {
  const rows = grid.values;
  const sheet: Sheet = { rows, titleYear: titleYearsAbove(rows), rowRoles: [] };
  // A header starts in the first 30 rows; over two or three rows it may end below them.
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS + 2);
  for (let r = 0; r < limit; r++) {
    const reads = readsEndingAt(sheet, r, false);
    if (reads.length === 0) continue;
    const single = reads[0].top === r ? reads[0] : { top: r, row: r, columns: {} };
    // The widest read that is a table wins; rows below a table's header row that only name
    // sub-columns belong to it ("Tối đa | Đạt" under "Điểm thẩm định").
    let found: Read | null = null;
    for (const read of reads) {
      if (kindOfColumns(read.columns) && (!found || !sameMap(read.columns, single.columns))) found = read;
    }
    if (found) {
      for (let extra = 2; extra >= 1; extra--) {
        const bottom = r + extra;
        if (bottom >= rows.length) continue;
        let subRows = true;
        for (let s = r + 1; s <= bottom; s++) subRows &&= lowerRowLike(rows[s]) && (s === bottom || upperRowLike(rows[s]));
        if (!subRows || !upperRowLike(rows[r])) continue;
        const below = readMap(sheet, found.top, bottom);
        if (kindOfColumns(below) && !sameMap(below, found.columns)) {
          found = { top: found.top, row: bottom, columns: below };
          break;
        }
      }
      const kind = kindOfColumns(found.columns)!;
      return { kind, header: { row: found.row, columns: found.columns } };
    }
  }
  // None: the read naming the most roles is shown as the closest; naming none, the fullest row.
  let best: Read | null = null;
  for (let r = 0; r < limit; r++) {
    for (const read of readsEndingAt(sheet, r, true)) if (!best || Object.keys(read.columns).length > Object.keys(best.columns).length) best = read;
  }
  if (!best || Object.keys(best.columns).length === 0) {
    const count = (r: number) => (rows[r] ?? []).filter(filled).length;
    let fullest = 0;
    for (let r = 1; r < Math.min(limit, HEADER_SEARCH_ROWS); r++) if (count(r) > count(fullest)) fullest = r;
    best = { top: fullest, row: fullest, columns: {} };
  }
  return { kind: "other", reason: notRecognisedReason(grid, best) };
}

/** Short names of roles for the list of header cells (the labels without their examples). */
const CELL_LABELS: Record<ColumnRole, string> = { ...ROLE_LABELS, code: "số thứ tự/mã", name: "tên tiêu chí" };
const SHOWN_CHARS = 40;
const SHOWN_CELLS = 12;

function shown(value: string): string {
  const oneLine = value.replace(/\s+/g, " ").trim();
  return oneLine.length > SHOWN_CHARS ? `${oneLine.slice(0, SHOWN_CHARS - 1).trimEnd()}…` : oneLine;
}

/**
 * Why no header was found: the header rows judged closest, each cell with the role it got or "?",
 * what a scoring sheet and a units table would still need, and where to map the columns.
 */
function notRecognisedReason(grid: Grid, best: Read | null): string {
  const rows = grid.values;
  const hasText = rows.some((row) => row.some((v) => cellText(v).trim() !== ""));
  if (!hasText) return "Sheet trống.";
  const origin = grid.origin ?? { row: 0, col: 0 };
  const map = best?.columns ?? {};
  const parts: string[] = [`Không nhận ra bảng chấm điểm hay bảng tổng hợp đơn vị trong ${HEADER_SEARCH_ROWS} dòng đầu.`];
  if (best) {
    const roleAt = new Map<number, ColumnRole>();
    for (const [role, col] of Object.entries(map) as Array<[ColumnRole, number]>) {
      // "Điểm đạt" read as the official score is shown as what it says.
      if (role === "appraised" && map.achieved === col) continue;
      roleAt.set(col, role);
    }
    const cells = readColumns(rows, best.top, best.row).map((c) => {
      const role = roleAt.get(c.col);
      const address = toA1(origin.row + c.row, origin.col + c.col);
      return `${address} "${shown(cellText(rows[c.row][c.col]))}" → ${role ? CELL_LABELS[role] : "?"}`;
    });
    const where = best.top === best.row ? `dòng ${origin.row + best.row + 1}` : `dòng ${origin.row + best.top + 1}–${origin.row + best.row + 1}`;
    const listed = cells.length > SHOWN_CELLS ? [...cells.slice(0, SHOWN_CELLS), `… (${cells.length - SHOWN_CELLS} ô nữa)`] : cells;
    if (cells.length > 0) parts.push(`Tiêu đề cột gần nhất ở ${where}: ${listed.join("; ")}.`);
  }
  const scoring: string[] = [];
  if (map.code === undefined) scoring.push(ROLE_LABELS.code);
  if (map.max === undefined) scoring.push(ROLE_LABELS.max);
  if (map.self === undefined && map.appraised === undefined) scoring.push(`${ROLE_LABELS.self} hoặc ${ROLE_LABELS.appraised}`);
  parts.push(`Bảng chấm điểm còn thiếu cột ${scoring.join(", ")}.`);
  const units: string[] = [];
  if (map.unit === undefined) units.push(ROLE_LABELS.unit);
  if (!UNIT_RESULTS.some((r) => map[r] !== undefined)) units.push("điểm (tự đánh giá, thẩm định, đạt) hoặc chỉ số");
  const unitsNeed = units.length > 0 ? `còn thiếu cột ${units.join(", ")}` : "";
  const nameCol = map.name !== undefined ? "không được có cột tên tiêu chí" : "";
  parts.push(`Bảng tổng hợp đơn vị ${[unitsNeed, nameCol].filter((s) => s !== "").join(" và ")}.`);
  parts.push("Nếu tiêu đề cột khác thường, hãy khai báo cột trong Cài đặt (ngăn tác vụ) hoặc bằng tùy chọn --columns của cchc.");
  return parts.join(" ");
}
