// Sheets this project writes carry a marker: a workbook-level defined name of the marker's exact
// name (CCHC_GEN_SUMMARY, CCHC_GEN_RANKING) referring to A1 of the generated sheet, e.g.
// CCHC_GEN_SUMMARY → 'Tổng hợp trách nhiệm'!$A$1, and a second name holding the fingerprint of
// what was written as a text constant: CCHC_GEN_SUMMARY_FP → ="v1:…" (src/engine/plans/generatedFingerprint.ts).
// The Office.js adapter uses the same names, so a file written by the command line is recognised
// by the add-in and back.
import type { PlanMarker } from "../engine/plans/plan";

export const MARKERS: readonly PlanMarker[] = [
  "CCHC_GEN_SUMMARY",
  "CCHC_GEN_RANKING",
  "CCHC_GEN_ANALYSIS",
  "CCHC_GEN_DRAFT",
  "CCHC_GEN_APPRAISAL",
  "CCHC_GEN_EXPLANATION",
];

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
