// `cchc report FILE.xlsx [FILE2.xlsx …] [--previous PREV.xlsx] -o OUT.docx [--force] [--sheet NAME]
// [--issuer NAME] [--max-size MB]`: drafts the report clerks write (like the seed) as a Word
// document, from one workbook or several read as one (a district's scoring sheet and its
// communes' table in another file; a province's ranking tables alone). Same safety as `summary`:
// the inputs are only read, OUT is never overwritten without --force and is written atomically.
// With --previous, each scoring sheet is compared with last year's sheet of the same unit and the
// draft gives the change as a footnote.
import { draftErrorNotice, draftReport, DraftError, PLACEHOLDER_HINT, placeholderCount } from "../engine/reportDraft";
import { renderDocx } from "../report/docxRender";
import { draftCharts } from "../engine/plans/draftCharts";
import { parseArgs } from "./args";
import { fail, outputRefusal } from "./commandInput";
import { inputAt, openReportInputs } from "./reportInputs";
import { MAX_SIZE_OPTION } from "./sizeOption";
import { BANDS_OPTION, COLUMNS_OPTION, SETTINGS_USAGE } from "./settingsOptions";
import { OutputExistsError, writeFileSafely } from "./summaryWrite";

const USAGE =
  "Cách dùng: cchc report TỆP.xlsx [TỆP_2.xlsx …] -o BAO-CAO.docx [--force] [--sheet TÊN_BẢNG_ĐIỂM] [--issuer \"UBND huyện …\"] " +
  `[--previous TỆP_NĂM_TRƯỚC] [--max-size MB] ${SETTINGS_USAGE}`;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, {
    flags: ["--force"],
    options: { "--output": ["-o", "--out"], "--previous": [], [MAX_SIZE_OPTION]: [], "--sheet": [], "--issuer": [], [COLUMNS_OPTION]: [], [BANDS_OPTION]: [] },
  });
  if (!parsed.ok) return fail(`${parsed.error}\n${USAGE}`);
  const { positional: inputs, flags, options } = parsed.args;
  if (inputs.length === 0) return fail(`Cần ít nhất một tệp đầu vào.\n${USAGE}`);
  const out = options.get("--output");
  if (out === undefined) return fail(`Thiếu tệp kết quả: -o BAO-CAO.docx\n${USAGE}`);
  const force = flags.has("--force");
  if (!/\.docx$/i.test(out)) return fail(`Tệp kết quả phải có đuôi .docx: ${out}`);
  // OUT equal to any input is said as such, before "already exists".
  const input = (await inputAt(inputs, out)) ?? inputs[0];
  const refusal = await outputRefusal(input, out, force, options.get("--previous"));
  if (refusal !== null) return fail(refusal);
  const read = await openReportInputs(inputs, options);
  if ("error" in read) return fail(read.error);
  // --issuer, else the one saved in the workbook's settings, else the title rows'.
  const issuer = options.get("--issuer")?.trim() || read.settings.issuer || undefined;
  let report;
  try {
    report = draftReport(read.analysis, {
      sheet: options.get("--sheet"),
      grids: read.grids,
      hidden: read.hidden,
      leadOffices: read.settings.leadOffices ?? null,
      ...(issuer ? { issuer } : {}),
    });
  } catch (err) {
    if (err instanceof DraftError) return fail(`${inputs.join(", ")}: ${err.message}`);
    throw err;
  }
  try {
    const charts = draftCharts(read.analysis, { sheet: report.source.scoring, settings: read.settings });
    await writeFileSafely(out, await renderDocx(report, { charts }), force);
  } catch (err) {
    if (err instanceof OutputExistsError) return fail(err.message);
    return fail(`Không ghi được ${out} (${err instanceof Error ? err.message : String(err)}).`);
  }
  const sources = [
    ...(report.source.scoring === null ? [] : [`bảng điểm "${report.source.scoring}"`]),
    ...(report.source.units.length === 0 ? [] : [`bảng đơn vị ${report.source.units.map((u) => `"${u}"`).join(", ")}`]),
  ];
  const from = sources.length > 0 ? sources.join(" và ") : "các bảng điểm của các đơn vị";
  process.stdout.write(`Đã ghi bản thảo báo cáo ${out} từ ${from}.\n`);
  for (const line of read.settingsLines) process.stdout.write(`${line}\n`);
  const blanks = placeholderCount(report);
  if (blanks > 0) process.stdout.write(`${PLACEHOLDER_HINT} Còn ${blanks} chỗ.\n`);
  const notice = draftErrorNotice(report);
  if (notice.length > 0) process.stdout.write(`Lưu ý: ${notice.join("\n  ")}\n`);
  return 0;
}
