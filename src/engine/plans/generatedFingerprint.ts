// Proof that a sheet this project generated still holds what was written: a short hash of the
// written content, kept with the sheet's marker. A rerun replaces a generated sheet only when
// the hash of what the sheet holds now is the one stored; otherwise the sheet is the clerk's
// (edited, or a marker that ended up on a user's sheet) and is kept.
//
// Both adapters hash the same canonical text: per non-empty cell its position and content, a
// formula normalised so Office.js's "=SUM(a1)" and ExcelJS's "SUM(A1)" agree, a number to 12
// significant digits (what a save and a reload may change beyond that is noise).
import type { PlanCell, PlanMarker, SheetPlan } from "./plan";

/** Prefix of every fingerprint: a new canonical form gets a new version, never a silent match. */
const VERSION = "v1:";

/** One cell as read back from a sheet: a formula as text starting with "=", or a constant. */
export interface ContentCell {
  /** 0-based row and column. */
  row: number;
  col: number;
  content: string | number | boolean | null;
}

/** Uppercase and without blanks outside string literals; no "=", no `_xlfn.` storage prefixes. */
export function normalizeFormula(formula: string): string {
  const text = formula.trim().replace(/^=/, "");
  let out = "";
  let inString = false;
  for (const ch of text) {
    if (ch === '"') inString = !inString;
    if (inString || ch === '"') out += ch;
    else if (!/\s/.test(ch)) out += ch.toUpperCase();
  }
  return out.replace(/_XL(?:FN|WS)\./g, "");
}

/** Characters XML 1.0 does not allow (control characters other than tab, LF, CR). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** The canonical text of one cell's content; null for an empty cell. */
function canonical(content: ContentCell["content"]): string | null {
  if (content === null) return null;
  if (typeof content === "number") return Number.isFinite(content) ? `n${Number(content.toPrecision(12))}` : null;
  if (typeof content === "boolean") return content ? "b1" : "b0";
  if (content === "") return null;
  // Text starting with "=" is compared as a formula on both sides: Office.js reads a text cell
  // holding "=x" back through `formulas` exactly as it reads a formula.
  if (content.startsWith("=")) return `f${normalizeFormula(content)}`;
  // Control characters XML cannot hold are dropped by the package writer (src/host/file/write/xlsxXml.ts), so
  // they must not count here either, or a rerun would take an unchanged sheet for an edited one.
  return `s${content.replace(XML_INVALID, "").normalize("NFC")}`;
}


/** Two FNV-1a passes with different offsets: 64 bits, printed as 16 hex digits. */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return hex(a) + hex(b);
}

/** The fingerprint of the cells (any order; empty cells ignored). */
export function fingerprintOfCells(cells: readonly ContentCell[]): string {
  const lines: string[] = [];
  for (const c of [...cells].sort((x, y) => x.row - y.row || x.col - y.col)) {
    const text = canonical(c.content);
    if (text !== null) lines.push(`${c.row},${c.col}:${text}`);
  }
  return VERSION + hash64(lines.join("\n"));
}

function contentOfPlanCell(pc: PlanCell): ContentCell["content"] {
  if (pc.formula !== undefined) return pc.formula.startsWith("=") ? pc.formula : `=${pc.formula}`;
  return pc.value ?? null;
}

/** The fingerprint of what rendering the plan writes. */
export function fingerprintOfPlan(plan: SheetPlan): string {
  return fingerprintOfCells(plan.cells.map((pc) => ({ row: pc.row, col: pc.col, content: contentOfPlanCell(pc) })));
}

/**
 * What may happen to the sheet a marker points at: "replace" when it provably holds what was
 * generated; "edited" when its content no longer matches the stored fingerprint; "unproven" when
 * there is no fingerprint (a file written before fingerprints, or a hand-made name).
 */
export type GeneratedVerdict = "replace" | "edited" | "unproven";

export function judgeGenerated(stored: string | undefined, actual: string): GeneratedVerdict {
  if (stored === undefined || !stored.startsWith(VERSION)) return "unproven";
  return stored === actual ? "replace" : "edited";
}

/** A marked sheet left in place, and the name the new sheet got instead. */
export interface KeptSheet {
  marker: PlanMarker;
  /** The sheet the marker pointed at, kept as it is. */
  sheet: string;
  /** The sheet written instead; the marker now points at it. */
  replacement: string;
  reason: Exclude<GeneratedVerdict, "replace">;
}

/** What the clerk is told about a kept sheet, in Vietnamese. */
export function keptSheetMessage(kept: KeptSheet): string {
  const why =
    kept.reason === "edited"
      ? "đã được sửa sau khi tạo (nội dung khác với lúc công cụ ghi)"
      : "không chứng minh được là chưa bị sửa (tệp lập bằng phiên bản cũ, hoặc là sheet của người dùng)";
  return `Giữ nguyên sheet "${kept.sheet}" vì sheet này ${why}; sheet mới được ghi thành "${kept.replacement}".`;
}
