// Writing OUT safely: bytes go to a temporary file in OUT's folder, are flushed to disk, then take
// OUT's name in one step, so a failure never leaves half a file. Without `force` an existing OUT
// is never replaced, even if it appears while we write (a hard link fails when the name exists).
// Ctrl-C or a kill while writing removes the temporary file; one left by a run killed outright
// (SIGKILL, power cut) is removed by the next run once its process is gone.
import * as fsSync from "fs";
import { promises as fs } from "fs";
import * as path from "path";
import { systemCode, systemReason } from "./systemErrors";

export class OutputExistsError extends Error {
  constructor(readonly file: string) {
    super(`Tệp ${file} đã tồn tại; không ghi đè. Dùng --force để ghi đè, hoặc chọn tên khác.`);
    this.name = "OutputExistsError";
  }
}

/** `.OUT.PID.TIME.tmp`: our temporary files, told apart by the writing process's id. */
const TEMP_NAME = /^\.(.+\.(?:xlsx|xlsm|docx))\.(\d+)\.[0-9a-z]+\.tmp$/i;

function tempName(out: string): string {
  return `.${path.basename(out)}.${process.pid}.${Date.now().toString(36)}.tmp`;
}

/** Why a write failed, in Vietnamese, without the temporary file's name (the clerk knows OUT). */
function writeFailure(err: unknown): Error {
  const code = systemCode(err);
  const why =
    code === "ENOSPC" || code === "EDQUOT"
      ? "ổ đĩa đã đầy"
      : code === "EACCES" || code === "EPERM"
        ? "không có quyền ghi vào thư mục này"
        : code === "EEXIST"
          ? "tên tệp tạm đã có người dùng"
          : code === "ENOENT"
            ? "thư mục chứa tệp kết quả không tồn tại"
            : code === "EISDIR"
              ? "tệp kết quả là một thư mục"
              : systemReason(err);
  return Object.assign(new Error(why), { code });
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes temporary files of our naming in `dir` whose writing process is gone. Only regular
 * files: whatever else sits at such a name is not ours.
 */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  const removed: string[] = [];
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m || Number(m[2]) === process.pid || isAlive(Number(m[2]))) continue;
    const file = path.join(dir, name);
    const stat = await fs.lstat(file).catch(() => null);
    if (stat?.isFile()) {
      await fs.rm(file, { force: true }).catch(() => undefined);
      removed.push(file);
    }
  }
  return removed;
}

const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * While `work` runs, a terminating signal removes `temp` and then ends the process by the same
 * signal (the exit status shells expect: 130 for Ctrl-C, 143 for SIGTERM).
 */
async function removedOnSignal<T>(temp: string, isOurs: () => boolean, work: () => Promise<T>): Promise<T> {
  const onSignal = (signal: NodeJS.Signals) => {
    if (isOurs()) fsSync.rmSync(temp, { force: true });
    for (const s of SIGNALS) process.off(s, onSignal);
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    return await work();
  } finally {
    for (const s of SIGNALS) process.off(s, onSignal);
  }
}

export async function writeFileSafely(out: string, bytes: Uint8Array, force: boolean): Promise<void> {
  if (!force && (await exists(out))) throw new OutputExistsError(out);
  const dir = path.dirname(path.resolve(out));
  await removeStaleTemps(dir);
  const temp = path.join(dir, tempName(out));
  // The temp name is ours unless something already sits there (then it is left alone).
  let ours = true;
  await removedOnSignal(
    temp,
    () => ours,
    async () => {
      try {
        // Inside the try: a write that fails half way (disk full) leaves no partial temp file.
        await fs.writeFile(temp, bytes, { flag: "wx" }).catch((err: NodeJS.ErrnoException) => {
          if (err.code === "EEXIST") ours = false;
          throw err;
        });
        await flushToDisk(temp);
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
      } catch (err) {
        throw err instanceof OutputExistsError ? err : writeFailure(err);
      } finally {
        // A failed clean-up must not hide the error that brought us here.
        if (ours) await fs.rm(temp, { force: true }).catch(() => undefined);
      }
    },
  );
}

/** The data on disk before the rename, so a power cut cannot leave OUT empty. */
async function flushToDisk(file: string): Promise<void> {
  const handle = await fs.open(file, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
