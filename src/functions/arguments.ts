// Reading the values Excel hands to the custom functions: scalars (number, text, boolean,
// blank) and ranges or array constants (a 2-D array, one row or one column for lists).
import type { CellValue, GradeBand } from "../engine/core/types";
import { parseNumber } from "../engine/core/numbers";
import { RuleError, formatViNumber } from "../engine/scoring/scoringRules";
import { isExcelError, passOn } from "./excelErrors";
import { errorValueOf } from "./errorValues";

/**
 * A value as a plain primitive. With data types enabled (functions.json's
 * allowCustomDataForDataTypeAny) Excel may pass a cell as an Excel.CellValue object
 * ({ type: "Double", basicValue: 5 }); an error value, in any shape, becomes { code: "#N/A" }.
 */
export function plain(value: unknown): unknown {
  const error = errorValueOf(value);
  if (error) return error;
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Date) return value;
  const cell = value as { type?: unknown; basicValue?: unknown };
  if (typeof cell.type !== "string" || !("basicValue" in cell)) return value;
  if (cell.type === "Empty") return null;
  return cell.basicValue;
}

/** Blank: an empty cell, an omitted optional argument, or empty text. */
export function isBlank(raw: unknown): boolean {
  const value = plain(raw);
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** An error value passed in (from a cell): raised again so Excel shows the same error. */
export function rethrowIfError(value: unknown): void {
  const v = plain(value);
  if (isExcelError(v)) throw passOn(v);
}

/**
 * A number argument. Text with a decimal comma ("3,89") is read as a number; a blank counts
 * as 0 as in Excel's own arithmetic; anything else is #VALUE!.
 */
export function numberArg(raw: unknown, label: string): number {
  rethrowIfError(raw);
  const value = plain(raw);
  if (isBlank(value)) return 0;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RuleError("#NUM!", `${label} không phải là số hữu hạn.`);
    return value;
  }
  if (typeof value === "string") {
    const parsed = parseNumber(value);
    if (parsed.kind === "number") return parsed.value;
    // "85%" typed as text counts as 0.85, as Excel's own arithmetic reads it.
    const percent = /^(.*\S)\s*%$/.exec(value.trim());
    const share = percent ? parseNumber(percent[1]) : null;
    if (share?.kind === "number") return Number((share.value / 100).toPrecision(15));
    if (parsed.kind === "kps") throw new RuleError("#VALUE!", `${label} là "${value.trim()}" (không phát sinh), không phải là số.`);
    throw new RuleError("#VALUE!", `${label} "${value.trim()}" không phải là số.`);
  }
  throw new RuleError("#VALUE!", `${label} phải là một số.`);
}

/** An optional number argument: blank or omitted gives `fallback`. */
export function optionalNumberArg(value: unknown, label: string, fallback: number): number;
export function optionalNumberArg(value: unknown, label: string, fallback?: undefined): number | undefined;
export function optionalNumberArg(value: unknown, label: string, fallback?: number): number | undefined {
  rethrowIfError(value);
  return isBlank(value) ? fallback : numberArg(value, label);
}

/** A 2-D argument; a scalar (a single cell) becomes a 1×1 matrix. */
function asMatrix(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  return value.map((row) => (Array.isArray(row) ? row : [row]));
}

/** A range or array constant read as a list: one row or one column, in order. */
export function listArg(value: unknown, label: string): unknown[] {
  const matrix = asMatrix(value);
  const rows = matrix.length;
  const cols = matrix.reduce((m, row) => Math.max(m, row.length), 0);
  if (rows > 1 && cols > 1) {
    throw new RuleError("#VALUE!", `${label} phải là một hàng hoặc một cột (đang là ${rows} hàng × ${cols} cột).`);
  }
  return rows === 1 ? [...matrix[0]] : matrix.map((row) => row[0]);
}

/** A value from a range, as the engine reads cells: blanks null, errors {error}. */
export function cellArg(raw: unknown): CellValue {
  const value = plain(raw);
  if (isBlank(value)) return null;
  if (isExcelError(value)) return { error: value.code };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  return String(value);
}

/**
 * Thresholds and their points, as two equally long lists. Pairs blank on both sides are
 * skipped (a range selected a little too large); a pair with one side blank is an error.
 */
export function stepListsArg(thresholds: unknown, points: unknown): { thresholds: number[]; points: number[] } {
  const t = listArg(thresholds, "Danh sách ngưỡng");
  const p = listArg(points, "Danh sách điểm");
  if (t.length !== p.length) {
    throw new RuleError(
      "#VALUE!",
      `Danh sách ngưỡng (${t.length} giá trị) và danh sách điểm (${p.length} giá trị) phải dài bằng nhau.`,
    );
  }
  const result = { thresholds: [] as number[], points: [] as number[] };
  t.forEach((threshold, i) => {
    if (isBlank(threshold) && isBlank(p[i])) return;
    if (isBlank(threshold) || isBlank(p[i])) {
      throw new RuleError("#VALUE!", `Bậc thứ ${i + 1} thiếu ${isBlank(threshold) ? "ngưỡng" : "điểm"}.`);
    }
    result.thresholds.push(numberArg(threshold, `Ngưỡng thứ ${i + 1}`));
    result.points.push(numberArg(p[i], `Điểm của bậc thứ ${i + 1}`));
  });
  return result;
}

/**
 * Grade bands from a two-column range: lower bound and name on each row (either order is
 * accepted); a range laid out as two rows is read the same way. Blank rows are skipped.
 */
export function bandsArg(value: unknown): GradeBand[] {
  let matrix = asMatrix(value);
  const cols = matrix.reduce((m, row) => Math.max(m, row.length), 0);
  if (matrix.length === 2 && cols > 2) matrix = Array.from({ length: cols }, (_, c) => [matrix[0][c], matrix[1][c]]);
  const width = matrix.reduce((m, row) => Math.max(m, row.length), 0);
  if (width !== 2) {
    throw new RuleError("#VALUE!", "Bảng xếp loại phải có đúng hai cột: cận dưới của chỉ số và tên loại.");
  }
  const bands: GradeBand[] = [];
  matrix.forEach((row, i) => {
    const [a, b] = row.map(plain);
    if (isBlank(a) && isBlank(b)) return;
    const aNumber = typeof a === "number" || (typeof a === "string" && parseNumber(a).kind === "number");
    const [bound, name] = aNumber ? [a, b] : [b, a];
    if (isBlank(name) || typeof name !== "string") {
      throw new RuleError("#VALUE!", `Dòng ${i + 1} của bảng xếp loại thiếu tên loại.`);
    }
    if (isBlank(bound)) throw new RuleError("#VALUE!", `Dòng ${i + 1} của bảng xếp loại thiếu cận dưới.`);
    bands.push({ min: numberArg(bound, `Cận dưới ở dòng ${i + 1} của bảng xếp loại`), name: name.trim() });
  });
  if (bands.length === 0) throw new RuleError("#VALUE!", "Bảng xếp loại đang trống.");
  const seen = new Set<number>();
  for (const band of bands) {
    if (seen.has(band.min)) {
      throw new RuleError("#VALUE!", `Bảng xếp loại có hai loại cùng cận dưới ${formatViNumber(band.min)}.`);
    }
    seen.add(band.min);
  }
  return bands;
}
