// Sheet plans: what a sheet the engine wants written looks like, as plain data. Every adapter
// (Office.js, ExcelJS) renders a plan the same way, so the add-in and the command line write
// the same sheets.

export interface PlanStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  /** Fill colour, "#RRGGBB". */
  fill?: string;
  /** Font colour, "#RRGGBB". */
  color?: string;
  align?: "left" | "center" | "right";
  valign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Thin border on all four sides. */
  border?: boolean;
}

export interface PlanCell {
  /** 0-based row and column in the sheet. */
  row: number;
  col: number;
  /** A constant. Ignored when `formula` is set. */
  value?: string | number | null;
  /** A native Excel formula in English with "," separators, starting with "=" (e.g. "=SUM(C5:C12)"). */
  formula?: string;
  /** The engine's value of `formula`: written as the cached result where the format allows. */
  result?: string | number;
  /** Excel number format, e.g. "0.00". */
  format?: string;
  style?: PlanStyle;
}

export interface PrintSetup {
  paper: "A4";
  orientation: "portrait" | "landscape";
  /** Fit all columns on one page width (height unconstrained). */
  fitToWidth: boolean;
  /** 0-based inclusive row range repeated at the top of every printed page. */
  repeatRows?: { first: number; last: number };
}

/** Marks a sheet as written by this project, so a rerun may replace it (and only it). */
export type PlanMarker =
  | "CCHC_GEN_SUMMARY"
  | "CCHC_GEN_RANKING"
  | "CCHC_GEN_ANALYSIS"
  | "CCHC_GEN_DRAFT"
  | "CCHC_GEN_APPRAISAL"
  | "CCHC_GEN_EXPLANATION";

export interface SheetPlan {
  /** The sheet's desired name; adapters resolve clashes with resolveSheetName(). */
  name: string;
  marker: PlanMarker;
  cells: PlanCell[];
  /** Column widths in characters, by 0-based column. */
  columnWidths: number[];
  /**
   * Heights in points of rows whose wrapped text needs more than one line, by 0-based row.
   * Excel does not grow rows on opening a file it did not lay out, so the plan says how tall.
   */
  rowHeights: Record<number, number>;
  /** Merged ranges, A1 notation ("A1:G1"). */
  merges: string[];
  /** Rows and columns frozen at the top-left. */
  freeze: { rows: number; cols: number };
  print: PrintSetup;
  /** Native charts of the sheet's data (src/engine/plans/chartPlans.ts). */
  charts?: ChartPlan[];
}

/**
 * A native chart drawn over a plan's own cells: one series, its values and category labels read
 * from two ranges of the sheet, their values cached so a reader that does not recalculate (or a
 * Word document, which has no sheet) shows the same bars.
 */
export interface ChartPlan {
  /** What it shows: the index of each unit (one chart per block), or the points lost by area. */
  kind: "unitIndex" | "areaLoss";
  title: string;
  /** "bar": horizontal bars (long unit and area names read best); "column": vertical bars. */
  type: "bar" | "column";
  seriesName: string;
  /** Absolute A1 ranges qualified with the plan's sheet name: "'Xếp hạng'!$B$5:$B$12". */
  categoryRange: string;
  valueRange: string;
  /** The cells' values, in range order. */
  categories: string[];
  values: number[];
  /** Number format of the values and their labels, e.g. "0.00". */
  format: string;
  /** Where it is drawn: its top-left cell (0-based) and its size in cells; never over the plan's cells. */
  anchor: { row: number; col: number; rows: number; cols: number };
}
