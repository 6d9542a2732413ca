// The task pane's commands through the Office.js adapter, against the fake Excel object model
// (test/support/fakeExcel.js): round trips (context.sync) and time per command for workbooks of
// 1, 10 and 100 copies of the seed's district sheet. Goal: the number of syncs is the same for
// every size (an add-in's cost is its round trips; Excel on the web adds ~50–200 ms for each).
// Then the large writes: request sizes (the fake weighs them as the real office.js does, see
// test/browser/officePayload.test.ts) must stay under Excel on the web's 5 MB limit, in as few
// syncs as that allows.
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const ROOT = path.join(__dirname, "..", "..");

// The add-in's modules are bundled by webpack, not compiled to lib/: compile them on require.
function registerTypeScript() {
  if (require.extensions[".ts"]) return;
  require.extensions[".ts"] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    const out = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    });
    module._compile(out.outputText, filename);
  };
}

async function run() {
  registerTypeScript();
  const FakeExcel = require(path.join(ROOT, "test/support/fakeExcel.js"));
  const { OfficeWorkbook } = require(path.join(ROOT, "src/host/office/officeWorkbook.ts"));
  const { memoryStore } = require(path.join(ROOT, "src/host/office/officeSettings.ts"));
  const { runValidation } = require(path.join(ROOT, "src/taskpane/validateController.ts"));
  const { computeScores, applySubtotals } = require(path.join(ROOT, "src/taskpane/computeController.ts"));
  const { generateReport } = require(path.join(ROOT, "src/taskpane/reportController.ts"));
  const { districtGrid } = require(path.join(ROOT, "test/fixtures/seed.ts"));

  const rows = [];
  for (const n of [1, 10, 100]) {
    const grids = Array.from({ length: n }, (_, i) => {
      const g = i === 0 ? districtGrid({ blankParents: true }, `Huyện ${i + 1}`) : districtGrid({ typedAreas: { 6: 10 } }, `Huyện ${i + 1}`);
      if (i === 0) g.values.find((r) => r[0] === "1.6.1")[4] = 5;
      return g;
    });
    const workbook = new FakeExcel.Workbook({ sheets: grids.map((g) => ({ name: g.name, values: g.values })) });
    // Merged areas read as in Microsoft 365 (ExcelApi 1.13), in the read's second sync.
    const host = new OfficeWorkbook({ run: FakeExcel.runner(workbook), store: memoryStore(), mergedAreasSupported: () => true });
    const commands = [
      ["Kiểm tra + tô màu", () => runValidation(host, { scope: "all", highlight: true })],
      ["Xóa đánh dấu", () => host.clearHighlights()],
      ["Tính điểm + điền SUM", async () => applySubtotals(host, (await computeScores(host)).offer, false)],
      ["Tạo báo cáo", () => generateReport(host, { date: new Date(2024, 0, 15) })],
    ];
    for (const [name, work] of commands) {
      const before = workbook.syncCount;
      const sent = workbook.requestSizes.length;
      const start = process.hrtime.bigint();
      await work();
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const largest = Math.max(0, ...workbook.requestSizes.slice(sent));
      rows.push({ sheets: n, command: name, syncs: workbook.syncCount - before, ms: ms.toFixed(1), kb: (largest / 1000).toFixed(1) });
    }
  }
  console.log("sheets | command               | context.sync | largest request KB | ms (fake host, engine included)");
  for (const r of rows) {
    console.log(`${String(r.sheets).padStart(6)} | ${r.command.padEnd(21)} | ${String(r.syncs).padStart(12)} | ${r.kb.padStart(18)} | ${r.ms.padStart(8)}`);
  }
  await largeWrites({ FakeExcel, OfficeWorkbook, memoryStore });
}

/** A 5,000-unit ranking, a 5,000-row plan of alternating styles and 10,000 highlighted cells. */
async function largeWrites({ FakeExcel, OfficeWorkbook, memoryStore }) {
  const { analyzeWorkbook, buildReportPlans } = require(path.join(ROOT, "src/engine/index.ts"));
  const { unitsGrid, stripedPlan } = require(path.join(ROOT, "test/support/largePlans.ts"));
  const { REQUEST_LIMIT } = require(path.join(ROOT, "src/host/office/officePayload.ts"));
  const grid = unitsGrid(5000);
  const cells = Array.from({ length: 10000 }, (_, i) => ({ sheet: "Xếp loại xã", address: `E${i + 1}` }));
  const cases = [
    ["Xếp hạng 5.000 đơn vị", [grid], (host) => host.writeSheets(buildReportPlans(analyzeWorkbook([grid]), { date: new Date(2024, 0, 15) }))],
    ["Bảng sọc 5.000 dòng", [{ name: "Trang", values: [["x"]] }], (host) => host.writeSheets([stripedPlan(5000)])],
    ["Tô màu 10.000 ô", [{ name: "Xếp loại xã", values: [["x"]] }], (host) => host.highlight(cells)],
    ["Xóa 10.000 ô", null, (host) => host.clearHighlights()],
  ];
  console.log(`\nlarge writes (limit ${REQUEST_LIMIT} bytes) | context.sync | requests KB | ms`);
  let previous = null;
  for (const [name, sheets, work] of cases) {
    const workbook = sheets ? new FakeExcel.Workbook({ sheets }) : previous.workbook;
    const host = sheets ? new OfficeWorkbook({ run: FakeExcel.runner(workbook), store: memoryStore() }) : previous.host;
    previous = { workbook, host };
    const before = workbook.syncCount;
    const sent = workbook.requestSizes.length;
    const start = process.hrtime.bigint();
    await work(host);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const sizes = workbook.requestSizes.slice(sent).map((b) => (b / 1000).toFixed(0));
    console.log(`${name.padEnd(42)} | ${String(workbook.syncCount - before).padStart(12)} | ${sizes.join(" ")} | ${ms.toFixed(0)}`);
  }
}

module.exports = { run };
