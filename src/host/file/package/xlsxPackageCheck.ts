// Checks an .xlsx package before ExcelJS inflates anything: the central directory is whole, the
// declared sizes stay under a limit, every member inflates to exactly its declared size with a
// matching CRC, and every sheet the workbook names is present. ExcelJS (through JSZip) would
// otherwise use a damaged member as if sound, skip a missing sheet in silence, and inflate a zip
// bomb whole into memory. Works in Node and in the browser (DecompressionStream in both).
import { crc32Update } from "./crc32";
import { readCentralDirectory, usesZip64, type ZipEntry } from "./xlsxParts";
import { XlsxReadError, XlsxTooLargeError } from "./xlsxReadError";

const MB = 1024 * 1024;

/**
 * Default limit, in MB, on the unpacked parts a reading keeps: with the project's reader
 * (src/host/file/read/), the XML of the workbook, styles, shared strings and the sheets it keeps
 * whole (a large sheet that is neither a scoring sheet nor a units table is cut after its first
 * rows and does not count); the parts may declare up to STREAMED_FACTOR times more in all. With
 * ExcelJS (the tests' comparison path) it is the total of every part, as before. Measured with
 * ExcelJS: 17-28 MB of memory per MB of sheet XML, hence 32 MB (about 1 GB at worst).
 */
export const DEFAULT_MAX_UNPACKED_MB = 32;

/**
 * Memory a run may need per MB of kept sheet XML, at worst: the reader measured by
 * scripts/bench/35-reader.js at 4.0-4.1 MB per MB for rows of three to seven cells and 6.6 MB per
 * MB for rows of one short number (900,000 rows, 41.8 MB of XML: 329 MB resident).
 */
export const WORST_MEMORY_PER_MB = 7;

export interface PackageLimits {
  /** Most bytes all parts may unpack to together. */
  maxUnpackedBytes: number;
}

export const DEFAULT_LIMITS: PackageLimits = { maxUnpackedBytes: DEFAULT_MAX_UNPACKED_MB * MB };

/** Deflate cannot expand data more than about 1032 times; a header claiming more is damaged. */
const MAX_DEFLATE_RATIO = 1032;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 1;

export const PASSWORD_MESSAGE =
  "Tệp được đặt mật khẩu (mã hóa), không đọc được. Hãy mở bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa trống) rồi lưu lại dạng .xlsx.";

/** The file's kind as messages name it (".xlsx", or ".ods" for the LibreOffice reader). */
export type PackageFormat = ".xlsx" | ".ods";

export function damaged(what: string, detail: string, format: PackageFormat = ".xlsx"): XlsxReadError {
  return new XlsxReadError(
    `Tệp ${format} bị hỏng hoặc không đầy đủ: ${what} Hãy lấy lại tệp gốc (hoặc bản sao lưu) rồi kiểm tra lại.`,
    detail,
  );
}

/** MB with a decimal comma: one decimal, two below 1 MB (0,01 MB, not 0,0 MB). */
export function megabytes(bytes: number): string {
  return (bytes / MB).toFixed(bytes < MB ? 2 : 1).replace(".", ",");
}

/** Where a member's compressed data lies in the file, after its local header. */
function dataOf(bytes: Uint8Array, entry: ZipEntry, format: PackageFormat): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) {
    throw damaged(`không tìm thấy phần ${entry.name} ở vị trí ghi trong tệp (tệp có thể bị cắt cụt).`, `no local header: ${entry.name}`, format);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) {
    throw damaged(`phần ${entry.name} bị cắt cụt (tệp không đầy đủ).`, `truncated member: ${entry.name}`, format);
  }
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * The structure and the declared sizes, before anything is inflated. `streamed`: how many times
 * the limit the parts may declare together when the reader keeps only part of them (1: all kept).
 */
function checkDeclared(entries: ZipEntry[], limits: PackageLimits, streamed: number, format: PackageFormat): void {
  let total = 0;
  let largest: ZipEntry | undefined;
  // Part names compare case-insensitively in a package: a second member of one name is damage
  // (or a trick: which of the two would a reader take?).
  const seen = new Set<string>();
  for (const e of entries) {
    const key = e.name.toLowerCase();
    if (seen.has(key)) throw damaged(`phần ${e.name} xuất hiện hai lần trong tệp nén.`, `duplicate member: ${e.name}`, format);
    seen.add(key);
    if (e.flags & ENCRYPTED_FLAG) throw new XlsxReadError(PASSWORD_MESSAGE, `encrypted member: ${e.name}`);
    // ZIP64 sizes: a part of 4 GB or more, past any limit this reader can be given.
    if (usesZip64(e)) throw new XlsxReadError(`Tệp quá lớn để đọc: phần ${e.name} từ 4 GB trở lên.`, `ZIP64 member: ${e.name}`);
    if (e.method !== STORED && e.method !== DEFLATED) {
      throw damaged(`phần ${e.name} dùng kiểu nén không hỗ trợ (mã ${e.method}).`, `compression method ${e.method}: ${e.name}`, format);
    }
    const impossible =
      e.method === STORED ? e.compressedSize !== e.uncompressedSize : e.uncompressedSize > e.compressedSize * MAX_DEFLATE_RATIO + 1024;
    if (impossible) {
      throw damaged(`kích thước ghi cho phần ${e.name} không thể đúng.`, `impossible sizes: ${e.name}`, format);
    }
    total += e.uncompressedSize;
    if (!largest || e.uncompressedSize > largest.uncompressedSize) largest = e;
  }
  if (total > limits.maxUnpackedBytes * streamed && largest) {
    const neededMb = Math.ceil(total / MB);
    throw new XlsxTooLargeError(
      `Tệp quá lớn để đọc an toàn: khi giải nén, dữ liệu chiếm ${megabytes(total)} MB (phần lớn nhất ${largest.name}: ${megabytes(largest.uncompressedSize)} MB), vượt giới hạn ${megabytes(limits.maxUnpackedBytes)} MB.`,
      `unpacked ${total} bytes > ${limits.maxUnpackedBytes}`,
      neededMb,
    );
  }
}

/**
 * Streams the member through an inflater, stopping as soon as it outgrows its declared size, and
 * hands each inflated chunk to `onChunk`. A refusal thrown by `onChunk` stops the handing, not the
 * check: the member is still inflated to its end, so damage (size, CRC) is what is reported when
 * there is any, and the refusal otherwise.
 */
async function inflateMember(entry: ZipEntry, data: Uint8Array, format: PackageFormat, onChunk?: (chunk: Uint8Array) => void): Promise<void> {
  let crc = 0;
  let size = 0;
  let refusal: unknown;
  let hasRefusal = false;
  const hand = (chunk: Uint8Array) => {
    if (!onChunk || hasRefusal) return;
    try {
      onChunk(chunk);
    } catch (err) {
      refusal = err;
      hasRefusal = true;
    }
  };
  if (entry.method === STORED) {
    crc = crc32Update(0, data);
    size = data.length;
    hand(data);
  } else {
    const inflater = new DecompressionStream("deflate-raw");
    const writer = inflater.writable.getWriter();
    // Not awaited: the writes finish as the reader drains; their errors reach the reader too.
    writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
    writer.close().catch(() => undefined);
    const reader = inflater.readable.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > entry.uncompressedSize) {
          await reader.cancel().catch(() => undefined);
          throw damaged(`phần ${entry.name} giải nén ra nhiều hơn kích thước ghi trong tệp.`, `member larger than declared: ${entry.name}`, format);
        }
        crc = crc32Update(crc, value);
        hand(value);
      }
    } catch (err) {
      if (err instanceof XlsxReadError) throw err;
      const detail = err instanceof Error ? err.message : String(err);
      throw damaged(`phần ${entry.name} không giải nén được (${detail}).`, `inflate failed: ${entry.name}: ${detail}`, format);
    }
  }
  if (size !== entry.uncompressedSize) {
    throw damaged(`phần ${entry.name} ngắn hơn kích thước ghi trong tệp.`, `member shorter than declared: ${entry.name}`, format);
  }
  if (crc !== entry.crc32) throw damaged(`phần ${entry.name} sai mã kiểm tra (CRC), dữ liệu đã bị hư.`, `CRC mismatch: ${entry.name}`, format);
  if (hasRefusal) throw refusal;
}

/**
 * A package whose structure and declared sizes passed, members inflated (and checked) one at a
 * time, each once: a reader takes the parts it needs in its own order, then `checkRest()` checks
 * the others. Call it only on bytes that start with the zip signature.
 */
export class CheckedPackage {
  private readonly done = new Set<string>();

  private constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
    private readonly format: PackageFormat,
  ) {}

  /** `streamed`: how many times the limit the parts may declare together (see checkDeclared). */
  static open(bytes: Uint8Array, limits: PackageLimits, streamed = 1, format: PackageFormat = ".xlsx"): CheckedPackage {
    const entries = readCentralDirectory(bytes);
    if (entries === null) {
      throw damaged("không đọc được danh mục các phần trong tệp nén (tệp có thể bị cắt cụt khi tải về hoặc sao chép).", "unreadable central directory", format);
    }
    checkDeclared(entries, limits, streamed, format);
    return new CheckedPackage(bytes, entries, format);
  }

  /** The member of this name (case-insensitive, as part names compare), if any. */
  entry(name: string): ZipEntry | undefined {
    const key = name.toLowerCase();
    return this.entries.find((e) => e.name.toLowerCase() === key);
  }

  /** Inflates and checks one member, handing its chunks to `onChunk`. */
  async read(entry: ZipEntry, onChunk?: (chunk: Uint8Array) => void): Promise<void> {
    this.done.add(entry.name);
    await inflateMember(entry, dataOf(this.bytes, entry, this.format), this.format, onChunk);
  }

  /** Inflates and checks every member not read yet. */
  async checkRest(): Promise<void> {
    for (const e of this.entries) {
      if (e.name.endsWith("/") || this.done.has(e.name)) continue;
      await this.read(e);
    }
  }
}

function text(chunks: Uint8Array[] | undefined): string {
  if (!chunks) return "";
  const decoder = new TextDecoder("utf-8");
  return chunks.map((c) => decoder.decode(c, { stream: true })).join("") + decoder.decode();
}

/** Attributes of every `<tag …>` element (any namespace prefix), by their full names ("r:id"). */
function elements(xml: string, tag: string): Record<string, string>[] {
  const open = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b([^>]*)>`, "g");
  return [...xml.matchAll(open)].map((m) => {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = a[2] ?? a[3];
    return attrs;
  });
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] ?? "");
}

/** A relationship target as a part name: "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml". */
function partName(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

/** Every sheet named in xl/workbook.xml must have its part in the package. */
function checkSheetsPresent(workbookXml: string, relsXml: string, names: Set<string>): void {
  const targets = new Map<string, string>();
  for (const rel of elements(relsXml, "Relationship")) {
    if (rel.Id && rel.Target && rel.TargetMode !== "External") targets.set(rel.Id, partName(rel.Target));
  }
  for (const sheet of elements(workbookXml, "sheet")) {
    // The relationship id is the one attribute named "<prefix>:id" (usually r:id).
    const id = Object.entries(sheet).find(([k]) => k.endsWith(":id"))?.[1];
    const target = id === undefined ? undefined : targets.get(id);
    const label = sheet.name === undefined ? "" : ` của sheet "${unescapeXml(sheet.name)}"`;
    if (target === undefined) throw damaged(`không tìm thấy phần dữ liệu${label}.`, `no relationship for sheet ${sheet.name}`);
    if (!names.has(target)) throw damaged(`thiếu phần ${target}${label}.`, `missing part: ${target}`);
  }
}

/**
 * Checks the zip package as checkPackage does (central directory, declared sizes within `limits`,
 * every member inflated to its declared size with its CRC) and returns the inflated chunks of the
 * members `keep` selects. Used by the .ods reader too (`format` names the file in messages).
 */
export async function readPackageMembers(
  bytes: Uint8Array,
  limits: PackageLimits,
  keep: (name: string) => boolean,
  format: PackageFormat = ".xlsx",
): Promise<Map<string, Uint8Array[]>> {
  const pkg = CheckedPackage.open(bytes, limits, 1, format);
  const kept = new Map<string, Uint8Array[]>();
  for (const e of pkg.entries) {
    if (e.name.endsWith("/")) continue;
    const chunks: Uint8Array[] = [];
    await pkg.read(e, keep(e.name) ? (c) => chunks.push(c) : undefined);
    if (keep(e.name)) kept.set(e.name, chunks);
  }
  return kept;
}

/**
 * Throws XlsxReadError (Vietnamese message naming the part) unless the zip package is sound:
 * readable central directory, sizes within `limits`, every member's size and CRC as declared,
 * every sheet present. Call it only on bytes that start with the zip signature.
 */
export async function checkPackage(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): Promise<void> {
  const names = new Set((readCentralDirectory(bytes) ?? []).map((e) => e.name));
  const kept = await readPackageMembers(bytes, limits, (name) => name === "xl/workbook.xml" || name === "xl/_rels/workbook.xml.rels");
  checkSheetsPresent(text(kept.get("xl/workbook.xml")), text(kept.get("xl/_rels/workbook.xml.rels")), names);
}
