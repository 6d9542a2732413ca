// Kiểm tra in the add-in over a sheet whose evidence column holds hyperlinks (issue 19 §3): the
// malformed one is listed at its cell and coloured, through the Office.js adapter over the fake
// Excel; and in the built pane in Chromium, where the links are read by a chunk of their own.
import type { Page } from "playwright-core";
import { toA1 } from "../../src/engine";
import { OfficeWorkbook, HIGHLIGHT_FILL } from "../../src/host/office/officeWorkbook";
import { LINKS_UNSUPPORTED } from "../../src/host/office/officeHyperlinks";
import { memoryStore } from "../../src/host/office/officeSettings";
import { runValidation } from "../../src/taskpane/validateController";
import { districtGrid } from "../fixtures/seed";
import * as FakeExcel from "../support/fakeExcel.js";
import { openFakeHostPane, openPaneOn, taskpaneUnavailable, type FakeHostPane } from "../support/taskpaneBrowser";

const BAD = "htp//sonoivu";
const EVIDENCE_COL = 7;

/** The seed sheet with an evidence column H citing a decision on each criterion; one leaf's cell links to a malformed address instead. */
function linkedSheet(): { sheet: FakeExcel.FakeSheetInit; cell: string; code: string } {
  const grid = districtGrid();
  const header = grid.values.findIndex((r) => r[0] === "STT");
  grid.values.forEach((row, r) => {
    row[EVIDENCE_COL] = r === header ? "Tài liệu kiểm chứng" : r > header && typeof row[0] === "string" ? "Quyết định số 1/QĐ-UBND" : null;
  });
  const row = grid.values.findIndex((r, i) => i > header && typeof r[0] === "string" && /^\d+\.\d+\.\d+$/.test(r[0]));
  grid.values[row][EVIDENCE_COL] = "Xem tệp";
  const cell = toA1(row, EVIDENCE_COL);
  return { sheet: { name: grid.name, values: grid.values, hyperlinks: { [cell]: { address: BAD, textToDisplay: "Xem tệp" } } }, cell, code: String(grid.values[row][0]) };
}

test("Kiểm tra lists the malformed link at its cell and colours it", async () => {
  const { sheet, cell, code } = linkedSheet();
  const workbook = new FakeExcel.Workbook({ sheets: [sheet] });
  const host = new OfficeWorkbook({ run: FakeExcel.runner(workbook), store: memoryStore(), requirements: workbook });
  const report = await runValidation(host, { scope: "all", highlight: true });
  const found = report.groups.flatMap((g) => g.findings).filter((f) => f.rule === "bad-evidence-link");
  expect(found.map((f) => [f.sheet, f.cell, f.severity, f.message])).toEqual([
    [sheet.name, cell, "warning", `Đường dẫn "${BAD}" ở tiêu chí ${code} không đúng dạng địa chỉ (http://, https://) hay đường dẫn tệp.`],
  ]);
  const at = FakeExcel.parseAddress(cell);
  expect(workbook.sheet(sheet.name)?.peek(at.r1, at.c1)?.fill?.color).toBe(HIGHLIGHT_FILL);
});

const skip = taskpaneUnavailable();
const maybe = skip === null ? describe : describe.skip;

maybe("the built pane in Chromium", () => {
  let pane: FakeHostPane;
  let override = "";

  beforeAll(async () => {
    pane = await openFakeHostPane({ extra: () => override });
  });

  afterAll(async () => {
    await pane?.close();
  });

  const open = (sheet: FakeExcel.FakeSheetInit): Promise<Page> => openPaneOn(pane, { workbook: { sheets: [sheet] }, settings: {} });

  test("Kiểm tra shows the malformed link's finding, read through the pane's links chunk", async () => {
    const { sheet, cell, code } = linkedSheet();
    const page = await open(sheet);
    await page.locator("#cmd-validate").click();
    await page.waitForFunction(() => !document.body.hasAttribute("aria-busy") && document.getElementById("findings") !== null);
    const item = page.locator(`#findings button.finding[data-rule="bad-evidence-link"]`);
    expect(await item.count()).toBe(1);
    expect(await item.getAttribute("data-cell")).toBe(cell);
    expect(await item.locator(".message").textContent()).toBe(`Đường dẫn "${BAD}" ở tiêu chí ${code} không đúng dạng địa chỉ (http://, https://) hay đường dẫn tệp.`);
    expect(pane.server.requests.some((r) => /\/office-links\.chunk\.js$/.test(r))).toBe(true);
    await page.close();
  });

  test("an Excel before ExcelApi 1.9: the pane says at start that the links are not read", async () => {
    override = "\nwindow.Office.context.requirements.isSetSupported = function (set, version) { return set !== 'ExcelApi' || Number(String(version).split('.')[1]) < 9; };\n";
    try {
      const page = await open(linkedSheet().sheet);
      expect(await page.locator("#error").textContent()).toContain(LINKS_UNSUPPORTED);
      await page.close();
    } finally {
      override = "";
    }
  });
});
