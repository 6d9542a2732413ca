// The shared OOXML checker (../shared/ooxml-check) as a test helper: runs validate.py and
// read_check.py under /usr/bin/python3 (with lxml, openpyxl, python-docx), parses their lines and
// gives expectValidOoxml(file, { base }) which fails listing the ERRORs the file brought in.
// A missing checker or python3-lxml fails on CI (CI=true), else the check is skipped with a notice.
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";

export const PYTHON = "/usr/bin/python3";
/** The repository's root (this file is test/support/ooxmlCheck.ts). */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");
/** The shared folder sits beside the repository, here and on CI. */
export const OOXML_CHECK_DIR = path.join(REPO_ROOT, "..", "shared", "ooxml-check");
const VALIDATE = path.join(OOXML_CHECK_DIR, "validate.py");
const READ_CHECK = path.join(OOXML_CHECK_DIR, "read_check.py");

export type Level = "ERROR" | "WARN" | "INFO";

export interface OoxmlFinding {
  level: Level;
  part: string;
  message: string;
  /** Marked `[pre-existing]` by --base: the input already had it. */
  preExisting: boolean;
}

export interface OoxmlCheckResult {
  exitCode: number;
  findings: OoxmlFinding[];
  /** ERRORs not present in the base: the ones that fail a test. */
  newErrors: OoxmlFinding[];
  /** "# parts added/changed/removed vs base: …" when run with --base. */
  changedParts: string[];
  output: string;
}

export interface ReadCheckLine {
  ok: boolean;
  file: string;
  info: string;
  warnings: string[];
}

interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runPython(args: string[], timeoutMs = 120_000): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    execFile(
      PYTHON,
      args,
      { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PYTHONIOENCODING: "utf-8" } },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") return reject(error);
        resolve({ code: error ? Number(error.code) : 0, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

const FINDING = /^(ERROR|WARN|INFO) (.+?): (.*)$/;
const PRE_EXISTING = " [pre-existing]";

/** Parses validate.py's output: one finding a line, `#` lines for the summary and the changed parts. */
export function parseValidateOutput(text: string): { findings: OoxmlFinding[]; changedParts: string[] } {
  const findings: OoxmlFinding[] = [];
  let changedParts: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const changed = /^# parts added\/changed\/removed vs base: (.*)$/.exec(line);
    if (changed) {
      changedParts = changed[1] === "none" ? [] : changed[1].split(", ");
      continue;
    }
    const m = FINDING.exec(line);
    if (!m) continue;
    const preExisting = m[3].endsWith(PRE_EXISTING);
    const message = preExisting ? m[3].slice(0, -PRE_EXISTING.length) : m[3];
    findings.push({ level: m[1] as Level, part: m[2], message, preExisting });
  }
  return { findings, changedParts };
}

/** Parses read_check.py's output: `OK|FAIL file: info`, then `   warning: …` lines. */
export function parseReadCheckOutput(text: string): ReadCheckLine[] {
  const lines: ReadCheckLine[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^(OK|FAIL) (.+?): (.*)$/.exec(line);
    if (m) {
      lines.push({ ok: m[1] === "OK", file: m[2], info: m[3], warnings: [] });
      continue;
    }
    const w = /^ {3}warning: (.*)$/.exec(line);
    if (w && lines.length > 0) lines[lines.length - 1].warnings.push(w[1]);
  }
  return lines;
}

let availability: Promise<string | null> | undefined;

/** Why the checker cannot run here (null when it can); the answer is kept for the whole run. */
function checkerProblem(): Promise<string | null> {
  availability ??= (async () => {
    if (!existsSync(VALIDATE)) return `không có trình kiểm tra OOXML ở ${OOXML_CHECK_DIR}`;
    if (!existsSync(PYTHON)) return `không có ${PYTHON}`;
    const r = await runPython(["-c", "import lxml, openpyxl, docx"], 30_000).catch((e: Error) => ({ code: -1, stdout: "", stderr: e.message }));
    if (r.code !== 0) return `${PYTHON} thiếu lxml/openpyxl/docx (gói python3-lxml python3-openpyxl python3-docx): ${r.stderr.trim().split("\n").pop()}`;
    return null;
  })();
  return availability;
}

/**
 * Null when the checker can run. Otherwise: throws on CI (a skipped check would hide a broken
 * file), else prints a notice and returns the reason.
 */
export async function ooxmlCheckUnavailable(what: string): Promise<string | null> {
  const problem = await checkerProblem();
  if (problem === null) return null;
  if (process.env.CI === "true") throw new Error(`Không chạy được kiểm tra OOXML cho ${what}: ${problem}.`);
  process.stdout.write(`BỎ QUA kiểm tra OOXML cho ${what}: ${problem}.\n`);
  return problem;
}

/** Runs validate.py on `file` (against `base` when given) and parses what it says. */
export async function validateOoxml(file: string, options: { base?: string } = {}): Promise<OoxmlCheckResult> {
  const args = [VALIDATE, file, ...(options.base ? ["--base", options.base] : [])];
  const r = await runPython(args);
  const { findings, changedParts } = parseValidateOutput(r.stdout);
  const newErrors = findings.filter((f) => f.level === "ERROR" && !f.preExisting);
  // A crash (traceback) is not a verdict: exit 1 with no finding must not read as "valid".
  if (r.code !== 0 && newErrors.length === 0) {
    throw new Error(`validate.py ${path.basename(file)} thoát với mã ${r.code} mà không báo lỗi nào:\n${r.stdout}\n${r.stderr}`);
  }
  return { exitCode: r.code, findings, newErrors, changedParts, output: r.stdout };
}

/** Opens each file with openpyxl (.xlsx) or python-docx (.docx) through read_check.py. */
export async function readCheck(files: string[]): Promise<ReadCheckLine[]> {
  const r = await runPython([READ_CHECK, ...files]);
  const lines = parseReadCheckOutput(r.stdout);
  if (r.code !== 0 || lines.length !== files.length) {
    throw new Error(`read_check.py không đọc xong (mã ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
  return lines;
}

const describeFinding = (f: OoxmlFinding) => `${f.level} ${f.part}: ${f.message}`;

/**
 * Fails (listing them) when `file` has ERRORs that `base` did not have, or when openpyxl /
 * python-docx cannot open it. `read: false` leaves out the second reader (e.g. for speed).
 */
export async function expectValidOoxml(file: string, options: { base?: string; read?: boolean } = {}): Promise<void> {
  if ((await ooxmlCheckUnavailable(path.basename(file))) !== null) return;
  const result = await validateOoxml(file, options);
  const problems = result.newErrors.map(describeFinding);
  if (options.read !== false) {
    for (const line of await readCheck([file])) if (!line.ok) problems.push(`read_check FAIL: ${line.info}`);
  }
  if (problems.length > 0) {
    const against = options.base ? ` (so với ${path.basename(options.base)})` : "";
    throw new Error(`${path.basename(file)} không phải OOXML hợp lệ${against}: ${problems.length} lỗi mới\n  ${problems.join("\n  ")}`);
  }
}

/**
 * expectValidOoxml for bytes held in memory (a package a port saved, a file handed to the host):
 * written to a temporary file named `name`, with `base` (the input's bytes) beside it.
 */
export async function expectValidOoxmlBytes(bytes: Uint8Array, name: string, options: { base?: Uint8Array; read?: boolean } = {}): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-ooxml-bytes-"));
  try {
    const file = path.join(dir, name);
    await fs.writeFile(file, bytes);
    let base: string | undefined;
    if (options.base) {
      base = path.join(dir, `vao-${name}`);
      await fs.writeFile(base, options.base);
    }
    await expectValidOoxml(file, { base, read: options.read });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
