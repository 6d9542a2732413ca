// Runs the `cchc` command in this process (main() from src/cli/main.ts) and captures its output,
// or as a real child process over the compiled lib/cli/main.js.
import { spawn } from "child_process";
import { existsSync } from "fs";
import * as path from "path";
import { main } from "../../../src/cli/main";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

export const BIN = path.resolve(__dirname, "..", "..", "..", "lib", "cli", "main.js");

/** The built `cchc` bin as its own process: real exit code, real streams. */
export function spawnCli(args: string[], cwd?: string): Promise<CliResult> {
  if (!existsSync(BIN)) throw new Error(`Chưa có ${BIN}: chạy npm run build trước.`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
