// How large the Office.js requests of the add-in's writes are, and how a write is split so no
// request passes Excel on the web's 5 MB limit. Pure: no Office.js calls, only arithmetic over
// plans and cell lists (the adapter, src/host/office/officeWorkbook.ts, queues and syncs).
//
// The sizes are measured, not guessed: test/browser/officePayload.test.ts runs the add-in's own
// rendering and highlighting against the real office.js (excel-web-16.00.js of
// @microsoft/office-js) in Chromium and weighs every request body as Excel on the web is posted
// it (JSON, UTF-8). Before this module a 50-row ranking plan weighed 517 KB (one style range
// per run of each row) and 500 rows 5.2 MB; drawn as rectangles it is 38 KB, 500 rows 188 KB,
// 5,000 rows 1.7 MB. Measured there (ids of 5 digits, a sheet named "Xếp loại xã"):
//   - a style range: 332 bytes, plus 114 a format property (alignment, wrap), 136 the font
//     object and 101–107 a font property, 242 the fill colour, 435 each border edge
//     (a header cell: 2,919 bytes; a bordered number cell: ~1,300);
//   - a column width or row height: ~440 bytes; a merge: ~300;
//   - the values block: the JSON of its two arrays (number formats, formulas) plus ~400, and
//     ~450 for each 1,500-cell chunk office.js cuts the arrays into (33–52 bytes a cell in all);
//   - a highlighted cell: 828 bytes to load its fill, 902 to colour it (clear + colour), 769 to
//     give back no fill, ~110 more for each fill property given back;
//   - a cell written by writeCells: ~494 bytes.
// The constants below round those up, so an estimate is never below the real size (the
// browser test checks it is between 1× and 1.35× of what office.js sends).
import type { PlanCell, PlanStyle, SheetPlan } from "../../engine/plans/plan";

/** Excel on the web refuses a request over 5 MB (read as 5,000,000 bytes, the stricter reading). */
export const REQUEST_LIMIT = 5_000_000;
/**
 * The estimated bytes one sync may carry: 20% below the limit, for what the estimate leaves out
 * (ids of 6 digits in very long requests, the transport's own envelope).
 */
export const REQUEST_BUDGET = 4_000_000;

/** Cells per chunk when office.js cuts a large array write (excel-web-16.00.js). */
const OFFICE_CHUNK_CELLS = 1_500;

/** Rounded-up request bytes of each Office.js operation the add-in queues (see the header). */
export const BYTES = {
  styleRange: 345,
  formatProperty: 120,
  fontObject: 145,
  fontProperty: 115,
  fill: 255,
  borderEdge: 455,
  /** A column width or a row height. */
  rangeProperty: 470,
  merge: 330,
  /** The values block's range and its two property sets, without the arrays. */
  valuesBlock: 450,
  /**
   * office.js sends an array of more than 1,500 cells in chunks of 1,500 (setRangePropertiesInBulk),
   * each chunk a range of its own: this much more per chunk of each of the two arrays.
   */
  valuesChunk: 520,
  /** Sheet added (an old one renamed and deleted), marker name, frozen panes, page set-up. */
  sheet: 2_600,
  /** Per highlighted cell, besides its sheet name and address. */
  fillLoad: 830,
  fillWrite: 910,
  fillClear: 775,
  fillRestoreProperty: 120,
  /** Per written cell (writeCells), besides its sheet, address and content. */
  cellWrite: 500,
  /** Per cell whose value is checked before writing. */
  cellLoad: 500,
} as const;

/** Bytes of a string in UTF-8, as the request travels. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}

/** The number format a plan cell is written with: text keeps "@" so Excel never converts it. */
export function formatOf(pc: PlanCell | undefined): string {
  if (!pc) return "General";
  if (pc.format) return pc.format;
  if (pc.formula === undefined && typeof pc.value === "string") return "@";
  return "General";
}

/** What a plan cell's slot of the formulas array holds. */
export function contentOf(pc: PlanCell | undefined): string | number {
  if (!pc) return "";
  if (pc.formula !== undefined) return pc.formula;
  return pc.value ?? "";
}

/** Border edges drawn for a style range: the four sides, and the inside lines of a larger range. */
export function borderEdgeCount(rows: boolean, cols: boolean): number {
  return 4 + (rows ? 1 : 0) + (cols ? 1 : 0);
}

/** Estimated request bytes of one style range (src/host/office/officeRender.ts applyStyle). */
export function styleBytes(style: PlanStyle, multi: { rows: boolean; cols: boolean }): number {
  let bytes = BYTES.styleRange;
  const font = [style.bold, style.italic, style.size, style.color].filter(Boolean).length;
  if (font > 0) bytes += BYTES.fontObject + font * BYTES.fontProperty;
  if (style.fill) bytes += BYTES.fill;
  bytes += [style.align, style.valign, style.wrap].filter(Boolean).length * BYTES.formatProperty;
  if (style.border) bytes += borderEdgeCount(multi.rows, multi.cols) * BYTES.borderEdge;
  return bytes;
}

/** A run of same-styled cells in one row (src/host/office/officeRender.ts styleRuns). */
export interface StyleRun {
  row: number;
  from: number;
  to: number;
  style: PlanStyle;
}

/** A stable key for grouping cells with the same style into one range operation. */
export function styleKey(style: PlanStyle | undefined): string {
  return style ? JSON.stringify(style, Object.keys(style).sort()) : "";
}

/** A run continues the rectangle above it when the row above has the same run (columns, style). */
export function runSignature(run: { from: number; to: number; style: PlanStyle }): string {
  return `${run.from}:${run.to}:${styleKey(run.style)}`;
}

/** What one row of a plan adds to a request: when it opens a block, and when it continues one. */
export interface RowBytes {
  opening: number;
  continuing: number;
}

/** The request bytes of a plan: what its first block carries once, and each row's share. */
export interface PlanBytes {
  fixed: number;
  rows: RowBytes[];
}

/**
 * Request bytes of a plan row by row, as queuePlan renders it: each row's slots of the two
 * arrays (every column up to the widest), its style ranges (a run that continues the same run
 * of the row above costs nothing more, unless it opens a block), its height, and the merges
 * that end on it (a merge is queued with the block of its last row).
 */
export function planBytes(plan: SheetPlan, runs: readonly StyleRun[]): PlanBytes {
  let fixed = BYTES.sheet + utf8Length(plan.name) * 3 + plan.columnWidths.filter((w) => w > 0).length * BYTES.rangeProperty;
  if (plan.cells.length === 0) return { fixed, rows: [] };
  fixed += BYTES.valuesBlock;
  let maxRow = 0;
  let maxCol = 0;
  for (const c of plan.cells) {
    if (c.row > maxRow) maxRow = c.row;
    if (c.col > maxCol) maxCol = c.col;
  }
  // Heights and merges below the last cell still belong to a block (the last one).
  for (const row of Object.keys(plan.rowHeights)) maxRow = Math.max(maxRow, Number(row));
  for (const merge of plan.merges) maxRow = Math.max(maxRow, lastRowOf(merge) ?? 0);
  const emptySlot = jsonBytes("") + jsonBytes("General") + 2;
  // Each row: "[", "]" and "," in both arrays, every slot empty until a cell fills it, and its
  // share of office.js's chunks.
  const chunkShare = Math.ceil((2 * BYTES.valuesChunk * (maxCol + 1)) / OFFICE_CHUNK_CELLS);
  const rows: RowBytes[] = Array.from({ length: maxRow + 1 }, () => {
    const bytes = 6 + (maxCol + 1) * emptySlot + chunkShare;
    return { opening: bytes, continuing: bytes };
  });
  const add = (row: number, opening: number, continuing: number) => {
    rows[row].opening += opening;
    rows[row].continuing += continuing;
  };
  for (const c of plan.cells) {
    const slot = jsonBytes(contentOf(c)) + jsonBytes(formatOf(c)) + 2 - emptySlot;
    add(c.row, slot, slot);
  }
  const signatures = new Map<number, Set<string>>();
  for (const run of runs) {
    const set = signatures.get(run.row) ?? new Set<string>();
    set.add(runSignature(run));
    signatures.set(run.row, set);
  }
  for (const run of runs) {
    const continues = signatures.get(run.row - 1)?.has(runSignature(run)) ?? false;
    // Counted as a rectangle of several rows (one border edge more): never below the real size.
    const bytes = styleBytes(run.style, { rows: true, cols: run.to > run.from });
    add(run.row, bytes, continues ? 0 : bytes);
  }
  for (const row of Object.keys(plan.rowHeights)) add(Number(row), BYTES.rangeProperty, BYTES.rangeProperty);
  for (const merge of plan.merges) {
    const last = lastRowOf(merge);
    const bytes = BYTES.merge + merge.length;
    if (last !== null) add(last, bytes, bytes);
    else fixed += bytes;
  }
  return { fixed, rows };
}

/** The 0-based last row of an A1 range ("A1:G2" → 1), null for whole columns. */
export function lastRowOf(range: string): number | null {
  const m = /(\d+)\s*$/.exec(range.replace(/\$/g, ""));
  return m ? Number(m[1]) - 1 : null;
}

/** Rows first..last (0-based, inclusive) of a plan written in one go, and their estimated bytes. */
export interface RowBlock {
  first: number;
  last: number;
  bytes: number;
}

/**
 * Splits a plan into blocks of rows. The first block (which also creates the sheet) goes into
 * the current sync when it fits in `room`, what that sync has left; every other block starts a
 * sync of its own and fits in `budget`. A plan that fits whole in `room` is one block. A row
 * alone over the budget still makes a block of its own (nothing smaller can be sent).
 * `fresh` says whether the first block needs a new sync.
 */
export function splitRows(bytes: PlanBytes, room: number, budget: number): { blocks: RowBlock[]; fresh: boolean } {
  const whole = bytes.fixed + bytes.rows.reduce((sum, r, i) => sum + (i === 0 ? r.opening : r.continuing), 0);
  if (whole <= room) return { blocks: [{ first: 0, last: Math.max(0, bytes.rows.length - 1), bytes: whole }], fresh: false };
  if (bytes.rows.length === 0) return { blocks: [{ first: 0, last: 0, bytes: whole }], fresh: whole > room };
  // Does the sheet and its first row fit in what is left of the current sync?
  const fresh = bytes.fixed + bytes.rows[0].opening > room;
  let limit = fresh ? budget : room;
  const blocks: RowBlock[] = [];
  let block: RowBlock = { first: 0, last: 0, bytes: bytes.fixed + bytes.rows[0].opening };
  for (let r = 1; r < bytes.rows.length; r++) {
    const next = block.bytes + bytes.rows[r].continuing;
    if (next <= limit) {
      block.last = r;
      block.bytes = next;
      continue;
    }
    blocks.push(block);
    limit = budget;
    block = { first: r, last: r, bytes: bytes.rows[r].opening };
  }
  blocks.push(block);
  return { blocks, fresh };
}

/** Estimated request bytes of loading one cell's fill. */
export function fillLoadBytes(cell: { sheet: string; address: string }): number {
  return BYTES.fillLoad + jsonBytes(cell.sheet) + jsonBytes(cell.address);
}

/** Estimated request bytes of colouring one cell with the highlight. */
export function fillWriteBytes(cell: { sheet: string; address: string }): number {
  return BYTES.fillWrite + jsonBytes(cell.sheet) + jsonBytes(cell.address);
}

/** Estimated request bytes of giving a cell back a fill with `properties` set after the clear. */
export function fillRestoreBytes(cell: { sheet: string; address: string }, properties: number): number {
  return BYTES.fillClear + properties * BYTES.fillRestoreProperty + jsonBytes(cell.sheet) + jsonBytes(cell.address);
}

/** Estimated request bytes of writing one cell's value or formula (writeCells). */
export function cellWriteBytes(cell: { sheet: string; address: string; formula?: string; value?: unknown }): number {
  return BYTES.cellWrite + jsonBytes(cell.sheet) + jsonBytes(cell.address) + jsonBytes(cell.formula ?? cell.value ?? "");
}

/** Estimated request bytes of loading one cell's value and type (writeCells' check). */
export function cellLoadBytes(cell: { sheet: string; address: string }): number {
  return BYTES.cellLoad + jsonBytes(cell.sheet) + jsonBytes(cell.address);
}

/**
 * Groups items, in order, into batches whose estimated bytes stay within the budget (an item
 * alone over it makes a batch of its own): one sync each.
 */
export function batchesWithin<T>(items: readonly T[], bytesOf: (item: T) => number, budget: number): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = bytesOf(item);
    if (batch.length > 0 && bytes + size > budget) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
