// Criterion codes: "1.6.1", "1.1.", 5.6 stored as a number, Roman area codes "I"…"XX".
import type { CellValue } from "../core/types";
import { excelRound } from "../core/numbers";
import { memoize } from "../core/memo";

export interface ParsedCode {
  /** Normalised: Arabic parts joined by "." ("1.6.1"). */
  code: string;
  /** Number of parts: 1 for an area. */
  level: number;
}

const ROMAN = /^(X{0,2})(IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10 };

function romanToNumber(s: string): number | null {
  if (s === "" || !ROMAN.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]];
    const next = i + 1 < s.length ? ROMAN_VALUES[s[i + 1]] : 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}

/** The criterion code a cell holds, or null when it holds none. */
export function parseCode(v: CellValue | undefined): ParsedCode | null {
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v <= 0) return null;
    // A code Excel turned into a number: 5.6 → "5.6" (noise removed; "1.10" cannot be told from "1.1").
    return fromParts(String(excelRound(v, 6)).split("."));
  }
  if (typeof v !== "string") return null;
  return parseCodeText(v);
}

const parseCodeText = memoize((v: string): ParsedCode | null => {
  // "1. 2" and "5,6" (a comma typed for the dot) are read as 1.2 and 5.6.
  const text = v.replace(/\u00a0/g, " ").trim().replace(/\s*[.,]\s*/g, ".").replace(/\.$/, "");
  if (text === "") return null;
  const roman = romanToNumber(text);
  if (roman !== null) return { code: String(roman), level: 1 };
  if (!/^\d{1,3}(\.\d{1,3})*$/.test(text)) return null;
  return fromParts(text.split("."));
});

function fromParts(parts: string[]): ParsedCode | null {
  const numbers = parts.map((p) => Number(p));
  if (numbers.some((n) => !Number.isInteger(n) || n <= 0)) return null;
  return { code: numbers.join("."), level: numbers.length };
}

/** "1.6.1" → "1.6"; an area has no parent. */
export function parentCode(code: string): string | null {
  const dot = code.lastIndexOf(".");
  return dot < 0 ? null : code.slice(0, dot);
}

/** True when `code` is `ancestor` or lies below it. */
export function isUnder(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(ancestor + ".");
}

/** Orders codes part by part as numbers: "1.2" < "1.10" < "2". */
export function compareCodes(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return pa.length - pb.length;
}
