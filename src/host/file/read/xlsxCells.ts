// Reading ExcelJS worksheets as the engine's grids. No file I/O here: the command line and the
// standalone page hand a loaded ExcelJS workbook to src/host/file/read/exceljsWorkbook.ts.
import type * as ExcelJS from "exceljs";
import { parseA1, toA1 } from "../../../engine/core/address";
import { UNCALCULATED } from "../../../engine/scoring/scoringFindings";
import { applyMergedAreas, type MergedArea } from "../../../engine/cells/merges";
import type { CellValue, Grid } from "../../../engine/core/types";

/**
 * A formula saved without a cached result. ExcelJS reads "no <v>" (a tool that does not calculate
 * wrote the file) and an empty cached text "<v></v>" (Excel's and LibreOffice's way of saving a
 * formula whose result is "") the same, with no result. A formula that has an empty-text literal
 * ("") among its possible results is taken as the second case and reads as blank, as Excel shows
 * it; any other formula reads as { error: "#UNCALCULATED" } so its score is reported, not lost.
 */
function withoutResult(formula: unknown): CellValue {
  return typeof formula === "string" && formula.includes('""') ? null : { error: UNCALCULATED };
}

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
    return v.result === undefined ? withoutResult(v.formula) : toCellValue(v.result);
  }
  if ("hyperlink" in v || "text" in v) return toCellValue(v.text);
  return null;
}

/** ExcelJS ValueType codes, as constants so this module needs only ExcelJS types, not its code. */
const MERGE = 1;
const FORMULA = 6;

/**
 * A cell's value. Formula cells are read through `result`: ExcelJS's `value` getter drops a
 * cached result that is falsy (0, FALSE, ""), and a 0 is a real score. `formula` gives a shared
 * formula's own text too (translated from its master).
 */
function ownValueOf(cell: ExcelJS.Cell): CellValue {
  if (cell.type === FORMULA) return cell.result === undefined ? withoutResult(cell.formula) : toCellValue(cell.result);
  return toCellValue(cell.value);
}

/**
 * A cell's own value: a merged cell other than the top-left one is blank, as in Excel (ExcelJS
 * would give it the top-left cell's value). What merged text is copied where is decided for both
 * readers by applyMergedAreas (src/engine/cells/merges.ts).
 */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  if (cell.type === MERGE && cell.master && cell.master !== cell) return null;
  return ownValueOf(cell);
}

/**
 * The worksheet's values from A1 to its last used cell, merged ranges included (the grid reaches
 * to a merge's last cell; merged text is copied as applyMergedAreas says).
 */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const values: CellValue[][] = [];
  let width = 0;
  let height = 0;
  // Each merge's area, grown from its top-left cell to the farthest of its cells met.
  const merges = new Map<ExcelJS.Cell, MergedArea>();
  const links: Record<string, string> = {};
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A cell's hyperlink, as the own reader gives it ("row,col" → target).
      if (typeof cell.hyperlink === "string" && cell.hyperlink !== "") links[`${rowNumber - 1},${colNumber - 1}`] = cell.hyperlink;
      const v = cellValueOf(cell);
      if (v !== null) cells[colNumber - 1] = v;
      else if (cell.type === MERGE) {
        width = Math.max(width, colNumber);
        height = Math.max(height, rowNumber);
        const top = cell.master.fullAddress;
        const area = merges.get(cell.master) ?? { row: top.row - 1, col: top.col - 1, rows: 1, cols: 1 };
        area.rows = Math.max(area.rows, rowNumber - top.row + 1);
        area.cols = Math.max(area.cols, colNumber - top.col + 1);
        merges.set(cell.master, area);
      }
    });
    if (cells.length === 0) return;
    width = Math.max(width, cells.length);
    values[rowNumber - 1] = cells;
  });
  if (values.length < height) values.length = height;
  // Fill the holes (empty rows, leading empty cells) so every row is a dense array of one width.
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    const dense: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) dense[c] = row[c] ?? null;
    values[r] = dense;
  }
  const grid = applyMergedAreas({ name: ws.name, values, origin: { row: 0, col: 0 } }, [...merges.values()]);
  if (Object.keys(links).length > 0) grid.links = links;
  return grid;
}

/** The part of a parsed worksheet model the merge clip reads and rewrites (ExcelJS's own shape). */
export interface WorksheetMergeModel {
  rows: { cells: { address: string }[] }[];
  /** Absent when the sheet has no merges. */
  mergeCells?: string[];
}

/**
 * Merge ranges cut down to the sheet's used range (the cells the file holds): a merge over
 * A1:XFD1048576 becomes the cells that exist, one outside them is dropped, as is one cut down to
 * a single cell. ExcelJS makes an object for every cell of every merge, so an unbounded merge in a
 * 2 KB file exhausts memory; past the used range a merge covers only empty cells, so no value
 * changes. Must run on the parsed model, before ExcelJS builds the worksheet from it.
 */
export function clipMergesToUsedRange(model: WorksheetMergeModel): void {
  if (!model.mergeCells || model.mergeCells.length === 0) return;
  let lastRow = -1;
  let lastCol = -1;
  for (const row of model.rows) {
    for (const cell of row.cells) {
      const at = parseA1(cell.address);
      if (!at) continue;
      if (at.row > lastRow) lastRow = at.row;
      if (at.col > lastCol) lastCol = at.col;
    }
  }
  const clipped: string[] = [];
  for (const range of model.mergeCells) {
    const [a, b] = range.split(":").map((x) => parseA1(x));
    if (!a || !b) continue;
    const top = Math.min(a.row, b.row);
    const left = Math.min(a.col, b.col);
    if (top > lastRow || left > lastCol) continue;
    const bottom = Math.min(Math.max(a.row, b.row), lastRow);
    const right = Math.min(Math.max(a.col, b.col), lastCol);
    if (bottom === top && right === left) continue;
    clipped.push(`${toA1(top, left)}:${toA1(bottom, right)}`);
  }
  model.mergeCells = clipped;
}
