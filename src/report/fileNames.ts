// The names of the files the clerk opens and gets back, the same on the page, in the pane and in
// `cchc`. No DOM here: the command line uses it too.

/** Workbooks the page and the command line open: .xlsx, .xlsm, and old .xls and .ods (converted). */
export const WORKBOOK_FILE = /\.(xlsx|xlsm|xls|ods)$/i;

/**
 * "Bảng điểm.xlsx" → "Bảng điểm - tổng hợp.xlsx" (an .xlsm stays .xlsm; an .xls or .ods becomes
 * .xlsx, as its summary is a new .xlsx).
 */
export function resultFileName(source: string): string {
  const ext = /\.xlsm$/i.test(source) ? "xlsm" : "xlsx";
  const base = source.replace(WORKBOOK_FILE, "") || "bang-diem";
  return `${base} - tổng hợp.${ext}`;
}

/** "Bảng điểm.xlsx" → "Bảng điểm - báo cáo.docx" (the Word draft). */
export function reportFileName(source: string): string {
  const base = source.replace(WORKBOOK_FILE, "") || "bang-diem";
  return `${base} - báo cáo.docx`;
}
