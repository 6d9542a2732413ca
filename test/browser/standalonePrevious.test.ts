// The standalone page's second file (issue 10): "Tệp năm trước" compares each scoring sheet with
// last year's sheet of the same unit; the download carries the comparison and "Phân tích tiêu
// chí"; a bad last-year file is named and changes nothing.
import { promises as fs } from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { unitScoringGrid } from "../fixtures/units";
import { makeTempDir, readWorkbook, removeDir, writeGrids } from "../cli/helpers/xlsxFiles";
import { browserUnavailable, openStandalone, type OpenPage, expectText } from "./standaloneSupport";
import { expectValidOoxml } from "../support/ooxmlCheck";

const unavailable = browserUnavailable();
const maybe = unavailable === null ? describe : describe.skip;

maybe("the standalone page with last year's file", () => {
  let opened: OpenPage;
  let page: Page;
  let dir: string;
  let current: string;
  let previous: string;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = await makeTempDir("cchc-page-prev-");
    current = await writeGrids(path.join(dir, "2023.xlsx"), [
      unitScoringGrid("Đăk Kôi", "UBND XÃ ĐĂK KÔI", 2023, { "1.1.1": 0.5 }),
      unitScoringGrid("Tân Lập", "UBND XÃ TÂN LẬP", 2023, { "1.1.1": 0, "2.3": 1 }),
    ]);
    previous = await writeGrids(path.join(dir, "2022.xlsx"), [unitScoringGrid("ĐK 2022", "UBND XÃ ĐĂK KÔI", 2022, { "1.6.1": 4 })]);
    opened = await openStandalone((p) => p.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`)));
    ({ page } = opened);
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
    if (dir) await removeDir(dir);
  });

  const status = () => page.locator("#status");

  it("a file that is not a workbook is named and nothing changes", async () => {
    await page.setInputFiles("#file-input", current);
    await expectText(status(), "Đã mở 2023.xlsx: 2 sheet (2 bảng điểm, 0 bảng đơn vị)");
    const broken = path.join(dir, "hong.xlsx");
    await fs.writeFile(broken, "không phải tệp Excel");
    await page.setInputFiles("#previous-input", broken);
    await expectText(status(), "Không mở được tệp năm trước hong.xlsx");
    expect(await status().getAttribute("class")).toContain("error");
    expect(await page.locator("#comparison").count()).toBe(0);
  });

  it("compares with last year's file, shows it and downloads it with Phân tích tiêu chí", async () => {
    await page.setInputFiles("#previous-input", previous);
    await expectText(status(), 'Đã so sánh 1 bảng điểm với tệp năm trước 2022.xlsx. Sheet "Tân Lập" (UBND XÃ TÂN LẬP): không tìm thấy sheet cùng đơn vị');
    expect(await page.textContent("#comparison")).toBe(
      'So với năm trước (2022.xlsx, sheet "ĐK 2022"): 89,32/97 điểm, xếp loại Xuất sắc; điểm giảm 0,61. Mới bị mất điểm: 1.1.1, 1.6.1; đã khắc phục: không có.',
    );
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#generate")]);
    const file = path.join(dir, "tai-ve.xlsx");
    await download.saveAs(file);
    const wb = await readWorkbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Đăk Kôi", "Tân Lập", "Tổng hợp trách nhiệm", "Xếp hạng", "Phân tích tiêu chí", "Kết quả thẩm định"]);
    const texts: string[] = [];
    wb.getWorksheet("Tổng hợp trách nhiệm")!.getColumn(1).eachCell((c) => texts.push(String(c.value)));
    expect(texts).toContain('4. So sánh với năm trước (2022.xlsx, sheet "ĐK 2022", năm 2022)');
    await expectValidOoxml(file, { base: current });
    expect(problems).toEqual([]);
  });
});
