// Which files the command line reads, and reading them: files as given, every .xlsx inside folders
// (recursively, symbolic links followed without loops), each path that cannot be read reported on
// its own. Devices, FIFOs and sockets are refused without being opened: reading /dev/zero never
// ends and opening a FIFO waits for a writer.
import { promises as fs, type Stats } from "fs";
import * as path from "path";
import { megabytes } from "../host/file/package/xlsxPackageCheck";
import { XlsxTooLargeError } from "../host/file/package/xlsxReadError";
import { WORKBOOK_FILE } from "../report/fileNames";
import { systemCode, systemReason } from "./systemErrors";

export interface InputFile {
  /** The path as given, or joined from the folder given. */
  file: string;
  /** Vietnamese: why this input cannot be checked (missing path, empty folder, not a file). */
  error?: string;
}

/**
 * Workbooks by extension (.xlsx, .xlsm, and old .xls and .ods, read by converting them), minus
 * Excel's lock files ("~$Book.xlsx") left while a file is open.
 */
export function isWorkbookName(name: string): boolean {
  return WORKBOOK_FILE.test(name) && !name.startsWith("~$");
}

export const NOT_REGULAR = "Không phải tệp thông thường (thiết bị, FIFO hoặc socket), không đọc.";

function reason(err: unknown): string {
  const code = systemCode(err);
  if (code === "EACCES" || code === "EPERM") return "không có quyền đọc";
  if (code === "ENOENT") return "không tồn tại (liên kết hỏng?)";
  return systemReason(err);
}

/** Folders already walked, by real path: a link back to one of them is not followed again. */
interface Walk {
  seenDirs: Set<string>;
  seenFiles: Set<string>;
  out: InputFile[];
  /** Workbooks met again (through another argument or a link) and so not listed twice. */
  repeats: number;
}

async function walk(dir: string, state: Walk): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    state.out.push({ file: dir, error: `Không đọc được thư mục (${reason(err)}).` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    let stat: Stats;
    if (e.isSymbolicLink()) {
      try {
        stat = await fs.stat(full);
      } catch (err) {
        // A broken link matters only where it claims to be a workbook.
        if (isWorkbookName(e.name)) state.out.push({ file: full, error: `Không đọc được tệp (${reason(err)}).` });
        continue;
      }
    } else if (e.isDirectory() || e.isFile()) {
      await visit(full, e.isDirectory(), state);
      continue;
    } else {
      if (isWorkbookName(e.name)) state.out.push({ file: full, error: NOT_REGULAR });
      continue;
    }
    if (stat.isDirectory()) await visit(full, true, state);
    else if (isWorkbookName(e.name)) {
      if (stat.isFile()) await visit(full, false, state);
      else state.out.push({ file: full, error: NOT_REGULAR });
    }
  }
}

/** A folder to walk or a workbook to list, each at most once by real path. */
async function visit(full: string, isDir: boolean, state: Walk): Promise<void> {
  if (!isDir && !isWorkbookName(path.basename(full))) return;
  const real = await fs.realpath(full).catch(() => path.resolve(full));
  const seen = isDir ? state.seenDirs : state.seenFiles;
  if (seen.has(real)) {
    if (!isDir) state.repeats++;
    return;
  }
  seen.add(real);
  if (isDir) await walk(full, state);
  else state.out.push({ file: full });
}

/**
 * Expands the inputs in the order given; a file given explicitly is kept whatever its name. Each
 * real file is listed once, however many arguments, folders or links reach it.
 */
export async function discoverInputs(inputs: readonly string[]): Promise<InputFile[]> {
  const state: Walk = { seenDirs: new Set(), seenFiles: new Set(), out: [], repeats: 0 };
  for (const input of inputs) {
    let stat: Stats;
    try {
      stat = await fs.stat(input);
    } catch (err) {
      const error = systemCode(err) === "ENOENT" ? "Không tìm thấy tệp hoặc thư mục này." : `Không đọc được (${reason(err)}).`;
      state.out.push({ file: input, error });
      continue;
    }
    if (stat.isDirectory()) {
      const real = await fs.realpath(input);
      if (state.seenDirs.has(real)) continue;
      state.seenDirs.add(real);
      const [listed, repeats] = [state.out.length, state.repeats];
      await walk(input, state);
      if (state.out.length === listed && state.repeats === repeats) state.out.push({ file: input, error: "Thư mục không có tệp .xlsx nào." });
    } else if (stat.isFile()) {
      const real = await fs.realpath(input).catch(() => path.resolve(input));
      if (state.seenFiles.has(real)) continue;
      state.seenFiles.add(real);
      state.out.push({ file: input });
    } else {
      state.out.push({ file: input, error: NOT_REGULAR });
    }
  }
  return state.out;
}

/**
 * A workbook file's bytes, or why it cannot be read: not a regular file (checked before opening),
 * larger than `maxBytes` (thrown as XlsxTooLargeError so the caller can say how to raise it).
 */
export async function readInputFile(file: string, maxBytes: number): Promise<Uint8Array> {
  const cannot = (err: unknown) => new Error(`Không đọc được tệp (${reason(err)}).`);
  const stat = await fs.stat(file).catch((err: unknown) => {
    throw cannot(err);
  });
  if (!stat.isFile()) throw new Error(NOT_REGULAR);
  if (stat.size > maxBytes) {
    throw new XlsxTooLargeError(
      `Tệp quá lớn để đọc an toàn: ${megabytes(stat.size)} MB, vượt giới hạn ${megabytes(maxBytes)} MB.`,
      `file of ${stat.size} bytes > ${maxBytes}`,
      Math.ceil(stat.size / 1024 / 1024),
    );
  }
  return fs.readFile(file).catch((err: unknown) => {
    throw cannot(err);
  });
}
