// Issue 10's generated sheets as plans: "Xếp hạng" per block with the survey part and the
// change on last year, "Tổng hợp trách nhiệm" with last year's comparison, "Phân tích tiêu chí".
import { analyzeWorkbook, buildReportPlans, compareWithPrevious, type PlanCell, type SheetPlan } from "../../../src/engine";
import { communesGrid } from "../../fixtures/seed";
import { BLOCKS, blockColumnGrid, blockHeadingGrid, unitScoringGrid } from "../../fixtures/units";

const DATE = new Date(2023, 11, 15);

function cellAt(plan: SheetPlan, row: number, col: number): PlanCell | undefined {
  return plan.cells.find((c) => c.row === row && c.col === col);
}
function rowOf(plan: SheetPlan, col: number, value: string): number {
  const cell = plan.cells.find((c) => c.col === col && c.value === value);
  if (!cell) throw new Error(`no "${value}" in column ${col}`);
  return cell.row;
}
function planNamed(plans: SheetPlan[], name: string): SheetPlan {
  const p = plans.find((x) => x.name === name);
  if (!p) throw new Error(`no plan ${name}: ${plans.map((x) => x.name).join(", ")}`);
  return p;
}

describe.each([
  ["a block column", blockColumnGrid],
  ["block heading rows", blockHeadingGrid],
])("Xếp hạng from a table with %s", (_how, make) => {
  const ranking = planNamed(buildReportPlans(analyzeWorkbook([make()]), { date: DATE }), "Xếp hạng");
  const header = rowOf(ranking, 1, "Đơn vị");

  test("one table per block in order, each with its heading, ranks over its own range, grade counts", () => {
    const headings = BLOCKS.map((b) => rowOf(ranking, 0, b));
    expect(headings[0]).toBe(header + 1);
    expect(headings).toEqual([...headings].sort((a, b) => a - b));
    // First block: Nội vụ, Tài chính, Tư pháp by rank, in rows under its heading.
    const first = headings[0] + 1;
    expect([0, 1, 2].map((i) => cellAt(ranking, first + i, 1)!.value)).toEqual(["Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp"]);
    expect(cellAt(ranking, first + 2, 9)).toMatchObject({ formula: `=RANK(H${first + 3},$H$${first + 1}:$H$${first + 3},0)`, result: 3 });
    expect(cellAt(ranking, first + 3, 1)).toMatchObject({ result: "Xuất sắc: 1/3" });
    expect(cellAt(ranking, first + 3, 2)).toMatchObject({ formula: `="Tốt: "&COUNTIF($I$${first + 1}:$I$${first + 3},"Tốt")&"/"&ROWS($I$${first + 1}:$I$${first + 3})`, result: "Tốt: 2/3" });
    const third = headings[2] + 1;
    expect(cellAt(ranking, third, 9)!.formula).toContain(`$H$${third + 1}:$H$${third + 3}`);
  });

  test("survey part, two-part index, last year and the change text", () => {
    const row = rowOf(ranking, 1, "Sở Tư pháp");
    expect(cellAt(ranking, header, 5)!.value).toBe("Điểm điều tra XHH");
    expect([3, 4, 5, 6].map((c) => cellAt(ranking, row, c)!.value)).toEqual([54.95, 61.5, 31.19, 38.5]);
    const index = cellAt(ranking, row, 7)!;
    expect(index.formula).toBe(`=IF((E${row + 1}+G${row + 1})>0,(D${row + 1}+F${row + 1})/(E${row + 1}+G${row + 1})*100,0)`);
    expect(index.result).toBeCloseTo(86.14, 9);
    expect([10, 11].map((c) => cellAt(ranking, row, c)!.value)).toEqual([84.78, 4]);
    expect(cellAt(ranking, row, 12)).toMatchObject({ formula: `=ROUND(H${row + 1}-K${row + 1},2)`, result: 1.36 });
    expect(cellAt(ranking, row, 13)).toMatchObject({ formula: `=L${row + 1}-J${row + 1}`, result: 1 });
    expect(cellAt(ranking, row, 14)!.value).toBe("tăng 1,36 điểm; tăng 01 bậc");
    expect(cellAt(ranking, rowOf(ranking, 1, "UBND xã Đăk Pnê"), 14)!.value).toBe("giảm 2,20 điểm; giảm 01 bậc");
    expect(cellAt(ranking, rowOf(ranking, 1, "UBND xã Đăk Kôi"), 14)!.value).toBe("");
    expect(ranking.print.orientation).toBe("landscape");
  });
});

test("Xếp hạng without blocks, survey or last year keeps its columns, with one grade count row", () => {
  const ranking = planNamed(buildReportPlans(analyzeWorkbook([communesGrid()]), { date: DATE }), "Xếp hạng");
  const first = rowOf(ranking, 1, "Đơn vị") + 1;
  expect(cellAt(ranking, first, 5)!.formula).toBe(`=IF(E${first + 1}>0,D${first + 1}/E${first + 1}*100,0)`);
  expect(cellAt(ranking, first + 7, 1)!.result).toBe("Xuất sắc: 5/7");
  expect(ranking.cells.some((c) => c.col > 7)).toBe(false);
});

describe("with one scoring sheet per unit", () => {
  const grids = [
    unitScoringGrid("Đăk Kôi", "UBND XÃ ĐĂK KÔI", 2023, { "1.1.1": 0.5 }),
    unitScoringGrid("Tân Lập", "UBND XÃ TÂN LẬP", 2023, { "1.1.1": 0, "2.3": 1 }),
  ];
  const previous = analyzeWorkbook([unitScoringGrid("ĐK 2022", "UBND XÃ ĐĂK KÔI", 2022, { "1.6.1": 4 })]);
  const { analysis } = compareWithPrevious(analyzeWorkbook(grids), previous, "2022.xlsx");
  const plans = buildReportPlans(analysis, { date: DATE });

  test("writes the summary, the ranking, Phân tích tiêu chí and Kết quả thẩm định", () => {
    expect(plans.map((p) => [p.name, p.marker])).toEqual([
      ["Tổng hợp trách nhiệm", "CCHC_GEN_SUMMARY"],
      ["Xếp hạng", "CCHC_GEN_RANKING"],
      ["Phân tích tiêu chí", "CCHC_GEN_ANALYSIS"],
      ["Kết quả thẩm định", "CCHC_GEN_APPRAISAL"],
    ]);
  });

  test("Xếp hạng of the units' sheets gives each unit's index change on its own last year", () => {
    const ranking = plans[1];
    const kôi = rowOf(ranking, 1, "UBND XÃ ĐĂK KÔI");
    // 88,71/97 now against 89,32/97: −0,6289 → −0,63 points; last year's rank is not known.
    expect(cellAt(ranking, kôi, 10)).toMatchObject({ formula: `=ROUND(F${kôi + 1}-I${kôi + 1},2)`, result: -0.63 });
    expect(cellAt(ranking, kôi, 12)!.value).toBe("giảm 0,63 điểm");
    expect(cellAt(ranking, rowOf(ranking, 1, "UBND XÃ TÂN LẬP"), 12)!.value).toBe("");
  });

  test("the summary gains last year's comparison with formulas over section 1", () => {
    const summary = plans[0];
    const title = summary.cells.find((c) => typeof c.value === "string" && c.value.startsWith("4. So sánh với năm trước"))!;
    expect(title.value).toBe('4. So sánh với năm trước (2022.xlsx, sheet "ĐK 2022", năm 2022)');
    const area1 = title.row + 2;
    expect(cellAt(summary, area1, 2)).toMatchObject({ formula: `=D${rowOf(summary, 1, "Công tác chỉ đạo, điều hành cải cách hành chính") + 1}`, result: 12.39 });
    expect(cellAt(summary, area1, 3)!.value).toBe(13);
    expect(cellAt(summary, area1, 4)).toMatchObject({ formula: `=ROUND(C${area1 + 1}-D${area1 + 1},2)`, result: -0.61 });
    const total = rowOf(summary, 1, "Tổng điểm");
    expect(cellAt(summary, total, 4)!.result).toBe(-0.61);
    expect(cellAt(summary, total + 1, 4)!.result).toBe(-0.629);
    expect(summary.cells.some((c) => c.value === "Tiêu chí thành phần mới bị mất điểm: 1.1.1, 1.6.1.")).toBe(true);
  });

  test("Phân tích tiêu chí refers to the units' sheets and counts with COUNTIF and SUMIF", () => {
    const sheet = plans[2];
    expect(sheet.print).toMatchObject({ paper: "A4", orientation: "landscape" });
    const row = rowOf(sheet, 0, "1.1.1");
    const kôiRow = grids[0].values.findIndex((r) => r[0] === "1.1.1");
    expect(cellAt(sheet, row, 3)).toMatchObject({ formula: `='Đăk Kôi'!E${kôiRow + 1}`, result: 0.5 });
    expect(cellAt(sheet, row, 4)).toMatchObject({ formula: `='Tân Lập'!E${kôiRow + 1}`, result: 0 });
    expect(cellAt(sheet, row, 5)).toMatchObject({ formula: `=COUNTIF(D${row + 1}:E${row + 1},"<"&C${row + 1})`, result: 2 });
    expect(cellAt(sheet, row, 6)).toMatchObject({
      formula: `=ROUND(COUNTIF(D${row + 1}:E${row + 1},"<"&C${row + 1})*C${row + 1}-SUMIF(D${row + 1}:E${row + 1},"<"&C${row + 1}),2)`,
      result: 1.5,
    });
    expect(cellAt(sheet, row, 7)!.value).toBe("UBND XÃ TÂN LẬP (1)\nUBND XÃ ĐĂK KÔI (0,5)");
    // The sub-criteria most units lost come first.
    expect(cellAt(sheet, rowOf(sheet, 0, "Mã") + 1, 0)!.value).toBe("5.6");
  });

  test("areas with component index and RANK over the area's rows; the units ranked", () => {
    const sheet = plans[2];
    const area = rowOf(sheet, 1, "Công tác chỉ đạo, điều hành cải cách hành chính (tối đa 13)");
    // The area rows of these sheets are blank: the engine's sum is written as a constant.
    expect(cellAt(sheet, area + 1, 2)).toMatchObject({ value: 12.39 });
    expect(cellAt(sheet, area + 2, 5)).toMatchObject({ formula: `=RANK(E${area + 3},$E$${area + 2}:$E$${area + 3},0)`, result: 2 });
    const ranked = rowOf(sheet, 0, "STT") + 1;
    expect(cellAt(sheet, ranked, 1)!.value).toBe("UBND XÃ ĐĂK KÔI");
    expect(cellAt(sheet, ranked, 6)!.result).toBe(1);
  });
});
