// Reading ExcelJS worksheets as the engine's grids. No file I/O here: the command line and the
// standalone page hand a loaded ExcelJS workbook to src/host/exceljsWorkbook.ts.
import type * as ExcelJS from "exceljs";
import type { CellValue, Grid } from "../engine/types";

/**
 * One ExcelJS cell value as the engine's CellValue: formulas (plain or shared) by their cached
 * result, rich text and hyperlinks by their text, errors as { error }.
 */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (typeof v.error === "string") return { error: v.error };
  if (Array.isArray(v.richText)) {
    return (v.richText as { text?: unknown }[]).map((run) => (typeof run.text === "string" ? run.text : "")).join("");
  }
  if ("formula" in v || "sharedFormula" in v) {
    // A formula without a cached result (a file written by a tool that does not calculate) reads as blank.
    return "result" in v ? toCellValue(v.result) : null;
  }
  if ("hyperlink" in v || "text" in v) return toCellValue(v.text);
  return null;
}

/** ExcelJS ValueType codes, as constants so this module needs only ExcelJS types, not its code. */
const MERGE = 1;
const FORMULA = 6;

/**
 * A cell's value. Formula cells are read through `result`: ExcelJS's `value` getter drops a
 * cached result that is falsy (0, FALSE, ""), and a 0 is a real score.
 */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  const source = cell.type === MERGE && cell.master && cell.master !== cell ? cell.master : cell;
  if (source.type === FORMULA) return toCellValue(source.result);
  return toCellValue(source.value);
}

/**
 * The worksheet's values from A1 to its last used cell. Merged cells read as ExcelJS gives them
 * (every cell of a merge shows the master's value).
 */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const values: CellValue[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = cellValueOf(cell);
      if (v !== null) cells[colNumber - 1] = v;
    });
    if (cells.length === 0) return;
    width = Math.max(width, cells.length);
    values[rowNumber - 1] = cells;
  });
  // Fill the holes (empty rows, leading empty cells) so every row is a dense array of one width.
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    const dense: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) dense[c] = row[c] ?? null;
    values[r] = dense;
  }
  return { name: ws.name, values, origin: { row: 0, col: 0 } };
}
