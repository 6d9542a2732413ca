// `cchc check FOLDER --template TEMPLATE.xlsx --json` on a folder of 300 unit workbooks (150
// criteria each; one in ten with a maximum changed, one in ten with a sub-criterion deleted), on
// one core (taskset -c 0) under `/usr/bin/time -v`. Goal (issue 19): under 30 s and 1 GB.
// The workbooks are written once into a temporary folder before timing.
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");
const { unitGrid } = require("./10-engine");

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "lib", "cli", "main.js");
const TIME = "/usr/bin/time";
const TASKSET = "/usr/bin/taskset";
const UNITS = 300;

async function workbook(grid) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.name);
  grid.values.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && (ws.getCell(r + 1, c + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The criteria set: a unit's sheet with its points, causes and responsible units emptied. */
function templateGrid() {
  const grid = unitGrid(0);
  for (let r = 3; r < grid.values.length; r++) for (const c of [3, 4, 5, 6]) grid.values[r][c] = null;
  return { ...grid, name: "Bộ tiêu chí" };
}

/** Unit u's sheet: as the set, or (u % 10) 1: a leaf's maximum changed, 2: a leaf deleted. */
function variantGrid(u) {
  const grid = unitGrid(u);
  const row = grid.values.findIndex((r) => r[0] === "3.2.1");
  if (u % 10 === 1) grid.values[row][2] = 1;
  if (u % 10 === 2) grid.values.splice(row, 1);
  return grid;
}

async function run() {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} missing: run npm run build first`);
  if (!fs.existsSync(TIME)) {
    console.log(`${TIME} not installed: not measured`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-template-"));
  try {
    const template = path.join(dir, "bo-tieu-chi.xlsx");
    fs.writeFileSync(template, await workbook(templateGrid()));
    const units = path.join(dir, "don-vi");
    fs.mkdirSync(units);
    for (let u = 0; u < UNITS; u++) fs.writeFileSync(path.join(units, `xa-${String(u).padStart(3, "0")}.xlsx`), await workbook(variantGrid(u)));

    const oneCore = fs.existsSync(TASKSET) ? [TASKSET, "-c", "0"] : [];
    const command = [...oneCore, process.execPath, BIN, "check", units, "--json", "--template", template];
    const r = spawnSync(TIME, ["-v", ...command], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
    if (r.error) throw r.error;
    const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.+)/.exec(r.stderr)?.[1];
    const tally = JSON.parse(r.stdout).template;
    const [m, s] = wall.split(":").map(Number);
    const seconds = m * 60 + s;
    console.log(`${UNITS} workbooks × 150 criteria, ${oneCore.length > 0 ? "one core (taskset -c 0)" : "all cores (no taskset)"}`);
    console.log("| exit | units | conforming | wall (m:ss) | max RSS MB |");
    console.log("|---:|---:|---:|---:|---:|");
    console.log(`| ${r.status} | ${tally.units} | ${tally.conforming} | ${wall} | ${(rss / 1024).toFixed(0)} |`);
    const met = seconds < 30 && rss / 1024 < 1024;
    console.log(`goal: under 30 s and 1024 MB → ${met ? "met" : "NOT met"}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };
