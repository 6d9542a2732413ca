// A criteria-set file holding one set per level ("Cấp huyện", "Cấp xã") on the standalone page: the
// first is used, the page offers the others, and the one picked is what the sheets are compared with.
import * as path from "path";
import type { Page } from "playwright-core";
import { toA1 } from "../../src/engine";
import { districtGrid } from "../fixtures/seed";
import { criteriaSet, rowOf } from "../fixtures/criteriaSet";
import { writeGrids } from "../cli/helpers/xlsxFiles";
import { browserUnavailable, expectText, standaloneSession } from "./standaloneSupport";

const maybe = browserUnavailable() === null ? describe : describe.skip;

maybe("a criteria-set file with a set per level", () => {
  const session = standaloneSession("cchc-page-tpl-sheets-");
  let page: Page;
  const status = () => page.locator("#status");
  const maxItems = () => page.locator('#findings li[data-rule="template-max"]');

  beforeAll(() => {
    page = session.page;
  });

  it("uses the first set, offers the others, and compares with the one picked", async () => {
    // The unit types 2.1.1's maximum as 2: "Cấp huyện" agrees, "Cấp xã" (1,5) does not.
    const unit = districtGrid({}, "Huyện B");
    unit.values[rowOf(unit, "2.1.1")][2] = 2;
    const units = await writeGrids(path.join(session.dir, "don-vi.xlsx"), [unit]);
    const sets = await writeGrids(path.join(session.dir, "mau-hai-cap.xlsx"), [criteriaSet("Cấp huyện", 2), criteriaSet("Cấp xã")]);
    await page.setInputFiles("#file-input", units);
    await expectText(status(), "Đã mở don-vi.xlsx");
    expect(await page.locator("#template-sheet").isHidden()).toBe(true);

    await page.setInputFiles("#template-input", sets);
    await expectText(status(), 'Đã so sánh 1 bảng điểm với bộ tiêu chí mẫu mau-hai-cap.xlsx (sheet "Cấp huyện")');
    expect(await page.locator("#template-sheet").isVisible()).toBe(true);
    expect(await page.locator("#template-sheet option").allTextContents()).toEqual(['Bộ tiêu chí: sheet "Cấp huyện"', 'Bộ tiêu chí: sheet "Cấp xã"']);
    expect(await maxItems().count()).toBe(0);

    await page.selectOption("#template-sheet", "1");
    await expectText(status(), 'Đã so sánh 1 bảng điểm với bộ tiêu chí mẫu mau-hai-cap.xlsx (sheet "Cấp xã")');
    expect(await maxItems().evaluateAll((li) => li.map((x) => [x.getAttribute("data-rule"), x.querySelector("button")?.textContent]))).toEqual([
      ["template-max", toA1(rowOf(unit, "2.1.1"), 2)],
    ]);

    await page.click("#template-clear");
    await expectText(status(), "Đã bỏ bộ tiêu chí mẫu mau-hai-cap.xlsx");
    expect(await page.locator("#template-sheet").isHidden()).toBe(true);
    expect(session.problems).toEqual([]);
  });
});
