// Cài đặt → "Sheet năm trước": a sheet of this workbook (copied in with Move or Copy) is last
// year's; Tính điểm shows the comparison and Tạo báo cáo writes it, each in one read and one write.
import { MemoryHost } from "../support/memoryHost";
import { districtGrid } from "../fixtures/seed";
import { blockColumnGrid, unitScoringGrid } from "../fixtures/units";
import { computeScores } from "../../src/taskpane/computeController";
import { generateReport } from "../../src/taskpane/reportController";
import { parsePreviousSheet } from "../../src/taskpane/settingsController";
import { UserError } from "../../src/taskpane/messages";
import { SUMMARY_SHEET_NAME } from "../../src/engine";

/** The district's 2022 sheet: 1.6.1 full, 2.3 lost one point (88,32/97). */
function lastYear(name = "Năm 2022") {
  const grid = districtGrid({ blankParents: true }, name);
  grid.values[1][0] = "BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022";
  for (const row of grid.values) {
    if (row[0] === "1.6.1") row[4] = 4;
    if (row[0] === "2.3") row[4] = 1;
  }
  return grid;
}

test("Tính điểm compares with last year's sheet and leaves it out of the sheet choice", async () => {
  const host = new MemoryHost([districtGrid(), lastYear()]);
  host.settings = { previousSheet: "Năm 2022" };
  const result = await computeScores(host);
  expect(host.reads).toBe(1);
  expect(result.scoringSheets).toEqual(["Huyện Kon Rẫy"]);
  expect(result.comparison).toMatchObject({
    previous: { file: null, sheet: "Năm 2022", achieved: 88.32, year: 2022 },
    change: { achieved: 0.89, index: 0.918 },
    newlyLost: ["1.6.1"],
    recovered: ["2.3"],
  });
});

test("without the setting both sheets are this year's and nothing is compared", async () => {
  const host = new MemoryHost([districtGrid(), lastYear()]);
  const result = await computeScores(host);
  expect(result.scoringSheets).toEqual(["Huyện Kon Rẫy", "Năm 2022"]);
  expect(result.comparison).toBeNull();
});

test("Tạo báo cáo writes the comparison into the summary, in one read and one write", async () => {
  const host = new MemoryHost([districtGrid(), lastYear()]);
  host.settings = { previousSheet: "Năm 2022" };
  const result = await generateReport(host, { date: new Date(2023, 11, 15) });
  expect(host.reads).toBe(1);
  // Last year's sheet is neither ranked nor analysed with this year's: the summary only.
  expect(result.written.map((w) => w.name)).toEqual([SUMMARY_SHEET_NAME]);
  const summary = host.written[0].plan;
  expect(summary.cells.some((c) => c.value === '4. So sánh với năm trước (sheet "Năm 2022", năm 2022)')).toBe(true);
  expect(summary.cells.some((c) => c.value === "Tiêu chí thành phần đã khắc phục: 2.3.")).toBe(true);
});

test("several units: each compares only with last year's sheet of its own unit", async () => {
  const host = new MemoryHost([
    unitScoringGrid("Đăk Kôi", "UBND XÃ ĐĂK KÔI", 2023, {}),
    unitScoringGrid("Tân Lập", "UBND XÃ TÂN LẬP", 2023, {}),
    unitScoringGrid("Tân Lập 2022", "UBND XÃ TÂN LẬP", 2022, { "2.3": 1 }),
  ]);
  host.settings = { previousSheet: "Tân Lập 2022" };
  expect((await computeScores(host, { sheet: "Đăk Kôi" })).comparison).toBeNull();
  expect((await computeScores(host, { sheet: "Tân Lập" })).comparison!.recovered).toEqual(["2.3"]);
});

test("the form's choice must still be a sheet of the workbook", () => {
  expect(parsePreviousSheet("", ["A"])).toBeNull();
  expect(parsePreviousSheet("A", ["A", "B"])).toBe("A");
  expect(() => parsePreviousSheet("Đã xóa", ["A"])).toThrow(UserError);
  expect(() => parsePreviousSheet("Đã xóa", ["A"])).toThrow('Không còn sheet "Đã xóa" trong bảng tính; hãy chọn lại sheet năm trước.');
});

test("Tạo báo cáo in the add-in writes Xếp hạng per block and Phân tích tiêu chí, in one read", async () => {
  const host = new MemoryHost([
    unitScoringGrid("Đăk Kôi", "UBND XÃ ĐĂK KÔI", 2023, { "1.1.1": 0.5 }),
    unitScoringGrid("Tân Lập", "UBND XÃ TÂN LẬP", 2023, { "1.1.1": 0, "2.3": 1 }),
    blockColumnGrid(),
  ]);
  const result = await generateReport(host, { date: new Date(2023, 11, 15) });
  expect(host.reads).toBe(1);
  expect(result.written.map((w) => w.name)).toEqual([SUMMARY_SHEET_NAME, "Xếp hạng", "Phân tích tiêu chí", "Kết quả thẩm định"]);
  const ranking = host.written[1].plan;
  expect(ranking.cells.filter((c) => typeof c.value === "string" && c.value.startsWith("Khối")).map((c) => c.value)).toEqual([
    "Khối sở, ban, ngành",
    "Khối phường",
    "Khối xã",
  ]);
  expect(ranking.cells.some((c) => c.value === "tăng 1,36 điểm; tăng 01 bậc")).toBe(true);
  expect(host.generated.CCHC_GEN_ANALYSIS).toBe("Phân tích tiêu chí");
  // A rerun replaces the generated sheets, never adds more.
  await generateReport(host, { date: new Date(2023, 11, 15) });
  expect(host.sheets.map((s) => s.name)).toEqual(["Đăk Kôi", "Tân Lập", "Kết quả 2023", SUMMARY_SHEET_NAME, "Xếp hạng", "Phân tích tiêu chí", "Kết quả thẩm định"]);
});
