// `cchc appraisal FOLDER|FILE… -o OUTDIR [--force] [--template T.xlsx] [--max-size MB] [--issuer TEXT]
// [--days N] [--date YYYY-MM-DD]`: the appraisal council's papers (issue 19 §4). Every scoring sheet
// with both self-assessed and appraised points is one unit; OUTDIR gets one request for
// explanation per unit (.docx, the report's layout) and the summary workbook "Tong-hop-tham-dinh.xlsx"
// with the sheet "Kết quả thẩm định". A unit with nothing cut still gets a (short) document saying
// so. Nothing is written over an existing file without --force: every name is checked first.
// Exit 2 when an input cannot be used (the others are still written), 0 otherwise.
import { promises as fs } from "fs";
import * as path from "path";
import type { Grid, ScoringSheet, WorkbookAnalysis } from "../engine/core/types";
import { appraisalAcross, appraisedUnitSheets } from "../engine/compare/appraisalAcross";
import { unitKey } from "../engine/scoring/responsible";
import { buildAppraisalPlanOf } from "../engine/plans/appraisalPlan";
import { explanationRequest } from "../engine/reportDraft/explanationRequest";
import { bodyKey, commonBody, titleBodies } from "../engine/reportDraft/titleRows";
import { openXlsx } from "../host/file/xlsxAnalysis";
import { newWorkbookOf } from "../host/file/newWorkbook";
import type { PackageLimits } from "../host/file/package/xlsxPackageCheck";
import { renderDocx } from "../report/docxRender";
import { distinctFileNames, safeFileBase } from "../report/fileNames";
import { parseArgs } from "./args";
import { escapeControls } from "./checkText";
import { fail } from "./commandInput";
import { dateOption } from "./dateOption";
import { discoverInputs, readInputFile } from "./files";
import { MAX_SIZE_OPTION, parseMaxSize, readErrorMessage } from "./sizeOption";
import { OutputExistsError, writeFileSafely } from "./summaryWrite";
import { TEMPLATE_OPTION, loadTemplate, withTemplate, withoutTemplateFile } from "./templateOption";
import { templateFileText } from "./templateSummary";

const USAGE =
  "Cách dùng: cchc appraisal THƯ_MỤC_HOẶC_TỆP... -o THƯ_MỤC_RA [--force] [--template TỆP_MẪU.xlsx[#SHEET]] " +
  '[--issuer "UBND huyện …"] [--days SỐ_NGÀY] [--date NĂM-THÁNG-NGÀY] [--max-size MB]';

export const SUMMARY_FILE = "Tong-hop-tham-dinh.xlsx";

/** Progress lines on stderr start past this many files (as `cchc check`). */
const PROGRESS_FROM = 10;

/** One unit to write: its sheet, the grid it was read from and the file it came from. */
interface UnitSheet {
  file: string;
  sheet: ScoringSheet;
  grid: Grid | undefined;
}

/** Labels for the units: their names, with the file where two would read the same. */
function unitLabels(units: readonly UnitSheet[]): string[] {
  const names = units.map((u) => u.sheet.unit ?? u.sheet.title ?? u.sheet.sheet);
  const counts = new Map<string, number>();
  for (const n of names) counts.set(unitKey(n), (counts.get(unitKey(n)) ?? 0) + 1);
  return names.map((n, i) => ((counts.get(unitKey(n)) ?? 0) > 1 ? `${n} (${path.basename(units[i].file)})` : n));
}

/**
 * The body the council belongs to: the line every unit's title rows share, each unit's own line
 * left out (one commune's sheet names the district above it); null when none.
 */
function councilBody(units: readonly UnitSheet[]): string | null {
  return commonBody(
    units.map((u) => {
      const own = [u.sheet.unit, u.sheet.title].filter((n): n is string => typeof n === "string").map(bodyKey);
      return (u.grid ? titleBodies(u.grid, u.sheet.header.row) : []).filter((line) => !own.includes(bodyKey(line)));
    }),
  );
}

/** `--days`: a whole number of working days, 1 to 90. */
function daysOption(text: string | undefined): number | undefined | { error: string } {
  if (text === undefined) return undefined;
  const n = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
  return n >= 1 && n <= 90 ? n : { error: `--days cần số ngày làm việc từ 1 đến 90, ví dụ --days 5 (nhận được "${text}").` };
}

/** OUTDIR, created when missing; a message when it cannot be. */
async function outputFolder(dir: string): Promise<string | null> {
  const stat = await fs.stat(dir).catch(() => null);
  if (stat !== null) return stat.isDirectory() ? null : `${dir} không phải là thư mục: -o cần một thư mục để ghi các tệp kết quả.`;
  try {
    await fs.mkdir(dir, { recursive: true });
    return null;
  } catch (err) {
    return `Không tạo được thư mục ${dir} (${err instanceof Error ? err.message : String(err)}).`;
  }
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, {
    flags: ["--force"],
    options: { "--output": ["-o", "--out"], [MAX_SIZE_OPTION]: [], [TEMPLATE_OPTION]: [], "--issuer": [], "--days": [], "--date": [] },
  });
  if (!parsed.ok) return fail(`${parsed.error}\n${USAGE}`);
  const { positional, flags, options } = parsed.args;
  if (positional.length === 0) return fail(`Thiếu tệp hoặc thư mục bảng điểm của các đơn vị.\n${USAGE}`);
  const outDir = options.get("--output");
  if (outDir === undefined) return fail(`Thiếu thư mục kết quả: -o THƯ_MỤC_RA\n${USAGE}`);
  const force = flags.has("--force");
  const limits = parseMaxSize(options.get(MAX_SIZE_OPTION));
  if ("error" in limits) return fail(limits.error);
  const days = daysOption(options.get("--days"));
  if (typeof days === "object") return fail(days.error);
  const date = dateOption(options.get("--date"));
  if (!(date instanceof Date)) return fail(date.error);
  const template = await loadTemplate(options.get(TEMPLATE_OPTION), limits);
  if (template && "error" in template) return fail(escapeControls(template.error));

  let inputs = await discoverInputs(positional);
  if (template) {
    const kept = await withoutTemplateFile(inputs, template);
    inputs = kept.inputs;
    for (const note of [...template.notes, ...kept.notes]) process.stderr.write(escapeControls(note) + "\n");
  }
  let bad = 0;
  const units: UnitSheet[] = [];
  const readable = inputs.filter((i) => i.error === undefined).length;
  let done = 0;
  for (const input of inputs) {
    if (input.error !== undefined) {
      bad++;
      process.stderr.write(escapeControls(`${input.file}: ${input.error}`) + "\n");
      continue;
    }
    done++;
    if (readable > PROGRESS_FROM) process.stderr.write(escapeControls(`Đang đọc ${done}/${readable}: ${input.file}`) + "\n");
    const read = await readUnits(input.file, limits);
    if ("error" in read) {
      bad++;
      process.stderr.write(escapeControls(`${input.file}: ${read.error}`) + "\n");
      continue;
    }
    if (template) {
      const compared = await withTemplate({ file: input.file, analysis: read.analysis }, template);
      process.stdout.write(escapeControls(input.file) + "\n" + templateFileText(compared, template));
    }
    units.push(...read.units);
  }
  if (units.length === 0) return fail("Không có đơn vị nào để lập phiếu đề nghị giải trình: không ghi tệp nào.");

  const folderProblem = await outputFolder(outDir);
  if (folderProblem !== null) return fail(folderProblem);
  const labels = unitLabels(units);
  const fileNames = distinctFileNames(labels.map((l) => safeFileBase(l)), "docx", [SUMMARY_FILE]);
  const targets = [...fileNames, SUMMARY_FILE].map((n) => path.join(outDir, n));
  if (!force) {
    const existing = [];
    for (const t of targets) if ((await fs.lstat(t).catch(() => null)) !== null) existing.push(t);
    if (existing.length > 0) {
      return fail(
        escapeControls(`Các tệp sau đã tồn tại trong ${outDir}; không ghi đè (dùng --force để ghi đè, hoặc chọn thư mục khác):\n  ${existing.join("\n  ")}`),
      );
    }
  }
  const issuer = options.get("--issuer")?.trim() || councilBody(units);
  const sheets = units.map((u) => u.sheet);
  const written: string[] = [];
  try {
    for (let i = 0; i < units.length; i++) {
      const report = explanationRequest(units[i].sheet, { unit: labels[i], issuer, ...(days !== undefined ? { days } : {}) })!;
      await writeFileSafely(targets[i], await renderDocx(report), force);
      const cuts = report.body.some((b) => b.kind === "table");
      written.push(`  ${fileNames[i]}: ${labels[i]}${cuts ? "" : " (không bị cắt điểm)"}`);
    }
    const across = appraisalAcross(sheets, labels);
    const { bytes } = await newWorkbookOf([buildAppraisalPlanOf(across, { date })]);
    await writeFileSafely(targets[units.length], bytes, force);
  } catch (err) {
    if (err instanceof OutputExistsError) return fail(err.message);
    return fail(`Không ghi được vào ${outDir} (${err instanceof Error ? err.message : String(err)}).`);
  }
  const out = [
    `Đã ghi ${units.length} phiếu đề nghị giải trình vào ${outDir}:`,
    ...written,
    `Đã ghi bảng tổng hợp ${path.join(outDir, SUMMARY_FILE)} (sheet "Kết quả thẩm định", ${units.length} đơn vị).`,
  ];
  if (issuer === null) out.push('Chưa rõ cơ quan của Hội đồng thẩm định: phần đầu văn bản để trống; dùng --issuer "UBND huyện …" để ghi.');
  process.stdout.write(out.map(escapeControls).join("\n") + "\n");
  return bad > 0 ? 2 : 0;
}

/** One workbook's units (scoring sheets with both scores, one per unit), or why it cannot be used. */
async function readUnits(file: string, limits: PackageLimits): Promise<{ units: UnitSheet[]; analysis: WorkbookAnalysis } | { error: string }> {
  let opened;
  try {
    opened = await openXlsx(await readInputFile(file, limits.maxUnpackedBytes), undefined, limits);
  } catch (err) {
    return { error: readErrorMessage(err) };
  }
  const sheets = appraisedUnitSheets(opened.analysis.sheets);
  if (sheets.length === 0) {
    return { error: "không có bảng điểm nào có cả điểm tự đánh giá và điểm thẩm định (cần cột mã tiêu chí, điểm tối đa, tự đánh giá và thẩm định)." };
  }
  const units = sheets.map((sheet) => ({ file, sheet, grid: opened.userSheets.find((g) => g.name === sheet.sheet) }));
  return { units, analysis: opened.analysis };
}
