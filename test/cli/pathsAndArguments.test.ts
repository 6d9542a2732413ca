// What the command line says about paths and arguments, as a careless or hostile user meets it
// (issue 16, items 7, 10 and 11): an OUT in a missing folder or that is a folder is named in
// Vietnamese, never as a system code; one file reached three ways is checked once; escape codes
// typed as arguments are shown, never obeyed by the terminal.
import { promises as fs } from "fs";
import * as path from "path";
import { districtGrid } from "../fixtures/seed";
import { spawnCli } from "./helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";

let dir: string;
let input: string;

beforeAll(async () => {
  dir = await makeTempDir();
  input = await writeGrids(path.join(dir, "in", "a.xlsx"), [districtGrid()]);
});
afterAll(() => removeDir(dir));

const SYSTEM_CODES = /\bE[A-Z]{3,}\b/;
const ESC = "\u001b";

describe.each(["summary", "report"])("cchc %s -o", (command) => {
  const ext = command === "summary" ? "xlsx" : "docx";

  test("into a folder that does not exist: says so, exit 2, nothing written", async () => {
    const out = path.join(dir, "missing", "dir", `o.${ext}`);
    const r = await spawnCli([command, input, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Thư mục chứa tệp kết quả không tồn tại: ${path.dirname(out)}.`);
    expect(r.stderr).not.toMatch(SYSTEM_CODES);
    await expect(fs.stat(path.join(dir, "missing"))).rejects.toThrow();
  });

  test("onto a folder, even with --force: says OUT is a folder, exit 2, the folder untouched", async () => {
    const out = path.join(dir, `somedir-${command}.${ext}`);
    await fs.mkdir(out);
    await fs.writeFile(path.join(out, "keep.txt"), "x");
    const r = await spawnCli([command, input, "-o", out, "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${out} là một thư mục, không phải tệp`);
    expect(r.stderr).not.toMatch(SYSTEM_CODES);
    expect(await fs.readdir(out)).toEqual(["keep.txt"]);
  });
});

test("one file reached as a folder, by name, again as the folder and through a link is checked once", async () => {
  const folder = path.dirname(input);
  await fs.symlink(input, path.join(dir, "link.xlsx"));
  const r = await spawnCli(["check", folder, input, folder, path.join(dir, "link.xlsx"), "--json"]);
  expect(r.code).toBe(0);
  const files = (JSON.parse(r.stdout) as { files: { file: string }[] }).files.map((f) => f.file);
  expect(files).toEqual([input]);
});

test("a folder given twice whose only file was listed is not called empty", async () => {
  const r = await spawnCli(["check", path.dirname(input), path.dirname(input)]);
  expect(r.code).toBe(0);
  expect(r.stdout + r.stderr).not.toContain("không có tệp .xlsx nào");
});

test.each([
  [[`${ESC}[2J`], "Lệnh không hợp lệ: \"\\x1b[2J\"."],
  [["eval", `=1${ESC}[31m`], "=1\\x1b[31m"],
  [["check", `${ESC}]0;pwned${ESC}\\.xlsx`], "\\x1b]0;pwned\\x1b\\.xlsx"],
])("escape codes in the arguments %j are shown escaped", async (args, shown) => {
  const r = await spawnCli(args);
  expect(r.code).toBe(2);
  expect(r.stderr + r.stdout).toContain(shown);
  expect(r.stderr + r.stdout).not.toContain(ESC);
});
