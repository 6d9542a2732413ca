// Handing the resulting workbook to the clerk: a Blob and a download link. Nothing leaves the
// browser.
export { reportFileName, resultFileName, WORKBOOK_FILE } from "./fileNames";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** A workbook with macros: the result keeps them, so it keeps the extension and type too. */
export const XLSM_MIME = "application/vnd.ms-excel.sheet.macroEnabled.12";

/** Points the link at the bytes (releasing its previous URL) and clicks it. */
export function offerDownload(link: HTMLAnchorElement, bytes: Uint8Array, fileName: string, mime: string = /\.xlsm$/i.test(fileName) ? XLSM_MIME : XLSX_MIME): void {
  if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  const blob = new Blob([bytes as BlobPart], { type: mime });
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.hidden = false;
  link.click();
}
