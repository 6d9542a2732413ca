// The Office.js side of "replace a generated sheet only while it still holds what was generated":
// the marked sheets' formulas are queued in the sync that reads the names before writing (no
// sync of their own), then hashed and compared with the fingerprint stored beside the marker.
import { fingerprintOfCells, fingerprintOfPlan, judgeGenerated, type ContentCell, type GeneratedVerdict } from "../../engine/plans/generatedFingerprint";
import type { PlanMarker, SheetPlan } from "../../engine/plans/plan";
import { fingerprintFormula, fingerprintName, storedFingerprint, type NameItem } from "../generatedMarkers";

/** The used ranges of the sheets expected to be marked, by lower-case sheet name, queued to load. */
export type MarkedContent = Map<string, Excel.Range>;

/**
 * Queues the formulas of the sheets the markers pointed at when the workbook was last read (a
 * report always reads first). A worksheet deleted since gives a null object down the chain.
 */
export function queueMarkedContent(sheets: Excel.WorksheetCollection, expected: Iterable<string>): MarkedContent {
  const ranges: MarkedContent = new Map();
  for (const sheet of expected) {
    const range = sheets.getItemOrNullObject(sheet).getUsedRangeOrNullObject(true);
    range.load("formulas,rowIndex,columnIndex");
    ranges.set(sheet.toLowerCase(), range);
  }
  return ranges;
}

function contentOf(range: Excel.Range): ContentCell[] {
  if (range.isNullObject) return [];
  const cells: ContentCell[] = [];
  range.formulas.forEach((row, r) =>
    row.forEach((content: unknown, c) => {
      if (typeof content === "string" || typeof content === "number" || typeof content === "boolean") {
        cells.push({ row: range.rowIndex + r, col: range.columnIndex + c, content });
      }
    }),
  );
  return cells;
}

/**
 * Whether the sheet a marker points at (after the sync) may be replaced. A sheet whose content
 * was not queued (the marker moved since the last read) is not proven, so it is kept.
 */
export function markedSheetVerdict(marker: PlanMarker, sheet: string, names: readonly NameItem[], content: MarkedContent): GeneratedVerdict {
  const range = content.get(sheet.toLowerCase());
  if (range === undefined) return "unproven";
  return judgeGenerated(storedFingerprint(names, marker), fingerprintOfCells(contentOf(range)));
}

/** Queues the name holding the plan's fingerprint beside its marker (replacing an older one). */
export function queueFingerprintName(names: Excel.NamedItemCollection, defined: Set<string>, plan: SheetPlan): void {
  const name = fingerprintName(plan.marker);
  if (defined.has(name.toUpperCase())) names.getItem(name).delete();
  names.add(name, `=${fingerprintFormula(fingerprintOfPlan(plan))}`);
  defined.add(name.toUpperCase());
}
