// `cchc check FILE_OR_DIR... [--json]`: reads every sheet of every workbook and reports totals,
// index, grade and findings. Exit 0: no error finding; 1: error findings; 2: some input could
// not be read (or the command line is wrong).
import { promises as fs } from "fs";
import { analysisOfEverySheet, openXlsx } from "../host/xlsxAnalysis";
import { parseArgs } from "./args";
import { checkJson, type FileCheck } from "./checkJson";
import { quietOnClosedPipe } from "./checkPipe";
import { fileText, totalsText } from "./checkText";
import { discoverInputs } from "./files";
import { loadPrevious, withPrevious } from "./previousOption";

const USAGE = "Cách dùng: cchc check TỆP_HOẶC_THƯ_MỤC... [--json] [--previous TỆP_NĂM_TRƯỚC]";

/** Progress lines on stderr start past this many files. */
const PROGRESS_FROM = 10;

export async function checkFile(file: string): Promise<FileCheck> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    return { file, error: `Không đọc được tệp (${err instanceof Error ? err.message : String(err)}).` };
  }
  try {
    return { file, analysis: analysisOfEverySheet(await openXlsx(bytes)) };
  } catch (err) {
    return { file, error: err instanceof Error ? err.message : String(err) };
  }
}

export function exitCode(files: FileCheck[]): number {
  if (files.some((f) => f.error !== undefined)) return 2;
  const errors = files.some((f) => f.analysis?.sheets.some((s) => s.findings.some((x) => x.severity === "error")));
  return errors ? 1 : 0;
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, { flags: ["--json"], options: { "--previous": [] } });
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  const { positional, flags, options } = parsed.args;
  if (positional.length === 0) {
    process.stderr.write(`Thiếu tệp hoặc thư mục cần kiểm tra.\n${USAGE}\n`);
    return 2;
  }
  const json = flags.has("--json");
  const previous = await loadPrevious(options.get("--previous"), checkFile);
  if (previous && "error" in previous) {
    process.stderr.write(previous.error + "\n");
    return 2;
  }
  let unmatched = false;
  quietOnClosedPipe();
  const inputs = await discoverInputs(positional);
  const readable = inputs.filter((i) => i.error === undefined).length;
  const results: FileCheck[] = [];
  let done = 0;
  for (const input of inputs) {
    let result: FileCheck;
    if (input.error !== undefined) result = { file: input.file, error: input.error };
    else {
      done++;
      if (readable > PROGRESS_FROM) process.stderr.write(`Đang kiểm tra ${done}/${readable}: ${input.file}\n`);
      result = await checkFile(input.file);
      if (previous) {
        const compared = withPrevious(result, previous);
        result = compared.result;
        for (const m of compared.messages) process.stderr.write(m + "\n");
        unmatched ||= !compared.ok;
      }
    }
    results.push(result);
    // Text is printed as it comes, so a long run shows its results early.
    if (!json) process.stdout.write(fileText(result) + "\n");
  }
  if (json) process.stdout.write(JSON.stringify(checkJson(results), null, 2) + "\n");
  else process.stdout.write(totalsText(results));
  return unmatched ? 2 : exitCode(results);
}
