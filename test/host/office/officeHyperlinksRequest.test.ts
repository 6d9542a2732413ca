// The links request as the real office.js (excel-web-16.00.js) sends it, in Chromium: the adapter's
// reader (src/host/office/officeHyperlinks.ts) asks every sheet's evidence column in one request,
// as GetCellProperties({ hyperlink: true }) on GetRangeByIndexes of the data rows; office.js hands
// Excel's answer back through its ClientResult, and a request Excel fails leaves a notice. The
// harness (officeHyperlinksHarness.ts) answers as Excel would; the fake Excel claims the same.
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import type { BrowserContext, Page } from "playwright-core";
import { CHROMIUM, launchChromium, serveDirectory, type StaticServer } from "../../support/browser";
import { districtGrid } from "../../fixtures/seed";
import { LINKS_UNREADABLE } from "../../../src/host/office/officeHyperlinks";
import type { Grid } from "../../../src/engine/core/types";
import type { LinksHarness } from "./officeHyperlinksHarness";

const ROOT = path.join(__dirname, "..", "..", "..");
const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist", "excel-web-16.00.js");

/** Why the test cannot run here (null: it can). On CI a missing program fails the test. */
function unavailable(): string | null {
  const reason = !existsSync(CHROMIUM) ? `Chromium không có ở ${CHROMIUM}` : !existsSync(OFFICE_JS) ? `thiếu ${OFFICE_JS}` : null;
  if (reason !== null && process.env.CI === "true") throw new Error(`Không chạy được kiểm thử yêu cầu đọc liên kết qua office.js: ${reason}.`);
  if (reason !== null) process.stdout.write(`BỎ QUA kiểm thử yêu cầu đọc liên kết qua office.js: ${reason}.\n`);
  return reason;
}

const maybe = unavailable() === null ? describe : describe.skip;

/** A seed sheet with an evidence column H (header row found as the engine finds it). */
function evidenceGrid(name: string): { grid: Grid; header: number } {
  const grid = districtGrid({}, name);
  const header = grid.values.findIndex((r) => r[0] === "STT");
  grid.values.forEach((row, r) => {
    row[7] = r === header ? "Tài liệu kiểm chứng" : r > header && typeof row[0] === "string" ? "Quyết định số 1/QĐ-UBND" : null;
  });
  return { grid, header };
}

maybe("the links request with the real office.js in Chromium", () => {
  let dir: string;
  let server: StaticServer;
  let context: BrowserContext;
  let profile: string;
  let page: Page;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-links-"));
    const compiler = webpack({
      mode: "development",
      devtool: false,
      context: ROOT,
      entry: "./test/host/office/officeHyperlinksHarness.ts",
      output: { path: dir, filename: "harness.js" },
      resolve: { extensions: [".ts", ".js"] },
      module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json" } } }] },
    });
    await new Promise<void>((resolve, reject) =>
      compiler.run((err, stats) => (err || stats?.hasErrors() ? reject(err ?? new Error(stats?.toString("errors-only"))) : compiler.close(() => resolve()))),
    );
    await fs.copyFile(OFFICE_JS, path.join(dir, "excel-web-16.00.js"));
    await fs.writeFile(path.join(dir, "index.html"), '<!doctype html><meta charset="utf-8"><script src="excel-web-16.00.js"></script><script src="harness.js"></script>');
    server = await serveDirectory(dir);
    ({ context, profile } = await launchChromium());
    page = await context.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => "cchcLinks" in window && "Excel" in window);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    for (const d of [dir, profile]) if (d) await fs.rm(d, { recursive: true, force: true });
  });

  const read = (grids: Grid[], links: Record<string, Record<number, Excel.RangeHyperlink>>, options: { fail?: boolean } = {}) =>
    page.evaluate(([g, l, o]) => (window as unknown as { cchcLinks: LinksHarness }).cchcLinks.read(g, l, o), [grids, links, options] as const);

  test("one request for every sheet's evidence column; Excel's answer becomes the grids' links", async () => {
    const a = evidenceGrid("Huyện A");
    const b = evidenceGrid("Xã B");
    const plain: Grid = { name: "Ghi chú", values: [["Không phải bảng điểm"]] };
    const { notice, bodies, links } = await read([a.grid, plain, b.grid], {
      "Huyện A": { [a.header + 2]: { address: "https://sonoivu.kontum.gov.vn/qd12.pdf", textToDisplay: "Xem tệp" } },
      "Xã B": { [b.header + 1]: { documentReference: "'Minh chứng'!B2", textToDisplay: "Danh mục" }, [b.header + 3]: { address: "", documentReference: "" } },
    });
    expect(notice).toBeNull();
    expect(bodies).toHaveLength(1);
    const [body] = bodies;
    const calls = body.Actions.filter((x) => x.ActionType === 3).map((x) => {
      const range = body.ObjectPaths[String(x.ObjectPathId)];
      const sheet = body.ObjectPaths[String(range.ParentObjectPathId)];
      return [x.Name, x.ArgumentInfo?.Arguments, range.Name, range.ArgumentInfo?.Arguments, sheet.ArgumentInfo?.Arguments];
    });
    const rows = (h: number) => a.grid.values.length - h - 1;
    expect(calls).toEqual([
      ["GetCellProperties", [{ hyperlink: true }], "GetRangeByIndexes", [a.header + 1, 7, rows(a.header), 1], ["Huyện A"]],
      ["GetCellProperties", [{ hyperlink: true }], "GetRangeByIndexes", [b.header + 1, 7, rows(b.header), 1], ["Xã B"]],
    ]);
    expect(links).toEqual([
      { [`${a.header + 2},7`]: "https://sonoivu.kontum.gov.vn/qd12.pdf" },
      null,
      { [`${b.header + 1},7`]: "#'Minh chứng'!B2" },
    ]);
  });

  test("a request Excel fails: no links, the notice", async () => {
    const a = evidenceGrid("Huyện A");
    const { notice, bodies, links } = await read([a.grid], { "Huyện A": { [a.header + 2]: { address: "https://x.vn/a" } } }, { fail: true });
    expect(bodies).toHaveLength(1);
    expect(notice).toBe(LINKS_UNREADABLE);
    expect(links).toEqual([null]);
  });
});
