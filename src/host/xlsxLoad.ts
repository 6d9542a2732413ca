// Loading and saving .xlsx bytes with ExcelJS, with Vietnamese messages for files that are not
// workbooks. Works in Node and in the browser (bytes in, bytes out; no file system).
import { Workbook } from "exceljs";
import { zipEntryNames } from "./xlsxParts";

/** A file that could not be read as an .xlsx workbook; `message` is Vietnamese. */
export class XlsxReadError extends Error {
  constructor(message: string, readonly detail: string) {
    super(message);
    this.name = "XlsxReadError";
  }
}

/** The first bytes of every zip file (an .xlsx is a zip package). */
function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0) throw new XlsxReadError("Tệp rỗng (0 byte), không phải bảng tính .xlsx.", "empty file");
  if (!looksLikeZip(bytes)) {
    throw new XlsxReadError(
      "Không phải tệp Excel .xlsx (có thể là tệp .xls cũ, .csv hoặc tệp khác đổi đuôi). Hãy mở bằng Excel và lưu lại dạng .xlsx.",
      "no zip signature",
    );
  }
  // A zip without the workbook part is another format renamed (.ods, .docx, .xlsb); ExcelJS would
  // read it as a workbook with no sheet. An unreadable directory (a truncated file) is left to ExcelJS.
  const names = zipEntryNames(bytes);
  if (names.length > 0 && !names.includes("xl/workbook.xml")) {
    throw new XlsxReadError(
      "Tệp nén nhưng không phải bảng tính .xlsx (có thể là tệp .ods, .xlsb hoặc .docx đổi đuôi). Hãy mở bằng Excel và lưu dạng Excel Workbook (.xlsx).",
      "no xl/workbook.xml part",
    );
  }
  const wb = new Workbook();
  try {
    // ExcelJS's typings ask for a Node Buffer; it accepts any ArrayBuffer view (JSZip underneath).
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new XlsxReadError(`Tệp .xlsx bị hỏng hoặc không đầy đủ, không đọc được (${detail}).`, detail);
  }
  return wb;
}

/** The workbook as .xlsx bytes. */
export async function saveWorkbook(wb: Workbook): Promise<Uint8Array> {
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
