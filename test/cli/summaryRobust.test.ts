// `cchc summary` leaves nothing behind and says what it refuses: its temporary file goes on
// Ctrl-C or SIGTERM and stale ones of dead runs are removed, write errors name OUT, dates before
// 1900 or with two-digit years are refused, damaged input is refused before anything is written.
import { spawn } from "child_process";
import * as fsModule from "fs";
import * as path from "path";
import { randomBytes } from "crypto";
import { Workbook, type Buffer as ExcelJSBuffer } from "exceljs";
import { dateOption, parseDate } from "../../src/cli/dateOption";
import { communesGrid, districtGrid } from "../fixtures/seed";
import { BIN, runCli, spawnCli } from "./helpers/runCli";
import { addGridSheet, makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";
import { deflated, unzipParts, writeZip } from "../host/helpers/rawZip";
import { expectValidOoxml } from "../support/ooxmlCheck";

const fs = fsModule.promises;
let dir: string;
let input: string;

beforeAll(async () => {
  dir = await makeTempDir();
  input = await writeGrids(path.join(dir, "vao", "huyen.xlsx"), [districtGrid(), communesGrid()]);
});
afterAll(async () => removeDir(dir));
afterEach(() => jest.restoreAllMocks());

async function freshDir(name: string): Promise<string> {
  const d = path.join(dir, name);
  await fs.mkdir(d);
  return d;
}

describe("--date", () => {
  it.each([
    ["0024-01-15", /đủ 4 chữ số/],
    ["24-01-15", /đủ 4 chữ số/],
    ["1899-12-31", /trước năm 1900/],
    ["2024-02-30", /Ngày không hợp lệ/],
    ["15/01/2024", /Ngày không hợp lệ/],
  ])("refuses %s with a Vietnamese reason", async (text, reason) => {
    const parsed = dateOption(text);
    expect(parsed).toEqual({ error: expect.stringMatching(reason) });
    expect(parseDate(text)).toBeNull();
    const out = path.join(dir, `ngay-${text.replace(/\//g, "_")}.xlsx`);
    const r = await runCli(["summary", input, "-o", out, "--date", text]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(reason);
    await expect(fs.access(out)).rejects.toThrow();
  });

  it("accepts 1900-01-01 and 2024-01-15 as those local dates", () => {
    expect(parseDate("1900-01-01")?.getFullYear()).toBe(1900);
    const d = parseDate("2024-01-15")!;
    expect([d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([2024, 0, 15]);
  });
});

describe("temporary files", () => {
  it("removes stale temporary files of dead runs, keeps a live run's and anything not a file", async () => {
    const d = await freshDir("cu");
    // A process id that surely is dead: a child that has already exited.
    const child = spawn(process.execPath, ["-e", "0"]);
    await new Promise((resolve) => child.on("close", resolve));
    const dead = path.join(d, `.ket-qua.xlsx.${child.pid}.abc123.tmp`);
    const deadDir = path.join(d, `.khac.xlsx.${child.pid}.abc124.tmp`);
    const live = path.join(d, `.ket-qua.xlsx.${process.pid}.abc125.tmp`);
    const user = path.join(d, ".ghi-chu.tmp");
    await fs.writeFile(dead, "x");
    await fs.mkdir(deadDir);
    await fs.writeFile(live, "x");
    await fs.writeFile(user, "x");
    const r = await spawnCli(["summary", input, "-o", path.join(d, "ket-qua.xlsx"), "--date", "2024-01-15"]);
    expect(r.code).toBe(0);
    expect((await fs.readdir(d)).sort()).toEqual([path.basename(deadDir), path.basename(live), user, "ket-qua.xlsx"].map((f) => path.basename(f)).sort());
    await expectValidOoxml(path.join(d, "ket-qua.xlsx"), { base: input });
  });

  it("names OUT, not the temporary file, when writing fails", async () => {
    const d = await freshDir("day");
    jest.spyOn(fs, "writeFile").mockImplementation(async (file) => {
      throw Object.assign(new Error(`ENOSPC: no space left on device, open '${String(file)}'`), { code: "ENOSPC" });
    });
    const out = path.join(d, "ket-qua.xlsx");
    const r = await runCli(["summary", input, "-o", out, "--date", "2024-01-15"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Không ghi được ${out} (ổ đĩa đã đầy).\n`);
    expect(await fs.readdir(d)).toEqual([]);
  });

  let big: string;
  beforeAll(async () => {
    // A workbook carrying an 8 MB picture: OUT keeps it, so writing OUT takes a moment.
    big = path.join(dir, "anh.xlsx");
    const wb = new Workbook();
    addGridSheet(wb, districtGrid());
    const image = wb.addImage({ buffer: randomBytes(8 * 1024 * 1024) as unknown as ExcelJSBuffer, extension: "png" });
    wb.worksheets[0].addImage(image, "I1:K5");
    await wb.xlsx.writeFile(big);
  });

  it.each([["SIGTERM"], ["SIGINT"]] as const)("removes its temporary file when stopped by %s while writing", async (signal) => {
    const d = await freshDir(`dung-${signal}`);
    const child = spawn(process.execPath, [BIN, "summary", big, "-o", path.join(d, "ket-qua.xlsx"), "--date", "2024-01-15"], {
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("close", (_code, sig) => resolve(sig)));
    // Freeze the process the moment its temporary file appears, so the signal lands mid-write.
    let seenTemp = false;
    const watcher = fsModule.watch(d, (_event, name) => {
      if (!seenTemp && name && name.endsWith(".tmp")) {
        seenTemp = true;
        child.kill("SIGSTOP");
      }
    });
    const deadline = Date.now() + 50_000;
    while (!seenTemp && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    watcher.close();
    expect(seenTemp).toBe(true);
    const during = await fs.readdir(d);
    child.kill(signal);
    child.kill("SIGCONT");
    expect(await exited).toBe(signal);
    // The temporary file existed when the signal came, and nothing is left after it.
    expect(during.some((f) => f.endsWith(".tmp"))).toBe(true);
    expect(await fs.readdir(d)).toEqual([]);
  });
});

describe("damaged input", () => {
  it("is refused with the damaged part named, and no OUT is written", async () => {
    const parts = await unzipParts(await fs.readFile(input));
    const members = [...parts].map(([n, c]) => deflated(n, c));
    const sheet = members.find((m) => m.name === "xl/worksheets/sheet2.xml")!;
    sheet.crc32 = (sheet.crc32 ^ 1) >>> 0;
    const damaged = path.join(dir, "hong.xlsx");
    await fs.writeFile(damaged, writeZip(members));
    const d = await freshDir("hong");
    const r = await runCli(["summary", damaged, "-o", path.join(d, "ket-qua.xlsx"), "--date", "2024-01-15"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^.*hong\.xlsx: Tệp \.xlsx bị hỏng hoặc không đầy đủ: phần xl\/worksheets\/sheet2\.xml sai mã kiểm tra \(CRC\)/);
    expect(await fs.readdir(d)).toEqual([]);
  });
});

describe("--max-size", () => {
  it("refuses a workbook past the limit, says how to raise it, writes nothing; raised, it works", async () => {
    const d = await freshDir("gioi-han");
    const out = path.join(d, "ket-qua.xlsx");
    const r = await runCli(["summary", input, "-o", out, "--date", "2024-01-15", "--max-size", "0,01"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Tệp quá lớn để đọc an toàn: .* vượt giới hạn 0,01 MB\. Nếu đúng là tệp này, chạy lại với --max-size 1 /);
    expect(await fs.readdir(d)).toEqual([]);
    expect((await runCli(["summary", input, "-o", out, "--date", "2024-01-15", "--max-size", "1"])).code).toBe(0);
    await expectValidOoxml(out, { base: input });
  });

  it.each(["0", "-5", "abc", "5000"])("refuses --max-size %s in check and summary", async (value) => {
    for (const args of [["check", input], ["summary", input, "-o", path.join(dir, "x.xlsx")]]) {
      const r = await runCli([...args, "--max-size", value]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--max-size cần một số MB lớn hơn 0 và không quá 4096/);
    }
  });
});
