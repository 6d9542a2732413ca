// The Word draft for a workbook of 100 units: 100 scoring sheets of 150 criteria and a units
// table of 100 rows. Times (1) analysing and drafting the report and writing the .docx in one
// process, and (2) `cchc report` end to end in a fresh process (reading the .xlsx included).
// Goal: drafting under 2 s.
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");
const { analyzeWorkbook } = require("../../lib/engine");
const { draftReport } = require("../../lib/engine/reportDraft");
const { renderDocx } = require("../../lib/report/docxRender");
const { unitGrid } = require("./10-engine");

const UNITS = 100;
const GOAL_MS = 2000;
const RUNS = 5;
const BIN = path.join(__dirname, "..", "..", "lib", "cli", "main.js");

function unitsTable() {
  const values = [["KẾT QUẢ CHỈ SỐ CCHC NĂM 2023"], ["STT", "Tên đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm tối đa"]];
  for (let u = 0; u < UNITS; u++) values.push([u + 1, `UBND xã số ${u}`, 90 - (u % 9), 85 - (u % 13) * 0.5, 95.5]);
  return { name: "Xếp loại xã", values };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function run() {
  const grids = [...Array.from({ length: UNITS }, (_, u) => unitGrid(u)), unitsTable()];
  const draftOnce = async () => {
    const t0 = process.hrtime.bigint();
    const report = draftReport(analyzeWorkbook(grids), { grids, year: 2023 });
    const bytes = await renderDocx(report);
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, bytes };
  };
  await draftOnce(); // warm-up
  const times = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const { ms, bytes } = await draftOnce();
    times.push(ms);
    size = bytes.length;
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-report-"));
  try {
    const wb = new ExcelJS.Workbook();
    for (const g of grids) {
      const ws = wb.addWorksheet(g.name);
      for (const row of g.values) ws.addRow(row);
    }
    const input = path.join(dir, "100-don-vi.xlsx");
    await wb.xlsx.writeFile(input);
    const cli = [];
    for (let i = 0; i < 3; i++) {
      const out = path.join(dir, `bao-cao-${i}.docx`);
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [BIN, "report", input, "-o", out], { encoding: "utf8" });
      cli.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (r.status !== 0) throw new Error(`cchc report failed: ${r.stdout}${r.stderr}`);
    }
    const ms = median(times);
    console.log("| step | median | goal | status |");
    console.log("|---|---|---|---|");
    console.log(`| analyse + draft + .docx, ${UNITS} units (${(size / 1024).toFixed(0)} KB) | ${ms.toFixed(0)} ms | < ${GOAL_MS} ms | ${ms < GOAL_MS ? "đạt (met)" : "KHÔNG ĐẠT (not met)"} |`);
    console.log(`| cchc report, fresh process, reading the .xlsx | ${median(cli).toFixed(0)} ms | (for reference) | |`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };
