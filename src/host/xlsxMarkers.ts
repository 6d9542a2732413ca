// Sheets this project writes carry a marker: a workbook-level defined name of the marker's exact
// name (CCHC_GEN_SUMMARY, CCHC_GEN_RANKING) referring to A1 of the generated sheet, e.g.
// CCHC_GEN_SUMMARY → 'Tổng hợp trách nhiệm'!$A$1, and a second name holding the fingerprint of
// what was written as a text constant: CCHC_GEN_SUMMARY_FP → ="v1:…" (src/engine/generatedFingerprint.ts).
// The Office.js adapter uses the same names, so a file written by the command line is recognised
// by the add-in and back.
import type * as ExcelJS from "exceljs";
import type { ContentCell } from "../engine/generatedFingerprint";
import type { PlanMarker } from "../engine/plan";
import { toCellValue } from "./xlsxCells";

export const MARKERS: readonly PlanMarker[] = ["CCHC_GEN_SUMMARY", "CCHC_GEN_RANKING", "CCHC_GEN_ANALYSIS", "CCHC_GEN_DRAFT"];

/** "'Tổng hợp trách nhiệm'!$A$1" → "Tổng hợp trách nhiệm"; null without a sheet part. */
export function sheetOfReference(ref: string): string | null {
  const quoted = /^=?'((?:[^']|'')+)'!/.exec(ref);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^=?([^'!]+)!/.exec(ref);
  return plain ? plain[1] : null;
}

/** The reference a marker name is given: A1 of the sheet, quoted as Excel does. */
export function markerReference(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!$A$1`;
}

/** Generated sheets found by their markers; markers pointing at no existing sheet are ignored. */
export function readMarkers(wb: ExcelJS.Workbook): Partial<Record<PlanMarker, string>> {
  const byLower = new Map(wb.worksheets.map((ws) => [ws.name.toLowerCase(), ws.name] as const));
  const found: Partial<Record<PlanMarker, string>> = {};
  for (const marker of MARKERS) {
    for (const ref of wb.definedNames.getRanges(marker).ranges) {
      const sheet = sheetOfReference(ref);
      const actual = sheet === null ? undefined : byLower.get(sheet.toLowerCase());
      if (actual !== undefined) {
        found[marker] = actual;
        break;
      }
    }
  }
  return found;
}

/** A workbook-level name as both adapters see it: its name and its formula ("=" optional). */
export interface NameItem {
  name: string;
  formula: string;
}

/** Markers among the names, for sheets that still exist (names compare case-insensitively, as in Excel). */
export function markersOf(names: readonly NameItem[], sheetNames: readonly string[]): Partial<Record<PlanMarker, string>> {
  const byLower = new Map(sheetNames.map((n) => [n.toLowerCase(), n] as const));
  const found: Partial<Record<PlanMarker, string>> = {};
  for (const item of names) {
    const marker = MARKERS.find((m) => m.toUpperCase() === item.name.toUpperCase());
    if (marker === undefined) continue;
    const sheet = sheetOfReference(item.formula);
    const actual = sheet === null ? undefined : byLower.get(sheet.toLowerCase());
    if (actual !== undefined) found[marker] = actual;
  }
  return found;
}

/** The name holding a marker's fingerprint. */
export function fingerprintName(marker: PlanMarker): string {
  return `${marker}_FP`;
}

/** The fingerprint as the formula of its name: a text constant. */
export function fingerprintFormula(fingerprint: string): string {
  return `"${fingerprint}"`;
}

/** The fingerprint stored for a marker, if any ("=\"v1:…\"" from Office.js, "\"v1:…\"" in the file). */
export function storedFingerprint(names: readonly NameItem[], marker: PlanMarker): string | undefined {
  const item = names.find((n) => n.name.toUpperCase() === fingerprintName(marker).toUpperCase());
  const m = item ? /^=?"([^"]*)"$/.exec(item.formula.trim()) : null;
  return m ? m[1] : undefined;
}

/** ExcelJS ValueType codes, as constants so this module needs only ExcelJS types, not its code. */
const MERGE = 1;
const FORMULA = 6;

/** What a worksheet holds, for its fingerprint: formulas as "=…", constants as values. */
export function sheetContent(ws: ExcelJS.Worksheet): ContentCell[] {
  const cells: ContentCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === MERGE) return;
      const at = { row: Number(cell.row) - 1, col: Number(cell.col) - 1 };
      if (cell.type === FORMULA) {
        cells.push({ ...at, content: `=${cell.formula}` });
        return;
      }
      const v = toCellValue(cell.value);
      const content = v instanceof Date ? v.toISOString() : v !== null && typeof v === "object" ? v.error : v;
      cells.push({ ...at, content });
    }),
  );
  return cells;
}
