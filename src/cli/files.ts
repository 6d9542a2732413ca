// Which files `cchc check` reads: files as given, and every .xlsx inside folders (recursively).
import { promises as fs } from "fs";
import * as path from "path";

export interface InputFile {
  /** The path as given, or joined from the folder given. */
  file: string;
  /** Vietnamese: why this input cannot be checked (missing path, empty folder). */
  error?: string;
}

/** .xlsx by extension, minus Excel's lock files ("~$Book.xlsx") left while a file is open. */
export function isWorkbookName(name: string): boolean {
  return /\.xlsx$/i.test(name) && !name.startsWith("~$");
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walk(full, out);
    else if (e.isFile() && isWorkbookName(e.name)) out.push(full);
  }
}

/** Expands the inputs in the order given; a file given explicitly is kept whatever its name. */
export async function discoverInputs(inputs: readonly string[]): Promise<InputFile[]> {
  const result: InputFile[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      result.push({ file: input, error: "Không tìm thấy tệp hoặc thư mục này." });
      continue;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      try {
        await walk(input, found);
      } catch (err) {
        result.push({ file: input, error: `Không đọc được thư mục (${err instanceof Error ? err.message : String(err)}).` });
        continue;
      }
      if (found.length === 0) result.push({ file: input, error: "Thư mục không có tệp .xlsx nào." });
      for (const f of found) result.push({ file: f });
    } else {
      result.push({ file: input });
    }
  }
  return result;
}
