// The built task pane (dist/taskpane.html) with the fake Excel host (test/support/fakeExcel.js +
// test/browser/fakeOffice.js): a flagged cell whose fill was a gradient. "Xóa đánh dấu" must
// succeed (Excel refuses to set a gradient pattern back), give the colour back as a solid
// fill, forget the cell, and tell the clerk which cell was approximated.
import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import * as FakeExcel from "../support/fakeExcel.js";
import { districtGrid } from "../fixtures/seed";
import { HIGHLIGHT_FILL } from "../../src/host/officeWorkbook";
import { HIGHLIGHTS_KEY } from "../../src/host/officeSettings";
import { approximatedFillsSentence } from "../../src/taskpane/messages";
import { launch, serveDirectory, DIST, taskpaneUnavailable, type Server } from "../support/taskpaneBrowser";

const FAKE_HOST_SCRIPT =
  readFileSync(path.join(__dirname, "..", "support", "fakeExcel.js"), "utf8") + "\n" + readFileSync(path.join(__dirname, "fakeOffice.js"), "utf8");

interface SavedCell {
  fill: { color: string; pattern: string } | null;
}
interface HostState {
  state: { sheets: Array<{ name: string; cells: Record<string, SavedCell> }> };
  settings: Record<string, unknown>;
}

const skip = taskpaneUnavailable();
const maybe = skip === null ? describe : describe.skip;

maybe("a gradient fill in the task pane", () => {
  let server: Server;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    server = await serveDirectory(DIST);
    ({ context, profile } = await launch());
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url + "/office-js/office.js")) {
        return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: FAKE_HOST_SCRIPT });
      }
      return url.startsWith(server.url) ? route.continue() : route.abort();
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) await fs.rm(profile, { recursive: true, force: true });
  });

  const idle = (page: Page) => page.waitForFunction(() => !document.body.hasAttribute("aria-busy"));
  const hostState = (page: Page) => page.evaluate(() => (window as unknown as { __fakeHost: { state(): unknown } }).__fakeHost.state()) as Promise<HostState>;

  test("Xóa đánh dấu gives the gradient's colour back as a solid fill and names the cell", async () => {
    // The seed's district sheet with area 6 typed as 10 (flagged), its cell filled with a gradient.
    const grid = districtGrid({ typedAreas: { "6": 10 } });
    const row = grid.values.findIndex((r) => r[0] === "6");
    const address = `E${row + 1}`;
    const workbook = new FakeExcel.Workbook({ sheets: [{ name: grid.name, values: grid.values }] });
    workbook.sheet(grid.name)!.cell(row, 4).fill = { color: "#5B9BD5", pattern: "LinearGradient" };
    const page = await context.newPage();
    await page.addInitScript((value) => {
      (window as unknown as { __CCHC_FAKE_INIT__: unknown }).__CCHC_FAKE_INIT__ = value;
    }, { state: workbook.toJSON(), settings: {} });
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForFunction(() => /Tìm thấy|Không tìm thấy/.test(document.getElementById("status-text")?.textContent ?? ""));

    await page.click("#cmd-validate");
    await idle(page);
    const cellOf = (s: HostState) => s.state.sheets.find((x) => x.name === grid.name)!.cells[address];
    expect(cellOf(await hostState(page)).fill?.color).toBe(HIGHLIGHT_FILL);

    await page.click("#cmd-clear");
    await idle(page);
    const status = (await page.locator("#status-text").textContent()) ?? "";
    expect(status).toMatch(/^Đã trả lại màu cũ cho \d+ ô\./);
    expect(status).toContain(approximatedFillsSentence([{ sheet: grid.name, address }]));
    expect(await page.locator("#error").isHidden()).toBe(true);
    const after = await hostState(page);
    expect(cellOf(after).fill).toEqual({ color: "#5B9BD5", pattern: "Solid" });
    expect(after.settings[HIGHLIGHTS_KEY]).toEqual([]);

    // A second click has nothing left to give back: no error, no gradient sentence.
    await page.click("#cmd-clear");
    await idle(page);
    expect(await page.locator("#status-text").textContent()).toBe("Không có ô nào cần trả lại màu cũ.");
    await page.close();
  });
});
