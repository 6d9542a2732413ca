// Types of test/support/fakeExcel.js (a plain script so the browser test can serve it too).
import type { CellValue } from "../../src/engine/core/types";

export interface FakeCell {
  value: string | number | boolean | null;
  formula: string | null;
  error: string | null;
  numberFormat: string;
  fill: { color: string; pattern: string; tintAndShade?: number; patternColor?: string; patternTintAndShade?: number } | null;
  font: { bold?: boolean; italic?: boolean; size?: number; color?: string };
  align: { horizontal?: string; vertical?: string; wrap?: boolean };
  borders: Record<string, { style?: string; weight?: string }>;
  /** The cell's hyperlink (Excel.RangeHyperlink), null: none. */
  hyperlink: FakeHyperlink | null;
}

/** A hyperlink as Office.js gives it: a URL or file path in `address`, a place in the workbook ("Sheet2!A1") in `documentReference`. */
export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface FakeSheet {
  name: string;
  cells: Record<string, FakeCell>;
  columnWidths: Record<string, number>;
  /** Row heights in points by 0-based row. */
  rowHeights: Record<number, number>;
  merges: string[];
  freeze: { rows: number; cols: number } | null;
  pageLayout: { paperSize: string; orientation: string; zoom: Record<string, number>; printTitleRows: string | null };
  selection: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** Protected: writes to its cells fail with AccessDenied. */
  protected: boolean;
  /** Charts added through worksheet.charts.add. */
  charts: FakeChart[];
  peek(row: number, col: number): FakeCell | null;
  cell(row: number, col: number): FakeCell;
  shown(row: number, col: number): { value: unknown; type: string };
}

export interface FakeChart {
  name: string;
  type: string;
  /** Sheet-qualified A1 ("'Xếp hạng'!H6:H12"). */
  source: string;
  seriesBy: string;
  title: string | null;
  legendVisible: boolean;
  showValue: boolean;
  valueAxisMinimum: number | null;
  reversePlotOrder: boolean;
  /** The cells it covers, set by setPosition. */
  position: { start: string; end: string } | null;
  series: Array<{ name: string; values: string; xValues: string | null }>;
}

export interface FakeOp {
  op: string;
  sync: number;
  sheet?: string;
  address?: string;
  [key: string]: unknown;
}

export interface FakeSheetInit {
  name: string;
  values?: CellValue[][];
  origin?: { row: number; col: number };
  fills?: Record<string, string>;
  /** Number formats by A1 address. */
  numberFormats?: Record<string, string>;
  /** Merged areas, A1 ranges ("F5:F6"). */
  merges?: string[];
  /** Hyperlinks by A1 address. */
  hyperlinks?: Record<string, FakeHyperlink>;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protected?: boolean;
}

export interface FakeWorkbookInit {
  sheets?: FakeSheetInit[];
  names?: Array<{ name: string; formula: string }>;
  active?: string;
  /** The ExcelApi requirement set supported (default "1.13"). */
  excelApi?: string;
  requestLimit?: number;
  responseLimit?: number;
}

export class Workbook {
  constructor(init?: FakeWorkbookInit);
  sheets: FakeSheet[];
  names: Array<{ name: string; formula: string }>;
  active: string | null;
  ops: FakeOp[];
  syncCount: number;
  runCount: number;
  calculationSuspensions: number;
  /** Calculation types asked for with application.calculate(), in order. */
  calculations: string[];
  requestLimit: number;
  /** The estimated bytes of every request sent (refused ones included), in order. */
  requestSizes: number[];
  responseLimit: number;
  excelApi: string;
  /** Set while the clerk edits a cell: every sync fails with InvalidOperationInCellEditMode. */
  editMode: boolean;
  /** Office.context.requirements.isSetSupported, answered from `excelApi`. */
  isSetSupported(name: string, version?: string): boolean;
  sheet(name: string): FakeSheet | null;
  /** What the clerk does in Excel, outside the add-in: rename or delete a sheet. */
  renameSheet(sheet: FakeSheet, newName: string): void;
  deleteSheet(sheet: FakeSheet): void;
  toJSON(): unknown;
}

export function runner(workbook: Workbook): <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
export function parseAddress(address: string): { r1: number; c1: number; r2: number; c2: number };
export function a1(row: number, col: number): string;
