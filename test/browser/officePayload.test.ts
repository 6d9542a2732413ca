// Request sizes with the real office.js. In Chromium, the add-in's own adapter
// (src/host/office/officeWorkbook.ts) and renderer write through Excel.RequestContext from
// @microsoft/office-js's excel-web-16.00.js; every request office.js builds at context.sync()
// is weighed as Excel on the web is posted it (JSON, UTF-8) and carried out on a fake workbook
// by test/browser/officeRequestHost.js, which refuses requests over 5 MB as Excel on the web
// does. Checked: the estimate of src/host/office/officePayload.ts is never below what office.js sends;
// a 5,000-row plan and 10,000 highlighted cells never make a request over the limit, and every
// cell arrives.
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import type { BrowserContext, Page } from "playwright-core";
import { CHROMIUM, launchChromium, serveDirectory, type StaticServer } from "../support/browser";
import { stripedPlan, unitsGrid } from "../support/largePlans";
import { communesGrid, districtGrid } from "../fixtures/seed";
import { analyzeWorkbook, buildReportPlans, type SheetPlan } from "../../src/engine";
import { REQUEST_BUDGET, REQUEST_LIMIT } from "../../src/host/office/officePayload";
import type { Grid } from "../../src/engine/core/types";
import type { Harness } from "./officePayloadHarness";

const ROOT = path.join(__dirname, "..", "..");
const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist", "excel-web-16.00.js");

/** Why the test cannot run here (null: it can). On CI a missing program fails the test. */
function unavailable(): string | null {
  const reason = !existsSync(CHROMIUM) ? `Chromium không có ở ${CHROMIUM}` : !existsSync(OFFICE_JS) ? `thiếu ${OFFICE_JS}` : null;
  if (reason !== null && process.env.CI === "true") throw new Error(`Không chạy được kiểm thử kích thước yêu cầu office.js: ${reason}.`);
  if (reason !== null) process.stdout.write(`BỎ QUA kiểm thử kích thước yêu cầu office.js: ${reason}.\n`);
  return reason;
}

/** The harness (test/browser/officePayloadHarness.ts) bundled with webpack into `dir`. */
async function bundle(dir: string): Promise<void> {
  const compiler = webpack({
    mode: "development",
    devtool: false,
    context: ROOT,
    entry: "./test/browser/officePayloadHarness.ts",
    output: { path: dir, filename: "harness.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } } }] },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else compiler.close(() => resolve());
    }),
  );
}

interface RequestRecord {
  bytes: number;
  actions: number;
}
interface WriteResult {
  error: string | null;
  names: string[];
  requests: RequestRecord[];
  refused: RequestRecord[];
  missing: string[];
  missingCount: number;
  cells: number;
  estimates: number[];
}
interface HighlightResult {
  highlighted: number;
  restored: number;
  notHighlighted: number;
  notRestored: number;
  highlightRequests: RequestRecord[];
  clearRequests: RequestRecord[];
  refused: RequestRecord[];
  estimate: { load: number; write: number; restore: number };
}

const plansOf = (grids: Grid[]): SheetPlan[] => buildReportPlans(analyzeWorkbook(grids), { date: new Date(2024, 0, 15) });
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

const skip = unavailable();
const maybe = skip === null ? describe : describe.skip;

maybe("request sizes with the real office.js (excel-web-16.00.js) in Chromium", () => {
  let dir: string;
  let server: StaticServer;
  let context: BrowserContext;
  let profile: string;
  let page: Page;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-payload-"));
    await bundle(dir);
    await fs.copyFile(OFFICE_JS, path.join(dir, "excel-web-16.00.js"));
    await fs.writeFile(
      path.join(dir, "index.html"),
      '<!doctype html><meta charset="utf-8"><title>office.js payload</title><script src="excel-web-16.00.js"></script><script src="harness.js"></script>',
    );
    server = await serveDirectory(dir);
    ({ context, profile } = await launchChromium());
    page = await context.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => "cchcPayload" in window && "Excel" in window);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    for (const d of [dir, profile]) if (d) await fs.rm(d, { recursive: true, force: true });
  });

  // Large arguments travel as one JSON string: Playwright's own serialisation of 40,000 plan
  // cells takes longer than the whole write.
  const writePlans = (grids: Grid[], plans: SheetPlan[], options: { limit?: number; payloadLimit?: number } = {}) =>
    page.evaluate((json) => {
      const [g, p, o] = JSON.parse(json) as [Grid[], SheetPlan[], { limit?: number; payloadLimit?: number }];
      return window.cchcPayload.writePlans(g, p, o);
    }, JSON.stringify([grids, plans, options])) as Promise<WriteResult>;
  const renderBytes = (plan: SheetPlan) => page.evaluate((json) => window.cchcPayload.renderBytes(JSON.parse(json) as SheetPlan), JSON.stringify(plan));

  test("the estimate is never below what office.js sends, and at most 35% above", async () => {
    const plans: Record<string, SheetPlan> = {
      "seed district summary": plansOf([districtGrid({ typedAreas: { "6": 10 } })])[0],
      "seed communes ranking": plansOf([communesGrid()])[0],
      "ranking of 50 units": plansOf([unitsGrid(50)])[0],
      "ranking of 500 units": plansOf([unitsGrid(500)])[0],
      "striped plan of 1,000 rows": stripedPlan(1000),
    };
    const lines: string[] = [];
    for (const [name, plan] of Object.entries(plans)) {
      const { measured, estimate } = await renderBytes(plan);
      lines.push(`  ${name}: ${plan.cells.length} cells, office.js ${kb(measured)}, estimate ${kb(estimate)}`);
      expect([name, estimate >= measured]).toEqual([name, true]);
      expect([name, estimate <= measured * 1.35]).toEqual([name, true]);
    }
    const perCell = await page.evaluate(() => window.cchcPayload.bytesPerCell(2000));
    for (const [kind, { measured, estimated }] of Object.entries(perCell)) {
      lines.push(`  per cell, ${kind}: office.js ${measured.toFixed(0)} B, estimate ${estimated.toFixed(0)} B`);
      expect([kind, estimated >= measured]).toEqual([kind, true]);
    }
    const highlight = (await page.evaluate(() =>
      window.cchcPayload.highlightAndClear(2000, "Xếp loại xã", { limit: 1e12, payloadLimit: 1e12 }),
    )) as HighlightResult;
    // Unsplit: sheet list, fills loaded, fills written; and the same for clearing.
    expect(highlight.highlightRequests).toHaveLength(3);
    expect(highlight.clearRequests).toHaveLength(3);
    const measured = { load: highlight.highlightRequests[1].bytes, write: highlight.highlightRequests[2].bytes, restore: highlight.clearRequests[2].bytes };
    for (const step of ["load", "write", "restore"] as const) {
      lines.push(`  per highlighted cell, ${step}: office.js ${(measured[step] / 2000).toFixed(0)} B, estimate ${(highlight.estimate[step] / 2000).toFixed(0)} B`);
      expect([step, highlight.estimate[step] >= measured[step]]).toEqual([step, true]);
      expect([step, highlight.estimate[step] <= measured[step] * 1.35]).toEqual([step, true]);
    }
    const formulas = await page.evaluate(() => window.cchcPayload.writeFormulas(3000, "Xếp loại xã"));
    expect(formulas.missing).toBe(0);
    const sent = formulas.requests.reduce((n: number, r: RequestRecord) => n + r.bytes, 0);
    lines.push(`  per cell of writeCells: office.js ${(sent / 3000).toFixed(0)} B, estimate ${(formulas.estimate / 3000).toFixed(0)} B`);
    expect(formulas.estimate).toBeGreaterThanOrEqual(sent);
    console.log(`Request bytes with office.js (limit ${REQUEST_LIMIT}, budget ${REQUEST_BUDGET}):\n${lines.join("\n")}`);
  });

  test("without the budget a 5,000-row plan is one request over 5 MB, and Excel on the web's limit refuses it", async () => {
    const result = await writePlans([districtGrid()], [stripedPlan(5000)], { payloadLimit: 1e12 });
    expect(result.error).toMatch(/^RequestPayloadSizeLimitExceeded/);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0].bytes).toBeGreaterThan(REQUEST_LIMIT);
  });

  test("a ranking of 5,000 units: one write request under the limit, every cell arrives", async () => {
    const grid = unitsGrid(5000);
    const result = await writePlans([grid], plansOf([grid]));
    expect(result.error).toBeNull();
    expect(result.refused).toEqual([]);
    // The sheet and name lists, then everything in one write.
    expect(result.requests).toHaveLength(2);
    expect(result.requests[1].bytes).toBeLessThanOrEqual(REQUEST_LIMIT);
    expect(result.cells).toBeGreaterThan(40_000);
    expect(result.missing).toEqual([]);
    console.log(`Ranking of 5,000 units: ${result.cells} cells in one request of ${kb(result.requests[1].bytes)} (estimate ${kb(result.estimates[0])})`);
  });

  test("a 5,000-row plan too large for one request: row blocks each under the limit, every cell arrives", async () => {
    const plan = stripedPlan(5000);
    const result = await writePlans([districtGrid()], [plan]);
    expect(result.error).toBeNull();
    expect(result.refused).toEqual([]);
    const sizes = result.requests.map((r) => r.bytes);
    for (const bytes of sizes) expect(bytes).toBeLessThanOrEqual(REQUEST_LIMIT);
    // As few syncs as the budget allows: the lists, then one per budget's worth of estimate.
    expect(sizes.length - 1).toBeGreaterThan(1);
    expect(sizes.length - 1).toBeLessThanOrEqual(Math.ceil(result.estimates[0] / REQUEST_BUDGET));
    expect(result.missing).toEqual([]);
    expect(result.names).toEqual(["Sọc"]);
    console.log(`Striped plan of 5,000 rows: ${result.cells} cells in ${sizes.length - 1} write requests of ${sizes.slice(1).map(kb).join(", ")} (estimate ${kb(result.estimates[0])})`);
  });

  test("10,000 highlighted cells: every request under the limit, all coloured, all given back", async () => {
    const result = (await page.evaluate(() => window.cchcPayload.highlightAndClear(10_000, "Xếp loại xã"))) as HighlightResult;
    expect(result.refused).toEqual([]);
    expect(result.highlighted).toBe(10_000);
    expect(result.notHighlighted).toBe(0);
    expect(result.restored).toBe(10_000);
    expect(result.notRestored).toBe(0);
    for (const r of [...result.highlightRequests, ...result.clearRequests]) expect(r.bytes).toBeLessThanOrEqual(REQUEST_LIMIT);
    // ~8.3 MB of loads and ~9 MB of fills: split, but not cell by cell.
    expect(result.highlightRequests.length).toBeGreaterThan(3);
    expect(result.highlightRequests.length).toBeLessThanOrEqual(7);
    expect(result.clearRequests.length).toBeLessThanOrEqual(7);
    console.log(
      `10,000 highlighted cells: highlight ${result.highlightRequests.map((r) => kb(r.bytes)).join(", ")}; clear ${result.clearRequests.map((r) => kb(r.bytes)).join(", ")}`,
    );
  });
});

declare global {
  interface Window {
    cchcPayload: Harness;
  }
}
