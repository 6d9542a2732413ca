// Runs the `cchc` command in this process (main() from src/cli/main.ts) and captures its output,
// or as a real child process over the compiled lib/cli/main.js.
import { spawn, type SpawnOptions } from "child_process";
import { existsSync } from "fs";
import * as path from "path";
import { Writable } from "stream";
import { main } from "../../../src/cli/main";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it, standing in for stdout or stderr. */
function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

/** Runs `fn` with process.stdout and process.stderr replaced by collectors. */
async function withCapturedStreams<T>(fn: () => Promise<T>): Promise<{ value: T; stdout: string; stderr: string }> {
  const out = collector();
  const err = collector();
  const saved = {
    stdout: Object.getOwnPropertyDescriptor(process, "stdout")!,
    stderr: Object.getOwnPropertyDescriptor(process, "stderr")!,
  };
  Object.defineProperty(process, "stdout", { value: out.stream, configurable: true });
  Object.defineProperty(process, "stderr", { value: err.stream, configurable: true });
  try {
    const value = await fn();
    return { value, stdout: out.text(), stderr: err.text() };
  } finally {
    Object.defineProperty(process, "stdout", saved.stdout);
    Object.defineProperty(process, "stderr", saved.stderr);
  }
}

export async function runCli(args: string[]): Promise<CliResult> {
  const { value: code, stdout, stderr } = await withCapturedStreams(() => main(args));
  return { code, stdout, stderr };
}

export const BIN = path.resolve(__dirname, "..", "..", "..", "lib", "cli", "main.js");

/** The built `cchc` bin as its own process: real exit code, real streams. */
export function spawnCli(args: string[], cwd?: string): Promise<CliResult> {
  if (!existsSync(BIN)) throw new Error(`Chưa có ${BIN}: chạy npm run build trước.`);
  return spawnCollect(process.execPath, [BIN, ...args], { cwd });
}

/** Any command as its own process, its output collected as text (no standard input). */
export function spawnCollect(command: string, args: string[], options: SpawnOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
