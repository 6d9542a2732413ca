// The markers and fingerprint content of generated sheets as read from an ExcelJS workbook; the
// names and references themselves are shared by both adapters (src/host/generatedMarkers.ts).
import type * as ExcelJS from "exceljs";
import type { ContentCell } from "../../../engine/plans/generatedFingerprint";
import type { PlanMarker } from "../../../engine/plans/plan";
import { MARKERS, sheetOfReference } from "../../generatedMarkers";
import { toCellValue } from "./xlsxCells";

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
