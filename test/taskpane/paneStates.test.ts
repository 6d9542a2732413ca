// The built task pane (dist/taskpane.html) in Debian's Chromium, in the states a clerk meets
// besides the commands' results: opened outside Excel, a protected sheet, Excel in cell-editing
// mode. The fake host (test/support/fakeExcel.js + test/browser/fakeOffice.js) is served in place
// of office.js.
import type { Page } from "playwright-core";
import { districtGrid } from "../fixtures/seed";
import { TEXT } from "../../src/taskpane/messages";
import { MERGES_UNSUPPORTED } from "../../src/host/office/officeWorkbook";
import { openFakeHostPane, openPaneOn, taskpaneUnavailable, type FakeHostPane } from "../support/taskpaneBrowser";

/** An Excel whose API stops before ExcelApi 1.13 (no merged areas). */
const BEFORE_1_13 = "\nwindow.Office.context.requirements.isSetSupported = function (set, version) { return set !== 'ExcelApi' || Number(String(version).split('.')[1]) < 13; };\n";
/** Office.onReady as in a browser tab, or in an Office application other than Excel. */
const OUTSIDE_EXCEL = "\nwindow.Office.onReady = function (cb) { return new Promise(function (resolve) { setTimeout(function () { var info = { host: null, platform: null }; if (cb) cb(info); resolve(info); }, 0); }); };\n";

const PROTECTED = "Excel không cho phép thay đổi: bảng tính hoặc sheet đang được bảo vệ. Hãy bỏ bảo vệ rồi thử lại.";
const EDIT_MODE = "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.";

const skip = taskpaneUnavailable();
const maybe = skip === null ? describe : describe.skip;

maybe("the task pane's states in Chromium", () => {
  let pane: FakeHostPane;
  /** Appended to the fake host's script for one test (a host other than Excel, an older Excel). */
  let override = "";

  beforeAll(async () => {
    pane = await openFakeHostPane({ extra: () => override });
  });

  afterAll(async () => {
    await pane?.close();
  });

  /** The seed's district sheet with area 6 typed as 10 (so Kiểm tra finds an error to colour). */
  function workbook(extra: Record<string, unknown> = {}) {
    const grid = districtGrid({ typedAreas: { "6": 10 } });
    return { workbook: { sheets: [{ name: grid.name, values: grid.values, ...extra }] }, settings: {} };
  }

  const open = (init: unknown, ready: RegExp): Promise<Page> => openPaneOn(pane, init, ready);

  const idle = (page: Page) => page.waitForFunction(() => !document.body.hasAttribute("aria-busy"));
  const errorText = (page: Page) => page.locator("#error").textContent();

  test("outside Excel: the status ends, the reason is shown, every control is disabled and nothing runs", async () => {
    override = OUTSIDE_EXCEL;
    try {
      const page = await open(workbook(), new RegExp(TEXT.outsideExcelStatus.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
      expect(await page.locator("#status-text").textContent()).toBe(TEXT.outsideExcelStatus);
      expect(await page.locator("#error").isVisible()).toBe(true);
      expect(await errorText(page)).toBe(TEXT.outsideExcel);
      const controls = await page.$$eval("#app button, #app input, #app select", (nodes) => nodes.map((n) => [n.id || n.getAttribute("name"), (n as HTMLButtonElement).disabled]));
      expect(controls.length).toBeGreaterThanOrEqual(9);
      expect(controls.filter(([, disabled]) => !disabled)).toEqual([]);
      await page.locator("#cmd-validate").click({ force: true });
      const runs = await page.evaluate(() => (window as unknown as { __fakeHost: { workbook: { runCount: number } } }).__fakeHost.workbook.runCount);
      expect(runs).toBe(0);
      await page.close();
    } finally {
      override = "";
    }
  });

  test("an Excel before ExcelApi 1.13: the pane says at start that merged text counts for its first row only", async () => {
    override = BEFORE_1_13;
    try {
      const page = await open(workbook({ merges: ["F5:F6"] }), /Tìm thấy/);
      expect(await page.locator("#error").isVisible()).toBe(true);
      expect(await errorText(page)).toBe(MERGES_UNSUPPORTED);
      await page.close();
    } finally {
      override = "";
    }
  });

  test("a protected sheet: Kiểm tra lists the findings and says why no cell was coloured", async () => {
    const page = await open(workbook({ protected: true }), /Tìm thấy/);
    await page.locator("#cmd-validate").click();
    await idle(page);
    expect(await page.locator("#status-text").textContent()).toMatch(/^Kiểm tra xong: [1-9]\d* lỗi/);
    expect(await errorText(page)).toBe(PROTECTED);
    await page.close();
  });

  test("Excel in cell-editing mode: the command says what to do, and works once the cell is left", async () => {
    const page = await open(workbook(), /Tìm thấy/);
    // Microsoft 365 reads merged areas: no notice at start.
    expect(await page.locator("#error").isVisible()).toBe(false);
    const setEditMode = (on: boolean) =>
      page.evaluate((value) => {
        (window as unknown as { __fakeHost: { workbook: { editMode: boolean } } }).__fakeHost.workbook.editMode = value;
      }, on);
    await setEditMode(true);
    await page.locator("#cmd-validate").click();
    await idle(page);
    expect(await errorText(page)).toBe(EDIT_MODE);
    expect(await page.locator("#status-text").textContent()).toBe("");
    expect(await page.locator("#cmd-validate").isEnabled()).toBe(true);
    await setEditMode(false);
    await page.locator("#cmd-validate").click();
    await idle(page);
    expect(await page.locator("#error").isVisible()).toBe(false);
    expect(await page.locator("#status-text").textContent()).toMatch(/^Kiểm tra xong/);
    await page.close();
  });
});
