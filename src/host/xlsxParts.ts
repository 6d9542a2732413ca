// What an .xlsx package holds that ExcelJS cannot carry over into a copy (charts, pivot tables
// …), found from the part names in the zip's central directory. The copy `cchc summary` and the
// standalone page write would lack those parts, so the clerk is told before relying on it.

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;

/** Names of the parts in a zip package; [] when the central directory cannot be read. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 bytes + up to 65,535 of comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder("utf-8");
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_ENTRY) break;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Part-name prefixes ExcelJS does not copy, with what the clerk calls them. */
const UNSUPPORTED: readonly [string, string][] = [
  ["xl/charts/", "biểu đồ"],
  ["xl/pivotTables/", "PivotTable"],
  ["xl/pivotCache/", "PivotTable"],
  ["xl/slicers/", "slicer"],
  ["xl/slicerCaches/", "slicer"],
  ["xl/timelines/", "timeline"],
  ["xl/externalLinks/", "liên kết tới tệp khác"],
  ["xl/threadedComments/", "ghi chú dạng hội thoại"],
  ["xl/ctrlProps/", "nút điều khiển (form control)"],
  ["xl/vbaProject.bin", "macro"],
  ["xl/model/", "mô hình dữ liệu (Data Model)"],
];

/** What a copy made with ExcelJS would lose, as Vietnamese labels without repeats. */
export function partsLostInCopy(bytes: Uint8Array): string[] {
  const names = zipEntryNames(bytes);
  const lost: string[] = [];
  for (const [prefix, label] of UNSUPPORTED) {
    if (names.some((n) => n.startsWith(prefix)) && !lost.includes(label)) lost.push(label);
  }
  return lost;
}

/** The warning shown when the copy loses something; null when it loses nothing we know of. */
export function copyWarning(bytes: Uint8Array): string | null {
  const lost = partsLostInCopy(bytes);
  if (lost.length === 0) return null;
  return `Lưu ý: tệp gốc có ${lost.join(", ")}; bản sao mới sẽ không có những phần này (tệp gốc vẫn giữ nguyên).`;
}
