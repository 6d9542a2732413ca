// Old formats (issue: read .xls and .ods): one generated workbook of 100 scoring sheets (about
// 10,000 rows, a SUM formula per area row) saved by LibreOffice as .xls and .ods, read in this
// process by readLegacyWorkbook, against ExcelJS loading the .xlsx it came from (the floor the
// command line pays today). Medians of several runs after a warm-up; the analysis of the three
// must agree. Also prints the size of the readers' compiled JavaScript.
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");
const { timeMsAsync } = require("./support/timing");

const ROOT = path.resolve(__dirname, "..", "..");
const LIB = path.join(ROOT, "lib");
const SOFFICE = "/usr/bin/soffice";
const SHEETS = 100;
const AREAS = 8;
const CRITERIA = 11;
const RUNS = 7;

async function makeWorkbook(file) {
  const wb = new ExcelJS.Workbook();
  for (let s = 1; s <= SHEETS; s++) {
    const ws = wb.addWorksheet(`Xã ${s}`);
    ws.addRow([`BẢNG ĐIỂM CHỈ SỐ CCHC NĂM 2023 - XÃ ${s}`]);
    ws.mergeCells("A1:G1");
    ws.addRow([]);
    ws.addRow(["STT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Nguyên nhân", "Trách nhiệm thuộc về"]);
    for (let a = 1; a <= AREAS; a++) {
      const lost = (s + a) % 3 === 0 ? 0.25 : 0;
      const first = ws.rowCount + 2;
      const last = first + CRITERIA - 1;
      ws.addRow([String(a), `Lĩnh vực ${a}`, CRITERIA, CRITERIA, { formula: `SUM(E${first}:E${last})`, result: CRITERIA - lost }]);
      for (let k = 1; k <= CRITERIA; k++) {
        const l = k === 1 ? lost : 0;
        ws.addRow([`${a}.${k}`, `Tiêu chí ${a}.${k}`, 1, 1, 1 - l, l > 0 ? "Hoàn thành chậm" : null, l > 0 ? `Phòng ${a} (0${k} hồ sơ); UBND xã ${s}` : null]);
      }
    }
    ws.addRow([null, "Tổng điểm", AREAS * CRITERIA]);
  }
  await wb.xlsx.writeFile(file);
}

function convert(file, format, dir) {
  const profile = "file://" + path.join(dir, `lo-${format}`);
  execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", dir, file], { stdio: "ignore", timeout: 300_000 });
  return file.replace(/\.xlsx$/, `.${format}`);
}

function totals(analysis) {
  return analysis.sheets.map((s) => (s.kind === "scoring" ? s.totals.appraised.achieved : null)).join(",");
}

async function run() {
  const entry = path.join(LIB, "host", "file", "legacy", "legacyWorkbook.js");
  if (!fs.existsSync(entry)) throw new Error(`${entry} missing: run npm run build first`);
  const { readLegacyWorkbook } = require(entry);
  const { loadWorkbook } = require(path.join(LIB, "host", "xlsxLoad.js"));
  const { worksheetToGrid } = require(path.join(LIB, "host", "xlsxCells.js"));
  const { analyzeWorkbook, applyMergedAreas } = require(path.join(LIB, "engine"));
  if (!fs.existsSync(SOFFICE)) {
    console.log(`LibreOffice: not installed (${SOFFICE}), not measured`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-legacy-"));
  try {
    const xlsx = path.join(dir, "100-xa.xlsx");
    await makeWorkbook(xlsx);
    const files = { xlsx, xls: convert(xlsx, "xls", dir), ods: convert(xlsx, "ods", dir) };
    const rows = [];
    const analyses = {};
    for (const [format, file] of Object.entries(files)) {
      const bytes = new Uint8Array(fs.readFileSync(file));
      let grids = null;
      const read =
        format === "xlsx"
          ? async () => {
              const wb = await loadWorkbook(bytes);
              grids = wb.worksheets.map((ws) => worksheetToGrid(ws));
            }
          : async () => {
              const wb = await readLegacyWorkbook(bytes);
              grids = wb.sheets.map((s) => applyMergedAreas({ name: s.name, values: s.values }, s.merges));
            };
      const ms = await timeMsAsync(read, RUNS);
      analyses[format] = totals(analyzeWorkbook(grids));
      rows.push({ format, "file KiB": (bytes.length / 1024).toFixed(0), "read ms (median)": ms.toFixed(0), sheets: grids.length, "heap MiB after": (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0) });
    }
    console.log(`workbook: ${SHEETS} scoring sheets of ${3 + AREAS * (1 + CRITERIA) + 1} rows, ${AREAS * SHEETS} SUM formulas`);
    console.table(rows);
    const same = analyses.xls === analyses.xlsx && analyses.ods === analyses.xlsx;
    console.log(`analysis of .xls and .ods the same as of .xlsx: ${same ? "yes" : "NO"}`);
    if (!same) process.exitCode = 1;
    const compiled = fs.readdirSync(path.dirname(entry)).filter((f) => f.endsWith(".js"));
    const bytes = compiled.reduce((n, f) => n + fs.statSync(path.join(path.dirname(entry), f)).size, 0);
    const saxes = ["saxes/saxes.js", "xmlchars/xml/1.0/ed5.js", "xmlchars/xml/1.1/ed2.js", "xmlchars/xmlns/1.0/ed3.js"].reduce((n, f) => {
      const p = path.join(path.dirname(require.resolve("saxes/package.json")), "..", f);
      return n + (fs.existsSync(p) ? fs.statSync(p).size : 0);
    }, 0);
    console.log(`compiled readers: ${compiled.length} files, ${(bytes / 1024).toFixed(1)} KiB (tsc, unminified, comments kept); saxes + xmlchars: ${(saxes / 1024).toFixed(1)} KiB`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run, makeWorkbook, convert };
