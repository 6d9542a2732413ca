// Handing the resulting workbook to the clerk: a Blob and a download link. Nothing leaves the
// browser.

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** "Bảng điểm.xlsx" → "Bảng điểm - tổng hợp.xlsx". */
export function resultFileName(source: string): string {
  const base = source.replace(/\.xlsx$/i, "") || "bang-diem";
  return `${base} - tổng hợp.xlsx`;
}

/** "Bảng điểm.xlsx" → "Bảng điểm - báo cáo.docx" (the Word draft). */
export function reportFileName(source: string): string {
  const base = source.replace(/\.xlsx$/i, "") || "bang-diem";
  return `${base} - báo cáo.docx`;
}

/** Points the link at the bytes (releasing its previous URL) and clicks it. */
export function offerDownload(link: HTMLAnchorElement, bytes: Uint8Array, fileName: string, mime: string = XLSX_MIME): void {
  if (link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  const blob = new Blob([bytes as BlobPart], { type: mime });
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.hidden = false;
  link.click();
}
