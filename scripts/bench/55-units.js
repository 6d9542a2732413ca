// Many units and many years (issue 10): a units table of N units in three blocks with survey
// points and last year's index and rank, read and laid out as "Xếp hạng"; and a workbook of N
// scoring sheets (one per unit) through the analysis across units and "Phân tích tiêu chí".
// Goals: both linear; 200 scoring sheets analysed under 1 s on one core.
const { analyzeSheet, analyzeWorkbook, buildRankingPlan, buildAnalysisPlan } = require("../../lib/engine");
const { unitGrid } = require("./10-engine");
const { timeMs } = require("./support/timing");

const BLOCKS = ["Khối sở, ban, ngành", "Khối phường", "Khối xã"];

/** Block heading rows, appraisal and survey with their maxima, last year's index and rank. */
function blocksTable(n) {
  const values = [
    ["KẾT QUẢ CHỈ SỐ CCHC NĂM 2025"],
    ["TT", "Đơn vị", "Điểm tối đa", "Điểm thẩm định", "Điểm tối đa XHH", "Điều tra XHH", "Chỉ số năm trước", "Xếp hạng năm trước"],
  ];
  const perBlock = Math.ceil(n / BLOCKS.length);
  let made = 0;
  BLOCKS.forEach((block, b) => {
    values.push([["I", "II", "III"][b], block]);
    for (let i = 0; i < perBlock && made < n; i++, made++) {
      const appraised = 40 + ((made * 37) % 215) / 10;
      const survey = 20 + ((made * 53) % 185) / 10;
      values.push([i + 1, `Đơn vị số ${made + 1}`, 61.5, appraised, 38.5, survey, 60 + ((made * 29) % 390) / 10, 1 + ((made * 7) % perBlock)]);
    }
  });
  return { name: "Kết quả", values };
}

async function run() {
  const date = new Date(2025, 11, 15);
  const tables = [];
  for (const n of [125, 250, 500, 1000]) {
    const grid = blocksTable(n);
    const analysis = { sheets: [analyzeSheet(grid)] };
    if (analysis.sheets[0].kind !== "units" || analysis.sheets[0].ranking.length !== n) throw new Error("the bench table was not read as a units table");
    const ms = timeMs(() => buildRankingPlan({ sheets: [analyzeSheet(grid)] }, { date }), 9);
    tables.push({ units: n, "ms total": ms.toFixed(2), "µs per unit": ((ms * 1000) / n).toFixed(2) });
  }
  console.log("Units table with blocks, survey and last year → Xếp hạng:");
  console.table(tables);

  const sheets = [];
  for (const n of [25, 50, 100, 200]) {
    const grids = Array.from({ length: n }, (_, u) => unitGrid(u));
    analyzeWorkbook(grids); // warm-up
    let plan = null;
    const ms = timeMs(() => {
      plan = buildAnalysisPlan(analyzeWorkbook(grids), { date });
    }, n >= 200 ? 5 : 9);
    if (!plan) throw new Error("no analysis across units");
    sheets.push({ "scoring sheets": n, "ms total": ms.toFixed(2), "ms per sheet": (ms / n).toFixed(3), "plan cells": plan.cells.length });
  }
  console.log("Workbook of one scoring sheet per unit → analysis across units + Phân tích tiêu chí:");
  console.table(sheets);
  const last = sheets[sheets.length - 1];
  console.log(`goal: 200 sheets under 1 s → ${last["ms total"]} ms (${Number(last["ms total"]) < 1000 ? "met" : "NOT met"})`);
}

module.exports = { run, blocksTable };
