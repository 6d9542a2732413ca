// The part names of an .xlsx package, read from the zip's central directory without inflating
// anything (to tell a workbook from another zip format before loading it).

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
/** Sizes and offsets of 0xFFFFFFFF (counts of 0xFFFF) mean "see the ZIP64 record". */
const ZIP64_MARK = 0xffffffff;

/** One member of a zip package as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflated; anything else ExcelJS cannot read. */
  method: number;
  /** General-purpose flags; bit 0 means the member is encrypted. */
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  /** Offset of the member's local header. */
  localOffset: number;
}

/** The end-of-central-directory record: in the last 22 bytes + up to 65,535 of comment. */
function findEndRecord(view: DataView): number {
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}

/**
 * The members listed in the central directory; null when it cannot be read whole (no end
 * record, a directory running past the end of the file, a broken entry). ZIP64 values are kept
 * as 0xFFFFFFFF: an .xlsx that needs them is far past any size limit anyway.
 */
export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndRecord(view);
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_ENTRY) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return null;
    entries.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      crc32: view.getUint32(offset + 16, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** True when a size or offset of the entry is a ZIP64 placeholder. */
export function usesZip64(entry: ZipEntry): boolean {
  return entry.compressedSize === ZIP64_MARK || entry.uncompressedSize === ZIP64_MARK || entry.localOffset === ZIP64_MARK;
}

/** Names of the parts in a zip package; [] when the central directory cannot be read. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  return (readCentralDirectory(bytes) ?? []).map((e) => e.name);
}
