// Handing the resulting workbook to the clerk: a Blob and a download link. Nothing leaves the
// browser.

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** A workbook with macros: the result keeps them, so it keeps the extension and type too. */
export const XLSM_MIME = "application/vnd.ms-excel.sheet.macroEnabled.12";

/** "Bảng điểm.xlsx" → "Bảng điểm - tổng hợp.xlsx" (an .xlsm stays .xlsm). */
export function resultFileName(source: string): string {
  const ext = /\.xlsm$/i.test(source) ? "xlsm" : "xlsx";
  const base = source.replace(/\.xls[xm]$/i, "") || "bang-diem";
  return `${base} - tổng hợp.${ext}`;
}

/** "Bảng điểm.xlsx" → "Bảng điểm - báo cáo.docx" (the Word draft). */
export function reportFileName(source: string): string {
  const base = source.replace(/\.xls[xm]$/i, "") || "bang-diem";
  return `${base} - báo cáo.docx`;
}

/** Points the link at the bytes (releasing its previous URL) and clicks it. */
export function offerDownload(link: HTMLAnchorElement, bytes: Uint8Array, fileName: string, mime: string = /\.xlsm$/i.test(fileName) ? XLSM_MIME : XLSX_MIME): void {
  if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  const blob = new Blob([bytes as BlobPart], { type: mime });
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.hidden = false;
  link.click();
}
