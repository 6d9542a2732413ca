// The project's .xlsx reader (src/host/file/read/) against ExcelJS, reading the same workbooks:
// the 100-sheet bench workbook (about 10,000 scoring rows), and the same plus a 200,000-row
// procedures list. Each figure is the median of several fresh processes: wall milliseconds of the
// read (module loading excluded) and the process's peak resident memory. Then the reader's memory
// per MB of sheet XML it keeps, for the size limit (src/host/xlsxPackageCheck.ts).
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");
const { deflated, unzipParts, writeZip } = require("./support/rawZip");

const ROOT = path.resolve(__dirname, "..", "..");
const READER = path.join(ROOT, "lib", "host", "file", "read", "readXlsx.js");
const SNAPSHOT = path.join(ROOT, "lib", "host", "file", "read", "readSnapshot.js");
const SHEETS = 100;
const AREAS = 8;
const CRITERIA_PER_AREA = 11;
const EXTRA_ROWS = 200000;
const RUNS = 5;
const MB = 1024 * 1024;

/** The 100 scoring sheets of scripts/bench/30-check-vs-read.js. */
async function scoringWorkbook(file) {
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
        ws.addRow([`${a}.${k}`, `Tiêu chí ${a}.${k}`, 1, 1, 1 - l, l > 0 ? "Hoàn thành chậm" : null, l > 0 ? `Phòng ${a} (0${k} hồ sơ); UBND xã ${s}` : null]);
      }
    }
    ws.addRow([null, "Tổng điểm", AREAS * CRITERIA_PER_AREA]);
  }
  await wb.xlsx.writeFile(file);
}

/** Adds a worksheet part to a package's parts, as the last sheet. */
function addSheet(parts, name, xml) {
  const n = [...parts.keys()].filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).length + 1;
  const part = `xl/worksheets/sheet${n}.xml`;
  parts.set(part, Buffer.from(xml, "utf8"));
  const edit = (p, f) => parts.set(p, Buffer.from(f(parts.get(p).toString("utf8")), "utf8"));
  const ws = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
  edit("xl/_rels/workbook.xml.rels", (x) => x.replace("</Relationships>", `<Relationship Id="rIdBench${n}" Type="${ws}" Target="worksheets/sheet${n}.xml"/></Relationships>`));
  edit("xl/workbook.xml", (x) => x.replace("</sheets>", `<sheet sheetId="${1000 + n}" name="${name}" r:id="rIdBench${n}"/></sheets>`));
  edit("[Content_Types].xml", (x) =>
    x.replace("</Types>", `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
  );
  return parts.get(part).length;
}

function sheetXml(rows) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

/** A procedures list of `n` rows of three texts (inline strings). */
function proceduresXml(n) {
  const rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>Mã thủ tục</t></is></c><c r="B1" t="inlineStr"><is><t>Tên thủ tục</t></is></c><c r="C1" t="inlineStr"><is><t>Lĩnh vực</t></is></c></row>'];
  for (let r = 2; r <= n + 1; r++) {
    rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>1.00${r}</t></is></c><c r="B${r}" t="inlineStr"><is><t>Thủ tục cấp giấy chứng nhận số ${r}</t></is></c><c r="C${r}" t="inlineStr"><is><t>Hộ tịch, chứng thực</t></is></c></row>`);
  }
  return sheetXml(rows);
}

/** A scoring sheet of `n` criteria rows of seven cells (numbers and short texts), kept whole. */
function scoringXml(n) {
  const cell = (ref, v) => (typeof v === "number" ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`);
  const rows = [`<row r="1">${["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Nguyên nhân", "Trách nhiệm"].map((v, c) => cell(`${"ABCDEFG"[c]}1`, v)).join("")}</row>`];
  for (let r = 2; r <= n + 1; r++) {
    const values = [`1.${r}`, `Tiêu chí ${r}`, 1, 1, 0.75, "Chậm", "Phòng Nội vụ"];
    rows.push(`<row r="${r}">${values.map((v, c) => cell(`${"ABCDEFG"[c]}${r}`, v)).join("")}</row>`);
  }
  return sheetXml(rows);
}

/** One row of one short number per row (the worst case measured for ExcelJS). */
function numbersXml(n) {
  const rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>Điểm tối đa</t></is></c></row>'];
  for (let r = 2; r <= n + 1; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r % 10}</v></c></row>`);
  return sheetXml(rows);
}

async function withSheet(base, out, name, xml) {
  const parts = await unzipParts(fs.readFileSync(base));
  const xmlBytes = addSheet(parts, name, xml);
  fs.writeFileSync(out, writeZip([...parts].map(([n, c]) => deflated(n, c))));
  return xmlBytes;
}

const EXCELJS_CHILD = `
const E = require(${JSON.stringify(require.resolve("exceljs"))});
const bytes = require("fs").readFileSync(process.argv[1]);
const t0 = performance.now();
new E.Workbook().xlsx.load(bytes).then((wb) => {
  let n = 0;
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => { n += c.value === null ? 0 : 1; })));
  console.log(JSON.stringify({ ms: performance.now() - t0, rss: process.resourceUsage().maxRSS * 1024, n }));
});`;

const READER_CHILD = `
const { readXlsx } = require(${JSON.stringify(READER)});
const { snapshotOf } = require(${JSON.stringify(SNAPSHOT)});
const bytes = require("fs").readFileSync(process.argv[1]);
const whole = process.argv[2] === "whole";
const limits = { maxUnpackedBytes: whole ? 4096 * 1024 * 1024 : 32 * 1024 * 1024 };
const t0 = performance.now();
readXlsx(bytes, limits, { keepWhole: () => whole }).then((book) => {
  const snapshot = snapshotOf(book);
  const n = snapshot.sheets.reduce((a, g) => a + g.values.length, 0);
  console.log(JSON.stringify({ ms: performance.now() - t0, rss: process.resourceUsage().maxRSS * 1024, n, truncated: book.sheets.filter((s) => s.truncated).length }));
});`;

const TIME = "/usr/bin/time";

/**
 * One fresh process. Peak memory comes from /usr/bin/time (%M): a process spawned straight from
 * this one would inherit this process's peak in its own maxRSS (Linux keeps it across exec).
 */
function runChild(script, args) {
  const node = [process.execPath, "--max-old-space-size=8192", "-e", script, ...args];
  const useTime = fs.existsSync(TIME);
  const r = useTime
    ? spawnSync(TIME, ["-f", "PEAK_KB %M", ...node], { encoding: "utf8", maxBuffer: 1 << 20 })
    : spawnSync(node[0], node.slice(1), { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) return { error: (r.stderr || "").split("\n").find((l) => l.trim()) || `exit ${r.status}` };
  const out = JSON.parse(r.stdout.trim().split("\n").pop());
  const peak = /PEAK_KB (\d+)/.exec(r.stderr || "");
  if (peak) out.rss = Number(peak[1]) * 1024;
  return out;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs the candidates in turn, round after round (a busy machine slows all alike); round 0 warms up. */
function measure(candidates, runs = RUNS) {
  const results = candidates.map(() => []);
  for (let round = 0; round <= runs; round++) {
    candidates.forEach((c, i) => {
      const r = runChild(c.script, c.args);
      if (round > 0) results[i].push(r);
    });
  }
  return candidates.map((c, i) => {
    const ok = results[i].filter((r) => !r.error);
    if (ok.length === 0) return { label: c.label, error: results[i][0].error };
    return { label: c.label, ms: median(ok.map((r) => r.ms)), rss: median(ok.map((r) => r.rss)), truncated: ok[0].truncated };
  });
}

function table(title, results) {
  console.log(`\n${title}`);
  console.log("| reader | median read ms | peak RSS MB |");
  console.log("|---|---:|---:|");
  for (const r of results) {
    if (r.error) console.log(`| ${r.label} | refused or failed: ${r.error.slice(0, 120)} | |`);
    else console.log(`| ${r.label} | ${r.ms.toFixed(0)} | ${(r.rss / MB).toFixed(0)} |`);
  }
}

async function run() {
  if (!fs.existsSync(READER)) throw new Error(`${READER} missing: run npm run build:cli first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-bench-reader-"));
  try {
    const base = path.join(dir, "100-bang-diem.xlsx");
    await scoringWorkbook(base);
    const big = path.join(dir, "100-bang-diem-va-danh-muc.xlsx");
    const extraXml = await withSheet(base, big, "Danh mục TTHC", proceduresXml(EXTRA_ROWS));
    console.log(`workbooks: ${SHEETS} scoring sheets (${(fs.statSync(base).size / 1024).toFixed(0)} KiB); the same plus ${EXTRA_ROWS} rows of procedures (${(extraXml / MB).toFixed(1)} MB of sheet XML, ${(fs.statSync(big).size / MB).toFixed(1)} MiB file)`);
    table(
      "100 scoring sheets",
      measure([
        { label: "ExcelJS (load, visit every cell)", script: EXCELJS_CHILD, args: [base] },
        { label: "readXlsx + snapshot", script: READER_CHILD, args: [base] },
      ]),
    );
    table(
      `100 scoring sheets + ${EXTRA_ROWS} unrelated rows`,
      measure([
        { label: "ExcelJS (load, visit every cell)", script: EXCELJS_CHILD, args: [big] },
        { label: "readXlsx + snapshot (default 32 MB limit)", script: READER_CHILD, args: [big] },
      ]),
    );

    // Memory per MB of sheet XML kept: sheets kept whole (as a scoring sheet is), baseline subtracted.
    const empty = path.join(dir, "empty.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("A").getCell("A1").value = 1;
    await wb.xlsx.writeFile(empty);
    const baseline = measure([{ label: "empty", script: READER_CHILD, args: [empty, "whole"] }], 3)[0].rss;
    console.log("\nreader memory per MB of sheet XML kept (sheets kept whole, readXlsx + snapshot):");
    console.log("| sheet | XML MB | peak RSS MB | MB per MB of XML |");
    console.log("|---|---:|---:|---:|");
    for (const [label, xml] of [
      ["100,000 rows of seven cells", scoringXml(100000)],
      ["900,000 rows of one short number", numbersXml(900000)],
      [`${EXTRA_ROWS} rows of three texts`, proceduresXml(EXTRA_ROWS)],
    ]) {
      const file = path.join(dir, "memory.xlsx");
      const size = await withSheet(empty, file, "Dữ liệu", xml);
      const r = measure([{ label, script: READER_CHILD, args: [file, "whole"] }], 3)[0];
      if (r.error) console.log(`| ${label} | ${(size / MB).toFixed(1)} | failed: ${r.error} | |`);
      else console.log(`| ${label} | ${(size / MB).toFixed(1)} | ${(r.rss / MB).toFixed(0)} | ${((r.rss - baseline) / (size / 1)).toFixed(1)} |`);
    }
    console.log(`(baseline: a one-cell workbook, ${(baseline / MB).toFixed(0)} MB)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { run };
