// `cchc report FILE.xlsx -o OUT.docx [--force] [--sheet NAME]`: drafts the report clerks write
// (like the seed) as a Word document. Same safety as `summary`: the input is only read, OUT is
// never overwritten without --force and is written atomically.
// (`--previous PREV.xlsx` comes with the comparison of years, issue 10: the draft already prints
// ScoringSheet.comparison as a footnote when the analysis carries it.)
import { promises as fs } from "fs";
import { draftErrorNotice, draftReport, DraftError, PLACEHOLDER_HINT, placeholderCount } from "../engine/reportDraft";
import { openXlsx } from "../host/xlsxAnalysis";
import { renderDocx } from "../report/docxRender";
import { parseArgs } from "./args";
import { samePath } from "./summaryCommand";
import { OutputExistsError, writeFileSafely } from "./summaryWrite";

const USAGE = "Cách dùng: cchc report TỆP.xlsx -o BAO-CAO.docx [--force] [--sheet TÊN_BẢNG_ĐIỂM]";

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, { flags: ["--force"], options: { "--output": ["-o", "--out"], "--sheet": [] } });
  if (!parsed.ok) return fail(`${parsed.error}\n${USAGE}`);
  const { positional, flags, options } = parsed.args;
  if (positional.length !== 1) return fail(`Cần đúng một tệp đầu vào.\n${USAGE}`);
  const input = positional[0];
  const out = options.get("--output");
  if (out === undefined) return fail(`Thiếu tệp kết quả: -o BAO-CAO.docx\n${USAGE}`);
  if (!/\.docx$/i.test(out)) return fail(`Tệp kết quả phải có đuôi .docx: ${out}`);
  const force = flags.has("--force");
  if (await samePath(input, out)) return fail("Tệp kết quả trùng với tệp đầu vào; tệp đầu vào không bao giờ bị ghi đè.");
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
  let report;
  try {
    report = draftReport(opened.analysis, { sheet: options.get("--sheet"), grids: opened.userSheets });
  } catch (err) {
    if (err instanceof DraftError) return fail(`${input}: ${err.message}`);
    throw err;
  }
  try {
    await writeFileSafely(out, await renderDocx(report), force);
  } catch (err) {
    if (err instanceof OutputExistsError) return fail(err.message);
    return fail(`Không ghi được ${out} (${err instanceof Error ? err.message : String(err)}).`);
  }
  const units = report.source.units === null ? "" : ` và bảng đơn vị "${report.source.units}"`;
  process.stdout.write(`Đã ghi bản thảo báo cáo ${out} từ bảng điểm "${report.source.scoring}"${units}.\n`);
  const blanks = placeholderCount(report);
  if (blanks > 0) process.stdout.write(`${PLACEHOLDER_HINT} Còn ${blanks} chỗ.\n`);
  const notice = draftErrorNotice(report);
  if (notice.length > 0) process.stdout.write(`Lưu ý: ${notice.join("\n  ")}\n`);
  return 0;
}
