// The workbook globals of a BIFF8 stream ([MS-XLS] 2.1.7.20.1): sheet list, shared strings, cell
// formats, date system, active tab, defined names and the tables 3-D references go through
// (SUPBOOK, EXTERNSHEET, EXTERNNAME). Filled record by record by the reader.
import type { ReadSheet } from "../read/workbookModel";
import { BiffCursor, type BiffRecord } from "./biffRecords";
import { damagedXls, hex } from "./legacyErrors";
import { isDateFormat } from "./numberFormats";
import { decompile, quoteSheetName, type FormulaContext } from "./xlsFormula";

export interface BoundSheet {
  name: string;
  state: ReadSheet["state"];
  /** 0: worksheet or dialog, 1: macro sheet, 2: chart, 6: VBA module. */
  kind: number;
  /** Offset of the sheet's BOF record in the stream. */
  offset: number;
}

interface SupBook {
  self: boolean;
  externNames: string[];
}

interface DefinedName {
  name: string;
  /** 0: workbook-level; n: local to the n-th sheet. */
  itab: number;
  rgce: Uint8Array;
}

/** Names of the built-in defined names by their code ([MS-XLS] 2.5.157), as .xlsx spells them. */
const BUILTIN_NAMES = [
  "Consolidate_Area", "Auto_Open", "Auto_Close", "Extract", "Database", "Criteria", "Print_Area", "Print_Titles",
  "Recorder", "Data_Form", "Auto_Activate", "Auto_Deactivate", "Sheet_Title", "_FilterDatabase",
];

export class XlsGlobals implements FormulaContext {
  readonly sheets: BoundSheet[] = [];
  readonly sst: string[] = [];
  readonly formats = new Map<number, string>();
  private readonly xfFormat: number[] = [];
  private readonly names: DefinedName[] = [];
  private readonly supBooks: SupBook[] = [];
  private readonly xti: { book: number; first: number; last: number }[] = [];
  date1904 = false;
  activeTab: number | null = null;
  encrypted = false;

  /** Takes one record of the globals substream. */
  read(rec: BiffRecord): void {
    const c = new BiffCursor(rec);
    switch (rec.type) {
      case 0x002f:
        this.encrypted = true;
        break;
      case 0x0085: {
        const offset = c.u32();
        const state = c.u8() & 0x03;
        const kind = c.u8();
        this.sheets.push({ name: c.string8(), state: state === 0 ? "visible" : state === 1 ? "hidden" : "veryHidden", kind, offset });
        break;
      }
      case 0x00fc:
        this.readSst(rec, c);
        break;
      case 0x00e0:
        c.skip(2);
        this.xfFormat.push(c.u16());
        break;
      case 0x041e: {
        const id = c.u16();
        this.formats.set(id, c.string16());
        break;
      }
      case 0x0022:
        this.date1904 = c.u16() === 1;
        break;
      case 0x003d:
        c.skip(10);
        this.activeTab = c.u16();
        break;
      case 0x01ae: {
        c.skip(2);
        this.supBooks.push({ self: c.u16() === 0x0401, externNames: [] });
        break;
      }
      case 0x0023: {
        // ExternName: flags, 4 bytes (ixals + reserved, or reserved), then the name.
        c.skip(6);
        this.supBooks[this.supBooks.length - 1]?.externNames.push(c.string8());
        break;
      }
      case 0x0017: {
        const count = c.u16();
        if (count * 6 > c.left) throw damagedXls(`bản ghi EXTERNSHEET ở vị trí ${hex(rec.at)} khai ${count} mục, nhiều hơn nó chứa`, "EXTERNSHEET count");
        for (let i = 0; i < count; i++) this.xti.push({ book: c.u16(), first: c.u16(), last: c.u16() });
        break;
      }
      case 0x0018:
        this.readName(c);
        break;
      default:
    }
  }

  /**
   * SST: total and unique counts, then the unique strings (XLUnicodeRichExtendedString), which
   * may run over CONTINUE records. The unique count is checked against what the record holds.
   */
  private readSst(rec: BiffRecord, c: BiffCursor): void {
    c.skip(4);
    const unique = c.u32();
    for (let i = 0; i < unique; i++) {
      // Each string needs at least 3 bytes; a count beyond what is left is a lie, found before reading.
      if (c.left < 3) {
        throw damagedXls(`bản ghi SST ở vị trí ${hex(rec.at)} khai ${unique} chuỗi nhưng chỉ chứa ${i}`, `SST count ${unique} > ${i}`);
      }
      const cch = c.u16();
      const flags = c.u8();
      const runs = flags & 0x08 ? c.u16() : 0;
      const ext = flags & 0x04 ? c.u32() : 0;
      this.sst.push(c.chars(cch, (flags & 1) === 1));
      c.skip(4 * runs + ext);
    }
  }

  private readName(c: BiffCursor): void {
    const flags = c.u16();
    c.skip(1);
    const cch = c.u8();
    const cce = c.u16();
    c.skip(2);
    const itab = c.u16();
    c.skip(4);
    const wide = (c.u8() & 1) === 1;
    let name = c.chars(cch, wide);
    if (flags & 0x20) name = `_xlnm.${BUILTIN_NAMES[name.charCodeAt(0)] ?? name}`;
    this.names.push({ name, itab, rgce: c.bytes(Math.min(cce, c.left)) });
  }

  /** Whether cell format (XF) `xf` shows a date. */
  isDate(xf: number): boolean {
    const id = this.xfFormat[xf];
    return id !== undefined && isDateFormat(id, this.formats);
  }

  sheetPrefix(ixti: number): string | null {
    const x = this.xti[ixti];
    const book = x && this.supBooks[x.book];
    if (!book || !book.self) return null;
    if (x.first === 0xfffe || x.first === 0xffff) return "#REF!";
    const first = this.sheets[x.first]?.name;
    const last = this.sheets[x.last]?.name;
    if (first === undefined || last === undefined) return null;
    return `${quoteSheetName(first === last ? first : `${first}:${last}`)}!`;
  }

  definedName(index: number): string | null {
    return this.names[index - 1]?.name ?? null;
  }

  externalName(ixti: number, index: number): string | null {
    const x = this.xti[ixti];
    const book = x && this.supBooks[x.book];
    if (!book) return null;
    if (book.self) return this.definedName(index);
    const name = book.externNames[index - 1];
    return name ?? null;
  }

  /**
   * Workbook-level defined names with their formulas ("" where the formula is not decompiled);
   * not the "_xlfn." names that only spell newer functions.
   */
  definedNames(): { name: string; formula: string }[] {
    return this.names.filter((n) => n.itab === 0 && !n.name.startsWith("_xlfn.")).map((n) => ({ name: n.name, formula: decompile(n.rgce, this) ?? "" }));
  }
}
