// `cchc summary FILE.xlsx -o OUT.xlsx [--force] [--sheet NAME] [--date YYYY-MM-DD] [--previous PREV]
// [--explanation] [--max-size MB]`: writes OUT, the workbook's own package with the sheets "Tổng
// hợp trách nhiệm" (and "Xếp hạng", "Phân tích tiêu chí" where they apply) added exactly as the
// task pane writes them, and with --explanation the request for explanation "Yêu cầu giải trình"
// of the scoring sheet, as the pane's "Tạo phiếu đề nghị giải trình" writes it; every other part
// is copied as it is. The input is only read, never written.
import { keptSheetMessage, type KeptSheet } from "../engine/plans/generatedFingerprint";
import { buildReportPlans } from "../engine/plans/reportPlans";
import { buildExplanationPlan } from "../engine/plans/explanationPlan";
import { defaultScoringSheet } from "../host/file/xlsxAnalysis";
import { SETTINGS_USAGE } from "./settingsOptions";
import { fail, openInput, outputRefusal, parseWritingArgs } from "./commandInput";
import { dateOption } from "./dateOption";
import { OutputExistsError, writeFileSafely } from "./summaryWrite";

const USAGE =
  `Cách dùng: cchc summary TỆP.xlsx -o RA.xlsx [--force] [--sheet TÊN_SHEET] [--date NĂM-THÁNG-NGÀY] [--previous TỆP_NĂM_TRƯỚC] [--explanation] [--max-size MB] ${SETTINGS_USAGE}`;

const EXPLANATION_FLAG = "--explanation";

export async function run(argv: string[]): Promise<number> {
  const args = parseWritingArgs(argv, USAGE, "RA.xlsx", { "--sheet": [], "--date": [] }, [EXPLANATION_FLAG]);
  if (typeof args === "number") return args;
  const { input, out, force, options } = args;
  if (!/\.xls[xm]$/i.test(out)) return fail(`Tệp kết quả phải có đuôi .xlsx (hoặc .xlsm khi bảng tính có macro): ${out}`);
  const date = dateOption(options.get("--date"));
  if (!(date instanceof Date)) return fail(date.error);

  const refusal = await outputRefusal(input, out, force, options.get("--previous"));
  if (refusal !== null) return fail(refusal);
  const read = await openInput(input, options);
  if ("error" in read) return fail(read.error);
  const { opened, analysis } = read;
  // The output keeps the input's macros, so it must carry the extension Excel opens them with.
  let macros: boolean;
  try {
    macros = await opened.port.hasMacros();
  } catch (err) {
    return fail(`${input}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (opened.converted && !/\.xlsx$/i.test(out)) return fail(`${input} là tệp .${opened.converted.format}: bản tổng hợp là một tệp .xlsx mới, hãy đặt tên tệp kết quả có đuôi .xlsx: ${out}`);
  if (macros && !/\.xlsm$/i.test(out)) return fail(`${input} có macro (VBA); tệp kết quả phải có đuôi .xlsm để giữ macro: ${out}`);
  if (!macros && /\.xlsm$/i.test(out)) return fail(`${input} không có macro; tệp kết quả phải có đuôi .xlsx: ${out}`);
  const wanted = options.get("--sheet");
  if (wanted !== undefined) {
    const found = opened.analysis.sheets.find((s) => s.sheet === wanted);
    if (!found) return fail(`Không có sheet "${wanted}" trong ${input}.`);
    if (found.kind !== "scoring") return fail(`Sheet "${wanted}" không phải bảng điểm.`);
  }
  const sheet = wanted ?? defaultScoringSheet(opened)?.sheet;
  const plans = buildReportPlans(analysis, { date, ...(sheet !== undefined ? { sheet } : {}) });
  if (args.flags.has(EXPLANATION_FLAG)) {
    const scoring = analysis.sheets.find((s) => s.sheet === sheet);
    if (scoring?.kind !== "scoring") return fail(`${input}: không có bảng điểm nào để lập yêu cầu giải trình (${EXPLANATION_FLAG}).`);
    const explanation = buildExplanationPlan(scoring, { date, settings: opened.settings });
    if (explanation === null) {
      return fail(`Bảng điểm "${scoring.sheet}" không có cả điểm tự đánh giá và điểm thẩm định: không lập được yêu cầu giải trình (${EXPLANATION_FLAG}).`);
    }
    plans.push(explanation);
  }
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
  for (const line of read.settingsLines) process.stdout.write(`${line}\n`);
  for (const k of kept) process.stdout.write(`${keptSheetMessage(k)}\n`);
  for (const notice of opened.converted?.notices ?? []) process.stdout.write(`Lưu ý: ${notice}\n`);
  if (errors > 0) process.stdout.write(`Lưu ý: bảng tính có ${errors} lỗi; xem bằng lệnh: cchc check ${input}\n`);
  return 0;
}
