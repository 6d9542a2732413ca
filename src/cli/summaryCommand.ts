// `cchc summary FILE.xlsx -o OUT.xlsx [--force] [--sheet NAME] [--date YYYY-MM-DD]`: writes OUT,
// a copy of the workbook with the sheets "Tổng hợp trách nhiệm" (and "Xếp hạng" where it
// applies) added exactly as the task pane writes them. The input is only read, never written.
import { promises as fs } from "fs";
import * as path from "path";
import { buildReportPlans } from "../engine/reportPlans";
import { openXlsx } from "../host/xlsxAnalysis";
import { saveWorkbook } from "../host/xlsxLoad";
import { copyWarning } from "../host/xlsxParts";
import { parseArgs } from "./args";
import { OutputExistsError, writeFileSafely } from "./summaryWrite";
import { checkFile } from "./checkCommand";
import { loadPrevious, withPrevious } from "./previousOption";

const USAGE = "Cách dùng: cchc summary TỆP.xlsx -o RA.xlsx [--force] [--sheet TÊN_SHEET] [--date NĂM-THÁNG-NGÀY] [--previous TỆP_NĂM_TRƯỚC]";

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

/** "2024-01-15" → that local date; null when it is not a real date. */
export function parseDate(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]) ? d : null;
}

async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  return (await real(a)) === (await real(b));
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, {
    flags: ["--force"],
    options: { "--output": ["-o", "--out"], "--sheet": [], "--date": [], "--previous": [] },
  });
  if (!parsed.ok) return fail(`${parsed.error}\n${USAGE}`);
  const { positional, flags, options } = parsed.args;
  if (positional.length !== 1) return fail(`Cần đúng một tệp đầu vào.\n${USAGE}`);
  const input = positional[0];
  const out = options.get("--output");
  if (out === undefined) return fail(`Thiếu tệp kết quả: -o RA.xlsx\n${USAGE}`);
  if (!/\.xlsx$/i.test(out)) return fail(`Tệp kết quả phải có đuôi .xlsx: ${out}`);
  const dateText = options.get("--date");
  const date = dateText === undefined ? new Date() : parseDate(dateText);
  if (date === null) return fail(`Ngày không hợp lệ: "${dateText}" (cần dạng NĂM-THÁNG-NGÀY, ví dụ 2024-01-15).`);
  const force = flags.has("--force");

  if (await samePath(input, out)) return fail("Tệp kết quả trùng với tệp đầu vào; tệp đầu vào không bao giờ bị ghi đè.");
  // Checked before the work so the clerk hears it at once; checked again when writing.
  try {
    await fs.lstat(out);
    if (!force) return fail(new OutputExistsError(out).message);
  } catch {
    // OUT does not exist: fine.
  }

  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(input);
  } catch (err) {
    return fail(`Không đọc được tệp ${input} (${err instanceof Error ? err.message : String(err)}).`);
  }
  let opened;
  try {
    opened = await openXlsx(bytes);
  } catch (err) {
    return fail(`${input}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const sheet = options.get("--sheet");
  if (sheet !== undefined) {
    const found = opened.analysis.sheets.find((s) => s.sheet === sheet);
    if (!found) return fail(`Không có sheet "${sheet}" trong ${input}.`);
    if (found.kind !== "scoring") return fail(`Sheet "${sheet}" không phải bảng điểm.`);
  }
  let analysis = opened.analysis;
  const previous = await loadPrevious(options.get("--previous"), checkFile);
  if (previous && "error" in previous) return fail(previous.error);
  if (previous) {
    // Last year's comparison goes into "Tổng hợp trách nhiệm"; without any, nothing is written.
    const compared = withPrevious({ file: input, analysis }, previous);
    if (!compared.ok) return fail(compared.messages.join("\n"));
    for (const m of compared.messages) process.stderr.write(m + "\n");
    analysis = compared.result.analysis!;
  }
  const plans = buildReportPlans(analysis, { date, ...(sheet !== undefined ? { sheet } : {}) });
  if (plans.length === 0) {
    return fail(`${input}: không tìm thấy bảng điểm hay bảng kết quả các đơn vị nào, không có gì để tổng hợp.`);
  }
  const names = await opened.port.writeSheets(plans);
  try {
    await writeFileSafely(out, await saveWorkbook(opened.port.workbook), force);
  } catch (err) {
    if (err instanceof OutputExistsError) return fail(err.message);
    return fail(`Không ghi được ${out} (${err instanceof Error ? err.message : String(err)}).`);
  }
  const errors = opened.analysis.sheets.reduce((n, s) => n + s.findings.filter((f) => f.severity === "error").length, 0);
  process.stdout.write(`Đã ghi ${out} với các sheet: ${names.map((n) => `"${n}"`).join(", ")}.\n`);
  const warning = copyWarning(bytes);
  if (warning !== null) process.stderr.write(warning + "\n");
  if (errors > 0) process.stdout.write(`Lưu ý: bảng tính có ${errors} lỗi; xem bằng lệnh: cchc check ${input}\n`);
  return 0;
}
