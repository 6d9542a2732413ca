// The built task pane (dist/taskpane.html) in Debian's Chromium, with a fake Excel host served
// in place of office.js (test/support/fakeExcel.js + test/browser/fakeOffice.js) holding the
// seed's workbook. Every command is clicked; what the pane shows and what the host received are
// checked; screenshots go to test-output/.
import { promises as fs } from "fs";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { communesGrid, districtGrid } from "../fixtures/seed";
import type { CellValue, Grid } from "../../src/engine/core/types";
import { analyzeWorkbook, type EngineSettings, type UnitsSheet } from "../../src/engine";
import type { CheckJson } from "../../src/cli/checkJson";
import { runCli } from "../cli/helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "../cli/helpers/xlsxFiles";
import { withAddinSettings } from "../support/addinSettingsFixture";
import { OUTPUT, openFakeHostPane, taskpaneUnavailable, type FakeHostPane, type Server } from "../support/taskpaneBrowser";

const XSS = "<img src=x onerror=alert(1)>";
const HIGHLIGHT = "#FFC7CE";
const YELLOW = "#FFFF00";


/** The seed's district sheet with area 6 typed as 10, criterion 1.1 left blank, and the XSS text as a score. */
function seedWorkbook() {
  const district = districtGrid({ typedAreas: { "6": 10 } });
  const rowOf = (code: string) => district.values.findIndex((r) => r[0] === code);
  district.values[rowOf("1.1")][3] = null;
  district.values[rowOf("1.1")][4] = null;
  district.values[rowOf("1.2")][3] = XSS;
  const userRanking: Grid = { name: "Xếp hạng", values: [["Bảng xếp hạng tôi tự làm"]] };
  const sheets = [district, communesGrid(), userRanking].map((g) => ({ name: g.name, values: g.values as CellValue[][] }));
  return {
    init: { workbook: { sheets, active: district.name }, settings: {} },
    district: district.name,
    area6: `E${rowOf("6") + 1}`,
    row11: rowOf("1.1") + 1,
    row12: rowOf("1.2") + 1,
  };
}

/** What window.__fakeHost.state() gives: the workbook as plain data and the saved settings. */
interface SavedSheet {
  name: string;
  cells: Record<string, { value: unknown; formula: string | null; fill: { color: string; pattern: string } | null }>;
  pageLayout: Record<string, unknown>;
  freeze: unknown;
  selection: string;
}
interface HostState {
  state: { sheets: SavedSheet[]; names: Array<{ name: string; formula: string }>; active: string };
  settings: Record<string, unknown>;
}

const skip = taskpaneUnavailable();
const maybe = skip === null ? describe : describe.skip;

maybe("the task pane in Chromium with a fake Excel host", () => {
  let server: Server;
  let context: BrowserContext;
  let pane: FakeHostPane;
  const dialogs: string[] = [];
  const outside: string[] = [];
  const seed = seedWorkbook();

  beforeAll(async () => {
    await fs.mkdir(OUTPUT, { recursive: true });
    pane = await openFakeHostPane({ outside });
    ({ server, context } = pane);
  });

  afterAll(async () => {
    await pane?.close();
  });

  async function open(init: unknown): Promise<Page> {
    const page = await context.newPage();
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.addInitScript((value) => {
      (window as unknown as { __CCHC_FAKE_INIT__: unknown }).__CCHC_FAKE_INIT__ = value;
    }, init);
    await page.goto(`${server.url}/taskpane.html`);
    await page.waitForFunction(() => /Tìm thấy|Không tìm thấy/.test(document.getElementById("status-text")?.textContent ?? ""));
    return page;
  }

  const hostState = (page: Page) => page.evaluate(() => (window as unknown as { __fakeHost: { state(): unknown } }).__fakeHost.state()) as Promise<HostState>;
  const sheetOf = (s: HostState, name: string) => s.state.sheets.find((x) => x.name === name)!;
  const idle = (page: Page) => page.waitForFunction(() => !document.body.hasAttribute("aria-busy"));

  test("Kiểm tra, select a finding, keyboard, Xóa đánh dấu after reopening, Tính điểm, Tạo báo cáo, Cài đặt", async () => {
    // Yellow fill on the cell that will be flagged: it must come back after "Xóa đánh dấu".
    const init = JSON.parse(JSON.stringify(seed.init));
    init.workbook.sheets[0].fills = { [seed.area6]: YELLOW };
    const page = await open(init);
    expect(await page.locator("#opt-sheet option").allTextContents()).toEqual([seed.district]);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    // Excel on the web's office.js sets inline styles (OfficeDev/office-js#1687): they apply;
    // inline script stays blocked.
    const inline = await page.evaluate(() => {
      const probe = document.createElement("div");
      probe.setAttribute("style", "width: 123px");
      document.body.appendChild(probe);
      const width = getComputedStyle(probe).width;
      probe.remove();
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true;";
      document.body.appendChild(script);
      return { width, ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true };
    });
    expect(inline).toEqual({ width: "123px", ran: false });

    // ---- Kiểm tra
    await page.click("#cmd-validate");
    await page.waitForSelector("#findings");
    await idle(page);
    const group = page.locator(`section.sheet-group[data-sheet="${seed.district}"]`);
    expect(await group.locator("h2").textContent()).toMatch(/\d+ lỗi, \d+ cảnh báo/);
    const mismatch = group.locator(`button.finding[data-rule="subtotal-mismatch"][data-cell="${seed.area6}"]`);
    expect(await mismatch.count()).toBe(1);
    expect(await mismatch.textContent()).toMatch(/11,09|11\.09/);
    // Errors first in the list.
    const severities = await group.locator("button.finding").evaluateAll((els) => els.map((e) => (e.classList.contains("sev-error") ? "error" : "warning")));
    expect(severities.indexOf("warning") === -1 || severities.lastIndexOf("error") < severities.indexOf("warning")).toBe(true);
    // The cell's text shows as text, never as an element.
    const xss = group.locator(`button.finding[data-cell="D${seed.row12}"]`);
    expect(await xss.locator(".message").textContent()).toContain(XSS);
    expect(await page.locator("#app img").count()).toBe(0);
    let state = await hostState(page);
    const district = sheetOf(state, seed.district);
    expect(district.cells[seed.area6].fill!.color).toBe(HIGHLIGHT);
    expect(district.cells[`D${seed.row12}`].fill!.color).toBe(HIGHLIGHT);
    const remembered = state.settings.CCHC_HIGHLIGHTS as Array<{ address: string; fill: unknown }>;
    expect(remembered.find((h) => h.address === seed.area6)!.fill).toEqual({ color: YELLOW, pattern: "Solid" });
    expect(await page.locator("#cmd-clear").textContent()).toBe(`Xóa đánh dấu (${remembered.length} ô)`);
    await page.screenshot({ path: path.join(OUTPUT, "taskpane-1-kiem-tra.png"), fullPage: true });

    // ---- clicking a finding selects its cell
    await mismatch.click();
    await page.waitForFunction((cell) => (document.getElementById("status-text")?.textContent ?? "").includes(cell), seed.area6);
    state = await hostState(page);
    expect(state.state.active).toBe(seed.district);
    expect(sheetOf(state, seed.district).selection).toBe(seed.area6);

    // ... and by keyboard: Enter on a focused finding
    await xss.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((cell) => (document.getElementById("status-text")?.textContent ?? "").includes(`ô ${cell}`), `D${seed.row12}`);
    expect(sheetOf(await hostState(page), seed.district).selection).toBe(`D${seed.row12}`);

    // ---- keyboard: every control is reachable with Tab, and Enter runs a command
    await page.focus("body");
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      reached.push(await page.evaluate(() => document.activeElement?.id ?? ""));
    }
    for (const id of ["cmd-validate", "cmd-compute", "cmd-report", "cmd-settings", "scope-all", "opt-highlight", "opt-sheet", "cmd-clear"]) {
      expect(reached).toContain(id);
    }
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll("input, select, button")].filter((el) => {
        const id = el.id;
        const byFor = id ? document.querySelector(`label[for="${id}"]`) : null;
        return !(byFor || el.getAttribute("aria-label") || (el.textContent ?? "").trim());
      }).length,
    );
    expect(unlabelled).toBe(0);

    // ---- close and reopen the workbook: "Xóa đánh dấu" still knows the old fills
    const saved = await hostState(page);
    await page.close();
    const reopened = await open({ state: saved.state, settings: saved.settings });
    expect(await reopened.locator("#cmd-clear").textContent()).toBe(`Xóa đánh dấu (${remembered.length} ô)`);
    await reopened.click("#cmd-clear");
    await reopened.waitForFunction(() => /Đã trả lại màu cũ/.test(document.getElementById("status-text")?.textContent ?? ""));
    state = await hostState(reopened);
    const restored = sheetOf(state, seed.district);
    expect(restored.cells[seed.area6].fill).toEqual({ color: YELLOW, pattern: "Solid" });
    expect(restored.cells[`D${seed.row12}`].fill).toBeNull();
    expect(state.settings.CCHC_HIGHLIGHTS).toEqual([]);

    // ---- Tính điểm (by keyboard)
    await reopened.focus("#cmd-compute");
    await reopened.keyboard.press("Enter");
    await reopened.waitForSelector("#area-table");
    await idle(reopened);
    expect(await reopened.locator("#area-table tbody tr").count()).toBe(8);
    expect(await reopened.locator('#area-table tr[data-area="6"] td.appraised').textContent()).toBe("11,09");
    const appraisedRow = reopened.locator('#total-table tr[data-score="Thẩm định"]');
    expect(await appraisedRow.locator("td").allTextContents()).toEqual(["89,21/97,00", "91,97", "Xuất sắc"]);
    await reopened.screenshot({ path: path.join(OUTPUT, "taskpane-2-tinh-diem.png"), fullPage: true });

    // Fill the empty sub-totals (1.1's two score cells), never the filled ones.
    await reopened.click("#fill-empty");
    await reopened.waitForFunction(() => /Đã điền công thức SUM/.test(document.getElementById("status-text")?.textContent ?? ""));
    state = await hostState(reopened);
    let sheet = sheetOf(state, seed.district);
    expect(sheet.cells[`D${seed.row11}`].formula).toMatch(/^=SUM\(D\d+:D\d+\)$/);
    expect(sheet.cells[`E${seed.row11}`].formula).toMatch(/^=SUM\(E\d+:E\d+\)$/);
    expect(sheet.cells[seed.area6].formula).toBeNull();
    expect(sheet.cells[seed.area6].value).toBe(10);

    // Overwriting asks first, listing the cells: cancelling writes nothing.
    await reopened.click("#ask-overwrite");
    await reopened.waitForSelector("#confirm");
    expect(await reopened.locator("#confirm li").allTextContents()).toContainEqual(expect.stringContaining(`${seed.area6}: đang là "10"`));
    expect(await reopened.evaluate(() => document.activeElement?.id)).toBe("confirm-cancel");
    await reopened.screenshot({ path: path.join(OUTPUT, "taskpane-3-xac-nhan-ghi-de.png"), fullPage: true });
    await reopened.click("#confirm-cancel");
    expect(await reopened.locator("#confirm").count()).toBe(0);
    state = await hostState(reopened);
    expect(sheetOf(state, seed.district).cells[seed.area6].formula).toBeNull();
    await reopened.click("#ask-overwrite");
    await reopened.click("#confirm-ok");
    await reopened.waitForFunction(() => /Đã điền công thức SUM/.test(document.getElementById("status-text")?.textContent ?? "") && !document.getElementById("ask-overwrite"));
    state = await hostState(reopened);
    sheet = sheetOf(state, seed.district);
    expect(sheet.cells[seed.area6].formula).toMatch(/^=SUM\(/);

    // ---- Tạo báo cáo: the user's "Xếp hạng" is kept, the ranking goes next to it
    await reopened.click("#cmd-report");
    await reopened.waitForSelector("#report-sheets");
    await idle(reopened);
    expect(await reopened.locator("#report-sheets li strong").allTextContents()).toEqual(["Tổng hợp trách nhiệm", "Xếp hạng (2)"]);
    state = await hostState(reopened);
    const summary = sheetOf(state, "Tổng hợp trách nhiệm");
    expect(Object.values(summary.cells).some((c) => c.formula !== null && /^=SUM\(/.test(c.formula))).toBe(true);
    expect(summary.pageLayout.paperSize).toBe("A4");
    expect(summary.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(summary.freeze).not.toBeNull();
    expect(sheetOf(state, "Xếp hạng").cells.A1.value).toBe("Bảng xếp hạng tôi tự làm");
    // Each marker with the fingerprint that lets a rerun replace the sheet while it is unchanged.
    expect(state.state.names.map((n) => n.name).sort()).toEqual(["CCHC_GEN_RANKING", "CCHC_GEN_RANKING_FP", "CCHC_GEN_SUMMARY", "CCHC_GEN_SUMMARY_FP"]);
    const sheetCount = state.state.sheets.length;
    await reopened.screenshot({ path: path.join(OUTPUT, "taskpane-4-tao-bao-cao.png"), fullPage: true });
    await reopened.click("#cmd-report");
    await reopened.waitForFunction(() => /Đã tạo 2 sheet/.test(document.getElementById("status-text")?.textContent ?? ""));
    await idle(reopened);
    expect((await hostState(reopened)).state.sheets).toHaveLength(sheetCount);

    // ---- Cài đặt: a bad threshold is refused in Vietnamese; a good one changes the grade
    await reopened.click("#cmd-settings");
    await reopened.waitForSelector("#settings-form");
    await idle(reopened);
    expect(await reopened.inputValue("#band-name-0")).toBe("Xuất sắc");
    await reopened.fill("#band-min-0", "chín mươi");
    await reopened.click("#settings-save");
    await reopened.waitForSelector("#error:not([hidden])");
    expect(await reopened.locator("#error").textContent()).toMatch(/phải là một số từ 0 đến 100/);
    await reopened.fill("#band-min-0", "95");
    await reopened.click("#settings-save");
    await reopened.waitForFunction(() => /Đã lưu cài đặt/.test(document.getElementById("status-text")?.textContent ?? ""));
    await reopened.screenshot({ path: path.join(OUTPUT, "taskpane-5-cai-dat.png"), fullPage: true });
    state = await hostState(reopened);
    const bands = (state.settings.CCHC_SETTINGS as { bands: Array<{ name: string; min: number }> }).bands;
    expect(bands[0]).toEqual({ name: "Xuất sắc", min: 95 });
    // The custom functions got the bands too (the shared runtime's slot).
    const functionBands = await reopened.evaluate(() => (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("cchc.functionBands")]);
    expect((functionBands as Array<{ min: number }>)[0].min).toBe(95);
    // ... and Excel was asked to recalculate everything, so CCHC.GRADE cells follow.
    const calculations = await reopened.evaluate(() => (window as unknown as { __fakeHost: { workbook: { calculations: string[] } } }).__fakeHost.workbook.calculations);
    expect(calculations).toEqual(["Full"]);
    await reopened.click("#cmd-compute");
    await reopened.waitForSelector("#total-table");
    await idle(reopened);
    expect(await reopened.locator('#total-table tr[data-score="Thẩm định"] td.grade').textContent()).toBe("Tốt");

    // ---- an Office error reaches the clerk as a Vietnamese sentence: the sheet was renamed
    // after the check, then a finding is clicked.
    await reopened.click("#cmd-validate");
    await reopened.waitForSelector("#findings");
    await idle(reopened);
    await reopened.evaluate((name) => {
      const host = (window as unknown as { __fakeHost: { workbook: { sheet(n: string): unknown; renameSheet(s: unknown, n: string): void } } }).__fakeHost;
      host.workbook.renameSheet(host.workbook.sheet(name), "Đã đổi tên");
    }, seed.district);
    await reopened.locator("button.finding").first().click();
    await reopened.waitForSelector("#error:not([hidden])");
    expect(await reopened.locator("#error").textContent()).toMatch(/^Không tìm thấy sheet hoặc ô cần dùng/);

    expect(dialogs).toEqual([]);
    expect(outside).toEqual([]);
    await reopened.close();
  });

  /** Runs `body` against the fake host's workbook in the page. */
  type FakeWorkbook = { sheet(n: string): { cell(r: number, c: number): { value: unknown } } | null; renameSheet(s: unknown, n: string): void };
  const onWorkbook = <A,>(page: Page, body: (wb: FakeWorkbook, arg: A) => void, arg: A) =>
    page.evaluate(
      ({ source, value }) => {
        const wb = (window as unknown as { __fakeHost: { workbook: FakeWorkbook } }).__fakeHost.workbook;
        (new Function("wb", "arg", `(${source})(wb, arg);`) as (wb: FakeWorkbook, arg: A) => void)(wb, value as A);
      },
      { source: body.toString(), value: arg },
    );

  test("a cell typed into after Tính điểm is not overwritten; one overwrite question at a time; failed saves and renamed sheets are told", async () => {
    const page = await open(seed.init);
    const errorText = () => page.locator("#error").textContent();

    // ---- Tính điểm, then the clerk types 3 into the empty sub-total D(1.1) before filling.
    await page.click("#cmd-compute");
    await page.waitForSelector("#fill-empty");
    await idle(page);
    expect(await page.locator("#fill-empty").textContent()).toBe("Điền công thức SUM vào 2 ô trống");
    await onWorkbook(page, (wb, a) => {
      wb.sheet(a.sheet)!.cell(a.row - 1, 3).value = 3;
    }, { sheet: seed.district, row: seed.row11 });
    await page.click("#fill-empty");
    await page.waitForSelector("#error:not([hidden])");
    await idle(page);
    expect(await errorText()).toMatch(new RegExp(`^Chưa ghi công thức nào: 1 ô đã thay đổi kể từ lúc tính điểm \\(D${seed.row11}\\)`));
    let sheet = sheetOf(await hostState(page), seed.district);
    expect(sheet.cells[`D${seed.row11}`]).toMatchObject({ value: 3, formula: null });
    expect(sheet.cells[`E${seed.row11}`]?.formula ?? null).toBeNull();
    // Computed again: one empty cell left, the typed one is now among those asked about.
    expect(await page.locator("#fill-empty").textContent()).toBe("Điền công thức SUM vào 1 ô trống");
    await page.screenshot({ path: path.join(OUTPUT, "taskpane-6-o-da-thay-doi.png"), fullPage: true });

    // ---- the overwrite question: one box, its trigger disabled while open, focus back on cancel
    await page.click("#ask-overwrite");
    await page.waitForSelector("#confirm");
    expect(await page.locator("#confirm li").allTextContents()).toContainEqual(expect.stringContaining(`D${seed.row11}: đang là "3"`));
    expect(await page.locator("#ask-overwrite").isDisabled()).toBe(true);
    await page.evaluate(() => (document.getElementById("ask-overwrite") as HTMLButtonElement).click());
    expect(await page.locator("#confirm").count()).toBe(1);
    expect(await page.locator("#confirm-title").count()).toBe(1);
    await page.keyboard.press("Escape");
    expect(await page.locator("#confirm").count()).toBe(0);
    expect(await page.locator("#ask-overwrite").isDisabled()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("ask-overwrite");
    sheet = sheetOf(await hostState(page), seed.district);
    expect(sheet.cells[`D${seed.row11}`].formula).toBeNull();
    // Agreed: written, and focus lands on the results, not lost.
    await page.click("#ask-overwrite");
    await page.click("#confirm-ok");
    await page.waitForFunction(() => /Đã điền công thức SUM/.test(document.getElementById("status-text")?.textContent ?? ""));
    await idle(page);
    sheet = sheetOf(await hostState(page), seed.district);
    expect(sheet.cells[`D${seed.row11}`].formula).toMatch(/^=SUM\(D\d+:D\d+\)$/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("results");

    // ---- Kiểm tra when the document settings cannot be saved: findings listed, nothing coloured
    await page.evaluate(() => {
      const settings = (window as unknown as { Office: { context: { document: { settings: { saveAsync: unknown } } } } }).Office.context.document.settings;
      settings.saveAsync = (options: unknown, callback?: (r: unknown) => void) => {
        const cb = typeof options === "function" ? (options as (r: unknown) => void) : callback;
        setTimeout(() => cb?.({ status: "failed", error: { message: "chỉ đọc" } }), 0);
      };
    });
    await page.click("#cmd-validate");
    await page.waitForSelector("#findings");
    await idle(page);
    expect(await errorText()).toMatch(/^Không lưu được màu cũ của các ô vào bảng tính \(chỉ đọc\), nên chưa tô màu ô nào/);
    let state = await hostState(page);
    expect(Object.values(sheetOf(state, seed.district).cells).filter((c) => c.fill?.color === HIGHLIGHT)).toEqual([]);
    expect(state.settings.CCHC_HIGHLIGHTS ?? []).toEqual([]);
    expect(await page.locator("#cmd-clear").textContent()).toBe("Xóa đánh dấu");

    // ---- saving works again; the sheet is renamed; "Xóa đánh dấu" says which sheet it cannot find
    await page.reload();
    await page.waitForFunction(() => /Tìm thấy|Không tìm thấy/.test(document.getElementById("status-text")?.textContent ?? ""));
    await page.click("#cmd-validate");
    await page.waitForSelector("#findings");
    await idle(page);
    state = await hostState(page);
    const remembered = (state.settings.CCHC_HIGHLIGHTS as unknown[]).length;
    expect(remembered).toBeGreaterThan(0);
    await onWorkbook(page, (wb, a) => wb.renameSheet(wb.sheet(a.from), a.to), { from: seed.district, to: "Đã đổi tên" });
    await page.click("#cmd-clear");
    await page.waitForSelector("#error:not([hidden])");
    await idle(page);
    expect(await errorText()).toMatch(new RegExp(`^Còn ${remembered} ô đã tô màu thuộc sheet không tìm thấy \\("${seed.district}"\\)`));
    expect(((await hostState(page)).settings.CCHC_HIGHLIGHTS as unknown[]).length).toBe(remembered);
    // Renamed back: the next click gives the fills back.
    await onWorkbook(page, (wb, a) => wb.renameSheet(wb.sheet(a.from), a.to), { from: "Đã đổi tên", to: seed.district });
    await page.click("#cmd-clear");
    await page.waitForFunction(() => /Đã trả lại màu cũ/.test(document.getElementById("status-text")?.textContent ?? ""));
    state = await hostState(page);
    expect(Object.values(sheetOf(state, seed.district).cells).filter((c) => c.fill?.color === HIGHLIGHT)).toEqual([]);
    expect(state.settings.CCHC_HIGHLIGHTS).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });
  test("Cài đặt: a sheet of this workbook as last year's; Tính điểm shows the comparison (issue 10)", async () => {
    const lastYear = districtGrid({ blankParents: true }, "Năm 2022");
    lastYear.values[1][0] = "BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022";
    for (const row of lastYear.values) if (row[0] === "2.3") row[4] = 1;
    const sheets = [districtGrid(), lastYear].map((g) => ({ name: g.name, values: g.values as CellValue[][] }));
    const page = await open({ workbook: { sheets, active: sheets[0].name }, settings: {} });
    await page.click("#cmd-settings");
    await page.waitForSelector("#settings-form");
    await idle(page);
    await page.selectOption("#previous-sheet", "Năm 2022");
    await page.click("#settings-save");
    await page.waitForFunction(() => /Đã lưu cài đặt/.test(document.getElementById("status-text")?.textContent ?? ""));
    expect((await hostState(page)).settings.CCHC_SETTINGS).toMatchObject({ previousSheet: "Năm 2022" });
    await page.click("#cmd-compute");
    await page.waitForSelector("#comparison-table");
    await idle(page);
    // Last year 2.3 lost one point more than this year: 88,21 then, 89,21 now.
    expect(await page.locator("#comparison-table caption").textContent()).toBe('So với năm trước (sheet "Năm 2022")');
    expect(await page.locator("#comparison-table tbody tr").first().locator("td").allTextContents()).toEqual(["88,21/97,00", "+1,00"]);
    expect(await page.locator("#comparison").textContent()).toContain("Đã khắc phục: 2.3.");
    expect(await page.locator("#opt-sheet option").allTextContents()).toEqual([sheets[0].name]);
    await page.screenshot({ path: path.join(OUTPUT, "taskpane-6-nam-truoc.png"), fullPage: true });
    await page.close();
  });

  test("Cài đặt: an unrecognised units table mapped from its header texts, saved with its kind, then checked (issue 17)", async () => {
    const strange = communesGrid("Bảng lạ");
    const header = strange.values.findIndex((r) => r[1] === "Tên đơn vị");
    strange.values[header] = strange.values[header].map((_, i) => `Cột ${i + 1}`);
    // One self-assessment above its maximum: a finding only a table read with the map gives.
    const over = header + 1;
    strange.values[over][2] = 99;
    const sheets = [districtGrid(), strange].map((g) => ({ name: g.name, values: g.values as CellValue[][] }));
    const page = await open({ workbook: { sheets, active: sheets[0].name }, settings: {} });
    await page.click("#cmd-validate");
    await page.waitForSelector("#findings");
    await idle(page);
    expect(await page.locator('section.sheet-group[data-sheet="Bảng lạ"]').count()).toBe(0);

    await page.click("#cmd-settings");
    await page.waitForSelector("#settings-form");
    await idle(page);
    await page.selectOption("#map-sheet", "Bảng lạ");
    await page.selectOption("#map-kind", "units");
    await page.selectOption("#map-row", String(header));
    expect(await page.locator("#map-role-unit option").allTextContents()).toEqual(["(không có)", ...strange.values[header].map((t, i) => `${String.fromCharCode(65 + i)} — ${String(t)}`)]);
    // The header rows are offered by their first texts, in Excel's numbering.
    expect(await page.locator("#map-row option:checked").textContent()).toBe(`Dòng ${header + 1}: Cột 1 | Cột 2 | Cột 3 | Cột 4 | …`);
    // Keyboard: every control has a label.
    for (const id of ["map-sheet", "map-kind", "map-row", "map-role-unit", "band-scope"]) expect(await page.locator(`label[for="${id}"]`).count()).toBe(1);

    // A required role missing is named.
    await page.click("#settings-save");
    await page.waitForSelector("#error:not([hidden])");
    expect(await page.locator("#error").textContent()).toContain('Sheet "Bảng lạ": hãy chọn cột đơn vị');
    const columns = { code: 0, unit: 1, self: 2, appraised: 3, max: 4 };
    for (const [role, col] of Object.entries(columns)) await page.selectOption(`#map-role-${role}`, String(col));
    await page.click("#settings-save");
    await page.waitForFunction(() => /Đã lưu cài đặt/.test(document.getElementById("status-text")?.textContent ?? ""));
    const saved = (await hostState(page)).settings.CCHC_SETTINGS as { columnMaps: Record<string, unknown> };
    expect(saved.columnMaps["Bảng lạ"]).toEqual({ row: header, columns, kind: "units" });

    await page.click("#cmd-validate");
    await page.waitForSelector('section.sheet-group[data-sheet="Bảng lạ"]');
    await idle(page);
    const overMax = page.locator(`section.sheet-group[data-sheet="Bảng lạ"] button.finding[data-rule="over-max"][data-cell="C${over + 1}"]`);
    expect(await overMax.count()).toBe(1);
    expect(await overMax.textContent()).toContain("99");
    // The same workbook as Excel saves it (the settings in its add-in part): cchc reads the map and finds the same.
    const paneCells = await page.locator('section.sheet-group[data-sheet="Bảng lạ"] button.finding').evaluateAll((bs) => bs.map((b) => `${b.getAttribute("data-rule")}@${b.getAttribute("data-cell")}`));
    const dir = await makeTempDir("cchc-map-once-");
    try {
      const plain = await fs.readFile(await writeGrids(path.join(dir, "plain.xlsx"), [districtGrid(), strange]));
      const file = path.join(dir, "da-luu.xlsx");
      await fs.writeFile(file, await withAddinSettings(plain, (await hostState(page)).settings.CCHC_SETTINGS));
      const cli = await runCli(["check", file, "--json"]);
      const table = (JSON.parse(cli.stdout) as CheckJson).files[0].sheets.find((x) => x.sheet === "Bảng lạ")!;
      expect(table.kind).toBe("units");
      expect(table.findings.map((f) => `${f.rule}@${f.cell}`).sort()).toEqual([...paneCells].sort());
      const engine = analyzeWorkbook([districtGrid(), strange], saved as Partial<EngineSettings>).sheets.find((x) => x.sheet === "Bảng lạ") as UnitsSheet;
      expect(table.ranking!.map((r) => [r.unit, r.index, r.grade, r.rank])).toEqual(engine.ranking.map((r) => [r.unit, r.index, r.grade, r.rank]));
    } finally {
      await removeDir(dir);
    }

    // Opened again, the form shows the saved map.
    await page.click("#cmd-settings");
    await page.waitForSelector("#settings-form");
    await idle(page);
    await page.selectOption("#map-sheet", "Bảng lạ");
    expect(await page.inputValue("#map-kind")).toBe("units");
    for (const [role, col] of Object.entries(columns)) expect(await page.inputValue(`#map-role-${role}`)).toBe(String(col));
    await page.screenshot({ path: path.join(OUTPUT, "taskpane-7-khai-bao-cot.png"), fullPage: true });
    await page.close();
  });

  test("Cài đặt: bands of one block and units kept out of the ranking are saved (issue 17)", async () => {
    const table: Grid = {
      name: "Kết quả",
      values: [
        ["STT", "Đơn vị", "Khối", "Điểm thẩm định", "Điểm tối đa"],
        [1, "Sở Tư pháp", "Khối sở", 90, 100],
        [2, "UBND xã A", "Khối xã", 70, 100],
        [3, "UBND xã B", "Khối xã", 60, 100],
      ],
    };
    const sheets = [districtGrid(), table].map((g) => ({ name: g.name, values: g.values as CellValue[][] }));
    const page = await open({ workbook: { sheets, active: sheets[0].name }, settings: {} });
    await page.click("#cmd-settings");
    await page.waitForSelector("#settings-form");
    await idle(page);
    expect(await page.locator("#band-scope option").allTextContents()).toEqual(["Tất cả các khối", "Khối sở", "Khối xã"]);
    const common = await page.inputValue("#band-name-0");
    await page.selectOption("#band-scope", "Khối xã");
    expect(await page.inputValue("#band-name-0")).toBe("");
    await page.fill("#band-name-0", "Nhóm A");
    await page.fill("#band-min-0", "65");
    await page.fill("#band-name-1", "Nhóm B");
    await page.fill("#band-min-1", "0");
    // Back to the common bands: they are as they were.
    await page.selectOption("#band-scope", "");
    expect(await page.inputValue("#band-name-0")).toBe(common);
    const boxes = page.locator("#unranked input[type=checkbox]");
    expect(await boxes.evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label")))).toEqual(["Không xếp hạng: Sở Tư pháp", "Không xếp hạng: UBND xã A", "Không xếp hạng: UBND xã B"]);
    await page.check('#unranked input[data-unit="UBND xã B"]');
    await page.click("#settings-save");
    await page.waitForFunction(() => /Đã lưu cài đặt/.test(document.getElementById("status-text")?.textContent ?? ""));
    const saved = (await hostState(page)).settings.CCHC_SETTINGS as { blockBands: unknown; unranked: unknown; bands: Array<{ name: string }> };
    expect(saved.blockBands).toEqual({ "Khối xã": [{ name: "Nhóm A", min: 65 }, { name: "Nhóm B", min: 0 }] });
    expect(saved.unranked).toEqual(["UBND xã B"]);
    expect(saved.bands[0].name).toBe(common);
    // Opened again: the block's bands and the ticked unit are shown.
    await page.click("#cmd-settings");
    await page.waitForSelector("#settings-form");
    await idle(page);
    await page.selectOption("#band-scope", "Khối xã");
    expect(await page.inputValue("#band-name-0")).toBe("Nhóm A");
    expect(await page.isChecked('#unranked input[data-unit="UBND xã B"]')).toBe(true);
    await page.close();
  });
});

if (skip !== null) test.skip(`task pane browser test skipped: ${skip}`, () => undefined);
