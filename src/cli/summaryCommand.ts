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
import { dateOption } from "./dateOption";
import { readInputFile } from "./files";
import { MAX_SIZE_OPTION, parseMaxSize, readErrorMessage } from "./sizeOption";
import { OutputExistsError, writeFileSafely } from "./summaryWrite";

const USAGE = "Cách dùng: cchc summary TỆP.xlsx -o RA.xlsx [--force] [--sheet TÊN_SHEET] [--date NĂM-THÁNG-NGÀY] [--max-size MB]";

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  return (await real(a)) === (await real(b));
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, {
    flags: ["--force"],
    options: { "--output": ["-o", "--out"], "--sheet": [], "--date": [], [MAX_SIZE_OPTION]: [] },
  });
  if (!parsed.ok) return fail(`${parsed.error}\n${USAGE}`);
  const { positional, flags, options } = parsed.args;
  if (positional.length !== 1) return fail(`Cần đúng một tệp đầu vào.\n${USAGE}`);
  const input = positional[0];
  const out = options.get("--output");
  if (out === undefined) return fail(`Thiếu tệp kết quả: -o RA.xlsx\n${USAGE}`);
  if (!/\.xlsx$/i.test(out)) return fail(`Tệp kết quả phải có đuôi .xlsx: ${out}`);
  const date = dateOption(options.get("--date"));
  if (!(date instanceof Date)) return fail(date.error);
  const force = flags.has("--force");

  if (await samePath(input, out)) return fail("Tệp kết quả trùng với tệp đầu vào; tệp đầu vào không bao giờ bị ghi đè.");
  // Checked before the work so the clerk hears it at once; checked again when writing.
  try {
    await fs.lstat(out);
    if (!force) return fail(new OutputExistsError(out).message);
  } catch {
    // OUT does not exist: fine.
  }

  const limits = parseMaxSize(options.get(MAX_SIZE_OPTION));
  if ("error" in limits) return fail(limits.error);
  let bytes: Uint8Array;
  let opened;
  try {
    bytes = await readInputFile(input, limits.maxUnpackedBytes);
    opened = await openXlsx(bytes, undefined, limits);
  } catch (err) {
    return fail(`${input}: ${readErrorMessage(err)}`);
  }
  const sheet = options.get("--sheet");
  if (sheet !== undefined) {
    const found = opened.analysis.sheets.find((s) => s.sheet === sheet);
    if (!found) return fail(`Không có sheet "${sheet}" trong ${input}.`);
    if (found.kind !== "scoring") return fail(`Sheet "${sheet}" không phải bảng điểm.`);
  }
  const plans = buildReportPlans(opened.analysis, { date, ...(sheet !== undefined ? { sheet } : {}) });
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
