// Finding the header row of a scoring sheet or a units table, under titles and merged cells.
import type { CellValue, ColumnMap, ColumnRole, Grid, HeaderInfo } from "../core/types";
import { cellText } from "../core/numbers";
import { foldText } from "../core/text";

/** How many rows from the top may hold titles before the header. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * Header texts, folded (no diacritics, lower case), tried in this order: the first pattern a
 * cell matches gives its role, so "Đơn vị chịu trách nhiệm" is a responsible column, not a unit.
 */
const ROLE_PATTERNS: Array<[ColumnRole, RegExp]> = [
  ["previousIndex", /^chi so.*nam truoc/],
  ["previousRank", /^(xep hang|thu hang).*nam truoc/],
  ["surveyMax", /(toi da|diem chuan|thang diem).*(xhh|xa hoi hoc)/],
  ["survey", /dieu tra|xa hoi hoc|\bxhh\b/],
  ["block", /^(khoi|nhom|khoi\/nhom|khoi, nhom|loai don vi)$/],
  ["responsible", /^(trach nhiem|don vi chiu trach nhiem|co quan chiu trach nhiem)|chiu trach nhiem/],
  ["cause", /^nguyen nhan/],
  ["self", /tu danh gia|tu cham|tu dg/],
  ["appraised", /tham dinh/],
  ["max", /toi da|diem chuan|thang diem/],
  ["code", /^(stt|tt|ma|ma tieu chi|ma so|so tt|so thu tu|ky hieu)$/],
  ["unit", /^(ten )?(don vi|co quan,? don vi|co quan|dia phuong|co quan,? dia phuong|xa|phuong|huyen|xa,? thi tran|xa,? phuong,? thi tran|xa,? phuong|huyen,? thanh pho)$/],
  ["grade", /^xep loai/],
  ["rank", /^(xep hang|thu hang|thu tu xep hang)/],
  ["index", /^chi so/],
  ["name", /tieu chi|noi dung|linh vuc/],
  ["achieved", /^(tong )?diem dat( duoc)?$/],
];

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
};

export function roleOf(text: string): ColumnRole | null {
  const folded = foldText(text)
    .replace(/\(.*?\)/g, " ")
    .replace(/[:*]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (folded === "") return null;
  for (const [role, pattern] of ROLE_PATTERNS) if (pattern.test(folded)) return role;
  return null;
}

function rolesOfRow(row: readonly CellValue[] | undefined): ColumnMap {
  const map: ColumnMap = {};
  if (!row) return map;
  row.forEach((v, col) => {
    if (typeof v !== "string") return;
    const role = roleOf(v);
    if (role && map[role] === undefined) map[role] = col;
  });
  return withAchievedAsAppraised(map);
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

function isScoring(m: ColumnMap): boolean {
  return m.code !== undefined && m.max !== undefined && (m.self !== undefined || m.appraised !== undefined);
}

function isUnits(m: ColumnMap): boolean {
  return m.unit !== undefined && m.name === undefined && (m.self !== undefined || m.appraised !== undefined);
}

export function kindOfColumns(m: ColumnMap): "scoring" | "units" | null {
  if (isUnits(m)) return "units";
  if (isScoring(m)) return "scoring";
  return null;
}

/**
 * The header row: the first of the first 30 rows whose cells name a code, a maximum and a score
 * column (a scoring sheet) or a unit and a score column (a units table). A two-row header
 * ("Điểm" merged above "Tối đa | Tự đánh giá | Thẩm định") is read as one, the data starting
 * under its second row.
 */
export function detectHeader(grid: Grid): HeaderDetection {
  const rows = grid.values;
  let best: ColumnMap = {};
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const single = rolesOfRow(rows[r]);
    const kind = kindOfColumns(single);
    if (kind) return { kind, header: { row: r, columns: single } };
    if (r + 1 < rows.length && kindOfColumns(rolesOfRow(rows[r + 1])) === null) {
      const merged = twoRowHeader(rows[r], rows[r + 1]);
      const mergedKind = merged && kindOfColumns(merged);
      if (merged && mergedKind) return { kind: mergedKind, header: { row: r + 1, columns: merged } };
    }
    if (Object.keys(single).length > Object.keys(best).length) best = single;
  }
  return { kind: "other", reason: notRecognisedReason(rows, best) };
}

/**
 * Roles of a header split over two rows: the lower row's, plus the upper row's for columns whose
 * lower cell is empty ("STT | Nội dung" merged down beside "Điểm" split into sub-columns). A
 * title (one text spanning the row) is not a header row and lends no role.
 */
function twoRowHeader(upper: readonly CellValue[] | undefined, lower: readonly CellValue[] | undefined): ColumnMap | null {
  const filled = (row: readonly CellValue[] | undefined) => (row ?? []).filter((v) => cellText(v).trim() !== "").length;
  if (filled(upper) < 2 || filled(lower) < 1) return null;
  const merged: ColumnMap = { ...rolesOfRow(lower) };
  const upperRoles = rolesOfRow(upper);
  for (const [role, col] of Object.entries(upperRoles) as Array<[ColumnRole, number]>) {
    if (merged[role] !== undefined || cellText(lower?.[col]).trim() !== "") continue;
    merged[role] = col;
  }
  return withAchievedAsAppraised(merged);
}

function notRecognisedReason(rows: readonly CellValue[][], best: ColumnMap): string {
  const hasText = rows.some((row) => row.some((v) => cellText(v).trim() !== ""));
  if (!hasText) return "Sheet trống.";
  const missing: string[] = [];
  if (best.code === undefined) missing.push(ROLE_LABELS.code);
  if (best.max === undefined) missing.push(ROLE_LABELS.max);
  if (best.self === undefined && best.appraised === undefined) missing.push(`${ROLE_LABELS.self} hoặc ${ROLE_LABELS.appraised}`);
  return (
    `Không phải bảng chấm điểm: trong ${HEADER_SEARCH_ROWS} dòng đầu không có dòng tiêu đề nào đủ các cột; ` +
    `thiếu cột ${missing.join(", ")}. Nếu tiêu đề cột khác thường, hãy khai báo cột trong Cài đặt.`
  );
}
