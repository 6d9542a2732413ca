// Telling dates from numbers by their number format, the way ExcelJS does for .xlsx (a built-in
// date format id, or a format code with date or time letters outside quotes and brackets), and
// turning a serial date into the Date the .xlsx path gives (UTC midnight of that day).

/** Built-in format ids that show dates or times: 14–22, 45–47, and the East Asian 27–36, 50–58. */
function isBuiltinDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** Whether a format code shows a date or time. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/\\./g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  if (/^general$/i.test(bare.trim())) return false;
  return /[ymdhs]/i.test(bare);
}

/** Whether format `id` is a date format, given the workbook's own format codes by id. */
export function isDateFormat(id: number, codes: ReadonlyMap<number, string>): boolean {
  const code = codes.get(id);
  return code === undefined ? isBuiltinDate(id) : isDateFormatCode(code);
}

const DAY_MS = 24 * 3600 * 1000;
/** Serial 25569 is 1970-01-01 in the 1900 system; the 1904 system counts 1462 days fewer. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
}
