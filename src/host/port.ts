// The one interface between the UI / command line and a workbook. Adapters: Office.js
// (src/host/office/officeWorkbook.ts) for the add-in, ExcelJS (src/host/file/read/exceljsWorkbook.ts) for the
// command line and the standalone page.
import type { CellValue, Grid } from "../engine/core/types";
import type { PlanMarker, SheetPlan } from "../engine/plans/plan";
import type { KeptSheet } from "../engine/plans/generatedFingerprint";

export interface WorkbookSnapshot {
  /** Every worksheet's used values, in tab order. */
  sheets: Grid[];
  /** Sheets this project wrote earlier, by the marker they carry. */
  generated: Partial<Record<PlanMarker, string>>;
  /** The active sheet's name, where the host has one. */
  activeSheet: string | null;
  /** What this reader could not read as the others do, as Vietnamese sentences for the user. */
  notices?: string[];
}

export interface CellWrite {
  sheet: string;
  /** A1 address. */
  address: string;
  formula?: string;
  value?: string | number | null;
  /**
   * What the cell is expected to hold now (null: empty), as read earlier. When given, an
   * adapter that can check it writes nothing if a cell holds something else (the clerk typed
   * into it meanwhile) and reports those cells instead. Omitted: written whatever it holds.
   */
  expected?: CellValue;
}

/** Reading grids and writing report sheets: what `cchc summary` and the standalone page need. */
export interface ReportPort {
  /** Everything a command needs, in one read (one context.sync() in Office.js). */
  read(): Promise<WorkbookSnapshot>;
  /**
   * Writes the plans: replaces a sheet this project generated earlier with the same marker only
   * when it still holds what was generated (its fingerprint matches), never a user's sheet (names
   * are resolved with resolveSheetName()). A marked sheet kept instead is appended to `kept`,
   * when given. Returns the names used.
   */
  writeSheets(plans: SheetPlan[], kept?: KeptSheet[]): Promise<string[]>;
}

export interface WorkbookPort extends ReportPort {
  /** Writes single cells (e.g. sub-total formulas) in one batch. */
  writeCells(cells: CellWrite[]): Promise<void>;
}
