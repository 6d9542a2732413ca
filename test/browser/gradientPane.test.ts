// The built task pane (dist/taskpane.html) with the fake Excel host (test/support/fakeExcel.js +
// test/browser/fakeOffice.js): a flagged cell whose fill was a gradient. "Xóa đánh dấu" must
// succeed (Excel refuses to set a gradient pattern back), give the colour back as a solid
// fill, forget the cell, and tell the clerk which cell was approximated.

import type { BrowserContext, Page } from "playwright-core";
import * as FakeExcel from "../support/fakeExcel.js";
import { districtGrid } from "../fixtures/seed";
import { HIGHLIGHT_FILL } from "../../src/host/office/officeWorkbook";
import { HIGHLIGHTS_KEY } from "../../src/host/office/officeSettings";
import { approximatedFillsSentence } from "../../src/taskpane/messages";
import { openFakeHostPane, taskpaneUnavailable, type FakeHostPane, type Server } from "../support/taskpaneBrowser";


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
  let pane: FakeHostPane;

  beforeAll(async () => {
    pane = await openFakeHostPane();
    ({ server, context } = pane);
  });

  afterAll(async () => {
    await pane?.close();
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
