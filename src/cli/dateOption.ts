// `--date NĂM-THÁNG-NGÀY`: the report date. Only full four-digit years from 1900 on: Excel has no
// dates before 1900, and a JavaScript Date would quietly read year "0024" as 1924.

const FORMAT = "cần dạng NĂM-THÁNG-NGÀY, ví dụ 2024-01-15";

/** "2024-01-15" → that local date; null when it is not a real date from 1900 on. */
export function parseDate(text: string): Date | null {
  const parsed = dateOption(text);
  return parsed instanceof Date ? parsed : null;
}

/** The option's date (today when absent), or a Vietnamese reason to refuse it. */
export function dateOption(text: string | undefined): Date | { error: string } {
  if (text === undefined) return new Date();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) {
    const short = /^\d{1,3}-\d{1,2}-\d{1,2}$/.test(text);
    return {
      error: short
        ? `Năm phải viết đủ 4 chữ số: "${text}" (${FORMAT}).`
        : `Ngày không hợp lệ: "${text}" (${FORMAT}).`,
    };
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (m[1].startsWith("00")) return { error: `Năm phải viết đủ 4 chữ số: "${text}" (${FORMAT}).` };
  if (year < 1900) return { error: `Ngày trước năm 1900 không dùng được (Excel không có ngày này): "${text}".` };
  const d = new Date(year, month - 1, day);
  if (d.getMonth() !== month - 1 || d.getDate() !== day) return { error: `Ngày không hợp lệ: "${text}" (${FORMAT}).` };
  return d;
}
