// Issue 9's closing case: a folder holding a zip bomb, a damaged workbook and a good one. The
// run must end with exit 2, the good file's results and two clear errors, within 10 s and 1 GB
// of memory (a correctness bound: the bomb used to kill the whole run, printing no JSON).
import { existsSync, promises as fs } from "fs";
import * as path from "path";
import type { CheckJson } from "../../src/cli/checkJson";
import { communesGrid, districtGrid } from "../fixtures/seed";
import { bombMember, deflated, unzipParts, writeZip } from "../host/helpers/rawZip";
import { BIN, spawnCollect } from "./helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";

const TIME = "/usr/bin/time";
let dir: string;

beforeAll(async () => {
  dir = await makeTempDir();
  const good = await writeGrids(path.join(dir, "b-tot.xlsx"), [districtGrid(), communesGrid()]);
  const parts = await unzipParts(await fs.readFile(good));
  // The bomb: the good workbook with its first sheet swapped for 2 GB of spaces (2 MB on disk).
  const bomb = [...parts].map(([n, c]) => (n === "xl/worksheets/sheet1.xml" ? bombMember(n, 2048) : deflated(n, c)));
  await fs.writeFile(path.join(dir, "a-bom.xlsx"), writeZip(bomb));
  // The damaged one: one byte of the second sheet changed after its CRC was written.
  const damaged = [...parts].map(([n, c]) => deflated(n, c));
  const sheet2 = damaged.find((m) => m.name === "xl/worksheets/sheet2.xml")!;
  sheet2.crc32 = (sheet2.crc32 ^ 0x10) >>> 0;
  await fs.writeFile(path.join(dir, "c-hong.xlsx"), writeZip(damaged));
});
afterAll(async () => removeDir(dir));

/** `time -v`'s figures from its report on stderr. */
function timeFigures(stderr: string): { seconds: number; maxRssKb: number } {
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
  if (!rss || !wall) throw new Error(`no figures from time -v:\n${stderr}`);
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  return { seconds, maxRssKb: Number(rss[1]) };
}

it("checks the good file and reports the bomb and the damaged file, in bounded time and memory", async () => {
  if (!existsSync(TIME)) {
    // Needed to measure memory; CI installs it (package "time"), so there it must be present.
    if (process.env.CI === "true") throw new Error(`${TIME} is missing`);
    return;
  }
  const r = await spawnCollect(TIME, ["-v", process.execPath, BIN, "check", dir, "--json"]);

  expect(r.code).toBe(2);
  const json = JSON.parse(r.stdout) as CheckJson;
  expect(json.files.map((f) => path.basename(f.file))).toEqual(["a-bom.xlsx", "b-tot.xlsx", "c-hong.xlsx"]);
  const [bomb, good, damaged] = json.files;
  expect(bomb.error).toMatch(/^Tệp quá lớn để đọc an toàn: khi giải nén, dữ liệu chiếm 2048,\d MB \(phần lớn nhất xl\/worksheets\/sheet1\.xml: 2048,0 MB\), vượt giới hạn 32,0 MB\. Nếu đúng là tệp này, chạy lại với --max-size 2049/);
  expect(damaged.error).toMatch(/phần xl\/worksheets\/sheet2\.xml sai mã kiểm tra \(CRC\)/);
  expect(good.error).toBeUndefined();
  expect(good.sheets.map((s) => s.kind)).toEqual(["scoring", "units"]);
  expect(good.sheets[0].totals?.appraised?.achieved).toBe(89.21);
  const { seconds, maxRssKb } = timeFigures(r.stderr);
  expect(seconds).toBeLessThan(10);
  expect(maxRssKb).toBeLessThan(1024 * 1024);
});
