// The scoring rules clerks apply inside a criterion (DESIGN.md §3), as pure arithmetic.
// The CCHC.* custom functions and `cchc eval` are thin wrappers over these.
import type { CellValue, GradeBand } from "../core/types";
import { decimalsOf, excelRound, parseNumber } from "../core/numbers";
import { gradeOf } from "../core/grades";

/** The Excel errors a rule can produce. */
export type RuleErrorCode = "#DIV/0!" | "#NUM!" | "#VALUE!" | "#N/A";

/** A rule applied to bad arguments: the Excel error it maps to and a Vietnamese message. */
export class RuleError extends Error {
  readonly code: RuleErrorCode;
  constructor(code: RuleErrorCode, message: string) {
    super(message);
    this.name = "RuleError";
    this.code = code;
    // Keeps `instanceof` working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, RuleError.prototype);
  }
}

/** A number the Vietnamese way, for messages: 0.5 → "0,5". */
export function formatViNumber(x: number): string {
  return String(excelRound(x, 9)).replace(".", ",");
}

/** Removes binary noise before comparing: 0.1 + 0.2 → 0.3. */
function clean(x: number): number {
  return excelRound(x, 9);
}

function requireNonNegative(value: number, label: string): void {
  if (value < 0) throw new RuleError("#NUM!", `${label} không được âm (đang là ${formatViNumber(value)}).`);
}

function requireDecimals(decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new RuleError("#NUM!", `Số chữ số thập phân phải là số nguyên từ 0 đến 10 (đang là ${formatViNumber(decimals)}).`);
  }
  return decimals;
}

/**
 * Proportional points: ROUND(MIN(1, part ÷ whole ÷ target) × max, decimals).
 * 5 of 48 procedures, max 0.5 → 0.05; with target 0.5, reaching half the whole gives full points.
 */
export function ratioPoints(part: number, whole: number, max: number, target = 1, decimals = 2): number {
  requireNonNegative(part, "Số đạt");
  requireNonNegative(whole, "Tổng số");
  requireNonNegative(max, "Điểm tối đa");
  requireNonNegative(target, "Mục tiêu");
  requireDecimals(decimals);
  if (whole === 0) throw new RuleError("#DIV/0!", "Tổng số bằng 0: không thể chia.");
  if (target === 0) throw new RuleError("#DIV/0!", "Mục tiêu bằng 0: không thể chia.");
  if (target > 1) {
    throw new RuleError("#NUM!", `Mục tiêu là một tỷ lệ từ trên 0 đến 1 (100%), đang là ${formatViNumber(target)}.`);
  }
  if (clean(part) > clean(whole)) {
    throw new RuleError("#NUM!", `Số đạt (${formatViNumber(part)}) lớn hơn tổng số (${formatViNumber(whole)}).`);
  }
  const share = Math.min(1, clean(part / whole / target));
  return excelRound(share * max, decimals);
}

/**
 * Stepped points: the points of the highest threshold not above the value, 0 below all.
 * Thresholds ascending, one point value per threshold.
 */
export function stepPoints(value: number, thresholds: readonly number[], points: readonly number[]): number {
  if (thresholds.length !== points.length) {
    throw new RuleError(
      "#VALUE!",
      `Danh sách ngưỡng (${thresholds.length} giá trị) và danh sách điểm (${points.length} giá trị) phải dài bằng nhau.`,
    );
  }
  if (thresholds.length === 0) throw new RuleError("#VALUE!", "Danh sách ngưỡng đang trống.");
  requireNonNegative(value, "Giá trị");
  thresholds.forEach((t) => requireNonNegative(t, "Ngưỡng"));
  points.forEach((p) => requireNonNegative(p, "Điểm của một bậc"));
  for (let i = 1; i < thresholds.length; i++) {
    if (!(clean(thresholds[i]) > clean(thresholds[i - 1]))) {
      throw new RuleError(
        "#VALUE!",
        `Các ngưỡng phải tăng dần: ${formatViNumber(thresholds[i])} đứng sau ${formatViNumber(thresholds[i - 1])}.`,
      );
    }
  }
  let result = 0;
  const v = clean(value);
  for (let i = 0; i < thresholds.length; i++) if (v >= clean(thresholds[i])) result = points[i];
  return result;
}

/** Deduction per case: max − count × perCase, never below floor (0 by default). */
export function deductPoints(max: number, count: number, perCase: number, floor = 0): number {
  requireNonNegative(max, "Điểm tối đa");
  requireNonNegative(count, "Số trường hợp");
  requireNonNegative(perCase, "Điểm trừ mỗi trường hợp");
  requireNonNegative(floor, "Điểm sàn");
  if (!Number.isInteger(clean(count))) {
    throw new RuleError("#NUM!", `Số trường hợp phải là số nguyên (đang là ${formatViNumber(count)}).`);
  }
  if (clean(floor) > clean(max)) {
    throw new RuleError("#NUM!", `Điểm sàn (${formatViNumber(floor)}) lớn hơn điểm tối đa (${formatViNumber(max)}).`);
  }
  return Math.max(clean(floor), clean(max - count * perCase));
}

/** The index: achieved ÷ max × 100, rounded only when decimals is given. */
export function scoreIndex(achieved: number, max: number, decimals?: number): number {
  requireNonNegative(achieved, "Điểm đạt được");
  requireNonNegative(max, "Điểm tối đa");
  if (decimals !== undefined) requireDecimals(decimals);
  if (max === 0) throw new RuleError("#DIV/0!", "Điểm tối đa bằng 0: không tính được chỉ số.");
  if (clean(achieved) > clean(max)) {
    throw new RuleError("#NUM!", `Điểm đạt được (${formatViNumber(achieved)}) lớn hơn điểm tối đa (${formatViNumber(max)}).`);
  }
  const index = (achieved / max) * 100;
  return decimals === undefined ? index : excelRound(index, decimals);
}

/** The grade of an index under the given bands. */
export function gradeForIndex(index: number, bands: readonly GradeBand[]): string {
  requireNonNegative(index, "Chỉ số");
  if (bands.length === 0) throw new RuleError("#VALUE!", "Chưa có bảng xếp loại.");
  return gradeOf(index, bands);
}

/** Points lost: max − achieved, to 2 decimals. */
export function lostPoints(max: number, achieved: number): number {
  requireNonNegative(max, "Điểm tối đa");
  requireNonNegative(achieved, "Điểm đạt được");
  if (clean(achieved) > clean(max)) {
    throw new RuleError("#NUM!", `Điểm đạt được (${formatViNumber(achieved)}) lớn hơn điểm tối đa (${formatViNumber(max)}).`);
  }
  return excelRound(max - achieved, 2);
}

/**
 * Why an entered score is not acceptable, or "" when it is. Blank (not scored yet) and
 * KPS (không phát sinh) are acceptable entries.
 */
export function checkEntry(entry: CellValue | undefined, max: number): string {
  requireNonNegative(max, "Điểm tối đa");
  const parsed = parseNumber(entry);
  switch (parsed.kind) {
    case "blank":
    case "kps":
      return "";
    case "error":
      return `Không phải là số (${parsed.code})`;
    case "text":
      return `Không phải là số ("${parsed.text}")`;
    case "number":
      break;
  }
  const value = parsed.value;
  if (value < 0) return "Điểm âm";
  if (clean(value) > clean(max)) return `Vượt điểm tối đa (${formatViNumber(max)})`;
  if (decimalsOf(value) > 2) return "Quá 2 chữ số thập phân";
  return "";
}

/** Thousands grouped with dots, as Vietnamese writes them: "51.740", "1.234.567". */
const VI_THOUSANDS = /^[1-9]\d{0,2}(\.\d{3})+$/;
/** Vietnamese full form: dots group thousands, a comma marks decimals: "1.234,5". */
const VI_FULL = /^\d{1,3}(\.\d{3})*,\d+$/;

/**
 * A number written the Vietnamese way: "3,89" → 3.89, "51.740" → 51740, "1.234,5" → 1234.5,
 * "54,7%" → 0.547, "94 561" → 94561. A plain decimal point ("0.5") is accepted too.
 */
export function parseVietnameseNumber(input: CellValue | undefined): number {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new RuleError("#NUM!", "Số không hữu hạn.");
    return input;
  }
  if (typeof input !== "string") {
    const shown = input === null || input === undefined ? "ô trống" : String(input);
    throw new RuleError("#VALUE!", `Không đọc được số từ ${shown}.`);
  }
  let text = input.replace(/[\u00a0\u2007\u202f]/g, " ").trim();
  let scale = 1;
  if (text.endsWith("%")) {
    scale = 0.01;
    text = text.slice(0, -1).trim();
  }
  let sign = 1;
  if (/^[+-]/.test(text)) {
    sign = text[0] === "-" ? -1 : 1;
    text = text.slice(1).trim();
  }
  // Spaces may group thousands ("94 561"), never decimals.
  if (/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(text)) text = text.replace(/ /g, "");
  let value: number | null = null;
  if (VI_THOUSANDS.test(text)) value = Number(text.replace(/\./g, ""));
  else if (VI_FULL.test(text)) value = Number(text.replace(/\./g, "").replace(",", "."));
  else {
    const parsed = parseNumber(text);
    if (parsed.kind === "number") value = parsed.value;
  }
  if (value === null || !Number.isFinite(value)) {
    throw new RuleError("#VALUE!", `"${input}" không phải là số.`);
  }
  const result = sign * value;
  // Dividing by 100 leaves binary noise (54.7 / 100 = 0.5470000000000001): keep 15 digits.
  return scale === 1 ? result : Number((result * scale).toPrecision(15));
}
