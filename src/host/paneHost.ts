// What the task pane needs from a workbook: the shared WorkbookPort plus the pane-only
// operations (highlights, selection, settings). It lives in the host layer, below the pane, so the
// adapter that implements it (src/host/office/officeWorkbook.ts) never depends on the UI; tests implement
// it over plain grids.
import type { EngineSettings } from "../engine/core/types";
import type { WorkbookPort } from "./port";

export interface CellRef {
  sheet: string;
  /** A1 address of one cell. */
  address: string;
}

export interface PaneHost extends WorkbookPort {
  /**
   * Gives these cells the highlight fill, remembering (in the workbook) the fill each had
   * before; cells highlighted earlier that are not in the list get their fill back — only on
   * `scope` sheets when given (a check of one sheet leaves the others' highlights alone).
   * Returns how many cells carry the highlight now.
   */
  highlight(cells: CellRef[], scope?: string[]): Promise<number>;
  /**
   * Puts back the fills remembered by highlight() of the cells still carrying the highlight.
   * Returns how many cells were restored. What is remembered of cells on sheets not found
   * (renamed, deleted) is kept, unless `forgetMissing`.
   */
  clearHighlights(forgetMissing?: boolean): Promise<number>;
  /** Cells whose fill the last clearHighlights() could only approximate (gradients), where the host can tell. */
  approximatedFills?(): CellRef[];
  /** How many cells carry a highlight now (from what the workbook remembers). */
  highlightCount(): number;
  /** The sheets of the remembered highlights, where the host can tell. */
  highlightedSheets?(): string[];
  /** Activates the sheet and selects the cell. */
  select(cell: CellRef): Promise<void>;
  /** The settings saved in the workbook (empty object when none). */
  loadSettings(): Partial<EngineSettings>;
  saveSettings(settings: Partial<EngineSettings>): Promise<void>;
  /** Recalculates every formula (so CCHC.GRADE cells follow new bands), where the host can. */
  recalculate?(): Promise<void>;
}
