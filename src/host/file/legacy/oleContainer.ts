// Compound File Binary ([MS-CFB]), the container of old .xls workbooks: the header, the sector
// allocation table (FAT, with its DIFAT extension), the directory and the mini stream, enough to
// take one stream out of the root storage. Every chain is walked with a step limit and every
// sector index checked, so a damaged or hostile file gives an error, never a loop or an
// allocation larger than the file.
import { damagedXls } from "./legacyErrors";

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HEADER = 512;
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;
const DIRECTORY_ENTRY = 128;
const HEADER_DIFAT = 109;
const STORAGE = 1;
const STREAM = 2;
const ROOT = 5;

export function hasOleSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

interface DirectoryEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** An opened compound file: its root storage's streams can be read by name. */
export class OleContainer {
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly sectorCount: number;
  private readonly fat: Uint32Array;
  private readonly entries: DirectoryEntry[];
  private miniFat: Uint32Array | null = null;
  private miniStream: Uint8Array | null = null;

  constructor(private readonly bytes: Uint8Array) {
    if (!hasOleSignature(bytes) || bytes.length < HEADER) throw damagedXls("phần đầu tệp (header) không đầy đủ", "short header");
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shift = this.u16(0x1e);
    if (this.u16(0x1c) !== 0xfffe || (shift !== 9 && shift !== 12) || this.u16(0x20) !== 6) {
      throw damagedXls("phần đầu tệp (header) có kích thước sector không hợp lệ", `sector shift ${shift}`);
    }
    this.sectorSize = 1 << shift;
    // Whole sectors after the header's own sector; a cut-off last sector is not one.
    this.sectorCount = Math.max(0, Math.floor((bytes.length - this.sectorSize) / this.sectorSize));
    this.fat = this.readFat();
    this.entries = this.readDirectory();
  }

  /** Names of the streams directly in the root storage. */
  rootStreams(): string[] {
    return this.rootChildren().filter((e) => e.type === STREAM).map((e) => e.name);
  }

  /** The stream named `name` (case-insensitively, as [MS-CFB] compares) in the root storage, or null. */
  stream(name: string): Uint8Array | null {
    const entry = this.rootChildren().find((e) => e.type === STREAM && e.name.toUpperCase() === name.toUpperCase());
    if (!entry) return null;
    const cutoff = this.u32(0x38);
    if (entry.size < cutoff) return this.readMini(entry);
    return this.readSectors(entry.start, entry.size, `luồng ${entry.name}`);
  }

  private u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    return this.view.getUint32(at, true);
  }

  /** The bytes of sector `s`, checked against the end of the file. */
  private sectorAt(s: number): Uint8Array {
    const at = (s + 1) * this.sectorSize;
    if (s >= this.sectorCount || at + this.sectorSize > this.bytes.length) {
      throw damagedXls(`sector ${s} nằm ngoài tệp (tệp có ${this.sectorCount} sector, có thể đã bị cắt cụt)`, `sector ${s} out of range`);
    }
    return this.bytes.subarray(at, at + this.sectorSize);
  }

  /**
   * Follows a chain of `table` from `start`, copying `size` bytes from units of `unitSize` bytes.
   * The chain may not need more than `maxUnits` units (what the file can hold), so the copy is
   * never larger than the file; a short chain is damage.
   */
  private readChain(table: Uint32Array, start: number, size: number, what: string, unitSize: number, maxUnits: number, unit: (s: number) => Uint8Array): Uint8Array {
    const needed = Math.ceil(size / unitSize);
    if (needed > maxUnits) throw damagedXls(`${what} khai kích thước ${size} byte, lớn hơn cả tệp`, `${what}: size ${size}`);
    const out = new Uint8Array(size);
    let s = start;
    for (let i = 0; i < needed; i++) {
      if (s === END_OF_CHAIN) throw damagedXls(`chuỗi sector của ${what} ngắn hơn kích thước ${size} byte đã khai`, `${what}: chain too short`);
      if (s >= table.length) throw damagedXls(`chuỗi sector của ${what} trỏ tới sector ${s} không tồn tại`, `${what}: sector ${s} out of range`);
      const at = i * unitSize;
      out.set(unit(s).subarray(0, Math.min(unitSize, size - at)), at);
      s = table[s];
    }
    return out;
  }

  /** A chain of whole sectors, through the FAT. */
  private readSectors(start: number, size: number, what: string): Uint8Array {
    return this.readChain(this.fat, start, size, what, this.sectorSize, this.sectorCount, (s) => this.sectorAt(s));
  }

  /** The FAT: its sectors are listed in the header's 109 DIFAT slots, then in the DIFAT chain. */
  private readFat(): Uint32Array {
    const fatSectors = this.u32(0x2c);
    if (fatSectors > this.sectorCount) throw damagedXls(`phần đầu tệp khai ${fatSectors} sector FAT, nhiều hơn số sector của tệp`, "FAT count");
    const list: number[] = [];
    for (let i = 0; i < HEADER_DIFAT && list.length < fatSectors; i++) list.push(this.u32(0x4c + 4 * i));
    let difat = this.u32(0x44);
    const perSector = this.sectorSize / 4 - 1;
    for (let steps = 0; list.length < fatSectors; steps++) {
      if (difat === END_OF_CHAIN || difat === FREE || steps > this.sectorCount) {
        throw damagedXls("chuỗi DIFAT bị đứt hoặc lặp vòng", "DIFAT chain broken");
      }
      const sector = new DataView(this.sectorAt(difat).slice().buffer);
      for (let i = 0; i < perSector && list.length < fatSectors; i++) list.push(sector.getUint32(4 * i, true));
      difat = sector.getUint32(4 * perSector, true);
    }
    const perFat = this.sectorSize / 4;
    const fat = new Uint32Array(fatSectors * perFat);
    list.forEach((s, i) => {
      const sector = this.sectorAt(s);
      const v = new DataView(sector.buffer, sector.byteOffset, sector.byteLength);
      for (let k = 0; k < perFat; k++) fat[i * perFat + k] = v.getUint32(4 * k, true);
    });
    return this.withoutLoops(fat, "FAT");
  }

  /**
   * The table with every chain checked: a next-sector value pointing outside the table, or a chain
   * that meets itself, is damage. Done once for the table, so each chain is then walked safely.
   */
  private withoutLoops(table: Uint32Array, what: string): Uint32Array {
    // 0: not seen; 1: on the chain being walked; 2: known to end.
    const state = new Uint8Array(table.length);
    for (let s0 = 0; s0 < table.length; s0++) {
      if (state[s0] !== 0) continue;
      const path: number[] = [];
      let s = s0;
      while (s < table.length && state[s] === 0) {
        state[s] = 1;
        path.push(s);
        s = table[s];
      }
      if (s < table.length && state[s] === 1) throw damagedXls(`bảng ${what} có chuỗi sector lặp vòng (sector ${s})`, `${what} loop at ${s}`);
      if (s < table.length || s >= 0xfffffffa) for (const p of path) state[p] = 2;
      else throw damagedXls(`bảng ${what} trỏ tới sector ${s} không tồn tại`, `${what} entry ${s} out of range`);
    }
    return table;
  }

  private readDirectory(): DirectoryEntry[] {
    const start = this.u32(0x30);
    // The directory's length is its chain's: counted with the step limit the loop check gives.
    let sectors = 0;
    for (let s = start; s !== END_OF_CHAIN; s = this.fat[s]) {
      if (s >= this.fat.length) throw damagedXls(`chuỗi sector của thư mục trỏ tới sector ${s} không tồn tại`, `directory sector ${s}`);
      sectors++;
    }
    const dir = this.readSectors(start, sectors * this.sectorSize, "thư mục");
    const view = new DataView(dir.buffer);
    const entries: DirectoryEntry[] = [];
    for (let at = 0; at + DIRECTORY_ENTRY <= dir.length; at += DIRECTORY_ENTRY) {
      // The name's length in bytes counts its terminating NUL.
      const chars = Math.max(0, Math.min(64, view.getUint16(at + 0x40, true)) / 2 - 1);
      let name = "";
      for (let i = 0; i < chars; i++) name += String.fromCharCode(view.getUint16(at + 2 * i, true));
      entries.push({
        name,
        type: view.getUint8(at + 0x42),
        left: view.getUint32(at + 0x44, true),
        right: view.getUint32(at + 0x48, true),
        child: view.getUint32(at + 0x4c, true),
        start: view.getUint32(at + 0x74, true),
        // The high 32 bits of the size are ignored in version 3 files; a stream past 4 GB is impossible here.
        size: view.getUint32(at + 0x78, true),
      });
    }
    if (entries.length === 0 || entries[0].type !== ROOT) throw damagedXls("không tìm thấy mục gốc (Root Entry) của thư mục", "no root entry");
    return entries;
  }

  /** The root storage's children: its red-black tree walked with a visited set. */
  private rootChildren(): DirectoryEntry[] {
    const found: DirectoryEntry[] = [];
    const seen = new Set<number>();
    const stack = [this.entries[0].child];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === NO_STREAM) continue;
      if (id >= this.entries.length || seen.has(id)) throw damagedXls(`thư mục có mục ${id} không hợp lệ hoặc lặp vòng`, `directory entry ${id}`);
      seen.add(id);
      const e = this.entries[id];
      if (e.type === STREAM || e.type === STORAGE) found.push(e);
      stack.push(e.left, e.right);
    }
    return found;
  }

  /** A stream smaller than the cutoff: 64-byte mini sectors of the mini stream, chained in the mini FAT. */
  private readMini(entry: DirectoryEntry): Uint8Array {
    if (!this.miniFat || !this.miniStream) {
      const count = this.u32(0x40);
      if (count > this.sectorCount) throw damagedXls("phần đầu tệp khai số sector mini FAT lớn hơn tệp", "mini FAT count");
      const raw = this.readSectors(this.u32(0x3c), count * this.sectorSize, "bảng mini FAT");
      const v = new DataView(raw.buffer);
      const miniFat = new Uint32Array(raw.length / 4);
      for (let i = 0; i < miniFat.length; i++) miniFat[i] = v.getUint32(4 * i, true);
      this.miniFat = this.withoutLoops(miniFat, "mini FAT");
      const root = this.entries[0];
      this.miniStream = this.readSectors(root.start, root.size, "luồng mini");
    }
    const mini = this.miniStream;
    return this.readChain(this.miniFat, entry.start, entry.size, `luồng ${entry.name}`, 64, Math.floor(mini.length / 64), (s) => {
      if ((s + 1) * 64 > mini.length) throw damagedXls(`luồng ${entry.name} trỏ tới mini sector ${s} nằm ngoài luồng mini`, `mini sector ${s}`);
      return mini.subarray(s * 64, s * 64 + 64);
    });
  }
}
