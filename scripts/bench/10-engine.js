// Engine: read, validate and total a synthetic workbook of N units × 150 criteria.
// Goal: linear growth, and 100 units under 50 ms on one core.
const { analyzeWorkbook } = require("../../lib/engine");
const { timeMs } = require("./support/timing");

const HEADER = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Nguyên nhân", "Trách nhiệm thuộc về"];

/** 150 criterion rows: 8 areas, criteria under them, sub-criteria under those. */
function unitGrid(u) {
  const values = [[`UBND xã số ${u}`], ["BẢNG ĐIỂM CHỈ SỐ CCHC"], HEADER];
  let rows = 0;
  for (let a = 1; rows < 150; a++) {
    const areaRow = values.length;
    values.push([String(a), `Lĩnh vực ${a}`, 0, null, null, null, null]);
    rows++;
    let areaMax = 0;
    for (let c = 1; c <= 6 && rows < 150; c++) {
      values.push([`${a}.${c}`, `Tiêu chí ${a}.${c}`, 1.5, null, null, null, null]);
      rows++;
      for (let s = 1; s <= 2 && rows < 150; s++) {
        const lost = (u + a + c + s) % 7 === 0;
        values.push([`${a}.${c}.${s}`, `Tiêu chí thành phần ${a}.${c}.${s}`, 0.75, 0.75, lost ? "0,5" : 0.75, lost ? "Chậm" : null, lost ? "Phòng Nội vụ; Phòng Tư pháp (02 hồ sơ)" : null]);
        rows++;
      }
      areaMax += 1.5;
    }
    values[areaRow][2] = areaMax;
  }
  values.push([null, "Tổng cộng", null, null, null, null, null]);
  return { name: `Xã ${u}`, values };
}

async function run() {
  const table = [];
  for (const n of [1, 10, 100, 1000]) {
    const grids = Array.from({ length: n }, (_, u) => unitGrid(u));
    const rows = n * 150;
    analyzeWorkbook(grids); // warm-up
    const ms = timeMs(() => analyzeWorkbook(grids), n >= 1000 ? 3 : 9);
    table.push({ units: n, rows, "ms total": ms.toFixed(2), "µs per row": ((ms * 1000) / rows).toFixed(2) });
  }
  console.table(table);
  const hundred = table.find((r) => r.units === 100);
  console.log(`goal: 100 units under 50 ms → ${hundred["ms total"]} ms (${Number(hundred["ms total"]) < 50 ? "met" : "NOT met"})`);
}

module.exports = { run, unitGrid };
