// BIFF8 records ([MS-XLS] 2.1.4): type, length and data, one after another in the Workbook
// stream. A record longer than 8,224 bytes goes on in CONTINUE records; they are kept with the
// record they continue, each piece apart, because a string split across them starts its piece
// again with an option byte (see BiffCursor).
import { damagedXls, hex } from "./legacyErrors";

export const CONTINUE = 0x003c;

/** Names of the records the reader uses, for messages. */
const NAMES: Record<number, string> = {
  0x0006: "FORMULA", 0x000a: "EOF", 0x0017: "EXTERNSHEET", 0x0018: "NAME", 0x0022: "DATEMODE", 0x0023: "EXTERNNAME",
  0x002f: "FILEPASS", 0x003d: "WINDOW1", 0x0085: "BOUNDSHEET8", 0x00bd: "MULRK", 0x00e0: "XF", 0x00e5: "MERGECELLS",
  0x00fc: "SST", 0x00fd: "LABELSST", 0x01ae: "SUPBOOK", 0x0203: "NUMBER", 0x0204: "LABEL", 0x0205: "BOOLERR",
  0x0207: "STRING", 0x0221: "ARRAY", 0x027e: "RK", 0x041e: "FORMAT", 0x04bc: "SHRFMLA", 0x0809: "BOF",
};

export function recordName(type: number): string {
  return NAMES[type] ?? hex(type);
}

export interface BiffRecord {
  type: number;
  /** Offset of the record's header in the stream. */
  at: number;
  data: Uint8Array;
  /** The data of the CONTINUE records that follow it. */
  continues: Uint8Array[];
}

/** The records of a BIFF stream in order, CONTINUE records attached to the one before. */
export function* biffRecords(stream: Uint8Array, streamName: string): Generator<BiffRecord> {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  let at = 0;
  const next = (): BiffRecord | null => {
    // Padding at the end of a stream (sector slack) reads as zeros: no record there.
    if (at + 4 > stream.length) return null;
    const type = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (type === 0 && size === 0) return null;
    if (at + 4 + size > stream.length) {
      throw damagedXls(`bản ghi ${recordName(type)} ở vị trí ${hex(at)} vượt quá cuối luồng ${streamName}`, `record ${hex(type)} at ${at} past end`);
    }
    const record = { type, at, data: stream.subarray(at + 4, at + 4 + size), continues: [] };
    at += 4 + size;
    return record;
  };
  let current = next();
  while (current) {
    let following = next();
    while (following && following.type === CONTINUE) {
      current.continues.push(following.data);
      following = next();
    }
    yield current;
    current = following;
  }
}

/**
 * Reads a record's data and its CONTINUE pieces as one sequence of little-endian values, with
 * the rule for character runs cut by a piece boundary. Reading past the end is damage.
 */
export class BiffCursor {
  private piece = 0;
  private pos = 0;
  private readonly pieces: Uint8Array[];

  constructor(private readonly record: BiffRecord, start = 0) {
    this.pieces = [record.data, ...record.continues];
    this.pos = start;
  }

  /** Bytes left in the whole record. */
  get left(): number {
    let n = this.pieces[this.piece] ? this.pieces[this.piece].length - this.pos : 0;
    for (let i = this.piece + 1; i < this.pieces.length; i++) n += this.pieces[i].length;
    return n;
  }

  private short(): never {
    const name = recordName(this.record.type);
    throw damagedXls(`bản ghi ${name} ở vị trí ${hex(this.record.at)} ngắn hơn nội dung nó khai`, `record ${name} at ${this.record.at} too short`);
  }

  /** Moves to the next piece when the current one is used up. */
  private settle(): void {
    while (this.piece < this.pieces.length && this.pos >= this.pieces[this.piece].length) {
      this.piece++;
      this.pos = 0;
    }
  }

  u8(): number {
    this.settle();
    if (this.piece >= this.pieces.length) this.short();
    return this.pieces[this.piece][this.pos++];
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  f64(): number {
    const b = new Uint8Array(8);
    for (let i = 0; i < 8; i++) b[i] = this.u8();
    return new DataView(b.buffer).getFloat64(0, true);
  }

  /** `n` bytes, copied (they may span pieces). */
  bytes(n: number): Uint8Array {
    if (n > this.left) this.short();
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.u8();
    return out;
  }

  skip(n: number): void {
    if (n > this.left) this.short();
    for (let i = 0; i < n; i++) {
      this.settle();
      this.pos++;
    }
  }

  /**
   * `cch` characters, 1 byte each (Latin-1, high bytes dropped) or 2 (UTF-16LE) as `highByte`
   * says. Where a piece ends inside the run, the next piece starts with a new option byte whose
   * bit 0 says how the rest is stored ([MS-XLS] 2.5.293 / 2.5.294).
   */
  chars(cch: number, highByte: boolean): string {
    if (cch > this.left) this.short();
    const codes: number[] = [];
    let wide = highByte;
    while (codes.length < cch) {
      // No settle() here: a run that starts right at a piece boundary takes the next piece's option byte.
      if (this.piece >= this.pieces.length) this.short();
      const data = this.pieces[this.piece];
      while (codes.length < cch && this.pos + (wide ? 1 : 0) < data.length) {
        codes.push(wide ? data[this.pos] | (data[this.pos + 1] << 8) : data[this.pos]);
        this.pos += wide ? 2 : 1;
      }
      if (codes.length < cch) {
        if (this.piece + 1 >= this.pieces.length) this.short();
        this.piece++;
        this.pos = 0;
        wide = (this.u8() & 1) === 1;
      }
    }
    let out = "";
    for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
    return out;
  }

  /** XLUnicodeString: 16-bit count, option byte, characters. */
  string16(): string {
    const cch = this.u16();
    return this.chars(cch, (this.u8() & 1) === 1);
  }

  /** ShortXLUnicodeString: 8-bit count, option byte, characters. */
  string8(): string {
    const cch = this.u8();
    return this.chars(cch, (this.u8() & 1) === 1);
  }
}
