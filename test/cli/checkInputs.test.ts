// `cchc check` on inputs that are not plain workbooks: devices and FIFOs (refused unopened),
// symbolic links (followed, without loops), unreadable subfolders (reported one by one), damaged
// and password-protected files (a clear message each, the rest still checked).
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import type { CheckJson } from "../../src/cli/checkJson";
import { NOT_REGULAR } from "../../src/cli/files";
import { communesGrid, districtGrid } from "../fixtures/seed";
import { BIN, runCli, spawnCli, spawnCollect, type CliResult } from "./helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";

let dir: string;
let good: string;

beforeAll(async () => {
  dir = await makeTempDir();
  good = await writeGrids(path.join(dir, "nguon", "huyen.xlsx"), [districtGrid(), communesGrid()]);
});
afterAll(async () => removeDir(dir));

async function checkJson(...args: string[]): Promise<{ code: number; json: CheckJson }> {
  const r = await runCli(["check", ...args, "--json"]);
  return { code: r.code, json: JSON.parse(r.stdout) as CheckJson };
}

describe("files that are not regular files", () => {
  it("refuses /dev/zero at once instead of reading forever", async () => {
    const r = await spawnCli(["check", "/dev/zero", "--json"]);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as CheckJson).files).toEqual([{ file: "/dev/zero", error: NOT_REGULAR, sheets: [] }]);
  });

  it("refuses a FIFO given directly without opening it (no writer ever comes)", async () => {
    const fifo = path.join(dir, "ong.xlsx");
    execFileSync("mkfifo", [fifo]);
    const r = await spawnCli(["check", fifo, good, "--json"]);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(json.files[0]).toEqual({ file: fifo, error: NOT_REGULAR, sheets: [] });
    expect(json.files[1].sheets?.length).toBe(2);
    await fs.rm(fifo);
  });

  it("reports a FIFO named .xlsx inside a folder as one error and checks the rest", async () => {
    const folder = path.join(dir, "co-fifo");
    await fs.mkdir(folder);
    execFileSync("mkfifo", [path.join(folder, "a.xlsx")]);
    await fs.copyFile(good, path.join(folder, "b.xlsx"));
    const r = await spawnCli(["check", folder, "--json"]);
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(r.code).toBe(2);
    expect(json.files.map((f) => [path.basename(f.file), f.error ?? "ok"])).toEqual([
      ["a.xlsx", NOT_REGULAR],
      ["b.xlsx", "ok"],
    ]);
  });
});

describe("folders with symbolic links", () => {
  it("follows links to workbooks and to folders, never round a loop, each file once", async () => {
    const folder = path.join(dir, "lien-ket");
    await fs.mkdir(path.join(folder, "con"), { recursive: true });
    await fs.symlink(good, path.join(folder, "tro-toi.xlsx"));
    await fs.symlink(path.dirname(good), path.join(folder, "con", "nguon"));
    await fs.symlink(folder, path.join(folder, "con", "vong"));
    await fs.symlink(path.join(folder, "khong-co.xlsx"), path.join(folder, "hong.xlsx"));
    const { code, json } = await checkJson(folder);
    expect(code).toBe(2);
    const rel = (f: string) => path.relative(folder, f);
    // huyen.xlsx is reached twice (through con/nguon and tro-toi.xlsx) and listed once.
    expect(json.files.map((f) => [rel(f.file), f.error === undefined ? "ok" : "error"])).toEqual([
      ["con/nguon/huyen.xlsx", "ok"],
      ["hong.xlsx", "error"],
    ]);
    expect(json.files[1].error).toMatch(/liên kết hỏng/);
  });
});

/** Runs the built CLI as the unprivileged user "nobody" when we are root (root reads any folder). */
function spawnAsUser(args: string[]): Promise<CliResult> {
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  return spawnCollect(process.execPath, [BIN, ...args], asNobody);
}

describe("a folder with one unreadable subfolder", () => {
  it("reports that subfolder and checks everything else", async () => {
    const folder = path.join(dir, "mot-thu-muc-khoa");
    await fs.mkdir(path.join(folder, "khoa"), { recursive: true });
    await fs.mkdir(path.join(folder, "mo"));
    await fs.copyFile(good, path.join(folder, "khoa", "x.xlsx"));
    await fs.copyFile(good, path.join(folder, "mo", "y.xlsx"));
    await fs.copyFile(good, path.join(folder, "z.xlsx"));
    await fs.chmod(path.join(folder, "khoa"), 0o000);
    for (const p of [dir, folder, path.join(folder, "mo")]) await fs.chmod(p, 0o755);
    for (const f of [path.join(folder, "mo", "y.xlsx"), path.join(folder, "z.xlsx")]) await fs.chmod(f, 0o644);
    try {
      const r = await spawnAsUser(["check", folder, "--json"]);
      expect(r.code).toBe(2);
      const json = JSON.parse(r.stdout) as CheckJson;
      expect(json.files.map((f) => [path.relative(folder, f.file), f.error === undefined ? "ok" : f.error])).toEqual([
        ["khoa", "Không đọc được thư mục (không có quyền đọc)."],
        ["mo/y.xlsx", "ok"],
        ["z.xlsx", "ok"],
      ]);
    } finally {
      await fs.chmod(path.join(folder, "khoa"), 0o755);
    }
  });
});
