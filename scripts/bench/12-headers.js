// Header detection (issue 17): sheets whose header sits under 30 title rows (the whole search),
// merged over two rows, and sheets with no header at all, read to the end of the search and
// explained. Titles as a workbook of units has them: the same template on every sheet, each
// sheet's own unit and number; and, as the worst case, every title text new. Goals: linear
// (2,000 sheets ≈ twice 1,000), and under 10% of the engine bench's time for as many sheets.
const { analyzeWorkbook, detectHeader } = require("../../lib/engine");
const { unitGrid } = require("./10-engine");
const { timeMs } = require("./support/timing");

/** 30 title rows (single texts, pairs, a decision line), a two-row header or none, one data row. */
function titledSheet(s, { withHeader, unique }) {
  const own = (text) => (unique ? `${text} ${s}` : text);
  const values = [];
  for (let r = 0; r < 30; r++) {
    if (r === 0) values.push([`UBND XÃ SỐ ${s}`, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]);
    else if (r % 3 === 0) values.push([own("ỦY BAN NHÂN DÂN TỈNH KON TUM"), null, null, own("Độc lập - Tự do - Hạnh phúc")]);
    else if (r % 3 === 1) values.push([own(`Kèm theo Quyết định số ${r}/QĐ-UBND ngày ${r} tháng 3 năm 2024`)]);
    else values.push([own(`Ghi chú ${r}`), own(`Nội dung trình bày ${r}`), null, own("Số liệu tính đến năm 2023")]);
  }
  if (withHeader) {
    // The header's upper row is the 30th: the search reads all 30 rows before it finds it.
    values[29] = ["STT", "Tỉnh, thành phố", "Năm 2022", null, "Năm 2023", null];
    values.push([null, null, "Chỉ số (%)", "Xếp hạng", "Chỉ số (%)", "Xếp hạng"]);
  } else {
    values.push(["STT", "Tỉnh, thành phố", "Cột A", "Cột B", "Cột C", "Cột D"]);
  }
  values.push([1, `Tỉnh số ${s}`, 81.35, 55, 86.14, 43]);
  return { name: `Trang ${s}`, values };
}

function detectAll(sheets) {
  let found = 0;
  for (const g of sheets) if (detectHeader(g).kind !== "other") found++;
  return found;
}

let batch = 0;

/** Median ms of 5 runs, each on freshly built sheets (numbers never seen before: no memo carried over). */
function timeDetection(n, options) {
  const times = [];
  for (let i = -1; i < 5; i++) {
    const base = ++batch * 1e6;
    const sheets = Array.from({ length: n }, (_, s) => titledSheet(base + s, options));
    let found = 0;
    const t = timeMs(() => (found = detectAll(sheets)), 1);
    if (i >= 0) times.push(t); // the first run warms up, uncounted
    if (found !== (options.withHeader ? n : 0)) throw new Error(`the bench sheets were read wrongly (${found} of ${n} found)`);
  }
  times.sort((a, b) => a - b);
  return times[2];
}

async function run() {
  const table = [];
  const ms = {};
  for (const unique of [false, true]) {
    for (const withHeader of [true, false]) {
      for (const n of [1000, 2000]) {
        const t = timeDetection(n, { withHeader, unique });
        ms[`${unique}-${withHeader}-${n}`] = t;
        table.push({
          titles: unique ? "all new (worst)" : "template",
          header: withHeader ? "rows 30–31" : "none (reason)",
          sheets: n,
          "ms total": t.toFixed(2),
          "ms per sheet": (t / n).toFixed(4),
        });
      }
    }
  }
  console.log("detectHeader on sheets of 30 title rows:");
  console.table(table);
  const engineGrids = Array.from({ length: 1000 }, (_, u) => unitGrid(u));
  analyzeWorkbook(engineGrids);
  const engineMs = timeMs(() => analyzeWorkbook(engineGrids), 3);
  for (const unique of [false, true]) {
    const t = ms[`${unique}-true-1000`];
    const share = (100 * t) / engineMs;
    const label = unique ? "titles all new (worst case)" : "template titles";
    console.log(`${label}: 1000 sheets ${t.toFixed(2)} ms = ${share.toFixed(1)}% of the engine bench (1000 units × 150 criteria, ${engineMs.toFixed(2)} ms); goal < 10%: ${share < 10 ? "met" : "NOT met"}`);
    const growth = ms[`${unique}-true-2000`] / ms[`${unique}-true-1000`];
    console.log(`  linear: 2000 sheets ÷ 1000 sheets = ${growth.toFixed(2)} (×2 expected; ${growth < 2.6 ? "met" : "NOT met"})`);
  }
}

module.exports = { run, titledSheet };
