// What `cchc check` writes can be trusted: any failed write to stdout ends with exit 2 and a
// message on stderr (never a cut report with exit 0 or a stack trace with exit 1), control
// characters from cells are shown escaped, and a report of hundreds of thousands of lines is
// written without overflowing the stack.
import { execFileSync, spawn } from "child_process";
import { promises as fs, openSync, closeSync } from "fs";
import * as path from "path";
import { Writable } from "stream";
import type { CheckJson } from "../../src/cli/checkJson";
import { escapeControls, fileText } from "../../src/cli/checkText";
import { OutputWriter } from "../../src/cli/output";
import type { ScoringSheet } from "../../src/engine/core/types";
import { communesGrid, districtGrid } from "../fixtures/seed";
import { BIN, runCli, type CliResult } from "./helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";
import { deflated, unzipParts, writeZip } from "../host/helpers/rawZip";

let dir: string;
let seedFile: string;

beforeAll(async () => {
  dir = await makeTempDir();
  seedFile = await writeGrids(path.join(dir, "huyen.xlsx"), [districtGrid(), communesGrid()]);
});
afterAll(async () => removeDir(dir));

/** The built CLI with its stdout on the file `outPath` (opened for writing, as a shell does). */
function spawnToFile(args: string[], outPath: string): Promise<CliResult> {
  const fd = openSync(outPath, "w");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", fd, "pipe"] });
    closeSync(fd);
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout: "", stderr }));
  });
}

describe("write errors on stdout", () => {
  it.each([["--json"], []])("ends with exit 2 and a Vietnamese message when stdout is /dev/full (%s)", async (...flags) => {
    const r = await spawnToFile(["check", seedFile, ...flags], "/dev/full");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Không ghi được kết quả ra đầu ra chuẩn \(ổ đĩa đã đầy\)/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  const isRoot = process.getuid?.() === 0;
  // Mounting a 64 KB tmpfs needs root; /dev/full above covers the same path otherwise.
  (isRoot ? it : it.skip)("ends with exit 2, not 0, when a full file system cuts the JSON short", async () => {
    const mount = path.join(dir, "day");
    await fs.mkdir(mount);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mount]);
    try {
      // Leave about 8 KB free: the seed's JSON (tens of KB) is cut short by the kernel.
      await fs.writeFile(path.join(mount, "day"), Buffer.alloc(56 * 1024));
      const r = await spawnToFile(["check", seedFile, "--json"], path.join(mount, "ket-qua.json"));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/ổ đĩa đã đầy/);
    } finally {
      execFileSync("umount", [mount]);
    }
  });

  it("stops at the first failed write and keeps the error (a stream that fails)", async () => {
    let calls = 0;
    const failing = new Writable({
      write(_chunk, _enc, done) {
        calls++;
        done(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      },
    });
    const out = new OutputWriter(failing);
    await out.write("một\n");
    await out.write("hai\n");
    expect(out.error).toMatchObject({ code: "EPIPE" });
    expect(calls).toBe(1);
  });
});

/**
 * The seed with criterion 5.6's cause set to `xml` as Excel stores it in the XML: controls are
 * not allowed there, so Excel writes ESC as _x001B_, and readers (ExcelJS too) turn it back.
 */
async function seedWithCause(name: string, xml: string): Promise<string> {
  const grid = districtGrid();
  grid.values.find((r) => r[0] === "5.6")![5] = "CAUSE_PLACEHOLDER";
  const parts = await unzipParts(await fs.readFile(await writeGrids(path.join(dir, "tam", name), [grid])));
  const strings = "xl/sharedStrings.xml";
  parts.set(strings, Buffer.from(parts.get(strings)!.toString("utf8").replace("CAUSE_PLACEHOLDER", xml)));
  const file = path.join(dir, name);
  await fs.writeFile(file, writeZip([...parts].map(([n, c]) => deflated(n, c))));
  return file;
}

describe("text output", () => {
  it("shows control characters from cells escaped, never raw", async () => {
    const file = await seedWithCause("dieu-khien.xlsx", "Vi phạm_x001B_[2J_x001B_]0;hacked_x0007_ ghi đè_x0008_\u202e");
    const r = await runCli(["check", file]);
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(r.stdout).toContain("Nguyên nhân: Vi phạm\\x1b[2J\\x1b]0;hacked\\x07 ghi đè\\x08\\u202e");
  });

  it("keeps Vietnamese text, tabs and line breaks as they are", () => {
    expect(escapeControls("Phòng Tư pháp\tĐăk Kôi\ndòng 2")).toBe("Phòng Tư pháp\tĐăk Kôi\ndòng 2");
  });

  it("writes a report of 300,000 lines without overflowing the stack", () => {
    const lost = Array.from({ length: 100_000 }, (_, i) => ({
      code: `1.${i + 1}`,
      name: `Tiêu chí ${i + 1}`,
      achieved: 0.5,
      max: 1,
      lost: 0.5,
      cause: "Chưa hoàn thành",
      responsible: [{ unit: "Phòng Nội vụ", records: null }],
    }));
    const sheet = { kind: "scoring", sheet: "Lớn", title: null, totals: {}, areas: [], lost, units: [], findings: [] };
    const text = fileText({ file: "lon.xlsx", analysis: { sheets: [sheet as unknown as ScoringSheet] } });
    expect(text.split("\n").length).toBeGreaterThan(300_000);
  });
});

describe("JSON output", () => {
  it("escapes control characters as JSON does", async () => {
    const file = await seedWithCause("dieu-khien-json.xlsx", "a_x001B_b");
    const r = await runCli(["check", file, "--json"]);
    expect(r.stdout).toContain("a\\u001bb");
    const lost = (JSON.parse(r.stdout) as CheckJson).files[0].sheets[0];
    expect(JSON.stringify(lost)).toContain("a\\u001bb");
  });
});
