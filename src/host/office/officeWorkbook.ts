// The Office.js adapter: the only file that calls Excel.run. It implements the WorkbookPort
// (src/host/port.ts) and what the task pane needs besides (highlights, selection, settings).
//
// Round trips are what make an add-in slow, so every method reads what it needs in one
// context.sync() (two where the worksheet list must be known before their ranges can be
// asked for, as highlights read the cells' fills) and writes in one more, with
// suspendApiCalculationUntilNextSync() around bulk writes. A write is split into more syncs
// only when it would pass Excel on the web's 5 MB request limit; nothing syncs in a loop over
// sheets or rows. Counts per command: read 2 (3 where a scoring sheet has an evidence column,
// whose hyperlinks are read after the values: officeHyperlinks.ts), highlight 3, clear 3,
// writeCells 1 (2 when the cells are checked first), writeSheets 2. The request sizes and the
// splitting are in src/host/office/officePayload.ts, measured with the real office.js.
import type { EngineSettings } from "../../engine/core/types";
import type { SheetPlan } from "../../engine/plans/plan";
import { resolveSheetName } from "../../engine/plans/sheetNames";
import type { KeptSheet } from "../../engine/plans/generatedFingerprint";
import type { CellWrite, WorkbookSnapshot } from "../port";
import type { CellRef, PaneHost } from "../paneHost";
import { markersOf } from "../generatedMarkers";
import { markedSheetVerdict, queueFingerprintName, queueMarkedContent } from "./officeGenerated";
import { queueCharts, queuePlan, styleRuns } from "./officeRender";
import { REQUEST_BUDGET, batchesWithin, cellLoadBytes, cellWriteBytes, fillLoadBytes, fillRestoreBytes, fillWriteBytes, planBytes, splitRows } from "./officePayload";
import { mergedAreasOf, rangeToGrid, toCellValue } from "./officeValues";
import { ChangedCellsError, UserError, type ChangedCell } from "../hostErrors";
import type { CellValue, Grid } from "../../engine/core/types";
import { applyMergedAreas } from "../../engine/cells/merges";
import { HIGHLIGHTS_KEY, SETTINGS_KEY, officeDocumentStore, type DocumentStore } from "./officeSettings";

/** Excel.run, injectable so tests can count the round trips against a fake object model. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The fill given to cells with findings (light red, as Excel's "bad" style). */
export const HIGHLIGHT_FILL = "#FFC7CE";

/** Estimated request bytes per sync (src/host/office/officePayload.ts: measured sizes, 20% margin). */
export const DEFAULT_PAYLOAD_LIMIT = REQUEST_BUDGET;
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

/** The pane's notices when merged cells cannot be read (the analysis may then differ from `cchc`'s). */
export const MERGES_UNSUPPORTED =
  "Phiên bản Excel này chưa cho tiện ích đọc các ô gộp (cần ExcelApi 1.13, có trong Microsoft 365 và Excel trên web): " +
  "nguyên nhân hay đơn vị chịu trách nhiệm gộp qua nhiều dòng chỉ được tính cho dòng đầu của ô gộp. " +
  "Hãy cập nhật Excel, hoặc kiểm tra tệp bằng lệnh cchc hay trang độc lập.";
export const MERGES_UNREADABLE =
  "Excel không trả về các ô gộp của bảng tính (có thể vì một sheet có hơn 512 vùng gộp): " +
  "nguyên nhân hay đơn vị chịu trách nhiệm gộp qua nhiều dòng chỉ được tính cho dòng đầu của ô gộp. " +
  "Hãy bỏ gộp các ô không cần thiết, hoặc kiểm tra tệp bằng lệnh cchc hay trang độc lập.";

/** Office's requirement-set check (Office.context.requirements); injectable so tests can choose. */
export interface RequirementSets {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Office.context.requirements; outside Office nothing is supported. */
function officeRequirements(): RequirementSets {
  const requirements = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  return requirements ?? { isSetSupported: () => false };
}
/** Patterns Excel reports but does not let RangeFill.pattern be set to (ExcelApi 1.9). */
const GRADIENT_PATTERNS = ["LinearGradient", "RectangularGradient"];

export interface OfficeWorkbookOptions {
  run?: ExcelRunner;
  /** Which API sets Excel supports (merged areas need ExcelApi 1.13); Office.context.requirements by default. */
  requirements?: RequirementSets;
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

/** Every sheet's used range (values only: formats don't count), with `props` queued to load. */
function usedRanges(sheets: Excel.Worksheet[], props: string): Excel.Range[] {
  return sheets.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    // The rule takes any non-literal argument for an empty load; every caller passes a property list.
    // eslint-disable-next-line office-addins/no-empty-load -- props is never empty (see read, readInChunks)
    range.load(props);
    return range;
  });
}

/**
 * Every sheet's merged areas, queued in the same sync as the used ranges. Asked of the whole sheet
 * (Office lists the merges whose top-left cell lies in the range; the used range may be a null
 * object, which cannot be asked anything); applyMergedAreas clips them to the used range.
 */
function mergedAreas(sheets: Excel.Worksheet[], requirements: RequirementSets): Excel.RangeAreas[] | null {
  // The guard sits here, next to the call, so no caller can ask an older Excel for merges.
  if (!requirements.isSetSupported("ExcelApi", "1.13")) return null;
  return sheets.map((ws) => {
    const areas = ws.getRange().getMergedAreasOrNullObject();
    areas.load("areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount");
    return areas;
  });
}

/**
 * A sheet's grid from its used range (`cells` gives the values read, asked only when the range is
 * not a null object), with the merge rule applied (areas null: merges not read).
 */
function sheetGrid(
  ws: Excel.Worksheet,
  used: Excel.Range,
  cells: () => { values: unknown[][]; types: string[][] },
  areas: Excel.RangeAreas | null,
): Grid {
  if (used.isNullObject) return { name: ws.name, values: [], origin: { row: 0, col: 0 } };
  const { values, types } = cells();
  const grid = rangeToGrid(ws.name, values, types, used.rowIndex, used.columnIndex);
  return areas === null ? grid : applyMergedAreas(grid, mergedAreasOf(areas));
}

/** How a read treats merged cells: read them, or not (and why, for the pane's notice). */
type MergeMode = { read: true } | { read: false; notice: string };

export class OfficeWorkbook implements PaneHost {
  private readonly run: ExcelRunner;
  private readonly store: DocumentStore;
  private readonly payloadLimit: number;
  private readonly readChunkCells: number;
  private readonly requirements: RequirementSets;
  /** The generated sheets the last read() found: their content is checked before a rerun replaces them. */
  private lastGenerated: WorkbookSnapshot["generated"] = {};
  /** Cells whose gradient fill the last clearHighlights() or highlight() gave back as a solid colour. */
  private approximated: CellRef[] = [];

  constructor(options: OfficeWorkbookOptions = {}) {
    this.requirements = options.requirements ?? officeRequirements();
    this.run = options.run ?? (<T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch));
    this.store = options.store ?? officeDocumentStore();
    this.payloadLimit = options.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT;
    this.readChunkCells = options.readChunkCells ?? DEFAULT_READ_CHUNK_CELLS;
  }

  /**
   * Two syncs: the sheet list; every sheet's used values with its merged areas (a third for the
   * evidence columns' hyperlinks, where a scoring sheet has one). Where Excel cannot
   * list merged areas (before ExcelApi 1.13), or fails to (more than 512 in a sheet), the grids are
   * read without them and the snapshot carries a notice for the clerk.
   */
  async read(): Promise<WorkbookSnapshot> {
    const merges: MergeMode = this.requirements.isSetSupported("ExcelApi", "1.13") ? { read: true } : { read: false, notice: MERGES_UNSUPPORTED };
    try {
      return await this.readOnce(merges);
    } catch (err) {
      if (isPayloadError(err)) return this.readInChunksOrWithoutMerges(merges);
      if (!merges.read) throw err;
      // Asking for the merged areas is what most likely failed: read again without them (an
      // error of another cause, such as cell-editing mode, comes back the same way).
      const without: MergeMode = { read: false, notice: MERGES_UNREADABLE };
      try {
        return await this.readOnce(without);
      } catch (again) {
        if (isPayloadError(again)) return this.readInChunks(without);
        throw again;
      }
    }
  }

  /** The split read; where it fails with merges asked for, once more without them. */
  private async readInChunksOrWithoutMerges(merges: MergeMode): Promise<WorkbookSnapshot> {
    try {
      return await this.readInChunks(merges);
    } catch (err) {
      if (!merges.read || isPayloadError(err)) throw err;
      return this.readInChunks({ read: false, notice: MERGES_UNREADABLE });
    }
  }

  private readOnce(merges: MergeMode): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const { sheets, names, active } = this.queueWorkbookInfo(context);
      await context.sync();
      const used = usedRanges(sheets.items, "values,valueTypes,rowIndex,columnIndex");
      const areas = merges.read ? mergedAreas(sheets.items, this.requirements) : null;
      await context.sync();
      const grids = sheets.items.map((ws, i) =>
        sheetGrid(ws, used[i], () => ({ values: used[i].values, types: used[i].valueTypes as string[][] }), areas?.[i] ?? null),
      );
      const links = await this.readLinks(context, sheets.items, grids);
      return this.snapshot(grids, names.items, active.name, merges, links);
    });
  }

  /** The read split by rows, used only when the workbook is too large for one response. */
  private async readInChunks(merges: MergeMode): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const { sheets, names, active } = this.queueWorkbookInfo(context);
      await context.sync();
      const used = usedRanges(sheets.items, "rowIndex,columnIndex,rowCount,columnCount");
      const areas = merges.read ? mergedAreas(sheets.items, this.requirements) : null;
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
      const grids = sheets.items.map((ws, i) => sheetGrid(ws, used[i], () => parts[i], areas?.[i] ?? null));
      const links = await this.readLinks(context, sheets.items, grids);
      return this.snapshot(grids, names.items, active.name, merges, links);
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

  /**
   * The evidence columns' hyperlinks set on the grids, in one more sync (none without an evidence
   * column); the notice for the clerk where they could not be read. A chunk of its own, as the
   * pane's main bundle has a size budget; should the chunk not load, the read fails with it, as
   * it would for any of the pane's own files missing.
   */
  private async readLinks(context: Excel.RequestContext, sheets: Excel.Worksheet[], grids: Grid[]): Promise<string | null> {
    const { readEvidenceLinks } = await import(/* webpackChunkName: "office-links" */ "./officeHyperlinks");
    return readEvidenceLinks(context, sheets, grids, this.requirements, this.loadSettings().columnMaps);
  }

  private snapshot(grids: WorkbookSnapshot["sheets"], names: Excel.NamedItem[], active: string, merges: MergeMode, links: string | null): WorkbookSnapshot {
    const items = names.map((n) => ({ name: n.name, formula: String(n.formula) }));
    this.lastGenerated = markersOf(items, grids.map((g) => g.name));
    const snapshot: WorkbookSnapshot = { sheets: grids, generated: this.lastGenerated, activeSheet: active };
    const notices = [...(merges.read ? [] : [merges.notice]), ...(links === null ? [] : [links])];
    if (notices.length > 0) snapshot.notices = notices;
    return snapshot;
  }

  /**
   * Writes the plans in one sync after the one that reads the sheet and name lists (and the content
   * of the generated sheets a rerun may replace). A plan too large for one request is written in
   * blocks of rows, each its own sync (the first block adds the sheet); blocks of the next plan
   * share the last sync where they fit. Earlier generated sheets that were edited are kept and
   * pushed to `kept`.
   */
  async writeSheets(plans: SheetPlan[], kept?: KeptSheet[]): Promise<string[]> {
    if (plans.length === 0) return [];
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const names = context.workbook.names;
      names.load("items/name,items/formula");
      // Only the sheets these plans may replace: another generated sheet's content is not needed.
      const content = queueMarkedContent(sheets, plans.flatMap((p) => this.lastGenerated[p.marker] ?? []));
      await context.sync();
      const existing = sheets.items.map((s) => s.name);
      const nameItems = names.items.map((n) => ({ name: n.name, formula: String(n.formula) }));
      const generated = markersOf(nameItems, existing);
      const definedNames = new Set(nameItems.map((n) => n.name.toUpperCase()));
      const budget = this.budget(context);
      const used: string[] = [];
      context.application.suspendApiCalculationUntilNextSync();
      for (const plan of plans) {
        const runs = styleRuns(plan.cells);
        const { blocks, fresh } = splitRows(planBytes(plan, runs), budget.room(), this.payloadLimit);
        if (fresh) await budget.flush();
        // Our earlier sheet is replaced only while it holds what was generated; otherwise it is kept.
        const marked = generated[plan.marker];
        const verdict = marked === undefined ? undefined : markedSheetVerdict(plan.marker, marked, nameItems, content);
        const { name, replaces } = resolveSheetName(plan.name, existing, verdict === "replace" ? marked : undefined);
        if (marked !== undefined && verdict !== undefined && verdict !== "replace") kept?.push({ marker: plan.marker, sheet: marked, replacement: name, reason: verdict });
        let old: Excel.Worksheet | null = null;
        if (replaces !== null) {
          // Renamed first so the new sheet can take its name; deleted after the new one exists,
          // so the workbook never runs out of sheets.
          old = sheets.getItem(replaces);
          old.name = `CCHC_old_${Date.now().toString(36)}_${used.length}`.slice(0, 31);
          existing.splice(existing.findIndex((n) => n.toLowerCase() === replaces.toLowerCase()), 1);
        }
        const ws = sheets.add(name);
        for (const [i, block] of blocks.entries()) {
          // A later block reaches the sheet by name: the proxy sheets.add() gave is spent after its sync.
          if (i > 0) await budget.flush();
          const target = i === 0 ? ws : context.workbook.worksheets.getItem(name);
          queuePlan(target, plan, blocks.length === 1 ? undefined : block, runs);
          budget.add(block.bytes);
          if (i < blocks.length - 1) continue;
          // Marker, fingerprint and the old sheet's deletion go with the last block: a sync that
          // fails half way leaves the earlier sheet in place and no fingerprint on a partial one.
          if (definedNames.has(plan.marker.toUpperCase())) names.getItem(plan.marker).delete();
          names.add(plan.marker, target.getRange("A1"));
          definedNames.add(plan.marker.toUpperCase());
          queueFingerprintName(names, definedNames, plan);
          queueCharts(target, plan, (set, version) => this.requirements.isSetSupported(set, version));
          if (old) old.delete();
        }
        existing.push(name);
        used.push(name);
      }
      context.workbook.worksheets.getItem(used[0]).activate();
      await context.sync();
      return used;
    });
  }

  /**
   * Writes the cells in one sync. Cells given an `expected` value are read first (one more
   * sync): if any holds something else now, nothing is written and a ChangedCellsError lists them.
   * Either step takes more syncs only where one request would pass the limit.
   */
  async writeCells(cells: CellWrite[]): Promise<void> {
    if (cells.length === 0) return;
    await this.run(async (context) => {
      const checked = cells.filter((c) => c.expected !== undefined);
      const changed: ChangedCell[] = [];
      for (const batch of batchesWithin(checked, cellLoadBytes, this.payloadLimit)) {
        const ranges = batch.map((c) => {
          const range = context.workbook.worksheets.getItem(c.sheet).getRange(c.address);
          range.load("values,valueTypes");
          return range;
        });
        // One sync per request-sized batch (officePayload.ts): a single batch unless the reads
        // would pass Excel on the web's 5 MB request limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- bounded by request size, not by cells
        await context.sync();
        batch.forEach((c, i) => {
          const actual = toCellValue(ranges[i].values[0]?.[0], (ranges[i].valueTypes as string[][])[0]?.[0]);
          if (!sameValue(actual, c.expected ?? null)) changed.push({ sheet: c.sheet, address: c.address, expected: c.expected ?? null, actual });
        });
      }
      if (changed.length > 0) throw new ChangedCellsError(changed);
      const budget = this.budget(context);
      context.application.suspendApiCalculationUntilNextSync();
      for (const cell of cells) {
        await budget.reserve(cellWriteBytes(cell));
        const range = context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address);
        if (cell.formula !== undefined) range.formulas = [[cell.formula]];
        else range.values = [[cell.value ?? ""]];
      }
      await context.sync();
    });
  }

  /**
   * Counts the estimated request bytes queued since the last sync (officePayload.ts) and syncs
   * before they would pass the budget: the only way a write takes more than one sync.
   */
  private budget(context: Excel.RequestContext) {
    let bytes = 0;
    const limit = this.payloadLimit;
    const flush = async (): Promise<void> => {
      if (bytes === 0) return;
      await context.sync();
      context.application.suspendApiCalculationUntilNextSync();
      bytes = 0;
    };
    return {
      /** What the current sync has left. */
      room: (): number => limit - bytes,
      add(size: number): void {
        bytes += size;
      },
      flush,
      async reserve(size: number): Promise<void> {
        if (bytes > 0 && bytes + size > limit) await flush();
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
   * Three syncs whatever the number of cells (more only where one request would pass the
   * limit, about 4,500 cells a sync): the sheet list; the fills the cells have now; the fills
   * written. The previous fills are saved in the document between the second and third.
   */
  async highlight(cells: CellRef[], scope?: string[]): Promise<number> {
    const saved = this.savedFills();
    const inScope = (c: CellRef) => scope === undefined || scope.some((s) => s.toLowerCase() === c.sheet.toLowerCase());
    const wanted = new Map(cells.map((c) => [key(c), c] as const));
    const savedByKey = new Map(saved.map((s) => [key(s), s] as const));
    this.approximated = [];
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const live = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const isLive = (c: CellRef) => live.has(c.sheet.toLowerCase());
      // The fills cells have now: of the cells to colour, and of those coloured earlier.
      const targets = [...wanted.values()].filter(isLive);
      const leaving = saved.filter((old) => !wanted.has(key(old)) && inScope(old) && isLive(old));
      const [targetFills, leavingFills] = await this.loadFills(context, [targets, leaving]);
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
      const budget = this.budget(context);
      await this.restoreFills(sheets, budget, restore);
      for (const c of targets) {
        await budget.reserve(fillWriteBytes(c));
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
   * The fills of each list's cells, loaded in one sync (more where one request would pass the
   * limit), in the lists' order.
   */
  private async loadFills(context: Excel.RequestContext, lists: CellRef[][]): Promise<Excel.RangeFill[][]> {
    const all = lists.flatMap((list, which) => list.map((cell) => ({ cell, which })));
    const loaded: Excel.RangeFill[][] = lists.map(() => []);
    for (const batch of batchesWithin(all, (item) => fillLoadBytes(item.cell), this.payloadLimit)) {
      for (const { cell, which } of batch) {
        const fill = context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address).format.fill;
        fill.load(FILL_PROPERTIES);
        loaded[which].push(fill);
      }
      // One sync per request-sized batch: a single one unless the loads would pass 5 MB.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- bounded by request size, not by cells
      await context.sync();
    }
    return loaded;
  }

  /** Queues the remembered fills back, within the budget; gradients given back as solid colour. */
  private async restoreFills(sheets: Excel.WorksheetCollection, budget: ReturnType<OfficeWorkbook["budget"]>, restore: SavedFill[]): Promise<void> {
    for (const old of restore) {
      await budget.reserve(fillRestoreBytes(old, restoredProperties(old.fill)));
      if (restoreFill(sheets, old)) this.approximated.push({ sheet: old.sheet, address: old.address });
    }
  }

  approximatedFills(): CellRef[] {
    return [...this.approximated];
  }

  /**
   * Gives back the remembered fills of the cells still coloured with the highlight (a cell the
   * clerk has refilled since keeps the clerk's fill), in three syncs (more only for very many
   * cells). Records on sheets not found (renamed, deleted) are kept, for highlightedSheets() to
   * name, unless `forgetMissing`. A gradient fill cannot be set back through Office.js: its
   * colour is given back as a solid fill, and approximatedFills() names those cells.
   */
  async clearHighlights(forgetMissing = false): Promise<number> {
    const saved = this.savedFills();
    this.approximated = [];
    if (saved.length === 0) return 0;
    const { restored, missing } = await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const live = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const present = saved.filter((s) => live.has(s.sheet.toLowerCase()));
      const [fills] = await this.loadFills(context, [present]);
      const restore = present.filter((_, i) => isHighlight(fills[i]));
      await this.restoreFills(sheets, this.budget(context), restore);
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

/** Whether a remembered fill is a gradient, which Office.js cannot set (RangeFill.pattern). */
function isGradient(f: FillRecord | null): boolean {
  return f !== null && GRADIENT_PATTERNS.includes(f.pattern);
}

/** How many fill properties restoreFill() sets after the clear (for the request estimate). */
function restoredProperties(f: FillRecord | null): number {
  if (f === null) return 0;
  if (isGradient(f)) return 1 + (f.tintAndShade !== undefined ? 1 : 0);
  return [f.color, f.pattern !== "Solid" ? f.pattern : undefined, f.patternColor, f.tintAndShade, f.patternTintAndShade].filter((v) => v !== undefined).length;
}

/**
 * Queues a cell's remembered fill back. Returns true when it could only be approximated: a
 * gradient comes back as a solid fill of its colour (Excel refuses the gradient pattern, and
 * "Xóa đánh dấu" must not fail on it every time).
 */
function restoreFill(sheets: Excel.WorksheetCollection, saved: SavedFill): boolean {
  const fill = sheets.getItem(saved.sheet).getRange(saved.address).format.fill;
  // From no fill, so nothing of the highlight (or of Excel's defaults) is left over.
  fill.clear();
  const f = saved.fill;
  if (f === null) return false;
  fill.color = f.color;
  if (f.tintAndShade !== undefined) fill.tintAndShade = f.tintAndShade;
  if (isGradient(f)) return true;
  if (f.pattern && f.pattern !== "Solid") fill.pattern = f.pattern as Excel.FillPattern;
  if (f.patternColor !== undefined) fill.patternColor = f.patternColor;
  if (f.patternTintAndShade !== undefined) fill.patternTintAndShade = f.patternTintAndShade;
  return false;
}

/** What a loaded fill is, as remembered (null: no fill). */
function fillRecord(fill: Excel.RangeFill): FillRecord | null {
  if (fill.pattern === "None" || !fill.color) return null;
  const record: FillRecord = { color: fill.color, pattern: fill.pattern };
  if (typeof fill.tintAndShade === "number" && fill.tintAndShade !== 0) record.tintAndShade = fill.tintAndShade;
  // The pattern's colour and tint only show with a pattern other than a solid fill or a gradient.
  if (fill.pattern !== "Solid" && !GRADIENT_PATTERNS.includes(fill.pattern)) {
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
