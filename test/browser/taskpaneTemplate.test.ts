// The pane's appraisal controls in Chromium over the fake Excel host (issue 19): the criteria set
// chosen as a FILE in Cài đặt (read by a chunk loaded only then), the template SHEET select, both
// at once, and "Tạo phiếu đề nghị giải trình" after "Tạo báo cáo" writing "Yêu cầu giải trình".
import { promises as fs } from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { analyzeSheet, toA1, type CellValue, type Grid, type ScoringSheet } from "../../src/engine";
import { appraisalCuts } from "../../src/engine/scoring/appraisalCuts";
import { DISTRICT_CRITERIA, districtGrid, seedSum } from "../fixtures/seed";
import { criteriaSet, rowOf } from "../fixtures/criteriaSet";
import { writeGrids } from "../cli/helpers/xlsxFiles";
import { OUTPUT, fakeHostPaneForTests, taskpaneUnavailable } from "../support/taskpaneBrowser";

/** The seed's district sheet with 2.1.1's maximum typed as 2 (the criteria set has 1,5). */
function changedUnit(): { grid: Grid; cell: string } {
  const grid = districtGrid();
  grid.values[rowOf(grid, "2.1.1")][2] = 2;
  return { grid, cell: toA1(rowOf(grid, "2.1.1"), 2) };
}

const asSheets = (grids: Grid[]) => grids.map((g) => ({ name: g.name, values: g.values as CellValue[][] }));

interface HostState {
  state: { sheets: Array<{ name: string; cells: Record<string, { value: unknown }> }> };
  settings: Record<string, unknown>;
}

const maybe = taskpaneUnavailable() === null ? describe : describe.skip;

maybe("the pane's appraisal controls in Chromium with a fake Excel host", () => {
  const pane = fakeHostPaneForTests("tp-template-");
  const dir = () => pane.dir();
  const open = (grids: Grid[], active = grids[grids.length - 1].name) => pane.open({ workbook: { sheets: asSheets(grids), active }, settings: {} });

  const hostState = (page: Page) => page.evaluate(() => (window as unknown as { __fakeHost: { state(): unknown } }).__fakeHost.state()) as Promise<HostState>;
  const idle = (page: Page) => page.waitForFunction(() => !document.body.hasAttribute("aria-busy"));
  const statusIs = (page: Page, pattern: RegExp) =>
    page.waitForFunction((source) => new RegExp(source).test(document.getElementById("status-text")?.textContent ?? ""), pattern.source);
  const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? "";

  async function openSettings(page: Page): Promise<void> {
    await page.click("#cmd-settings");
    await page.waitForSelector("#settings-form");
    await idle(page);
  }

  async function chooseFile(page: Page, file: string, expected: RegExp): Promise<void> {
    await page.setInputFiles("#template-file", file);
    await page.waitForFunction(
      (source) => new RegExp(source).test((document.getElementById("template-file-status")?.textContent ?? "") + (document.getElementById("template-file-error")?.textContent ?? "")),
      expected.source,
    );
  }

  async function templateFindings(page: Page): Promise<Array<{ sheet: string; rule: string; cell: string; message: string }>> {
    await page.click("#cmd-validate");
    await page.waitForSelector("#findings");
    await idle(page);
    return page.locator('button.finding[data-rule^="template-"]').evaluateAll((els) =>
      els.map((e) => ({
        sheet: e.closest("section.sheet-group")?.getAttribute("data-sheet") ?? "",
        rule: e.getAttribute("data-rule") ?? "",
        cell: e.getAttribute("data-cell") ?? "",
        message: e.querySelector(".message")?.textContent ?? "",
      })),
    );
  }

  test("Cài đặt: the criteria set chosen as a file, refused when unreadable, saved; Kiểm tra lists the maximum that differs at its cell", async () => {
    const unit = changedUnit();
    const good = await writeGrids(path.join(dir(), "mau.xlsx"), [criteriaSet()]);
    const broken = path.join(dir(), "hong.xlsx");
    await fs.writeFile(broken, "không phải tệp xlsx");
    const { page, problems, scripts } = await open([unit.grid]);
    await openSettings(page);
    expect(await text(page, "label[for=template-file]")).toBe("Tệp bộ tiêu chí mẫu (.xlsx)");
    expect(await text(page, "#template-file-status")).toBe("Chưa chọn tệp bộ tiêu chí.");
    expect(await page.isVisible("#template-file-remove")).toBe(false);
    // The .xlsx reader is a chunk fetched only when a file is chosen.
    const reader = (s: string) => s.startsWith("xlsx-reader");
    expect(scripts.some(reader)).toBe(false);

    await chooseFile(page, broken, /Không dùng được tệp/);
    expect(await text(page, "#template-file-error")).toMatch(/^Không dùng được tệp "hong\.xlsx" làm bộ tiêu chí mẫu: /);
    expect(await text(page, "#template-file-status")).toBe("Chưa chọn tệp bộ tiêu chí.");
    expect(scripts.some(reader)).toBe(true);

    const summary = `Bộ tiêu chí: mau.xlsx, sheet "Bộ tiêu chí" (${DISTRICT_CRITERIA.length} tiêu chí, tổng điểm tối đa ${seedSum("", "max")})`;
    await chooseFile(page, good, /^Bộ tiêu chí: mau/);
    expect(await text(page, "#template-file-status")).toBe(summary);
    expect(await page.isVisible("#template-file-error")).toBe(false);
    expect(await page.isVisible("#template-file-remove")).toBe(true);
    // An unreadable file chosen after leaves the chosen set as it was.
    await chooseFile(page, broken, /Không dùng được tệp/);
    expect(await text(page, "#template-file-status")).toBe(summary);
    await page.screenshot({ path: path.join(OUTPUT, "taskpane-template-file.png"), fullPage: true });

    await page.click("#settings-save");
    await statusIs(page, /Đã lưu cài đặt/);
    const saved = (await hostState(page)).settings.CCHC_SETTINGS as { templateFile: { file: string; sheet: string; criteria: unknown[] } };
    expect(saved.templateFile).toMatchObject({ file: "mau.xlsx", sheet: "Bộ tiêu chí" });
    expect(saved.templateFile.criteria).toHaveLength(DISTRICT_CRITERIA.length);

    const found = await templateFindings(page);
    expect(found).toContainEqual({ sheet: unit.grid.name, rule: "template-max", cell: unit.cell, message: "Điểm tối đa của 2.1.1: bộ tiêu chí ghi 1,5, bảng này ghi 2." });

    // Reopened, the form shows the saved set; "Bỏ tệp bộ tiêu chí" then Lưu removes it.
    await openSettings(page);
    expect(await text(page, "#template-file-status")).toBe(summary);
    await page.click("#template-file-remove");
    expect(await text(page, "#template-file-status")).toBe("Chưa chọn tệp bộ tiêu chí.");
    await page.click("#settings-save");
    await statusIs(page, /Đã lưu cài đặt/);
    expect(((await hostState(page)).settings.CCHC_SETTINGS as { templateFile: unknown }).templateFile).toBeNull();
    expect(await templateFindings(page)).toEqual([]);

    // "Lưu" clicked while the file is still being read saves it once read.
    await openSettings(page);
    await page.setInputFiles("#template-file", good);
    await page.click("#settings-save");
    await statusIs(page, /Đã lưu cài đặt/);
    expect(((await hostState(page)).settings.CCHC_SETTINGS as { templateFile: { file: string } }).templateFile.file).toBe("mau.xlsx");
    expect(problems).toEqual([]);
    await page.close();
  });

  test("Cài đặt: a file with a criteria set per level offers its sheets; the one chosen is saved and used", async () => {
    const unit = changedUnit();
    // "Cấp huyện" agrees with the unit's 2.1.1 (2); "Cấp xã" does not (1,5).
    const file = await writeGrids(path.join(dir(), "mau-hai-cap.xlsx"), [criteriaSet("Cấp huyện", 2), criteriaSet("Cấp xã")]);
    const { page, problems } = await open([unit.grid]);
    await openSettings(page);
    expect(await page.isVisible("#template-file-sheet")).toBe(false);
    await chooseFile(page, file, /^Bộ tiêu chí: mau-hai-cap/);
    expect(await page.isVisible("#template-file-sheet")).toBe(true);
    expect(await page.locator("#template-file-sheet option").allTextContents()).toEqual([
      `Cấp huyện (${DISTRICT_CRITERIA.length} dòng tiêu chí)`,
      `Cấp xã (${DISTRICT_CRITERIA.length} dòng tiêu chí)`,
    ]);
    expect(await text(page, "#template-file-status")).toContain('sheet "Cấp huyện"');
    await page.selectOption("#template-file-sheet", "1");
    expect(await text(page, "#template-file-status")).toContain('sheet "Cấp xã"');
    await page.click("#settings-save");
    await statusIs(page, /Đã lưu cài đặt/);
    expect(((await hostState(page)).settings.CCHC_SETTINGS as { templateFile: { sheet: string } }).templateFile.sheet).toBe("Cấp xã");
    expect((await templateFindings(page)).map((f) => [f.rule, f.cell])).toContainEqual(["template-max", unit.cell]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("Cài đặt: the template sheet select; with a file chosen too, the form says the sheet is used, and Kiểm tra uses it", async () => {
    const unit = changedUnit();
    // The file agrees with the unit's 2.1.1; the sheet does not: a template-max finding shows which was used.
    const agreeing = await writeGrids(path.join(dir(), "mau-khac.xlsx"), [criteriaSet("Bộ tiêu chí", 2)]);
    const { page, problems } = await open([criteriaSet(), unit.grid]);
    await openSettings(page);
    expect(await page.locator("#template-sheet option").allTextContents()).toEqual(["(không dùng sheet nào)", "Bộ tiêu chí", unit.grid.name]);
    await page.selectOption("#template-sheet", "Bộ tiêu chí");
    expect(await page.isVisible("#template-choice-note")).toBe(false);
    await chooseFile(page, agreeing, /^Bộ tiêu chí: mau-khac/);
    const note =
      'Đang chọn cả sheet "Bộ tiêu chí" và tệp "mau-khac.xlsx": sheet "Bộ tiêu chí" của bảng tính này được dùng để đối chiếu; tệp chỉ được dùng khi ô sheet để "(không dùng sheet nào)".';
    expect(await text(page, "#template-choice-note")).toBe(note);
    expect(await page.isVisible("#template-choice-note")).toBe(true);
    // Choosing no sheet takes the note away; choosing the sheet again brings it back.
    await page.selectOption("#template-sheet", "");
    expect(await page.isVisible("#template-choice-note")).toBe(false);
    await page.selectOption("#template-sheet", "Bộ tiêu chí");
    expect(await text(page, "#template-choice-note")).toBe(note);
    await page.screenshot({ path: path.join(OUTPUT, "taskpane-template-both.png"), fullPage: true });
    await page.click("#settings-save");
    await statusIs(page, /Đã lưu cài đặt/);
    expect((await hostState(page)).settings.CCHC_SETTINGS).toMatchObject({ templateSheet: "Bộ tiêu chí", templateFile: { file: "mau-khac.xlsx" } });

    // The sheet is used: its 1,5 differs from the unit's 2. The criteria set itself is no unit.
    const found = await templateFindings(page);
    expect(found.filter((f) => f.rule === "template-max")).toEqual([
      { sheet: unit.grid.name, rule: "template-max", cell: unit.cell, message: "Điểm tối đa của 2.1.1: bộ tiêu chí ghi 1,5, bảng này ghi 2." },
    ]);
    expect(await page.locator('section.sheet-group[data-sheet="Bộ tiêu chí"]').count()).toBe(0);

    // No sheet: the file is used, and it agrees with the unit's 2.1.1.
    await openSettings(page);
    expect(await page.inputValue("#template-sheet")).toBe("Bộ tiêu chí");
    expect(await text(page, "#template-choice-note")).toBe(note);
    await page.selectOption("#template-sheet", "");
    await page.click("#settings-save");
    await statusIs(page, /Đã lưu cài đặt/);
    const byFile = await templateFindings(page);
    expect(byFile.filter((f) => f.sheet === unit.grid.name && f.rule === "template-max")).toEqual([]);
    // Now the sheet "Bộ tiêu chí" is checked as a sheet of the workbook, against the file.
    expect(byFile.filter((f) => f.rule === "template-max").map((f) => [f.sheet, f.message])).toEqual([
      ["Bộ tiêu chí", "Điểm tối đa của 2.1.1: bộ tiêu chí ghi 2, bảng này ghi 1,5."],
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test("Tạo báo cáo, then Tạo phiếu đề nghị giải trình writes 'Yêu cầu giải trình' with the cut criteria", async () => {
    const district = districtGrid();
    const { page, problems } = await open([district], district.name);
    await page.click("#cmd-report");
    await page.waitForSelector("#report-sheets");
    await idle(page);
    expect(await page.isVisible("#explanation")).toBe(true);
    await page.click("#explanation");
    await statusIs(page, /Đã tạo sheet "Yêu cầu giải trình"/);
    await idle(page);
    const sheet = (await hostState(page)).state.sheets.find((s) => s.name === "Yêu cầu giải trình");
    expect(sheet).toBeDefined();
    const values = Object.values(sheet!.cells).map((c) => c.value);
    expect(values).toContain("Giải trình của đơn vị");
    expect(values).toContain("Tài liệu bổ sung");
    const cuts = appraisalCuts(analyzeSheet(districtGrid()) as ScoringSheet)!.cuts;
    expect(cuts.length).toBeGreaterThan(0);
    for (const cut of cuts) expect(values).toContain(cut.code);
    // A cut criterion's row holds its name and the points cut.
    const first = cuts[0];
    expect(values).toContain(first.name);
    expect(await text(page, "#report-sheets")).toContain("Yêu cầu giải trình");
    await page.screenshot({ path: path.join(OUTPUT, "taskpane-explanation.png"), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
