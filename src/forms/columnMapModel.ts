// What the column-map form offers and checks, without the DOM: the roles of each kind of sheet,
// the header rows and column texts to choose from, what is preselected, and the map it saves.
import type { ColumnMap, ColumnRole, Grid, HeaderInfo } from "../engine/core/types";
import { cellText } from "../engine/core/numbers";
import { columnLetters } from "../engine/core/address";
import { detectHeader, HEADER_SEARCH_ROWS, roleOf } from "../engine/cells/header";

export type SheetKind = "scoring" | "units";

export const KIND_LABELS: Record<SheetKind, string> = {
  scoring: "Bảng chấm điểm",
  units: "Bảng tổng hợp đơn vị",
};

export interface MapRole {
  role: ColumnRole;
  label: string;
  required: boolean;
}

/** The roles a clerk may choose for each kind of sheet, in form order. */
export const MAP_ROLES: Record<SheetKind, MapRole[]> = {
  scoring: [
    { role: "code", label: "mã tiêu chí (STT)", required: true },
    { role: "name", label: "nội dung tiêu chí", required: false },
    { role: "max", label: "điểm tối đa", required: true },
    { role: "self", label: "điểm tự đánh giá", required: false },
    { role: "appraised", label: "điểm thẩm định", required: false },
    { role: "cause", label: "nguyên nhân", required: false },
    { role: "responsible", label: "trách nhiệm thuộc về", required: false },
    { role: "evidence", label: "tài liệu kiểm chứng", required: false },
    { role: "afterExplanation", label: "điểm sau giải trình", required: false },
  ],
  units: [
    { role: "unit", label: "đơn vị", required: true },
    { role: "code", label: "số thứ tự (STT)", required: false },
    { role: "block", label: "khối", required: false },
    { role: "self", label: "điểm tự đánh giá", required: false },
    { role: "appraised", label: "điểm thẩm định", required: false },
    { role: "achieved", label: "điểm đạt (tổng điểm)", required: false },
    { role: "max", label: "điểm tối đa", required: false },
    { role: "survey", label: "điểm điều tra xã hội học", required: false },
    { role: "surveyMax", label: "điểm tối đa điều tra xã hội học", required: false },
    { role: "index", label: "chỉ số", required: false },
    { role: "rank", label: "xếp hạng", required: false },
    { role: "grade", label: "xếp loại", required: false },
    { role: "previousIndex", label: "chỉ số năm trước", required: false },
    { role: "previousRank", label: "xếp hạng năm trước", required: false },
  ],
};

/** A units table needs one of these to have anything to rank. */
const UNITS_FIGURES: ColumnRole[] = ["self", "appraised", "achieved", "index"];

/** What the form holds for one sheet. */
export interface MapChoice {
  sheet: string;
  kind: SheetKind;
  /** Grid row (0-based) of the header's lowest row; data starts below it. */
  row: number;
  /** Grid column (0-based) chosen for each role; absent = "(không có)". */
  columns: Partial<Record<ColumnRole, number>>;
}

/** A clerk's choice that cannot be saved; the message is Vietnamese and names the role. */
export class MapFormError extends Error {}

const texts = (grid: Grid, row: number): string[] => (grid.values[row] ?? []).map((v) => cellText(v).replace(/\s+/g, " ").trim());

/** The 1-based row number Excel shows for a grid row. */
export const excelRow = (grid: Grid, row: number): number => (grid.origin?.row ?? 0) + row + 1;
const excelColumn = (grid: Grid, col: number): string => columnLetters((grid.origin?.col ?? 0) + col);

/** The first rows of a sheet (where a header may be), each with its first texts. */
export function headerRowChoices(grid: Grid): Array<{ row: number; label: string }> {
  const limit = Math.min(grid.values.length, HEADER_SEARCH_ROWS);
  const out: Array<{ row: number; label: string }> = [];
  for (let r = 0; r < limit; r++) {
    const filled = texts(grid, r).filter((t) => t !== "");
    const shown = filled.slice(0, 4).map((t) => (t.length > 24 ? `${t.slice(0, 23)}…` : t)).join(" | ");
    out.push({ row: r, label: `Dòng ${excelRow(grid, r)}: ${shown === "" ? "(trống)" : shown}${filled.length > 4 ? " | …" : ""}` });
  }
  return out;
}

/**
 * The rows above the header that hold group headers ("Năm 2022" above "Chỉ số | Xếp hạng"), nearest
 * first, at most two (a header over three rows): each with two or more texts (a title spans the
 * row in one cell and ends the search).
 */
function upperRows(grid: Grid, row: number): string[][] {
  const out: string[][] = [];
  for (let r = row - 1; r >= 0 && out.length < 2; r--) {
    const upper = texts(grid, r);
    if (upper.filter((t) => t !== "").length < 2) break;
    out.push(upper);
  }
  return out;
}

/**
 * Each column's text from a group row: a group header merged over its sub-columns is read in its
 * first cell only, so it goes on over the next columns while the row below is filled.
 */
function groupTexts(upper: readonly string[], filledBelow: (col: number) => boolean, width: number): string[] {
  const out: string[] = [];
  let group = "";
  for (let c = 0; c < width; c++) {
    let up = upper[c] ?? "";
    if (up !== "") group = filledBelow(c) ? up : "";
    else if (filledBelow(c) && group !== "" && filledBelow(c - 1)) up = group;
    else group = "";
    out.push(up);
  }
  return out;
}

export interface ColumnChoice {
  col: number;
  /** The header's text: the group texts above and the header's own joined, for a header over several rows. */
  text: string;
  /** "B — Tỉnh, thành phố" */
  label: string;
  /** Texts tried for the role, most telling first. */
  parts: string[];
}

/** The columns of a header row that hold a text (in it or in the group rows above), in sheet order. */
export function columnChoices(grid: Grid, row: number): ColumnChoice[] {
  const lower = texts(grid, row);
  const uppers = upperRows(grid, row);
  const width = Math.max(lower.length, ...uppers.map((u) => u.length));
  // Group texts per level, nearest first; a level is filled below where any lower level is.
  const levels: string[][] = [];
  for (const upper of uppers) {
    const below = (c: number) => (lower[c] ?? "") !== "" || levels.some((l) => (l[c] ?? "") !== "");
    levels.push(groupTexts(upper, below, width));
  }
  const out: ColumnChoice[] = [];
  for (let c = 0; c < width; c++) {
    const low = lower[c] ?? "";
    const ups = levels.map((l) => l[c]).filter((t) => t !== "");
    const text = [...[...ups].reverse(), low].filter((t) => t !== "").join(" ");
    if (text === "") continue;
    // The header's own text, then with its nearest group, then all; the groups alone last.
    const joined = ups.map((_, k) => [...ups.slice(0, k + 1).reverse(), low].filter((t) => t !== "").join(" "));
    const parts = [...new Set([low, ...joined, text, ...ups].filter((t) => t !== ""))];
    out.push({ col: c, text, label: `${excelColumn(grid, c)} — ${text}`, parts });
  }
  return out;
}

const ownRole = (kind: SheetKind, role: ColumnRole) => MAP_ROLES[kind].some((r) => r.role === role);

/** Roles read from the header texts by the engine's vocabulary, the first column of a role winning. */
export function guessColumns(grid: Grid, kind: SheetKind, row: number): MapChoice["columns"] {
  const columns: MapChoice["columns"] = {};
  for (const choice of columnChoices(grid, row)) {
    let role: ColumnRole | null = null;
    for (const part of choice.parts) {
      role = roleOf(part);
      if (role) break;
    }
    // A scoring sheet's "Điểm đạt" is its appraised score, as the detector reads it.
    if (role === "achieved" && kind === "scoring") role = "appraised";
    if (role && ownRole(kind, role) && columns[role] === undefined) columns[role] = choice.col;
  }
  return columns;
}

/** A saved or detected header as the form's choices: only the kind's roles, "Điểm đạt" not twice. */
function fromHeader(kind: SheetKind, header: HeaderInfo): MapChoice["columns"] {
  const columns: MapChoice["columns"] = {};
  for (const { role } of MAP_ROLES[kind]) if (header.columns[role] !== undefined) columns[role] = header.columns[role];
  if (columns.achieved !== undefined && columns.appraised === columns.achieved) delete columns.appraised;
  return columns;
}

/** The row with the most recognised header texts among the first rows (the closest to a header). */
function closestRow(grid: Grid): number {
  let best = 0;
  let bestCount = 0;
  for (const { row } of headerRowChoices(grid)) {
    const count = columnChoices(grid, row).filter((c) => c.parts.some((p) => roleOf(p) !== null)).length;
    if (count > bestCount) {
      best = row;
      bestCount = count;
    }
  }
  return best;
}

/** What the form shows first for a sheet: the saved map, else what detection found, else a guess. */
export function proposeMap(grid: Grid, saved?: HeaderInfo): MapChoice {
  if (saved) {
    // A map saved before maps declared their kind: a unit column without criteria names is a units table.
    const kind: SheetKind = saved.kind ?? (saved.columns.unit !== undefined && saved.columns.name === undefined ? "units" : "scoring");
    return { sheet: grid.name, kind, row: saved.row, columns: fromHeader(kind, saved) };
  }
  const detected = detectHeader(grid);
  if (detected.kind !== "other") {
    return { sheet: grid.name, kind: detected.kind, row: detected.header.row, columns: fromHeader(detected.kind, detected.header) };
  }
  const row = closestRow(grid);
  const units = guessColumns(grid, "units", row);
  const kind: SheetKind = units.unit !== undefined ? "units" : "scoring";
  return { sheet: grid.name, kind, row, columns: kind === "units" ? units : guessColumns(grid, "scoring", row) };
}

/** The choices for another kind or header row: the base map where it is about that row, else a guess. */
export function columnsFor(grid: Grid, kind: SheetKind, row: number, base?: MapChoice): MapChoice["columns"] {
  if (base && base.row === row && base.kind === kind) return { ...base.columns };
  return guessColumns(grid, kind, row);
}

/**
 * The map to save for the clerk's choice. Refused (MapFormError) when a required role is missing,
 * a column is chosen for two roles, or a sheet has no score to read.
 */
export function parseColumnMap(choice: MapChoice, grid?: Grid): HeaderInfo {
  const where = `Sheet "${choice.sheet}"`;
  if (!Number.isInteger(choice.row) || choice.row < 0) throw new MapFormError(`${where}: hãy chọn dòng tiêu đề.`);
  const roles = MAP_ROLES[choice.kind];
  const columns: ColumnMap = {};
  const byColumn = new Map<number, string[]>();
  for (const { role, label, required } of roles) {
    const col = choice.columns[role];
    if (col === undefined) {
      if (required) throw new MapFormError(`${where}: hãy chọn cột ${label} (bắt buộc với ${KIND_LABELS[choice.kind].toLowerCase()}).`);
      continue;
    }
    columns[role] = col;
    byColumn.set(col, [...(byColumn.get(col) ?? []), label]);
  }
  for (const [col, labels] of byColumn) {
    if (labels.length < 2) continue;
    const name = grid ? `cột ${excelColumn(grid, col)}` : "một cột";
    throw new MapFormError(`${where}: ${name} được chọn cho cả ${labels.map((l) => `"${l}"`).join(" và ")}; mỗi cột chỉ giữ một vai trò.`);
  }
  if (choice.kind === "units") {
    if (!UNITS_FIGURES.some((r) => columns[r] !== undefined)) {
      throw new MapFormError(`${where}: hãy chọn ít nhất một cột điểm tự đánh giá, điểm thẩm định, điểm đạt hoặc chỉ số.`);
    }
    // "Điểm đạt" is the official score where there is no appraisal column, as the detector reads it.
    if (columns.achieved !== undefined && columns.appraised === undefined) columns.appraised = columns.achieved;
  } else if (columns.self === undefined && columns.appraised === undefined) {
    throw new MapFormError(`${where}: hãy chọn ít nhất một cột điểm (tự đánh giá hoặc thẩm định).`);
  }
  return { row: choice.row, columns, kind: choice.kind };
}
