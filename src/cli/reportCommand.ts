// `cchc report FILE.xlsx [--previous PREV.xlsx] -o OUT.docx [--force] [--sheet NAME] [--max-size MB]`:
// drafts the report clerks write (like the seed) as a Word document. Same safety as `summary`:
// the input is only read, OUT is never overwritten without --force and is written atomically.
// With --previous, each scoring sheet is compared with last year's sheet of the same unit and the
// draft gives the change as a footnote.
import { draftErrorNotice, draftReport, DraftError, PLACEHOLDER_HINT, placeholderCount } from "../engine/reportDraft";
import { defaultScoringSheet } from "../host/file/xlsxAnalysis";
import { renderDocx } from "../report/docxRender";
import { SETTINGS_USAGE } from "./settingsOptions";
import { fail, openInput, outputRefusal, parseWritingArgs } from "./commandInput";
import { OutputExistsError, writeFileSafely } from "./summaryWrite";

const USAGE =
  `Cách dùng: cchc report TỆP.xlsx -o BAO-CAO.docx [--force] [--sheet TÊN_BẢNG_ĐIỂM] [--previous TỆP_NĂM_TRƯỚC] [--max-size MB] ${SETTINGS_USAGE}`;

export async function run(argv: string[]): Promise<number> {
  const args = parseWritingArgs(argv, USAGE, "BAO-CAO.docx", { "--sheet": [] });
  if (typeof args === "number") return args;
  const { input, out, force, options } = args;
  if (!/\.docx$/i.test(out)) return fail(`Tệp kết quả phải có đuôi .docx: ${out}`);
  const refusal = await outputRefusal(input, out, force, options.get("--previous"));
  if (refusal !== null) return fail(refusal);
  const read = await openInput(input, options);
  if ("error" in read) return fail(read.error);
  const { opened, analysis } = read;
  // Without --sheet the first visible scoring sheet (an old year is often kept hidden).
  const sheet = options.get("--sheet") ?? defaultScoringSheet(opened)?.sheet;
  let report;
  try {
    report = draftReport(analysis, { sheet, grids: opened.userSheets });
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
  const units = report.source.units.length === 0 ? "" : ` và bảng đơn vị ${report.source.units.map((u) => `"${u}"`).join(", ")}`;
  process.stdout.write(`Đã ghi bản thảo báo cáo ${out} từ bảng điểm "${report.source.scoring}"${units}.\n`);
  for (const line of read.settingsLines) process.stdout.write(`${line}\n`);
  const blanks = placeholderCount(report);
  if (blanks > 0) process.stdout.write(`${PLACEHOLDER_HINT} Còn ${blanks} chỗ.\n`);
  const notice = draftErrorNotice(report);
  if (notice.length > 0) process.stdout.write(`Lưu ý: ${notice.join("\n  ")}\n`);
  return 0;
}
