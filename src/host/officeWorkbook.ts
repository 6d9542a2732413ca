// The Office.js adapter: the only file that calls Excel.run. It implements the WorkbookPort
// (src/host/port.ts) and what the task pane needs besides (highlights, selection, settings).
//
// Round trips are what make an add-in slow, so every method reads what it needs in one
// context.sync() (two where the worksheet list must be known before their ranges can be
// asked for, as highlights read the cells' fills) and writes in one more, with
// suspendApiCalculationUntilNextSync() around bulk writes. A write is split into more syncs
// only when it would pass Excel on the web's 5 MB request limit; nothing syncs in a loop over
// sheets or rows. Counts per command: read 2, highlight 3, clear 3, writeCells 1 (2 when the
// cells are checked first), writeSheets 2.
import type { EngineSettings } from "../engine/types";
import type { PlanMarker, SheetPlan } from "../engine/plan";
import { resolveSheetName } from "../engine/sheetNames";
import type { CellWrite, WorkbookSnapshot } from "./port";
import type { CellRef, PaneHost } from "../taskpane/paneHost";
import { MARKERS, sheetOfReference } from "./xlsxMarkers";
import { BYTES_PER_CELL, planParts, queuePlan } from "./officeRender";
import { rangeToGrid, toCellValue } from "./officeValues";
import { ChangedCellsError, UserError, type ChangedCell } from "../taskpane/messages";
import type { CellValue } from "../engine/types";
import { HIGHLIGHTS_KEY, SETTINGS_KEY, officeDocumentStore, type DocumentStore } from "./officeSettings";

/** Excel.run, injectable so tests can count the round trips against a fake object model. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The fill given to cells with findings (light red, as Excel's "bad" style). */
export const HIGHLIGHT_FILL = "#FFC7CE";

/** Estimated request bytes of writing a plan (or a part of one). */
function partSize(plan: SheetPlan): number {
  return Math.max(JSON.stringify(plan).length * 3, plan.cells.length * BYTES_PER_CELL);
}

/** Excel on the web refuses requests over 5 MB; stay well below, the estimate is rough. */
export const DEFAULT_PAYLOAD_LIMIT = 4_000_000;
/** Cells per sync when a read has to be split (only after Excel refused the one-sync read). */
export const DEFAULT_READ_CHUNK_CELLS = 100_000;

/**
 * A fill as remembered: colour and pattern, and (ExcelApi 1.9) the tint and the pattern's colour
 * and tint, kept only where they differ from Excel's defaults so the document settings stay small.
 */
export interface FillRecord {
  color: string;
  pattern: string;
  tintAndShade?: number;
  patternColor?: string;
  patternTintAndShade?: number;
}

/** A highlighted cell and the fill it had before (null: no fill). */
export interface SavedFill extends CellRef {
  fill: FillRecord | null;
}

const FILL_PROPERTIES = "color,pattern,tintAndShade,patternColor,patternTintAndShade";

export interface OfficeWorkbookOptions {
  run?: ExcelRunner;
  store?: DocumentStore;
  payloadLimit?: number;
  /** Cells per sync of a split read. */
  readChunkCells?: number;
}

function key(c: CellRef): string {
  return `${c.sheet.toLowerCase()}!${c.address.toUpperCase()}`;
}

function isPayloadError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  const text = `${typeof code === "string" ? code : ""} ${err instanceof Error ? err.message : String(err)}`;
  return /PayloadSizeLimitExceeded/i.test(text);
}

/** Markers found among the workbook's defined names, for sheets that still exist. */
function markersOf(names: Array<{ name: string; formula: string }>, sheetNames: string[]): Partial<Record<PlanMarker, string>> {
  const byLower = new Map(sheetNames.map((n) => [n.toLowerCase(), n] as const));
  const found: Partial<Record<PlanMarker, string>> = {};
  for (const item of names) {
    // Excel's names are case-insensitive.
    const marker = MARKERS.find((m) => m.toUpperCase() === item.name.toUpperCase());
    if (marker === undefined) continue;
    const sheet = sheetOfReference(item.formula);
    const actual = sheet === null ? undefined : byLower.get(sheet.toLowerCase());
    if (actual !== undefined) found[marker] = actual;
  }
  return found;
}

/** Every sheet's used range (values only: formats don't count), with `props` queued to load. */
function usedRanges(sheets: Excel.Worksheet[], props: string): Excel.Range[] {
  return sheets.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load(props);
    return range;
  });
}

export class OfficeWorkbook implements PaneHost {
  private readonly run: ExcelRunner;
  private readonly store: DocumentStore;
  private readonly payloadLimit: number;
  private readonly readChunkCells: number;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.run = options.run ?? (<T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch));
    this.store = options.store ?? officeDocumentStore();
    this.payloadLimit = options.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT;
    this.readChunkCells = options.readChunkCells ?? DEFAULT_READ_CHUNK_CELLS;
  }

  async read(): Promise<WorkbookSnapshot> {
    try {
      return await this.run(async (context) => {
        const { sheets, names, active } = this.queueWorkbookInfo(context);
        await context.sync();
        const used = usedRanges(sheets.items, "values,valueTypes,rowIndex,columnIndex");
        await context.sync();
        const grids = sheets.items.map((ws, i) =>
          used[i].isNullObject
            ? { name: ws.name, values: [], origin: { row: 0, col: 0 } }
            : rangeToGrid(ws.name, used[i].values, used[i].valueTypes as string[][], used[i].rowIndex, used[i].columnIndex),
        );
        return this.snapshot(grids, names.items, active.name);
      });
    } catch (err) {
      if (!isPayloadError(err)) throw err;
      return this.readInChunks();
    }
  }

  /** The read split by rows, used only when the workbook is too large for one response. */
  private async readInChunks(): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const { sheets, names, active } = this.queueWorkbookInfo(context);
      await context.sync();
      const used = usedRanges(sheets.items, "rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      const parts = sheets.items.map(() => ({ values: [] as unknown[][], types: [] as string[][] }));
      // Blocks of whole rows, then as many blocks per sync as fit in readChunkCells.
      const blocks: Array<{ sheet: number; first: number; count: number; cols: number }> = [];
      used.forEach((range, i) => {
        if (range.isNullObject) return;
        const rowsPerBlock = Math.max(1, Math.floor(this.readChunkCells / Math.max(1, range.columnCount)));
        for (let first = 0; first < range.rowCount; first += rowsPerBlock) {
          blocks.push({ sheet: i, first, count: Math.min(rowsPerBlock, range.rowCount - first), cols: range.columnCount });
        }
      });
      let pending: Array<{ block: (typeof blocks)[number]; range: Excel.Range }> = [];
      let cells = 0;
      const flush = async () => {
        await context.sync();
        for (const { block, range } of pending) {
          parts[block.sheet].values.push(...range.values);
          parts[block.sheet].types.push(...(range.valueTypes as string[][]));
        }
        pending = [];
        cells = 0;
      };
      for (const block of blocks) {
        if (cells > 0 && cells + block.count * block.cols > this.readChunkCells) await flush();
        // getRow() spans the used range's width already; only rows are added.
        const range = used[block.sheet].getRow(block.first).getResizedRange(block.count - 1, 0);
        range.load("values,valueTypes");
        pending.push({ block, range });
        cells += block.count * block.cols;
      }
      if (pending.length > 0) await flush();
      const grids = sheets.items.map((ws, i) =>
        used[i].isNullObject
          ? { name: ws.name, values: [], origin: { row: 0, col: 0 } }
          : rangeToGrid(ws.name, parts[i].values, parts[i].types, used[i].rowIndex, used[i].columnIndex),
      );
      return this.snapshot(grids, names.items, active.name);
    });
  }

  private queueWorkbookInfo(context: Excel.RequestContext) {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const names = context.workbook.names;
    names.load("items/name,items/formula");
    const active = context.workbook.worksheets.getActiveWorksheet();
    active.load("name");
    return { sheets, names, active };
  }

  private snapshot(grids: WorkbookSnapshot["sheets"], names: Excel.NamedItem[], active: string): WorkbookSnapshot {
    const items = names.map((n) => ({ name: n.name, formula: String(n.formula) }));
    return { sheets: grids, generated: markersOf(items, grids.map((g) => g.name)), activeSheet: active };
  }

  async writeSheets(plans: SheetPlan[]): Promise<string[]> {
    if (plans.length === 0) return [];
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const names = context.workbook.names;
      names.load("items/name,items/formula");
      await context.sync();
      const existing = sheets.items.map((s) => s.name);
      const nameItems = names.items.map((n) => ({ name: n.name, formula: String(n.formula) }));
      const generated = markersOf(nameItems, existing);
      const definedNames = new Set(nameItems.map((n) => n.name.toUpperCase()));
      const budget = this.budget(context);
      const used: string[] = [];
      context.application.suspendApiCalculationUntilNextSync();
      let first: Excel.Worksheet | null = null;
      for (const plan of plans) {
        // A sheet too large for one request is written in parts of whole rows.
        const parts = planParts(plan, Math.max(1, Math.floor(this.payloadLimit / (2 * BYTES_PER_CELL))));
        await budget.reserve(partSize(parts[0]));
        const { name, replaces } = resolveSheetName(plan.name, existing, generated[plan.marker]);
        let old: Excel.Worksheet | null = null;
        if (replaces !== null) {
          // Renamed first so the new sheet can take its name; deleted after the new one exists,
          // so the workbook never runs out of sheets.
          old = sheets.getItem(replaces);
          old.name = `CCHC_old_${Date.now().toString(36)}_${used.length}`.slice(0, 31);
          existing.splice(existing.findIndex((n) => n.toLowerCase() === replaces.toLowerCase()), 1);
        }
        const ws = sheets.add(name);
        queuePlan(ws, parts[0]);
        for (const part of parts.slice(1)) {
          await budget.reserve(partSize(part));
          queuePlan(ws, part, false);
        }
        if (definedNames.has(plan.marker.toUpperCase())) names.getItem(plan.marker).delete();
        names.add(plan.marker, ws.getRange("A1"));
        definedNames.add(plan.marker.toUpperCase());
        if (old) old.delete();
        existing.push(name);
        used.push(name);
        first ??= ws;
      }
      first?.activate();
      await context.sync();
      return used;
    });
  }

  /**
   * Writes the cells in one sync. Cells given an `expected` value are read first (one more
   * sync): if any holds something else now, nothing is written and a ChangedCellsError lists them.
   */
  async writeCells(cells: CellWrite[]): Promise<void> {
    if (cells.length === 0) return;
    await this.run(async (context) => {
      const checked = cells.filter((c) => c.expected !== undefined);
      if (checked.length > 0) {
        const ranges = checked.map((c) => {
          const range = context.workbook.worksheets.getItem(c.sheet).getRange(c.address);
          range.load("values,valueTypes");
          return range;
        });
        await context.sync();
        const changed: ChangedCell[] = [];
        checked.forEach((c, i) => {
          const actual = toCellValue(ranges[i].values[0]?.[0], (ranges[i].valueTypes as string[][])[0]?.[0]);
          if (!sameValue(actual, c.expected ?? null)) changed.push({ sheet: c.sheet, address: c.address, expected: c.expected ?? null, actual });
        });
        if (changed.length > 0) throw new ChangedCellsError(changed);
      }
      const budget = this.budget(context);
      context.application.suspendApiCalculationUntilNextSync();
      for (const cell of cells) {
        await budget.reserve(JSON.stringify(cell).length + 120);
        const range = context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address);
        if (cell.formula !== undefined) range.formulas = [[cell.formula]];
        else range.values = [[cell.value ?? ""]];
      }
      await context.sync();
    });
  }

  /**
   * Counts the estimated request size and syncs before it would pass the limit: the only way a
   * write takes more than one sync, and only for very large writes.
   */
  private budget(context: Excel.RequestContext) {
    let bytes = 0;
    const limit = this.payloadLimit;
    return {
      async reserve(size: number): Promise<void> {
        if (bytes > 0 && bytes + size > limit) {
          await context.sync();
          context.application.suspendApiCalculationUntilNextSync();
          bytes = 0;
        }
        bytes += size;
      },
    };
  }

  highlightCount(): number {
    return this.savedFills().length;
  }

  /** Sheets of the remembered highlights (after clearHighlights(): the sheets not found). */
  highlightedSheets(): string[] {
    return [...new Set(this.savedFills().map((s) => s.sheet))];
  }

  private savedFills(): SavedFill[] {
    const saved = this.store.get(HIGHLIGHTS_KEY);
    return Array.isArray(saved) ? (saved as SavedFill[]) : [];
  }

  /**
   * Saves the records in the document before any cell is coloured: a save that fails leaves the
   * cells as they were (and the records as they were), and the clerk is told.
   */
  private async saveFillsFirst(records: SavedFill[], previous: SavedFill[]): Promise<void> {
    this.store.set(HIGHLIGHTS_KEY, records);
    try {
      await this.store.save();
    } catch (err) {
      this.store.set(HIGHLIGHTS_KEY, previous);
      const detail = err instanceof Error ? err.message : String(err);
      throw new UserError(
        `Không lưu được màu cũ của các ô vào bảng tính (${detail}), nên chưa tô màu ô nào. ` +
          "Hãy kiểm tra bảng tính không ở chế độ chỉ đọc, lưu lại rồi bấm lệnh lần nữa, hoặc bỏ chọn \"Tô màu các ô có vấn đề\".",
      );
    }
  }

  /**
   * Three syncs whatever the number of cells: the sheet list; the fills the cells have now; the
   * fills written. The previous fills are saved in the document between the second and third.
   */
  async highlight(cells: CellRef[], scope?: string[]): Promise<number> {
    const saved = this.savedFills();
    const inScope = (c: CellRef) => scope === undefined || scope.some((s) => s.toLowerCase() === c.sheet.toLowerCase());
    const wanted = new Map(cells.map((c) => [key(c), c] as const));
    const savedByKey = new Map(saved.map((s) => [key(s), s] as const));
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const live = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const isLive = (c: CellRef) => live.has(c.sheet.toLowerCase());
      // The fills cells have now: of the cells to colour, and of those coloured earlier.
      const targets = [...wanted.values()].filter(isLive);
      const leaving = saved.filter((old) => !wanted.has(key(old)) && inScope(old) && isLive(old));
      const load = (c: CellRef) => {
        const fill = sheets.getItem(c.sheet).getRange(c.address).format.fill;
        fill.load(FILL_PROPERTIES);
        return fill;
      };
      const targetFills = targets.map(load);
      const leavingFills = leaving.map(load);
      await context.sync();
      const records: SavedFill[] = targets.map((c, i) => {
        const old = savedByKey.get(key(c));
        // Still coloured by an earlier check: its remembered fill is the original. Refilled by the
        // clerk since: the clerk's fill is the one to give back.
        if (old && isHighlight(targetFills[i])) return old;
        return { sheet: c.sheet, address: c.address, fill: fillRecord(targetFills[i]) };
      });
      // Out of scope, or on a sheet not found (renamed or deleted): remembered as they are.
      for (const old of saved) if (!wanted.has(key(old)) && (!inScope(old) || !isLive(old))) records.push(old);
      // No longer flagged: the fill goes back, unless the clerk has coloured the cell since.
      const restore = leaving.filter((_, i) => isHighlight(leavingFills[i]));
      await this.saveFillsFirst([...records, ...restore], saved);
      for (const old of restore) restoreFill(sheets, old);
      for (const c of targets) {
        const fill = sheets.getItem(c.sheet).getRange(c.address).format.fill;
        fill.clear();
        fill.color = HIGHLIGHT_FILL;
      }
      await context.sync();
      // The restored cells are forgotten. Should this save fail, the document keeps them too:
      // harmless, as a cell no longer coloured with the highlight is never restored.
      this.store.set(HIGHLIGHTS_KEY, records);
      await this.store.save().catch(() => undefined);
      return records.length;
    });
  }

  /**
   * Gives back the remembered fills of the cells still coloured with the highlight (a cell the
   * clerk has refilled since keeps the clerk's fill), in three syncs. Records on sheets not found
   * (renamed, deleted) are kept, for highlightedSheets() to name, unless `forgetMissing`.
   */
  async clearHighlights(forgetMissing = false): Promise<number> {
    const saved = this.savedFills();
    if (saved.length === 0) return 0;
    const { restored, missing } = await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const live = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const present = saved.filter((s) => live.has(s.sheet.toLowerCase()));
      const fills = present.map((s) => {
        const fill = sheets.getItem(s.sheet).getRange(s.address).format.fill;
        fill.load(FILL_PROPERTIES);
        return fill;
      });
      await context.sync();
      const restore = present.filter((_, i) => isHighlight(fills[i]));
      for (const s of restore) restoreFill(sheets, s);
      await context.sync();
      return { restored: restore.length, missing: saved.filter((s) => !live.has(s.sheet.toLowerCase())) };
    });
    this.store.set(HIGHLIGHTS_KEY, forgetMissing ? [] : missing);
    await this.store.save();
    return restored;
  }

  async select(cell: CellRef): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(cell.sheet);
      ws.activate();
      ws.getRange(cell.address).select();
      await context.sync();
    });
  }

  loadSettings(): Partial<EngineSettings> {
    const value = this.store.get(SETTINGS_KEY);
    return value && typeof value === "object" ? (value as Partial<EngineSettings>) : {};
  }

  async saveSettings(settings: Partial<EngineSettings>): Promise<void> {
    this.store.set(SETTINGS_KEY, settings);
    await this.store.save();
  }

  /**
   * A full recalculation, in one sync: Excel does not know that CCHC.GRADE depends on the bands
   * in the settings, so its cells keep the old grades until asked.
   */
  async recalculate(): Promise<void> {
    await this.run(async (context) => {
      // Excel.CalculationType.full, spelled out so the adapter loads where Excel is not defined.
      context.workbook.application.calculate("Full" as Excel.CalculationType);
      await context.sync();
    });
  }
}

/** Blank text counts as empty, as the engine reads it. */
function normalized(v: CellValue): CellValue {
  return typeof v === "string" && v.trim() === "" ? null : v;
}

/** Whether a cell's value is the one expected (numbers within rounding noise). */
function sameValue(actual: CellValue, expected: CellValue): boolean {
  const a = normalized(actual);
  const e = normalized(expected);
  if (a === null || e === null) return a === e;
  if (typeof a === "number" && typeof e === "number") return Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e));
  if (a instanceof Date || e instanceof Date) return a instanceof Date && e instanceof Date && a.getTime() === e.getTime();
  if (typeof a === "object" && typeof e === "object") return a.error === e.error;
  return a === e;
}

function restoreFill(sheets: Excel.WorksheetCollection, saved: SavedFill): void {
  const fill = sheets.getItem(saved.sheet).getRange(saved.address).format.fill;
  // From no fill, so nothing of the highlight (or of Excel's defaults) is left over.
  fill.clear();
  const f = saved.fill;
  if (f === null) return;
  fill.color = f.color;
  if (f.pattern && f.pattern !== "Solid") fill.pattern = f.pattern as Excel.FillPattern;
  if (f.patternColor !== undefined) fill.patternColor = f.patternColor;
  if (f.tintAndShade !== undefined) fill.tintAndShade = f.tintAndShade;
  if (f.patternTintAndShade !== undefined) fill.patternTintAndShade = f.patternTintAndShade;
}

/** What a loaded fill is, as remembered (null: no fill). */
function fillRecord(fill: Excel.RangeFill): FillRecord | null {
  if (fill.pattern === "None" || !fill.color) return null;
  const record: FillRecord = { color: fill.color, pattern: fill.pattern };
  if (typeof fill.tintAndShade === "number" && fill.tintAndShade !== 0) record.tintAndShade = fill.tintAndShade;
  // The pattern's colour and tint only show with a pattern other than a solid fill.
  if (fill.pattern !== "Solid") {
    if (typeof fill.patternColor === "string" && fill.patternColor !== "") record.patternColor = fill.patternColor;
    if (typeof fill.patternTintAndShade === "number" && fill.patternTintAndShade !== 0) record.patternTintAndShade = fill.patternTintAndShade;
  }
  return record;
}

/** Whether a loaded fill is the highlight (solid, untinted HIGHLIGHT_FILL). */
function isHighlight(fill: Excel.RangeFill): boolean {
  return (
    fill.pattern !== "None" &&
    typeof fill.color === "string" &&
    fill.color.toUpperCase() === HIGHLIGHT_FILL &&
    (typeof fill.tintAndShade !== "number" || fill.tintAndShade === 0)
  );
}
