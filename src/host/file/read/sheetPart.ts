// One worksheet part (xl/worksheets/sheetN.xml) read as it streams: cell values by type (shared
// strings, inline strings, numbers, dates by style, booleans, errors, cached formula results),
// formulas (shared ones translated from their master), merged ranges. Declared extents (<cols>,
// <dimension>, row spans, data validations, conditional formats) are not read at all, so they
// cost nothing; merges are clipped to the cells the sheet holds. A large sheet that is neither a
// scoring sheet nor a units table stops being kept after its first rows (`truncated`).
import { columnLetters, UNCALCULATED, type CellValue, type Grid, type MergedArea } from "../../../engine";
import { XlsxReadError } from "../package/xlsxReadError";
import { translateFormula } from "./sharedFormula";
import { StringItem } from "./sharedStringsPart";
import { TailScanner } from "./tailScanner";
import type { ReadSheet } from "./workbookModel";
import { attr, attrIn, isSml, OFFICE_REL, type XmlHandler, type XmlTag } from "./xmlPart";

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

/** What the sheet reader needs from the rest of the workbook. */
export interface SheetContext {
  /** Shared strings; null when the package has no shared strings part. */
  strings: readonly string[] | null;
  /** The shared strings part's name, for messages. */
  stringsPart: string;
  isDateStyle(s: number): boolean;
  /** The number format of a style other than General, for display. */
  formatOf(s: number): string | undefined;
  date1904: boolean;
  /**
   * Whether these first rows make the sheet one to keep whole (a scoring sheet or a units table);
   * asked once, when the sheet turns out large.
   */
  keepWhole(firstRows: Grid): boolean;
}

/** Rows (and cells) past which a sheet is large: its kind is then decided from its first rows. */
export const LARGE_ROWS = 1000;
export const LARGE_CELLS = 50_000;

/** "B7" → 0-based row and column; null when not a cell reference within the sheet's limits. */
export function cellRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === 0 || i === ref.length) return null;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  if (row < 1 || row > MAX_ROWS || col > MAX_COLS) return null;
  return { row: row - 1, col: col - 1 };
}

function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

const NUMBER = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

/** The cell being read. */
interface OpenCell {
  row: number;
  col: number;
  type: string;
  style: number;
  value: string | null;
  formula: string | null;
  /** <f> attributes: t, ref, si. */
  share: { t?: string; ref?: string; si?: string } | null;
  inline: boolean;
}

export class SheetReader implements XmlHandler {
  /** Kept rows: sparse, each a sparse array of the non-blank values. */
  private readonly rows: CellValue[][] = [];
  private readonly formulas: { row: number; col: number; formula: string }[] = [];
  private readonly masters = new Map<string, { row: number; col: number; formula: string }>();
  private readonly mergeRefs: string[] = [];
  /** `<hyperlink ref r:id location>` as written; resolved against the sheet's relationships by the caller. */
  readonly hyperlinks: { ref: string; relId: string | null; location: string | null }[] = [];
  private readonly numberFormats: { row: number; col: number; format: string }[] = [];
  private root = false;
  private depth = 0;
  private sheetDataDepth = -1;
  private row = -1;
  private col = -1;
  private cell: OpenCell | null = null;
  private inV = false;
  private inF = false;
  private readonly item = new StringItem();
  private inIs = false;
  /** Extent of every <c> kept (the used range merges are clipped to) and of the non-blank values. */
  private lastRowAny = -1;
  private lastColAny = -1;
  private lastRowValue = -1;
  private lastColValue = -1;
  private keptCells = 0;
  private decided = false;
  /** Rows from here on are not kept (the sheet is large and neither kind of table). */
  private cut = Infinity;
  private lastRowInFile = -1;
  /** The qualified name of the sheet's row elements ("row", "x:row"). */
  private rowName = "row";
  private tail: TailScanner | null = null;

  constructor(
    readonly name: string,
    readonly state: ReadSheet["state"],
    private readonly part: string,
    private readonly context: SheetContext,
  ) {}

  /** Whether the reader still keeps what it reads (the caller counts the bytes kept). */
  get keeping(): boolean {
    return this.cut === Infinity;
  }

  /** Once rows are no longer kept, the rest of the part is only scanned (tailScanner.ts). */
  detach(): ((text: string) => void) | null {
    if (this.cut === Infinity || this.cell || this.sheetDataDepth < 0) return null;
    this.tail = new TailScanner(this.rowName, this.row);
    const tail = this.tail;
    return (text) => tail.feed(text);
  }

  endDetached(): void {
    const tail = this.tail!;
    tail.end();
    this.lastRowInFile = Math.max(this.lastRowInFile, tail.lastRow);
    this.mergeRefs.push(...tail.mergeRefs);
  }

  open(tag: XmlTag): void {
    this.depth++;
    if (!this.root) {
      if (!isSml(tag, "worksheet")) throw this.damaged(`không phải phần dữ liệu của một sheet (gốc là <${tag.name}>)`, `root ${tag.uri} ${tag.local}`);
      this.root = true;
      return;
    }
    if (this.cell) return this.openInCell(tag);
    if (this.sheetDataDepth >= 0) {
      if (isSml(tag, "row")) this.openRow(tag);
      else if (isSml(tag, "c")) this.openCell(tag);
      return;
    }
    if (isSml(tag, "sheetData")) this.sheetDataDepth = this.depth;
    else if (isSml(tag, "mergeCell")) {
      const ref = attr(tag, "ref");
      if (ref !== undefined) this.mergeRefs.push(ref);
    } else if (isSml(tag, "hyperlink")) {
      const ref = attr(tag, "ref");
      // Bounded like the cells: a part cannot make the reader keep more links than cells it may keep.
      if (ref !== undefined && this.hyperlinks.length < LARGE_CELLS) {
        this.hyperlinks.push({ ref, relId: attrIn(tag, OFFICE_REL, "id") ?? null, location: attr(tag, "location") ?? null });
      }
    } else if (isSml(tag, "col")) this.checkColumns(tag);
    else if (isSml(tag, "dimension")) this.checkDimension(attr(tag, "ref"));
  }

  /**
   * Declared extents are checked against Excel's grid, never laid out: a column range or a
   * dimension past it is damage Excel would have to repair (and a summary would carry into OUT).
   */
  private checkColumns(tag: XmlTag): void {
    const min = Number(attr(tag, "min"));
    const max = Number(attr(tag, "max"));
    if (!(Number.isInteger(min) && Number.isInteger(max) && min >= 1 && min <= max && max <= MAX_COLS)) {
      const shown = (x: string | undefined) => (x ?? "").slice(0, 20);
      throw this.damaged(`khai báo cột từ ${shown(attr(tag, "min"))} đến ${shown(attr(tag, "max"))}, ngoài giới hạn 1–${MAX_COLS} cột của Excel`, `col min=${attr(tag, "min")} max=${attr(tag, "max")}`);
    }
  }

  private checkDimension(ref: string | undefined): void {
    if (ref === undefined) return;
    const ends = ref.split(":");
    if (ends.length > 2 || ends.some((e) => cellRef(e.trim()) === null)) {
      throw this.damaged(`vùng dữ liệu khai báo "${ref.slice(0, 40)}" không phải vùng ô hợp lệ của Excel`, `dimension ref="${ref.slice(0, 40)}"`);
    }
  }

  text(text: string): void {
    if (!this.cell) return;
    if (this.inIs) this.item.text(text);
    else if (this.inV) this.cell.value = this.cell.value === null ? text : this.cell.value + text;
    else if (this.inF) this.cell.formula = (this.cell.formula ?? "") + text;
  }

  close(tag: XmlTag): void {
    this.depth--;
    if (this.cell) {
      if (this.inIs) {
        if (isSml(tag, "is")) this.inIs = false;
        else this.item.close(tag);
      } else if (isSml(tag, "v")) this.inV = false;
      else if (isSml(tag, "f")) this.inF = false;
      else if (isSml(tag, "c")) this.closeCell();
      return;
    }
    if (this.sheetDataDepth > this.depth) this.sheetDataDepth = -1;
  }

  private openRow(tag: XmlTag): void {
    this.rowName = tag.name;
    const r = attr(tag, "r");
    if (r === undefined) this.row++;
    else {
      const n = /^\d+$/.test(r.trim()) ? Number(r) : NaN;
      if (!(n >= 1 && n <= MAX_ROWS)) throw this.damaged(`số dòng "${r}" không hợp lệ`, `row r="${r}"`);
      this.row = n - 1;
    }
    this.col = -1;
    this.reached(this.row);
  }

  private openCell(tag: XmlTag): void {
    const r = attr(tag, "r");
    let row = this.row < 0 ? 0 : this.row;
    let col = this.col + 1;
    if (r !== undefined) {
      const at = cellRef(r.trim());
      if (!at) throw this.damaged(`địa chỉ ô "${r}" không hợp lệ`, `cell r="${r}"`);
      ({ row, col } = at);
      if (row !== this.row) {
        this.row = row;
        this.reached(row);
      }
    } else if (col >= MAX_COLS) throw this.damaged(`dòng ${row + 1} có quá nhiều ô`, `too many cells in row ${row + 1}`);
    this.col = col;
    const s = attr(tag, "s");
    this.cell = { row, col, type: attr(tag, "t") ?? "n", style: s === undefined ? 0 : Number(s) || 0, value: null, formula: null, share: null, inline: false };
  }

  private openInCell(tag: XmlTag): void {
    if (this.inIs) return this.item.open(tag);
    const cell = this.cell!;
    if (isSml(tag, "v")) this.inV = true;
    else if (isSml(tag, "f")) {
      this.inF = true;
      cell.share = { t: attr(tag, "t"), ref: attr(tag, "ref"), si: attr(tag, "si") };
    } else if (isSml(tag, "is")) {
      this.inIs = true;
      cell.inline = true;
    }
  }

  /** A row index met: decides, once the sheet turns large, whether to keep the rest. */
  private reached(row: number): void {
    if (row > this.lastRowInFile) this.lastRowInFile = row;
    if (this.decided || (row < LARGE_ROWS && this.keptCells < LARGE_CELLS)) return;
    this.decided = true;
    const first = Math.min(row, LARGE_ROWS);
    const grid: Grid = { name: this.name, values: this.denseRows(first, this.widthOf(first)) };
    if (!this.context.keepWhole(grid)) this.cut = row;
  }

  private closeCell(): void {
    const cell = this.cell!;
    this.cell = null;
    if (cell.row >= this.cut) return;
    const value = this.valueOf(cell);
    if (cell.row > this.lastRowAny) this.lastRowAny = cell.row;
    if (cell.col > this.lastColAny) this.lastColAny = cell.col;
    if (value !== null) {
      (this.rows[cell.row] ??= [])[cell.col] = value;
      if (cell.row > this.lastRowValue) this.lastRowValue = cell.row;
      if (cell.col > this.lastColValue) this.lastColValue = cell.col;
      this.keptCells++;
      if (typeof value === "number" && cell.style > 0) {
        const format = this.context.formatOf(cell.style);
        if (format !== undefined) this.numberFormats.push({ row: cell.row, col: cell.col, format });
      }
    }
  }

  /** The cell's value; records its formula. */
  private valueOf(cell: OpenCell): CellValue {
    const isFormula = (cell.formula !== null && cell.formula !== "") || cell.share?.t !== undefined;
    if (isFormula) {
      const formula = this.formulaOf(cell);
      if (formula !== null) this.formulas.push({ row: cell.row, col: cell.col, formula });
      // No cached result, or an empty one: see withoutResult in the ExcelJS reader (xlsxCells.ts).
      if (cell.value === null || cell.value === "") return formula !== null && formula.includes('""') ? null : { error: UNCALCULATED };
      if (cell.type === "str") return cell.value;
      return this.constant(cell, cell.type === "s" || cell.type === "inlineStr" ? "str" : cell.type, cell.value);
    }
    if (cell.inline) {
      const text = this.item.take();
      return cell.type === "inlineStr" || cell.value === null ? text : this.constant(cell, cell.type, cell.value);
    }
    if (cell.value === null) return null;
    return this.constant(cell, cell.type, cell.value);
  }

  private constant(cell: OpenCell, type: string, v: string): CellValue {
    switch (type) {
      case "s":
        return this.shared(cell, v);
      case "str":
      case "inlineStr":
        return v;
      case "b":
        return v.trim() === "1" || v.trim() === "true";
      case "e":
        return { error: v };
      case "d": {
        const iso = v.trim();
        const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes("T") ? iso : `${iso}Z`);
        if (Number.isNaN(date.getTime())) throw this.badValue(cell, `ngày "${v}" không hợp lệ`, `date "${v}"`);
        return date;
      }
      default: {
        const n = NUMBER.test(v) ? Number(v) : NaN;
        if (!Number.isFinite(n)) throw this.badValue(cell, "ô số ghi một giá trị không phải số hữu hạn", `number "${v.slice(0, 40)}"`);
        return this.context.isDateStyle(cell.style) ? excelToDate(n, this.context.date1904) : n;
      }
    }
  }

  private shared(cell: OpenCell, v: string): string {
    const strings = this.context.strings;
    const index = /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (strings === null) {
      throw this.badValue(cell, `dùng chuỗi dùng chung số ${v} nhưng tệp không có phần ${this.context.stringsPart}`, "shared string without a shared strings part");
    }
    if (!(index >= 0 && index < strings.length)) {
      throw this.badValue(
        cell,
        `dùng chuỗi dùng chung số ${v} nhưng phần ${this.context.stringsPart} chỉ có ${strings.length} chuỗi`,
        `shared string ${v} out of range (${strings.length})`,
      );
    }
    return strings[index];
  }

  /** The cell's formula text; a shared formula's own, translated from its master. */
  private formulaOf(cell: OpenCell): string | null {
    const share = cell.share;
    if (share?.t !== "shared" || share.si === undefined) return cell.formula;
    if (cell.formula !== null && cell.formula !== "") {
      this.masters.set(share.si, { row: cell.row, col: cell.col, formula: cell.formula });
      return cell.formula;
    }
    const master = this.masters.get(share.si);
    return master ? translateFormula(master.formula, cell.row - master.row, cell.col - master.col) : null;
  }

  private damaged(what: string, detail: string): XlsxReadError {
    return new XlsxReadError(`Tệp .xlsx bị hỏng: phần ${this.part} (sheet "${this.name}"): ${what}.`, `${this.part}: ${detail}`);
  }

  private badValue(cell: OpenCell, what: string, detail: string): XlsxReadError {
    const a1 = `${columnLetters(cell.col)}${cell.row + 1}`;
    return new XlsxReadError(`Tệp .xlsx bị hỏng: phần ${this.part} (sheet "${this.name}"), ô ${a1}: ${what}.`, `${this.part} ${a1}: ${detail}`);
  }

  private widthOf(rows: number): number {
    let width = 0;
    for (let r = 0; r < rows && r < this.rows.length; r++) width = Math.max(width, this.rows[r]?.length ?? 0);
    return width;
  }

  /** Rows 0 … height-1, each a dense array of `width` values. */
  private denseRows(height: number, width: number): CellValue[][] {
    const values: CellValue[][] = new Array(height);
    for (let r = 0; r < height; r++) {
      const src = this.rows[r];
      const row: CellValue[] = new Array(width);
      for (let c = 0; c < width; c++) row[c] = src?.[c] ?? null;
      values[r] = row;
    }
    return values;
  }

  /** Merge ranges clipped to the cells kept; those left with one cell, or outside, dropped. */
  private clippedMerges(): MergedArea[] {
    const areas: MergedArea[] = [];
    const declared: { ref: string; top: number; bottom: number; left: number; right: number }[] = [];
    for (const ref of this.mergeRefs) {
      const ends = ref.split(":");
      const [a, b] = ends.map((x) => cellRef(x.trim()));
      if (ends.length !== 2 || !a || !b) throw this.damaged(`vùng gộp ô "${ref.slice(0, 40)}" không phải vùng ô hợp lệ`, `mergeCell ref="${ref.slice(0, 40)}"`);
      declared.push({ ref, top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) });
    }
    this.checkOverlaps(declared);
    for (const d of declared) {
      const { top, left } = d;
      if (top > this.lastRowAny || left > this.lastColAny) continue;
      const bottom = Math.min(d.bottom, this.lastRowAny);
      const right = Math.min(d.right, this.lastColAny);
      if (bottom === top && right === left) continue;
      areas.push({ row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 });
    }
    return areas;
  }

  /**
   * Two merged areas sharing a cell are damage Excel repairs by dropping merges. Swept by top row:
   * each area is compared only with those still open above it.
   */
  private checkOverlaps(areas: { ref: string; top: number; bottom: number; left: number; right: number }[]): void {
    const sorted = [...areas].sort((x, y) => x.top - y.top);
    let open: typeof sorted = [];
    for (const area of sorted) {
      open = open.filter((o) => o.bottom >= area.top);
      const hit = open.find((o) => o.left <= area.right && area.left <= o.right);
      if (hit) throw this.damaged(`vùng gộp ô ${area.ref} chồng lên vùng gộp ô ${hit.ref}`, `overlapping merges ${area.ref} ${hit.ref}`);
      open.push(area);
    }
  }

  finish(): ReadSheet {
    const merges = this.clippedMerges();
    let height = this.lastRowValue + 1;
    let width = this.lastColValue + 1;
    for (const m of merges) {
      height = Math.max(height, m.row + m.rows);
      width = Math.max(width, m.col + m.cols);
    }
    const values = this.denseRows(height, width);
    // A merge's other cells are blank, as in Excel; so are their formulas.
    let formulas = this.formulas;
    if (merges.length > 0) {
      const inside = (row: number, col: number) =>
        merges.some((m) => row >= m.row && row < m.row + m.rows && col >= m.col && col < m.col + m.cols && (row !== m.row || col !== m.col));
      for (const m of merges) {
        for (let r = m.row; r < m.row + m.rows; r++) {
          for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) values[r][c] = null;
        }
      }
      formulas = formulas.filter((f) => !inside(f.row, f.col));
    }
    const sheet: ReadSheet = { name: this.name, state: this.state, values, merges, formulas };
    if (this.numberFormats.length > 0) sheet.numberFormats = this.numberFormats;
    if (this.cut !== Infinity) sheet.truncated = { rowsKept: this.cut, rowsInFile: this.lastRowInFile + 1 };
    return sheet;
  }
}
