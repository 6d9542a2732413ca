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
import { TEMPLATE_OPTION, loadTemplate, withTemplate, withoutTemplateFile } from "./templateOption";
import { templateFileText, templateRunJson, templateRunText, templateTally } from "./templateSummary";

const USAGE = `Cách dùng: cchc check TỆP_HOẶC_THƯ_MỤC... [--json] [--previous TỆP_NĂM_TRƯỚC] [--template TỆP_MẪU.xlsx[#SHEET]] [--max-size MB] ${SETTINGS_USAGE}`;

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
  const parsed = parseArgs(argv, { flags: ["--json"], options: { [MAX_SIZE_OPTION]: [], "--previous": [], [TEMPLATE_OPTION]: [], [COLUMNS_OPTION]: [], [BANDS_OPTION]: [] } });
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
  const template = await loadTemplate(options.get(TEMPLATE_OPTION), limits);
  if (template && "error" in template) {
    process.stderr.write(escapeControls(template.error) + "\n");
    return 2;
  }
  let unmatched = false;
  let inputs = await discoverInputs(positional);
  if (template) {
    const kept = await withoutTemplateFile(inputs, template);
    inputs = kept.inputs;
    for (const note of [...template.notes, ...kept.notes]) process.stderr.write(escapeControls(note) + "\n");
  }
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
      if (template) result = await withTemplate(result, template);
    }
    results.push(result);
    // Text is written as it comes, so a long run shows its results early.
    if (!json) {
      for (const piece of fileTextPieces(result)) await out.write(piece);
      // Against --template, else against the set the workbook's settings name.
      await out.write(templateFileText(result, template));
      await out.write("\n");
    }
    // Nobody receives the rest: stop checking.
    if (out.error !== null) break;
  }
  if (json) {
    const run = template ? { template: templateRunJson(results, template) } : {};
    await out.write(JSON.stringify({ ...checkJson(results), ...run }, null, 2) + "\n");
  } else {
    if (template && (results.length > 1 || templateTally(results).units > 1)) await out.write(templateRunText(results, template));
    await out.write(totalsText(results));
  }
  if (out.error !== null) {
    process.stderr.write(outputErrorMessage(out.error) + "\n");
    return 2;
  }
  return unmatched ? 2 : exitCode(results);
}
