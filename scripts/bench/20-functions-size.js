// Size of the production custom functions bundle (dist/functions.js), which Excel loads
// before any CCHC.* formula can calculate. Goal: at most 30 KB. Also times `cchc eval`
// (the compiled command line, lib/cli/main.js) from start to result.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { spawnSync } = require("child_process");

const GOAL_KB = 30;
const ROOT = path.join(__dirname, "..", "..");

async function run() {
  const file = path.join(ROOT, "dist", "functions.js");
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first`);
  const bytes = fs.readFileSync(file);
  const kb = bytes.length / 1024;
  const gzipKb = zlib.gzipSync(bytes, { level: 9 }).length / 1024;
  console.log("| bundle | size | gzip | goal | status |");
  console.log("|---|---|---|---|---|");
  console.log(`| dist/functions.js | ${kb.toFixed(1)} KB | ${gzipKb.toFixed(1)} KB | ≤ ${GOAL_KB} KB | ${kb <= GOAL_KB ? "đạt (ok)" : "VƯỢT (over)"} |`);

  const main = path.join(ROOT, "lib", "cli", "main.js");
  const runs = 5;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [main, "eval", "=CCHC.GRADE(CCHC.INDEX(89,21;97))"], { encoding: "utf8" });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0 || r.stdout.trim() !== "Xuất sắc") throw new Error(`cchc eval failed: ${r.stdout}${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  console.log(`\ncchc eval (process start to result, ${runs} runs): median ${times[Math.floor(runs / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms`);
}

module.exports = { run };
