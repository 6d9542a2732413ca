// What `cchc summary` and `cchc report` share before their own work: OUT is not the input and is
// not replaced without --force, the input is read within --max-size, and --previous compares it
// with last year's workbook. Each step answers with a Vietnamese message on failure.
import { promises as fs } from "fs";
import * as path from "path";
import type { WorkbookAnalysis } from "../engine/core/types";
import { openXlsx, type OpenedWorkbook } from "../host/file/xlsxAnalysis";
import { parseArgs } from "./args";
import { checkFile } from "./checkCommand";
import { escapeControls } from "./checkText";
import { readInputFile } from "./files";
import { loadPrevious, withPrevious } from "./previousOption";
import { BANDS_OPTION, COLUMNS_OPTION, givenSettings, settingsLines, settingsReport } from "./settingsOptions";
import { MAX_SIZE_OPTION, parseMaxSize, readErrorMessage } from "./sizeOption";
import { OutputExistsError } from "./summaryWrite";

/** The message on stderr, and the exit code of unusable input or a wrong command line. */
export function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

export interface WritingArgs {
  input: string;
  out: string;
  force: boolean;
  /** The command's own flags given (`flags` of parseWritingArgs). */
  flags: ReadonlySet<string>;
  options: ReadonlyMap<string, string>;
}

/**
 * `FILE -o OUT [--force] [--previous PREV] [--max-size MB]` and the command's own `options`;
 * an exit code (the message already on stderr) when the command line is wrong.
 */
export function parseWritingArgs(
  argv: string[],
  usage: string,
  outExample: string,
  options: Record<string, string[]>,
  flags: readonly string[] = [],
): WritingArgs | number {
  const parsed = parseArgs(argv, {
    flags: ["--force", ...flags],
    options: { "--output": ["-o", "--out"], "--previous": [], [MAX_SIZE_OPTION]: [], [COLUMNS_OPTION]: [], [BANDS_OPTION]: [], ...options },
  });
  if (!parsed.ok) return fail(`${parsed.error}\n${usage}`);
  const { positional, flags: given, options: values } = parsed.args;
  if (positional.length !== 1) return fail(`Cần đúng một tệp đầu vào.\n${usage}`);
  const out = values.get("--output");
  if (out === undefined) return fail(`Thiếu tệp kết quả: -o ${outExample}\n${usage}`);
  return { input: positional[0], out, force: given.has("--force"), flags: given, options: values };
}

async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  return (await real(a)) === (await real(b));
}

/**
 * Null when OUT may be written; else why not. Checked before the work so the clerk hears it at
 * once; writeFileSafely checks again when writing.
 */
export async function outputRefusal(input: string, out: string, force: boolean, previous?: string): Promise<string | null> {
  if (await samePath(input, out)) return "Tệp kết quả trùng với tệp đầu vào; tệp đầu vào không bao giờ bị ghi đè.";
  if (previous !== undefined && (await samePath(previous, out))) {
    return "Tệp kết quả trùng với tệp năm trước (--previous); tệp đầu vào không bao giờ bị ghi đè.";
  }
  const folder = path.dirname(path.resolve(out));
  const folderStat = await fs.stat(folder).catch(() => null);
  if (folderStat === null) return `Thư mục chứa tệp kết quả không tồn tại: ${path.dirname(out)}. Hãy tạo thư mục trước hoặc chọn nơi ghi khác.`;
  if (!folderStat.isDirectory()) return `Không ghi được ${out}: ${path.dirname(out)} không phải là thư mục.`;
  const outStat = await fs.stat(out).catch(() => null);
  if (outStat?.isDirectory()) return `${out} là một thư mục, không phải tệp: hãy đặt tên tệp kết quả, ví dụ ${path.join(out, "ket-qua")}${path.extname(out) || ".xlsx"}.`;
  try {
    await fs.lstat(out);
    return force ? null : new OutputExistsError(out).message;
  } catch {
    return null; // OUT does not exist: fine.
  }
}

export interface OpenedInput {
  opened: OpenedWorkbook;
  /** The input's analysis, compared with last year's workbook where --previous was given. */
  analysis: WorkbookAnalysis;
  /** Which settings were used (saved in the workbook, --columns, --bands) and what could not be: lines to print. */
  settingsLines: string[];
}

/**
 * Reads and analyses the input (--max-size), then compares it with --previous. Messages about
 * sheets without a match go to stderr; no match at all, or an unusable last-year file, is an error.
 */
export async function openInput(input: string, options: ReadonlyMap<string, string>): Promise<OpenedInput | { error: string }> {
  const limits = parseMaxSize(options.get(MAX_SIZE_OPTION));
  if ("error" in limits) return { error: limits.error };
  const given = await givenSettings(options);
  if ("error" in given) return { error: escapeControls(given.error) };
  let opened: OpenedWorkbook;
  try {
    opened = await openXlsx(await readInputFile(input, limits.maxUnpackedBytes), given.settings, limits, { columns: given.columns });
  } catch (err) {
    return { error: `${input}: ${readErrorMessage(err)}` };
  }
  const lines = settingsLines(settingsReport(opened)).map(escapeControls);
  const previous = await loadPrevious(options.get("--previous"), (file) => checkFile(file, limits));
  if (previous && "error" in previous) return { error: escapeControls(previous.error) };
  if (!previous) return { opened, analysis: opened.analysis, settingsLines: lines };
  const compared = withPrevious({ file: input, analysis: opened.analysis }, previous);
  // Unit names come from cells: controls are escaped before they reach the terminal.
  if (!compared.ok) return { error: compared.messages.map(escapeControls).join("\n") };
  for (const m of compared.messages) process.stderr.write(escapeControls(m) + "\n");
  return { opened, analysis: compared.result.analysis ?? opened.analysis, settingsLines: lines };
}
