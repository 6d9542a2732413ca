// `cchc check FILE_OR_DIR... [--json]`: reads every sheet of every workbook and reports totals,
// index, grade and findings. Exit 0: no error finding; 1: error findings; 2: some input could
// not be read (or the command line is wrong).
import { analysisOfEverySheet, openXlsx } from "../host/file/xlsxAnalysis";
import { DEFAULT_LIMITS, type PackageLimits } from "../host/file/package/xlsxPackageCheck";
import { parseArgs } from "./args";
import { checkJson, type FileCheck } from "./checkJson";
import { escapeControls, fileTextPieces, totalsText } from "./checkText";
import { discoverInputs, readInputFile } from "./files";
import { OutputWriter, outputErrorMessage } from "./output";
import { loadPrevious, withPrevious } from "./previousOption";
import { BANDS_OPTION, COLUMNS_OPTION, givenSettings, settingsReport, SETTINGS_USAGE, type GivenSettings } from "./settingsOptions";
import { MAX_SIZE_OPTION, parseMaxSize, readErrorMessage } from "./sizeOption";

const USAGE = `Cách dùng: cchc check TỆP_HOẶC_THƯ_MỤC... [--json] [--previous TỆP_NĂM_TRƯỚC] [--max-size MB] ${SETTINGS_USAGE}`;

/** Progress lines on stderr start past this many files. */
const PROGRESS_FROM = 10;

/** Reads and checks one file, with the settings saved in it and those `given` on the command line. */
export async function checkFile(file: string, limits: PackageLimits = DEFAULT_LIMITS, given?: GivenSettings): Promise<FileCheck> {
  try {
    const bytes = await readInputFile(file, limits.maxUnpackedBytes);
    const opened = await openXlsx(bytes, given?.settings, limits, { columns: given?.columns ?? [] });
    const settings = settingsReport(opened);
    return { file, analysis: analysisOfEverySheet(opened), ...(settings ? { settings } : {}) };
  } catch (err) {
    return { file, error: readErrorMessage(err) };
  }
}

export function exitCode(files: FileCheck[]): number {
  if (files.some((f) => f.error !== undefined)) return 2;
  const errors = files.some((f) => f.analysis?.sheets.some((s) => s.findings.some((x) => x.severity === "error")));
  return errors ? 1 : 0;
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, { flags: ["--json"], options: { [MAX_SIZE_OPTION]: [], "--previous": [], [COLUMNS_OPTION]: [], [BANDS_OPTION]: [] } });
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  const { positional, flags, options } = parsed.args;
  if (positional.length === 0) {
    process.stderr.write(`Thiếu tệp hoặc thư mục cần kiểm tra.\n${USAGE}\n`);
    return 2;
  }
  const limits = parseMaxSize(options.get(MAX_SIZE_OPTION));
  if ("error" in limits) {
    process.stderr.write(`${limits.error}\n`);
    return 2;
  }
  const given = await givenSettings(options);
  if ("error" in given) {
    process.stderr.write(`${escapeControls(given.error)}\n`);
    return 2;
  }
  const json = flags.has("--json");
  const out = new OutputWriter();
  const previous = await loadPrevious(options.get("--previous"), (file) => checkFile(file, limits));
  if (previous && "error" in previous) {
    process.stderr.write(escapeControls(previous.error) + "\n");
    return 2;
  }
  let unmatched = false;
  const inputs = await discoverInputs(positional);
  const readable = inputs.filter((i) => i.error === undefined).length;
  const results: FileCheck[] = [];
  let done = 0;
  for (const input of inputs) {
    let result: FileCheck;
    if (input.error !== undefined) result = { file: input.file, error: input.error };
    else {
      done++;
      if (readable > PROGRESS_FROM) process.stderr.write(escapeControls(`Đang kiểm tra ${done}/${readable}: ${input.file}`) + "\n");
      result = await checkFile(input.file, limits, given);
      if (previous) {
        const compared = withPrevious(result, previous);
        result = compared.result;
        for (const m of compared.messages) process.stderr.write(escapeControls(m) + "\n");
        unmatched ||= !compared.ok;
      }
    }
    results.push(result);
    // Text is written as it comes, so a long run shows its results early.
    if (!json) {
      for (const piece of fileTextPieces(result)) await out.write(piece);
      await out.write("\n");
    }
    // Nobody receives the rest: stop checking.
    if (out.error !== null) break;
  }
  if (json) await out.write(JSON.stringify(checkJson(results), null, 2) + "\n");
  else await out.write(totalsText(results));
  if (out.error !== null) {
    process.stderr.write(outputErrorMessage(out.error) + "\n");
    return 2;
  }
  return unmatched ? 2 : exitCode(results);
}
