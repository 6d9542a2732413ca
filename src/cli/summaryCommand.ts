// `cchc summary FILE.xlsx -o OUT.xlsx [--force] [--sheet NAME] [--date YYYY-MM-DD] [--previous PREV]`: writes OUT,
// the workbook's own package with the sheets "Tổng hợp trách nhiệm" (and "Xếp hạng" where it
// applies) added exactly as the task pane writes them; every other part is copied as it is. The
// input is only read, never written.
import { promises as fs } from "fs";
import * as path from "path";
import { keptSheetMessage, type KeptSheet } from "../engine/generatedFingerprint";
import { buildReportPlans } from "../engine/reportPlans";
import { defaultScoringSheet, openXlsx } from "../host/xlsxAnalysis";
import { parseArgs } from "./args";
import { dateOption } from "./dateOption";
import { readInputFile } from "./files";
import { MAX_SIZE_OPTION, parseMaxSize, readErrorMessage } from "./sizeOption";
import { OutputExistsError, writeFileSafely } from "./summaryWrite";
import { checkFile } from "./checkCommand";
import { loadPrevious, withPrevious } from "./previousOption";

const USAGE =
  "Cách dùng: cchc summary TỆP.xlsx -o RA.xlsx [--force] [--sheet TÊN_SHEET] [--date NĂM-THÁNG-NGÀY] [--previous TỆP_NĂM_TRƯỚC] [--max-size MB]";

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

export async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  return (await real(a)) === (await real(b));
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, {
    flags: ["--force"],
    options: { "--output": ["-o", "--out"], "--sheet": [], "--date": [], "--previous": [], [MAX_SIZE_OPTION]: [] },
  });
  if (!parsed.ok) return fail(`${parsed.error}\n${USAGE}`);
  const { positional, flags, options } = parsed.args;
  if (positional.length !== 1) return fail(`Cần đúng một tệp đầu vào.\n${USAGE}`);
  const input = positional[0];
  const out = options.get("--output");
  if (out === undefined) return fail(`Thiếu tệp kết quả: -o RA.xlsx\n${USAGE}`);
  if (!/\.xls[xm]$/i.test(out)) return fail(`Tệp kết quả phải có đuôi .xlsx (hoặc .xlsm khi bảng tính có macro): ${out}`);
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
  // The output keeps the input's macros, so it must carry the extension Excel opens them with.
  let macros: boolean;
  try {
    macros = await opened.port.hasMacros();
  } catch (err) {
    return fail(`${input}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (macros && !/\.xlsm$/i.test(out)) return fail(`${input} có macro (VBA); tệp kết quả phải có đuôi .xlsm để giữ macro: ${out}`);
  if (!macros && /\.xlsm$/i.test(out)) return fail(`${input} không có macro; tệp kết quả phải có đuôi .xlsx: ${out}`);
  const wanted = options.get("--sheet");
  if (wanted !== undefined) {
    const found = opened.analysis.sheets.find((s) => s.sheet === wanted);
    if (!found) return fail(`Không có sheet "${wanted}" trong ${input}.`);
    if (found.kind !== "scoring") return fail(`Sheet "${wanted}" không phải bảng điểm.`);
  }
  const sheet = wanted ?? defaultScoringSheet(opened)?.sheet;
  let analysis = opened.analysis;
  const previous = await loadPrevious(options.get("--previous"), (file) => checkFile(file, limits));
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
  const kept: KeptSheet[] = [];
  let names: string[];
  try {
    names = await opened.port.writeSheets(plans, kept);
    await writeFileSafely(out, await opened.port.save(), force);
  } catch (err) {
    if (err instanceof OutputExistsError) return fail(err.message);
    return fail(`Không ghi được ${out} (${err instanceof Error ? err.message : String(err)}).`);
  }
  const errors = opened.analysis.sheets.reduce((n, s) => n + s.findings.filter((f) => f.severity === "error").length, 0);
  process.stdout.write(`Đã ghi ${out} với các sheet: ${names.map((n) => `"${n}"`).join(", ")}.\n`);
  if (sheet !== undefined) process.stdout.write(`Tổng hợp từ bảng điểm "${sheet}"${wanted === undefined ? " (chọn sheet khác bằng --sheet TÊN_SHEET)" : ""}.\n`);
  for (const k of kept) process.stdout.write(`${keptSheetMessage(k)}\n`);
  if (errors > 0) process.stdout.write(`Lưu ý: bảng tính có ${errors} lỗi; xem bằng lệnh: cchc check ${input}\n`);
  return 0;
}
