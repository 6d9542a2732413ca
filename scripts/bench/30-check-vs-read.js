// `cchc check` on one workbook of 100 scoring sheets (about 10,000 rows) against the floor, a
// bare ExcelJS read of the same file, and against LibreOffice converting it. Goal: check at most
// 1.5 × the bare read, and faster than LibreOffice. Each figure is the median of several runs of
// a fresh process (Node's start-up and module loading included on both sides).
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "lib", "cli", "main.js");
const SOFFICE = "/usr/bin/soffice";
const SHEETS = 100;
const AREAS = 8;
const CRITERIA_PER_AREA = 11; // 3 title and header rows + 8 × (1 + 11) + a total row = 100 rows a sheet
const RUNS = 5;

async function makeWorkbook(file) {
  const wb = new ExcelJS.Workbook();
  for (let s = 1; s <= SHEETS; s++) {
    const ws = wb.addWorksheet(`Xã ${s}`);
    ws.addRow([`BẢNG ĐIỂM CHỈ SỐ CCHC NĂM 2023 - XÃ ${s}`]);
    ws.addRow([]);
    ws.addRow(["STT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Nguyên nhân", "Trách nhiệm thuộc về"]);
    for (let a = 1; a <= AREAS; a++) {
      const lost = (s + a) % 3 === 0 ? 0.25 : 0;
      ws.addRow([String(a), `Lĩnh vực ${a}`, CRITERIA_PER_AREA, CRITERIA_PER_AREA, CRITERIA_PER_AREA - lost]);
      for (let k = 1; k <= CRITERIA_PER_AREA; k++) {
        const l = k === 1 ? lost : 0;
        ws.addRow([
          `${a}.${k}`,
          `Tiêu chí ${a}.${k}`,
          1,
          1,
          1 - l,
          l > 0 ? "Hoàn thành chậm" : null,
          l > 0 ? `Phòng ${a} (0${k} hồ sơ); UBND xã ${s}` : null,
        ]);
      }
    }
    ws.addRow([null, "Tổng điểm", AREAS * CRITERIA_PER_AREA]);
  }
  await wb.xlsx.writeFile(file);
  return wb.worksheets.reduce((n, ws) => n + ws.rowCount, 0);
}

const TIME = "/usr/bin/time";

/** Wall and CPU (user + system) milliseconds of one run of a fresh process. */
function timeRun(command, args, okCodes) {
  const useTime = fs.existsSync(TIME);
  const argv = useTime ? ["-f", "CPU %U %S", command, ...args] : args;
  const start = process.hrtime.bigint();
  const r = spawnSync(useTime ? TIME : command, argv, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  if (!okCodes.includes(r.status)) throw new Error(`${command} exited ${r.status}: ${r.stderr}`);
  const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Runs the candidates in turn, round after round, so a busy machine slows all of them alike;
 * the first round only warms the file cache (and LibreOffice's profile) and is not counted.
 */
function measureInterleaved(candidates) {
  const times = candidates.map(() => []);
  for (let round = 0; round <= RUNS; round++) {
    candidates.forEach((c, i) => {
      if (c.runs !== undefined && round > c.runs) return;
      const t = c.fn();
      if (round > 0) times[i].push(t);
    });
  }
  return candidates.map((c, i) => ({
    label: c.label,
    wall: median(times[i].map((t) => t.wall)),
    cpu: median(times[i].map((t) => t.cpu)),
  }));
}

/** Where check's time goes, in this process: reading the package, grids, the engine's analysis. */
async function breakdown(file) {
  const { readXlsx } = require(path.join(ROOT, "lib", "host", "file", "read", "readXlsx.js"));
  const { snapshotOf } = require(path.join(ROOT, "lib", "host", "file", "read", "readSnapshot.js"));
  const { analyzeWorkbook } = require(path.join(ROOT, "lib", "engine", "analyze.js"));
  const bytes = fs.readFileSync(file);
  const t0 = performance.now();
  const book = await readXlsx(bytes);
  const t1 = performance.now();
  const snapshot = snapshotOf(book);
  const t2 = performance.now();
  analyzeWorkbook(snapshot.sheets);
  const t3 = performance.now();
  console.log(
    `in process: read ${(t1 - t0).toFixed(0)} ms, grids ${(t2 - t1).toFixed(0)} ms, analysis ${(t3 - t2).toFixed(0)} ms`,
  );
}

async function run() {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} missing: run npm run build first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-"));
  try {
    const file = path.join(dir, "100-bang-diem.xlsx");
    const rows = await makeWorkbook(file);
    console.log(`workbook: ${SHEETS} scoring sheets, ${rows} rows, ${(fs.statSync(file).size / 1024).toFixed(0)} KiB`);

    const bareScript = `const E=require(${JSON.stringify(require.resolve("exceljs"))});new E.Workbook().xlsx.readFile(process.argv[1]).then(wb=>{let n=0;wb.eachSheet(ws=>ws.eachRow(r=>r.eachCell(c=>{n+=c.value===null?0:1})));})`;
    const candidates = [
      { label: "bare ExcelJS read (floor)", fn: () => timeRun(process.execPath, ["-e", bareScript, file], [0]) },
      { label: "cchc check --json", fn: () => timeRun(process.execPath, [BIN, "check", file, "--json"], [0, 1]) },
    ];
    if (fs.existsSync(SOFFICE)) {
      const profile = "file://" + path.join(dir, "lo-profile");
      const out = path.join(dir, "lo");
      const args = [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, file];
      candidates.push({ label: "LibreOffice --convert-to xlsx", runs: 3, fn: () => timeRun(SOFFICE, args, [0]) });
    } else {
      console.log(`LibreOffice: not installed (${SOFFICE}), not measured`);
    }
    const results = measureInterleaved(candidates);
    const [floor, check, lo] = results;
    console.log("| run | median wall ms | × bare read | median CPU ms | × bare read |");
    console.log("|---|---:|---:|---:|---:|");
    for (const r of results) {
      console.log(`| ${r.label} | ${r.wall.toFixed(0)} | ${(r.wall / floor.wall).toFixed(2)} | ${r.cpu.toFixed(0)} | ${(r.cpu / floor.cpu).toFixed(2)} |`);
    }
    console.log(`check / bare read = ${(check.wall / floor.wall).toFixed(2)} wall, ${(check.cpu / floor.cpu).toFixed(2)} CPU (goal ≤ 1.5)`);
    if (lo) console.log(`check / LibreOffice = ${(check.wall / lo.wall).toFixed(2)} wall (goal < 1)`);
    await breakdown(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };
