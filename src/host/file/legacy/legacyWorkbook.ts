// The entry for old-format workbooks: tells an .xls (OLE compound file) from an .ods (zip with
// the OpenDocument spreadsheet mimetype) by their bytes and reads either into a ReadWorkbook.
// Everything that cannot be read is an XlsxReadError with a Vietnamese sentence.
import { isEncryptedOffice } from "../package/oleFile";
import { DEFAULT_LIMITS, PASSWORD_MESSAGE, type PackageLimits } from "../package/xlsxPackageCheck";
import { zipEntryNames } from "../package/xlsxParts";
import { XlsxReadError } from "../package/xlsxReadError";
import type { ReadWorkbook } from "../read/workbookModel";
import { hasOleSignature } from "./oleContainer";
import { readOds } from "./odsReader";
import { readXls } from "./xlsReader";

export { BIFF5_MESSAGE } from "./xlsReader";
export { ODS_MIMETYPE } from "./odsReader";

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Whether the bytes look like a file this entry reads (an OLE compound file, or a zip holding mimetype). */
export function isLegacyWorkbook(bytes: Uint8Array): boolean {
  return hasOleSignature(bytes) || (isZip(bytes) && zipEntryNames(bytes).includes("mimetype"));
}

/** Reads an .xls (Excel 97–2003) or .ods workbook; `limits` bounds what it may unpack and lay out. */
export async function readLegacyWorkbook(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): Promise<ReadWorkbook> {
  if (bytes.length === 0) throw new XlsxReadError("Tệp rỗng (0 byte), không phải bảng tính .xls hay .ods.", "empty file");
  if (hasOleSignature(bytes)) {
    // A password-protected .xlsx is an OLE file too: told by its EncryptionInfo stream, before the container is read.
    if (isEncryptedOffice(bytes)) throw new XlsxReadError(PASSWORD_MESSAGE, "OLE file with EncryptionInfo");
    return readXls(bytes, limits.maxUnpackedBytes);
  }
  if (isZip(bytes)) {
    const names = zipEntryNames(bytes);
    if (names.includes("xl/workbook.xml")) {
      throw new XlsxReadError("Tệp này là bảng tính .xlsx, không phải .xls hay .ods: hãy mở nó như tệp .xlsx.", "an .xlsx package");
    }
    if (names.length > 0 && !names.includes("mimetype")) {
      throw new XlsxReadError("Tệp nén nhưng không phải bảng tính .ods (thiếu phần mimetype). Hãy mở bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx.", "zip without mimetype");
    }
    return readOds(bytes, limits);
  }
  throw new XlsxReadError(
    "Không phải bảng tính .xls hay .ods (có thể là tệp .csv hoặc tệp khác đổi đuôi). Hãy mở bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx.",
    "neither OLE nor zip",
  );
}
