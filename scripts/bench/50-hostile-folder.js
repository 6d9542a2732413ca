// `cchc check DIR --json` on a folder holding a 4 GB zip bomb (4 MB on disk), a damaged workbook
// (one CRC wrong) and a good one. Bound: exit 2 with the good file checked and two errors, in
// under 10 s and 1 GB of memory (before issue 9 the bomb killed the run: V8 out of memory).
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");
const { bombMember, deflated, unzipParts, writeZip } = require("./support/rawZip");

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "lib", "cli", "main.js");
const TIME = "/usr/bin/time";
const BOMB_MB = 4095;

async function goodWorkbook() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Xã mẫu");
  ws.addRow(["STT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Nguyên nhân", "Trách nhiệm thuộc về"]);
  ws.addRow(["1", "Công tác chỉ đạo, điều hành", 2, 2, 1.5]);
  ws.addRow(["1.1", "Kế hoạch CCHC", 1, 1, 1]);
  ws.addRow(["1.2", "Báo cáo CCHC", 1, 1, 0.5, "Báo cáo chậm", "Văn phòng"]);
  ws.addRow([null, "Tổng điểm", 2, 2, 1.5]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function run() {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} missing: run npm run build first`);
  if (!fs.existsSync(TIME)) {
    console.log(`${TIME} not installed: not measured`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-hostile-"));
  try {
    const good = await goodWorkbook();
    const parts = await unzipParts(good);
    const bomb = [...parts].map(([n, c]) => (n === "xl/worksheets/sheet1.xml" ? bombMember(n, BOMB_MB) : deflated(n, c)));
    fs.writeFileSync(path.join(dir, "a-bom.xlsx"), writeZip(bomb));
    fs.writeFileSync(path.join(dir, "b-tot.xlsx"), good);
    const damaged = [...parts].map(([n, c]) => deflated(n, c));
    damaged[damaged.length - 1].crc32 ^= 1;
    fs.writeFileSync(path.join(dir, "c-hong.xlsx"), writeZip(damaged));
    const size = (f) => `${(fs.statSync(path.join(dir, f)).size / 1024).toFixed(0)} KiB`;
    console.log(`folder: a-bom.xlsx ${size("a-bom.xlsx")} (unpacks to ${BOMB_MB} MB), b-tot.xlsx ${size("b-tot.xlsx")}, c-hong.xlsx ${size("c-hong.xlsx")}`);

    const r = spawnSync(TIME, ["-v", process.execPath, BIN, "check", dir, "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (r.error) throw r.error;
    const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.+)/.exec(r.stderr)?.[1];
    const files = JSON.parse(r.stdout).files;
    const errors = files.filter((f) => f.error !== undefined).length;
    console.log("| exit | files | errors | wall (m:ss) | max RSS MB |");
    console.log("|---:|---:|---:|---:|---:|");
    console.log(`| ${r.status} | ${files.length} | ${errors} | ${wall} | ${(rss / 1024).toFixed(0)} |`);
    console.log("goal: exit 2, 3 files, 2 errors, under 10 s and 1024 MB");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };
