// An .xls workbook (Excel 97–2003, BIFF8 in a compound file) read into the neutral ReadWorkbook:
// the Workbook stream's globals, then each worksheet substream found at the offset its
// BOUNDSHEET8 record gives. Excel 95 (BIFF5/7) and encrypted files are refused.
import type { ReadSheet, ReadWorkbook } from "../read/workbookModel";
import { PASSWORD_MESSAGE } from "../package/xlsxPackageCheck";
import { XlsxReadError } from "../package/xlsxReadError";
import { biffRecords } from "./biffRecords";
import { BYTES_PER_CELL, damagedXls, hex } from "./legacyErrors";
import { OleContainer } from "./oleContainer";
import { SheetBuilder } from "./sheetBuilder";
import { XlsGlobals } from "./xlsGlobals";
import { XlsSheetReader } from "./xlsSheet";

const BOF = 0x0809;
const EOF = 0x000a;
const BIFF8 = 0x0600;
const WORKSHEET_BOF = 0x0010;

export const BIFF5_MESSAGE =
  "Tệp .xls này ở định dạng Excel 5.0/95 (BIFF5) quá cũ, chưa đọc được. Hãy mở bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx.";

/** The notice for formulas kept only by their cached values. */
export function undecompiledNotice(count: number, format: ".xls" | ".ods"): string {
  return `${count} ô công thức trong tệp ${format} không chuyển được thành công thức Excel (dùng hàm hoặc kiểu tham chiếu chưa hỗ trợ); giá trị đã tính của các ô này vẫn được đọc.`;
}

/** Reads `bytes` (an OLE compound file) as an .xls workbook; `maxUnpackedBytes` bounds the grids. */
export function readXls(bytes: Uint8Array, maxUnpackedBytes: number): ReadWorkbook {
  const ole = new OleContainer(bytes);
  const names = ole.rootStreams();
  if (names.some((n) => n.toUpperCase() === "ENCRYPTIONINFO")) throw new XlsxReadError(PASSWORD_MESSAGE, "OLE file with EncryptionInfo");
  const stream = ole.stream("Workbook");
  if (!stream) {
    if (ole.stream("Book")) throw new XlsxReadError(BIFF5_MESSAGE, "BIFF5 Book stream");
    throw damagedXls("không có luồng Workbook (có thể không phải bảng tính Excel)", "no Workbook stream");
  }
  const budget = Math.floor(maxUnpackedBytes / BYTES_PER_CELL);
  const globals = new XlsGlobals();
  const records = biffRecords(stream, "Workbook");
  const first = records.next();
  if (first.done || first.value.type !== BOF) throw damagedXls("luồng Workbook không bắt đầu bằng bản ghi BOF", "no BOF");
  const version = new DataView(first.value.data.buffer, first.value.data.byteOffset).getUint16(0, true);
  if (version !== BIFF8) {
    if (version === 0x0500) throw new XlsxReadError(BIFF5_MESSAGE, "BIFF5 BOF");
    throw damagedXls(`bản ghi BOF có phiên bản ${hex(version)} không phải BIFF8`, `BOF version ${version}`);
  }
  // Not a for…of: leaving one early would close the generator the sheets are read from.
  let ended = false;
  for (let r = records.next(); !r.done; r = records.next()) {
    const rec = r.value;
    if (rec.type === EOF) {
      ended = true;
      break;
    }
    globals.read(rec);
    if (globals.encrypted) throw new XlsxReadError(PASSWORD_MESSAGE, "FILEPASS record");
  }
  if (!ended) throw damagedXls("luồng Workbook kết thúc trước bản ghi EOF của phần chung", "no globals EOF");

  const byOffset = new Map(globals.sheets.map((s, i) => [s.offset, i]));
  const read = new Map<number, ReadSheet>();
  let undecompiled = 0;
  // Substreams in file order; charts embedded in a sheet nest their own BOF…EOF inside it.
  let depth = 0;
  let sheet: XlsSheetReader | null = null;
  let builder: SheetBuilder | null = null;
  let index = -1;
  for (let r = records.next(); !r.done; r = records.next()) {
    const rec = r.value;
    if (rec.type === BOF) {
      depth++;
      if (depth === 1) {
        index = byOffset.get(rec.at) ?? -1;
        const entry = globals.sheets[index];
        const dt = rec.data.length >= 4 ? rec.data[2] | (rec.data[3] << 8) : 0;
        if (entry && entry.kind === 0 && dt === WORKSHEET_BOF && !read.has(index)) {
          builder = new SheetBuilder(entry.name, entry.state, ".xls", budget);
          sheet = new XlsSheetReader(globals, builder);
        }
      }
      continue;
    }
    if (rec.type === EOF) {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && sheet && builder) {
        sheet.finish();
        undecompiled += sheet.undecompiled;
        read.set(index, builder.build());
        sheet = null;
        builder = null;
      }
      continue;
    }
    if (depth === 1 && sheet) sheet.read(rec);
  }
  if (sheet) throw damagedXls(`sheet "${builder?.name}" không có bản ghi EOF (luồng Workbook bị cắt cụt)`, "sheet without EOF");

  const sheets: ReadSheet[] = [];
  const tabToSheet = new Map<number, number>();
  globals.sheets.forEach((entry, i) => {
    const s = read.get(i);
    if (s) {
      tabToSheet.set(i, sheets.length);
      sheets.push(s);
    } else if (entry.kind === 0) {
      throw damagedXls(`không tìm thấy dữ liệu của sheet "${entry.name}" ở vị trí ${hex(entry.offset)}`, `no substream for ${entry.name}`);
    }
  });
  return {
    format: "xls",
    sheets,
    definedNames: globals.definedNames(),
    activeSheet: globals.activeTab === null ? null : (tabToSheet.get(globals.activeTab) ?? null),
    notices: undecompiled > 0 ? [undecompiledNotice(undecompiled, ".xls")] : [],
  };
}
