// Writing OUT safely: bytes go to a temporary file in OUT's folder, then take OUT's name in one
// step, so a failure never leaves half a file. Without `force` an existing OUT is never replaced,
// even if it appears while we write (a hard link fails when the name exists).
import { promises as fs } from "fs";
import * as path from "path";

export class OutputExistsError extends Error {
  constructor(readonly file: string) {
    super(`Tệp ${file} đã tồn tại; không ghi đè. Dùng --force để ghi đè, hoặc chọn tên khác.`);
    this.name = "OutputExistsError";
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

export async function writeFileSafely(out: string, bytes: Uint8Array, force: boolean): Promise<void> {
  if (!force && (await exists(out))) throw new OutputExistsError(out);
  const dir = path.dirname(path.resolve(out));
  const temp = path.join(dir, `.${path.basename(out)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  // The temp name is ours unless something already sits there (then it is left alone).
  let ours = true;
  try {
    // Inside the try: a write that fails half way (disk full) leaves no partial temp file.
    await fs.writeFile(temp, bytes, { flag: "wx" }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === "EEXIST") ours = false;
      throw err;
    });
    if (force) {
      await fs.rename(temp, out);
      return;
    }
    try {
      await fs.link(temp, out);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EEXIST") throw new OutputExistsError(out);
      // File systems without hard links: the existence check above has to do.
      if (await exists(out)) throw new OutputExistsError(out);
      await fs.rename(temp, out);
      return;
    }
    await fs.unlink(temp);
  } finally {
    // A failed clean-up must not hide the error that brought us here.
    if (ours) await fs.rm(temp, { force: true }).catch(() => undefined);
  }
}
