// Reading cell values as points, and Excel's ROUND.
import type { CellValue, NumberParse } from "./types";
import { foldText } from "./text";

/** Texts meaning "not applicable" (không phát sinh), compared after foldText(). */
const KPS_TEXTS = new Set(["kps", "khong phat sinh", "k.p.s", "k.p.s."]);

/** Decimal with a comma or a point, no thousands separators: "3,89", " 0.5 ", "-1", "+2". */
const DECIMAL_TEXT = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

export function isCellError(v: unknown): v is { error: string } {
  return typeof v === "object" && v !== null && !(v instanceof Date) && typeof (v as { error?: unknown }).error === "string";
}

/** The text a cell shows, for messages and names. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v.error;
}

export function parseNumber(v: CellValue | undefined): NumberParse {
  if (v === null || v === undefined) return { kind: "blank" };
  if (typeof v === "number") {
    return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "error", code: "#NUM!" };
  }
  if (isCellError(v)) return { kind: "error", code: v.error };
  if (typeof v !== "string") return { kind: "text", text: cellText(v) };
  const trimmed = v.replace(/[\u00a0\u2007\u202f]/g, " ").trim();
  if (trimmed === "") return { kind: "blank" };
  if (DECIMAL_TEXT.test(trimmed)) return { kind: "number", value: Number(trimmed.replace(",", ".")) };
  if (trimmed.length <= 20 && KPS_TEXTS.has(foldText(trimmed))) return { kind: "kps" };
  // Excel error codes typed or exported as text.
  if (/^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA)$/i.test(trimmed)) {
    return { kind: "error", code: trimmed.toUpperCase() };
  }
  return { kind: "text", text: trimmed };
}

/** The number a cell holds, or null for anything else (blank, KPS, text, error). */
export function numberOrNull(v: CellValue | undefined): number | null {
  const p = parseNumber(v);
  return p.kind === "number" ? p.value : null;
}

/**
 * Excel's ROUND: half away from zero, after removing binary noise (1.005 → 1.01,
 * ROUND(199/200, 2) = 1). Works for negative digit counts too (ROUND(1250, -2) = 1300).
 */
export function excelRound(x: number, digits = 0): number {
  if (!Number.isFinite(x)) return x;
  // From 2^53 on every double is an integer: nothing to round, and scaling could overflow.
  if (digits >= 0 && Math.abs(x) >= 2 ** 53) return x;
  const scale = Math.pow(10, Math.abs(digits));
  const scaled = digits >= 0 ? Math.abs(x) * scale : Math.abs(x) / scale;
  const frac = scaled - Math.floor(scaled);
  // Only a value within noise of a half needs the slow path: 15 significant digits is what
  // Excel keeps, which removes the noise of the multiplication (1.005 × 100 = 100.49999…).
  const rounded = Math.abs(frac - 0.5) > 1e-6 ? Math.round(scaled) : Math.round(Number(scaled.toPrecision(15)));
  // Integer ÷ power of ten is correctly rounded: the nearest double to the decimal result.
  const back = digits >= 0 ? rounded / scale : rounded * scale;
  return (x < 0 ? -back : back) + 0; // + 0 turns -0 into 0
}

/** Whether a value carries more than `places` decimals once binary noise is removed. */
export function hasMoreDecimalsThan(x: number, places: number): boolean {
  const scaled = x * Math.pow(10, places);
  if (Number.isInteger(scaled)) return false;
  return decimalsOf(x) > places;
}

/** Number of decimals a value was typed with (binary noise removed): 3.89 → 2, 0.125 → 3. */
export function decimalsOf(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return 0;
  const text = Number(x.toPrecision(15)).toString();
  const exp = /e-(\d+)$/.exec(text);
  if (exp) {
    const mantissa = text.slice(0, exp.index);
    const dot = mantissa.indexOf(".");
    return Number(exp[1]) + (dot < 0 ? 0 : mantissa.length - dot - 1);
  }
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Points as recorded: rounded to 2 decimals. */
export function points(x: number): number {
  return excelRound(x, 2);
}
