// The errors the old-format readers throw: Vietnamese sentences naming the stream, record or part
// that is damaged, as XlsxReadError so the command line and the page treat them like .xlsx errors.
import { XlsxReadError, XlsxTooLargeError } from "../package/xlsxReadError";

const RESAVE = "Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx.";

/** A damaged .xls: `what` says where, e.g. "bản ghi SST ở vị trí 0x1A2B vượt quá cuối luồng Workbook". */
export function damagedXls(what: string, detail: string): XlsxReadError {
  return new XlsxReadError(`Tệp .xls bị hỏng: ${what}. ${RESAVE}`, detail);
}

/** A damaged .ods: `what` names the part. */
export function damagedOds(what: string, detail: string): XlsxReadError {
  return new XlsxReadError(`Tệp .ods bị hỏng: ${what}. ${RESAVE}`, detail);
}

/** An offset as the messages show it: 0x1A2B. */
export function hex(n: number): string {
  return `0x${n.toString(16).toUpperCase()}`;
}

const MB = 1024 * 1024;

/** A sheet whose cells, once laid out, would pass the reader's budget. */
export function tooManyCells(format: ".xls" | ".ods", sheet: string, cells: number, budget: number): XlsxReadError {
  return new XlsxTooLargeError(
    `Tệp ${format} quá lớn để đọc an toàn: sheet "${sheet}" cần khoảng ${cells.toLocaleString("vi-VN")} ô, vượt giới hạn ${budget.toLocaleString("vi-VN")} ô.`,
    `too many cells in ${sheet}: ${cells} > ${budget}`,
    Math.ceil((cells * BYTES_PER_CELL) / MB),
  );
}

/**
 * What one cell of a laid-out grid is allowed to cost, in bytes of the unpacked-size limit: the
 * cell budget is limit ÷ this (8.4 million cells under the default 32 MB).
 */
export const BYTES_PER_CELL = 4;
