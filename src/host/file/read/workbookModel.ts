// A workbook file as read, before the engine sees it: the one shape every reader gives (the .xlsx
// package reader, and the readers of old .xls and LibreOffice .ods files), so the command line and
// the standalone page treat every format alike. Plain data, no behaviour.
import type { CellValue, MergedArea } from "../../../engine";

/** One worksheet as stored. Rows and columns are 0-based; values[r][c] is the cell at (r, c) from A1. */
export interface ReadSheet {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /**
   * Values from A1 to the last used cell, every row a dense array of one width. Formulas are given
   * by their cached result; a merged area's value sits in its top-left cell only (the merge rule,
   * applyMergedAreas, is applied later, the same for every reader).
   */
  values: CellValue[][];
  /** Merged areas, clipped to the used range. */
  merges: MergedArea[];
  /** Formula cells: text without "=", A1 references, "," between arguments (as .xlsx stores them). */
  formulas: { row: number; col: number; formula: string }[];
  /**
   * Number formats of the number cells that have one other than General ("0.00", "0%"), for
   * display (the standalone page shows a number with its format's decimals). Dates are not listed.
   */
  numberFormats?: { row: number; col: number; format: string }[];
  /** Cells' hyperlinks: an address, or "#Sheet2!A1" for a place in the workbook. Links are only read. */
  links?: { row: number; col: number; target: string }[];
  /**
   * Set when the sheet was not kept whole because it is neither a scoring sheet nor a units table
   * and is large: `values` then holds its first `rowsKept` rows only.
   */
  truncated?: { rowsKept: number; rowsInFile: number };
}

export interface ReadWorkbook {
  format: "xlsx" | "xlsm" | "xls" | "ods";
  /** In tab order. */
  sheets: ReadSheet[];
  /** Workbook-level defined names (the markers of generated sheets live here). */
  definedNames: { name: string; formula: string }[];
  /** Index into `sheets` of the active sheet, where the file says. */
  activeSheet: number | null;
  /** What could not be read as Excel shows it, as Vietnamese sentences for the clerk. */
  notices: string[];
}
