// The Office.js adapter: the only file that calls Excel.run. It implements the WorkbookPort
// (src/host/port.ts) and what the task pane needs besides (highlights, selection, settings).
//
// Round trips are what make an add-in slow, so every method reads what it needs in one
// context.sync() (two where the worksheet list must be known before their ranges can be
// asked for) and writes in one more, with suspendApiCalculationUntilNextSync() around bulk
// writes. A write is split into more syncs only when it would pass Excel on the web's 5 MB
// request limit; nothing syncs in a loop over sheets or rows.
import type { EngineSettings } from "../engine/types";
import type { PlanMarker, SheetPlan } from "../engine/plan";
import { resolveSheetName } from "../engine/sheetNames";
import type { CellWrite, WorkbookSnapshot } from "./port";
import type { CellRef, PaneHost } from "../taskpane/paneHost";
import { MARKERS, sheetOfReference } from "./xlsxMarkers";
import { queuePlan } from "./officeRender";
import { rangeToGrid } from "./officeValues";
import { HIGHLIGHTS_KEY, SETTINGS_KEY, officeDocumentStore, type DocumentStore } from "./officeSettings";

/** Excel.run, injectable so tests can count the round trips against a fake object model. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The fill given to cells with findings (light red, as Excel's "bad" style). */
export const HIGHLIGHT_FILL = "#FFC7CE";

/** Excel on the web refuses requests over 5 MB; stay well below, the estimate is rough. */
export const DEFAULT_PAYLOAD_LIMIT = 4_000_000;
/** Cells per sync when a read has to be split (only after Excel refused the one-sync read). */
export const DEFAULT_READ_CHUNK_CELLS = 100_000;

/** A highlighted cell and the fill it had before (null: no fill). */
export interface SavedFill extends CellRef {
  fill: { color: string; pattern: string } | null;
}

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
        const used = sheets.items.map((ws) => {
          const range = ws.getUsedRangeOrNullObject(true);
          range.load("values,valueTypes,rowIndex,columnIndex");
          return range;
        });
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
      const used = sheets.items.map((ws) => {
        const range = ws.getUsedRangeOrNullObject(true);
        range.load("rowIndex,columnIndex,rowCount,columnCount");
        return range;
      });
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
        await budget.reserve(JSON.stringify(plan).length * 3);
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
        queuePlan(ws, plan);
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

  async writeCells(cells: CellWrite[]): Promise<void> {
    if (cells.length === 0) return;
    await this.run(async (context) => {
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

  private savedFills(): SavedFill[] {
    const saved = this.store.get(HIGHLIGHTS_KEY);
    return Array.isArray(saved) ? (saved as SavedFill[]) : [];
  }

  async highlight(cells: CellRef[], scope?: string[]): Promise<number> {
    const saved = this.savedFills();
    const inScope = (c: CellRef) => scope === undefined || scope.some((s) => s.toLowerCase() === c.sheet.toLowerCase());
    const wanted = new Map(cells.map((c) => [key(c), c] as const));
    const savedKeys = new Set(saved.map(key));
    const fresh = [...wanted.values()].filter((c) => !savedKeys.has(key(c)));
    const kept: SavedFill[] = await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      // The fills cells have now, before the highlight covers them.
      const fills = fresh.map((c) => {
        const fill = sheets.getItem(c.sheet).getRange(c.address).format.fill;
        fill.load("color,pattern");
        return fill;
      });
      await context.sync();
      const live = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const records: SavedFill[] = fresh.map((c, i) => ({
        ...c,
        fill: fills[i].pattern === "None" || !fills[i].color ? null : { color: fills[i].color, pattern: fills[i].pattern },
      }));
      for (const old of saved) {
        if (wanted.has(key(old)) || !inScope(old)) records.push(old);
        else if (live.has(old.sheet.toLowerCase())) restoreFill(sheets, old);
      }
      for (const c of wanted.values()) sheets.getItem(c.sheet).getRange(c.address).format.fill.color = HIGHLIGHT_FILL;
      await context.sync();
      return records;
    });
    this.store.set(HIGHLIGHTS_KEY, kept);
    await this.store.save();
    return kept.length;
  }

  async clearHighlights(): Promise<number> {
    const saved = this.savedFills();
    if (saved.length === 0) return 0;
    const restored = await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      // A sheet deleted since has nothing left to restore.
      const live = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const present = saved.filter((s) => live.has(s.sheet.toLowerCase()));
      for (const s of present) restoreFill(sheets, s);
      await context.sync();
      return present.length;
    });
    this.store.set(HIGHLIGHTS_KEY, []);
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
}

function restoreFill(sheets: Excel.WorksheetCollection, saved: SavedFill): void {
  const fill = sheets.getItem(saved.sheet).getRange(saved.address).format.fill;
  if (saved.fill === null) {
    fill.clear();
    return;
  }
  fill.color = saved.fill.color;
  if (saved.fill.pattern && saved.fill.pattern !== "Solid") fill.pattern = saved.fill.pattern as Excel.FillPattern;
}
