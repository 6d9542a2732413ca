// The first look at bytes said to be an .xlsx: refuses, with a Vietnamese sentence, an empty file,
// a password-protected one, an old .xls, a .csv or another zip format renamed, before any part is
// inflated. Shared by the reader (readXlsx.ts) and the ExcelJS path kept for the tests.
import { isEncryptedOffice, isOleFile } from "../package/oleFile";
import { PASSWORD_MESSAGE } from "../package/xlsxPackageCheck";
import { zipEntryNames } from "../package/xlsxParts";
import { XlsxReadError } from "../package/xlsxReadError";

/** The first bytes of every zip file (an .xlsx is a zip package). */
function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Throws XlsxReadError unless the bytes are a zip package holding xl/workbook.xml. */
export function refuseNonWorkbook(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new XlsxReadError("Tệp rỗng (0 byte), không phải bảng tính .xlsx.", "empty file");
  if (isEncryptedOffice(bytes)) throw new XlsxReadError(PASSWORD_MESSAGE, "OLE file with EncryptionInfo");
  if (!looksLikeZip(bytes)) {
    const what = isOleFile(bytes) ? "có thể là tệp .xls cũ" : "có thể là tệp .xls cũ, .csv hoặc tệp khác đổi đuôi";
    throw new XlsxReadError(
      `Không phải tệp Excel .xlsx (${what}). Hãy mở bằng Excel và lưu lại dạng .xlsx.`,
      isOleFile(bytes) ? "OLE file without EncryptionInfo" : "no zip signature",
    );
  }
  // A zip without the workbook part is another format renamed (.ods, .docx, .xlsb).
  const names = zipEntryNames(bytes);
  if (names.length > 0 && !names.includes("xl/workbook.xml")) {
    throw new XlsxReadError(
      "Tệp nén nhưng không phải bảng tính .xlsx (có thể là tệp .ods, .xlsb hoặc .docx đổi đuôi). Hãy mở bằng Excel và lưu dạng Excel Workbook (.xlsx).",
      "no xl/workbook.xml part",
    );
  }
}
