// "Tính điểm" in the built pane (Chromium, fake host): a unit sheet carrying the appraisal round
// (self-assessed and appraised points, the council's notes, evidence, points after explanation)
// shows the round's lines, the same the standalone page shows, loaded as their own chunk; a sheet
// without any of it shows no such section.
import { analyzeSheet, type CellValue, type Grid, type ScoringSheet } from "../../src/engine";
import { roundLines } from "../../src/taskpane/scoresDetails";
import { fakeHostPaneForTests, taskpaneUnavailable, type WatchedPage } from "../support/taskpaneBrowser";

const HEADER = ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Nguyên nhân", "Tài liệu kiểm chứng", "Điểm sau giải trình"];
const ROWS: CellValue[][] = [
  ["1", "Chỉ đạo, điều hành", 4, 4, 2.5, null, null, null],
  ["1.1", "Kế hoạch cải cách hành chính", 2, 2, 1, "Ban hành chậm", "Quyết định số 12/QĐ-UBND ngày 05/01/2023", 2],
  ["1.2", "Báo cáo cải cách hành chính", 2, 2, 1.5, "Thiếu báo cáo quý", "https://example.gov.vn/bao-cao.pdf", 1.5],
  ["2", "Cải cách thể chế", 3, 3, 3, null, null, null],
  ["2.1", "Kiểm tra văn bản", 1, 1, 1, null, null, null],
  ["2.2", "Rà soát văn bản", 2, 2, 2, null, null, null],
];
const ROUND: Grid = { name: "Xã A", values: [["UBND XÃ A"], HEADER, ...ROWS] };
const PLAIN: Grid = { name: "Xã B", values: [HEADER.slice(0, 4), ...ROWS.map((r) => r.slice(0, 4))] };

const skip = taskpaneUnavailable();
const maybe = skip === null ? describe : describe.skip;

maybe("Tính điểm: the appraisal round", () => {
  const pane = fakeHostPaneForTests("pane-round-");

  async function open(grid: Grid): Promise<WatchedPage> {
    const watched = await pane.open({ workbook: { sheets: [{ name: grid.name, values: grid.values }] }, settings: {} });
    await watched.page.click("#cmd-compute");
    await watched.page.waitForFunction(() => /Đã tính điểm/.test(document.getElementById("status-text")?.textContent ?? ""));
    return watched;
  }

  test("the round's lines, as the engine's sheet gives them, in a chunk of their own", async () => {
    const { page, problems, scripts } = await open(ROUND);
    await page.waitForSelector("#round li");
    const lines = await page.$$eval("#round li", (items) => items.map((li) => li.textContent));
    const expected = roundLines(analyzeSheet(ROUND) as ScoringSheet);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(lines).toEqual(expected);
    expect(lines.join("\n")).toMatch(/Thẩm định trừ 1,5 điểm ở 2 tiêu chí/);
    expect(lines.join("\n")).toMatch(/Sau giải trình: 1 tiêu chí được sửa điểm \(1\.1\)/);
    expect(await page.getAttribute("#scores-details", "aria-busy")).toBeNull();
    expect(scripts).toContain("scores-details.chunk.js");
    expect(problems).toEqual([]);
    await page.close();
  });

  test("a sheet with self-assessed points only shows the scores, no round and no chunk", async () => {
    const { page, scripts } = await open(PLAIN);
    await page.waitForSelector("#area-table");
    expect(await page.locator("#round").count()).toBe(0);
    expect(await page.locator("#scores-details").count()).toBe(0);
    expect(scripts).not.toContain("scores-details.chunk.js");
    await page.close();
  });
});
