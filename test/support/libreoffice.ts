// LibreOffice Writer as an independent reader of the .docx files the project writes: headless
// conversion with a fresh profile per call. Missing LibreOffice fails on CI, else a notice.
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";

export const SOFFICE = "/usr/bin/soffice";

/** Why LibreOffice cannot run here, or null when it can. Throws on CI. */
export function sofficeUnavailable(what: string): string | null {
  if (existsSync(SOFFICE)) return null;
  const reason = `LibreOffice không có ở ${SOFFICE}`;
  if (process.env.CI === "true") throw new Error(`Không chạy được kiểm thử ${what}: ${reason}.`);
  process.stdout.write(`BỎ QUA kiểm thử ${what}: ${reason}.\n`);
  return reason;
}

/**
 * Converts `file` with LibreOffice (`format` as --convert-to takes it: "pdf", "txt:Text",
 * "fodt") into `outDir`; returns the converted file's path.
 */
export async function convertWithLibreOffice(file: string, format: string, outDir: string): Promise<string> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-lo-profile-"));
  try {
    await promisify(execFile)(
      SOFFICE,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, file],
      { timeout: 150_000 },
    );
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
  const ext = format.split(":")[0];
  const out = path.join(outDir, `${path.basename(file).replace(/\.[^.]+$/, "")}.${ext}`);
  if (!existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}
