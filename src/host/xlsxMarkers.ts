// Sheets this project writes carry a marker: a workbook-level defined name of the marker's exact
// name (CCHC_GEN_SUMMARY, CCHC_GEN_RANKING) referring to A1 of the generated sheet, e.g.
// CCHC_GEN_SUMMARY → 'Tổng hợp trách nhiệm'!$A$1. The Office.js adapter uses the same names, so
// a file written by the command line is recognised by the add-in and back.
import type * as ExcelJS from "exceljs";
import type { PlanMarker } from "../engine/plan";

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

export function removeMarker(wb: ExcelJS.Workbook, marker: PlanMarker): void {
  wb.definedNames.model = wb.definedNames.model.filter((n) => n.name !== marker);
}

export function setMarker(wb: ExcelJS.Workbook, marker: PlanMarker, sheet: string): void {
  removeMarker(wb, marker);
  wb.definedNames.add(markerReference(sheet), marker);
}
