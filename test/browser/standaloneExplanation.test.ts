// The standalone page's "Tạo phiếu đề nghị giải trình" (issue 19 §4, for offices whose Excel runs
// no add-in): the sheet "Yêu cầu giải trình" of the scoring sheet shown, written into the workbook
// the clerk downloads, listing the criteria the appraisal cut; a sheet without appraised points is
// refused with the reason and nothing is downloaded.
import * as path from "path";
import type { Page } from "playwright-core";
import { analyzeSheet, appraisalCuts, EXPLANATION_SHEET_NAME, type ScoringSheet } from "../../src/engine";
import { districtGrid } from "../fixtures/seed";
import { unitScoringGrid } from "../fixtures/units";
import { readWorkbook, writeGrids } from "../cli/helpers/xlsxFiles";
import { expectValidOoxml } from "../support/ooxmlCheck";
import { browserUnavailable, expectText, standaloneSession } from "./standaloneSupport";

const maybe = browserUnavailable() === null ? describe : describe.skip;

maybe("the standalone page's request for explanation", () => {
  const session = standaloneSession("cchc-page-expl-");
  let page: Page;
  const unit = unitScoringGrid("Tân Lập", "UBND XÃ TÂN LẬP", 2023, { "1.1.1": 0, "2.3": 1 });
  const status = () => page.locator("#status");

  beforeAll(() => {
    page = session.page;
  });

  it("writes 'Yêu cầu giải trình' with the cut criteria into the downloaded workbook", async () => {
    const file = await writeGrids(path.join(session.dir, "tan-lap.xlsx"), [unit]);
    await page.setInputFiles("#file-input", file);
    await expectText(status(), "Đã mở tan-lap.xlsx");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#generate-explanation")]);
    const saved = path.join(session.dir, "ket-qua.xlsx");
    await download.saveAs(saved);
    await expectText(status(), `Đã tạo "${EXPLANATION_SHEET_NAME}" từ bảng điểm "Tân Lập"`);
    await expectValidOoxml(saved);

    const cuts = appraisalCuts(analyzeSheet(unit) as ScoringSheet)!.cuts;
    expect(cuts.length).toBeGreaterThan(0);
    const ws = (await readWorkbook(saved)).getWorksheet(EXPLANATION_SHEET_NAME)!;
    const codes: unknown[] = [];
    ws.eachRow((row) => codes.push(row.getCell(2).value));
    expect(codes.filter((c) => cuts.some((cut) => cut.code === c))).toEqual(cuts.map((c) => c.code));
    // The page goes on with the result: the new sheet is shown as made by the project.
    expect(await page.locator('#sheet-tabs [aria-selected="true"]').textContent()).toContain(EXPLANATION_SHEET_NAME);
    expect(session.problems).toEqual([]);
  });

  it("refuses a sheet without appraised points, saying why, and downloads nothing", async () => {
    const grid = districtGrid();
    const selfOnly = { ...grid, values: grid.values.map((row) => row.slice(0, 4)) };
    const file = await writeGrids(path.join(session.dir, "tu-danh-gia.xlsx"), [selfOnly]);
    await page.setInputFiles("#file-input", file);
    await expectText(status(), "Đã mở tu-danh-gia.xlsx");
    let downloads = 0;
    page.on("download", () => downloads++);
    await page.click("#generate-explanation");
    await expectText(status(), "không có cả điểm tự đánh giá và điểm thẩm định: không lập được yêu cầu giải trình");
    expect(await status().getAttribute("role")).toBe("alert");
    expect(downloads).toBe(0);
    expect(await page.locator("#download").isHidden()).toBe(true);
  });
});
