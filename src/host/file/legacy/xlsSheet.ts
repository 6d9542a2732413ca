// One worksheet substream of a BIFF8 stream ([MS-XLS] 2.1.7.20.5): cell records into a
// SheetBuilder. Formulas are decompiled at the end of the substream, when the shared formulas
// (SHRFMLA, which follow the first cell that uses them) are all known.
import type { CellValue } from "../../../engine";
import { BiffCursor, type BiffRecord } from "./biffRecords";
import { damagedXls, hex } from "./legacyErrors";
import { serialToDate } from "./numberFormats";
import type { SheetBuilder } from "./sheetBuilder";
import { decompile, errorText, expAnchor } from "./xlsFormula";
import type { XlsGlobals } from "./xlsGlobals";

interface PendingFormula {
  row: number;
  col: number;
  rgce: Uint8Array;
}

/** A number stored as RK ([MS-XLS] 2.5.217): 30 bits of integer or of a double's high bits, maybe ÷ 100. */
export function rkNumber(rk: number): number {
  let v: number;
  if (rk & 0x02) v = rk >> 2;
  else {
    const b = new DataView(new ArrayBuffer(8));
    b.setUint32(4, rk & 0xfffffffc, true);
    v = b.getFloat64(0, true);
  }
  return rk & 0x01 ? v / 100 : v;
}

export class XlsSheetReader {
  private readonly formulas: PendingFormula[] = [];
  /** Shared and array formulas by their first cell ("row,col"); array formulas are null (not decompiled). */
  private readonly shared = new Map<string, Uint8Array | null>();
  /** The formula cell whose text result the next STRING record holds. */
  private awaitingString: { row: number; col: number } | null = null;
  /** Formula cells not turned into text. */
  undecompiled = 0;

  constructor(
    private readonly globals: XlsGlobals,
    private readonly out: SheetBuilder,
  ) {}

  private number(row: number, col: number, xf: number, v: number): void {
    this.out.set(row, col, this.globals.isDate(xf) ? serialToDate(v, this.globals.date1904) : v);
  }

  read(rec: BiffRecord): void {
    const c = new BiffCursor(rec);
    switch (rec.type) {
      case 0x00fd: {
        const [row, col] = [c.u16(), c.u16()];
        c.skip(2);
        const index = c.u32();
        const text = this.globals.sst[index];
        if (text === undefined) {
          throw damagedXls(
            `bản ghi LABELSST ở vị trí ${hex(rec.at)} chỉ tới chuỗi số ${index} nhưng bảng SST chỉ có ${this.globals.sst.length} chuỗi`,
            `LABELSST index ${index}`,
          );
        }
        this.out.set(row, col, text === "" ? null : text);
        break;
      }
      case 0x0204:
      case 0x00d6: {
        // LABEL, or RSTRING (a label with formatting runs after its text, which are not needed).
        const [row, col] = [c.u16(), c.u16()];
        c.skip(2);
        const text = c.string16();
        this.out.set(row, col, text === "" ? null : text);
        break;
      }
      case 0x0203: {
        const [row, col, xf] = [c.u16(), c.u16(), c.u16()];
        this.number(row, col, xf, c.f64());
        break;
      }
      case 0x027e: {
        const [row, col, xf] = [c.u16(), c.u16(), c.u16()];
        this.number(row, col, xf, rkNumber(c.u32()));
        break;
      }
      case 0x00bd: {
        const [row, first] = [c.u16(), c.u16()];
        const count = Math.floor((c.left - 2) / 6);
        for (let i = 0; i < count; i++) {
          const xf = c.u16();
          this.number(row, first + i, xf, rkNumber(c.u32()));
        }
        break;
      }
      case 0x0205: {
        const [row, col] = [c.u16(), c.u16()];
        c.skip(2);
        const v = c.u8();
        this.out.set(row, col, c.u8() ? { error: errorText(v) } : v !== 0);
        break;
      }
      case 0x0006:
        this.readFormula(c);
        break;
      case 0x0207:
        if (this.awaitingString) {
          const text = c.string16();
          this.out.set(this.awaitingString.row, this.awaitingString.col, text === "" ? null : text);
          this.awaitingString = null;
        }
        break;
      case 0x04bc:
      case 0x0221: {
        // SHRFMLA / ARRAY: RefU (rows 2+2, columns 1+1), then 2 (SHRFMLA: reserved + cUse) or 6 bytes, then the formula.
        const row = c.u16();
        c.skip(2);
        const col = c.u8();
        c.skip(1 + (rec.type === 0x04bc ? 2 : 6));
        const cce = c.u16();
        this.shared.set(`${row},${col}`, rec.type === 0x04bc ? c.bytes(Math.min(cce, c.left)) : null);
        break;
      }
      case 0x00e5: {
        const count = c.u16();
        for (let i = 0; i < count && c.left >= 8; i++) {
          const [r1, r2, c1, c2] = [c.u16(), c.u16(), c.u16(), c.u16()];
          if (r2 >= r1 && c2 >= c1) this.out.merge({ row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 });
        }
        break;
      }
      default:
    }
  }

  /** FORMULA: the cached result ([MS-XLS] 2.5.133 FormulaValue), then the parsed formula. */
  private readFormula(c: BiffCursor): void {
    const [row, col, xf] = [c.u16(), c.u16(), c.u16()];
    const raw = c.bytes(8);
    c.skip(6);
    const cce = c.u16();
    this.formulas.push({ row, col, rgce: c.bytes(Math.min(cce, c.left)) });
    this.awaitingString = null;
    let value: CellValue = null;
    if (raw[6] === 0xff && raw[7] === 0xff) {
      if (raw[0] === 0) this.awaitingString = { row, col };
      else if (raw[0] === 1) value = raw[2] !== 0;
      else if (raw[0] === 2) value = { error: errorText(raw[2]) };
    } else {
      const v = new DataView(raw.buffer).getFloat64(0, true);
      value = this.globals.isDate(xf) ? serialToDate(v, this.globals.date1904) : v;
    }
    this.out.set(row, col, value);
  }

  /** At the substream's EOF: the formulas as text, shared ones from the cell that uses them. */
  finish(): void {
    for (const f of this.formulas) {
      let text: string | null;
      const anchor = expAnchor(f.rgce);
      if (anchor) {
        const rgce = this.shared.get(`${anchor.row},${anchor.col}`);
        text = rgce ? decompile(rgce, this.globals, { row: f.row, col: f.col }) : null;
      } else text = decompile(f.rgce, this.globals);
      if (text === null) this.undecompiled++;
      else this.out.formula(f.row, f.col, text);
    }
  }
}
