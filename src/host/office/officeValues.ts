// Turning what Office.js returns for a range into the engine's cell values.
import type { MergedArea } from "../../engine/cells/merges";
import type { CellValue, Grid } from "../../engine/core/types";

/** One cell: Office gives "" for empty cells and the error text ("#N/A") with valueType "Error". */
export function toCellValue(value: unknown, valueType: string | undefined): CellValue {
  if (valueType === "Error") return { error: String(value) };
  if (valueType === "Empty" || value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** Above this many padding cells a grid keeps its used range's origin instead of starting at A1. */
const MAX_PADDING_CELLS = 1_000_000;

/**
 * A used range's values (and value types) as a Grid. The grid is padded to start at A1, as the
 * ExcelJS adapter's grids do, so a column mapping saved in the settings (grid-relative rows and
 * columns) means the same cells in the add-in and on the command line, whatever the used range.
 */
export function rangeToGrid(
  name: string,
  values: unknown[][],
  valueTypes: string[][] | undefined,
  rowIndex: number,
  columnIndex: number,
): Grid {
  const cells = values.map((row, r) => row.map((v, c) => toCellValue(v, valueTypes?.[r]?.[c])));
  const width = columnIndex + (cells[0]?.length ?? 0);
  if (rowIndex * width + columnIndex * cells.length > MAX_PADDING_CELLS) {
    return { name, values: cells, origin: { row: rowIndex, col: columnIndex } };
  }
  const padded: CellValue[][] = [];
  for (let r = 0; r < rowIndex; r++) padded.push(new Array<CellValue>(width).fill(null));
  for (const row of cells) padded.push([...new Array<CellValue>(columnIndex).fill(null), ...row]);
  return { name, values: padded, origin: { row: 0, col: 0 } };
}

/** The merged areas Excel listed (a null object: none), in the engine's terms. */
export function mergedAreasOf(areas: Excel.RangeAreas): MergedArea[] {
  if (areas.isNullObject) return [];
  return areas.areas.items.map((r) => ({ row: r.rowIndex, col: r.columnIndex, rows: r.rowCount, cols: r.columnCount }));
}
