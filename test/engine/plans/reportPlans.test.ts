// The sheets "Tạo báo cáo" writes, from the seed's district sheet and communes' table.
import {
  analyzeWorkbook,
  buildReportPlans,
  buildSummaryPlan,
  excelRound,
  resolveSheetName,
  type PlanCell,
  type ScoringSheet,
  type SheetPlan,
} from "../../../src/engine";
import { COMMUNES, LOST_CODES, communesGrid, districtGrid } from "../../fixtures/seed";

const DATE = new Date(2023, 11, 15);

function cellAt(plan: SheetPlan, row: number, col: number): PlanCell | undefined {
  return plan.cells.find((c) => c.row === row && c.col === col);
}

function rowOf(plan: SheetPlan, col: number, value: string): number {
  const cell = plan.cells.find((c) => c.col === col && c.value === value);
  if (!cell) throw new Error(`no "${value}" in column ${col}`);
  return cell.row;
}

describe("Tổng hợp trách nhiệm", () => {
  const analysis = analyzeWorkbook([districtGrid(), communesGrid()]);
  const sheet = analysis.sheets[0] as ScoringSheet;
  const plan = buildSummaryPlan(sheet, { date: DATE });

  test("header with the unit and the date, ready to print", () => {
    expect(plan.name).toBe("Tổng hợp trách nhiệm");
    expect(plan.marker).toBe("CCHC_GEN_SUMMARY");
    expect(cellAt(plan, 1, 0)!.value).toBe("Đơn vị: ỦY BAN NHÂN DÂN HUYỆN KON RẪY");
    expect(String(cellAt(plan, 2, 0)!.value)).toContain("15/12/2023");
    expect(plan.print).toEqual({ paper: "A4", orientation: "landscape", fitToWidth: true, repeatRows: { first: 0, last: 2 } });
    expect(plan.freeze).toEqual({ rows: 3, cols: 0 });
    expect(plan.merges).toContain("A1:G1");
  });

  test("table 1: one row per area, totals, index and grade as native formulas", () => {
    const total = rowOf(plan, 1, "Tổng cộng");
    const firstArea = total - 8;
    expect(cellAt(plan, firstArea, 0)!.value).toBe("1");
    expect(cellAt(plan, firstArea + 5, 3)!.value).toBe(11.09);
    expect(cellAt(plan, total, 2)).toMatchObject({ formula: `=SUM(C${firstArea + 1}:C${total})`, result: 97 });
    expect(excelRound(cellAt(plan, total, 3)!.result as number, 2)).toBe(89.21);
    expect(excelRound(cellAt(plan, total, 4)!.result as number, 2)).toBe(7.79);
    const index = cellAt(plan, total + 1, 3)!;
    expect(index.formula).toBe(`=IF(C${total + 1}>0,D${total + 1}/C${total + 1}*100,0)`);
    expect(excelRound(index.result as number, 3)).toBe(91.969);
    const grade = cellAt(plan, total + 2, 3)!;
    expect(grade.formula).toBe(
      `=IF(ROUND(D${total + 2},9)>=90,"Xuất sắc",IF(ROUND(D${total + 2},9)>=80,"Tốt",IF(ROUND(D${total + 2},9)>=70,"Khá",IF(ROUND(D${total + 2},9)>=50,"Trung bình","Yếu"))))`,
    );
    expect(grade.result).toBe("Xuất sắc");
  });

  test("table 2: every sub-criterion that lost points, with cause and responsible units", () => {
    const header = rowOf(plan, 1, "Tiêu chí thành phần");
    const codes = LOST_CODES.map((_, i) => cellAt(plan, header + 1 + i, 0)!.value);
    expect(codes).toEqual(LOST_CODES);
    const r334 = header + 1 + LOST_CODES.indexOf("3.3.4");
    expect(cellAt(plan, r334, 4)).toMatchObject({ formula: `=ROUND(C${r334 + 1}-D${r334 + 1},2)`, result: 1 });
    expect(String(cellAt(plan, r334, 6)!.value).split("\n")).toHaveLength(8);
    expect(String(cellAt(plan, r334, 6)!.value)).toContain("Phòng Tài nguyên - Môi trường (39 hồ sơ)");
    const lostTotal = cellAt(plan, header + 1 + LOST_CODES.length, 4)!;
    expect(excelRound(lostTotal.result as number, 2)).toBe(7.79);
  });

  test("rows of wrapped text are as tall as their lines, so printed text does not overlap", () => {
    const header = rowOf(plan, 1, "Tiêu chí thành phần");
    const r334 = header + 1 + LOST_CODES.indexOf("3.3.4");
    // Eight responsible units, one per line.
    expect(plan.rowHeights[r334]).toBeGreaterThanOrEqual(8 * 15);
    const r56 = header + 1 + LOST_CODES.indexOf("5.6");
    expect(plan.rowHeights[r56]).toBeGreaterThanOrEqual(2 * 15);
    // Title rows are merged across the sheet: not estimated from one column.
    expect(plan.rowHeights[0]).toBeUndefined();
  });

  test("table 3: per responsible unit, most points lost first", () => {
    const header = rowOf(plan, 1, "Đơn vị");
    const units = sheet.units;
    expect(cellAt(plan, header + 1, 1)!.value).toBe(units[0].unit);
    const lostColumn = units.map((_, i) => cellAt(plan, header + 1 + i, 3)!.value as number);
    expect([...lostColumn].sort((a, b) => b - a)).toEqual(lostColumn);
    const tnmtRow = header + 1 + units.findIndex((u) => u.unit === "Phòng Tài nguyên - Môi trường");
    expect(cellAt(plan, tnmtRow, 2)!.value).toBe(3);
    expect(cellAt(plan, tnmtRow, 4)!.value).toBe(39);
    expect(cellAt(plan, tnmtRow, 5)!.value).toBe("1.6.1; 3.3.4; 3.4.1");
  });
});

describe("Xếp hạng", () => {
  test("from the communes' table: the seed's order, index and rank as formulas", () => {
    const plans = buildReportPlans(analyzeWorkbook([districtGrid(), communesGrid()]), { date: DATE });
    expect(plans.map((p) => p.name)).toEqual(["Tổng hợp trách nhiệm", "Xếp hạng"]);
    const ranking = plans[1];
    const header = rowOf(ranking, 1, "Đơn vị");
    const first = header + 1;
    expect(COMMUNES.map((_, i) => cellAt(ranking, first + i, 1)!.value)).toEqual(COMMUNES.map((c) => c.unit));
    const idx = cellAt(ranking, first, 5)!;
    expect(idx.formula).toBe(`=IF(E${first + 1}>0,D${first + 1}/E${first + 1}*100,0)`);
    expect(excelRound(idx.result as number, 2)).toBe(92.31);
    const last = first + COMMUNES.length - 1;
    expect(cellAt(ranking, last, 7)).toMatchObject({ formula: `=RANK(F${last + 1},$F$${first + 1}:$F$${last + 1},0)`, result: 7 });
    expect(COMMUNES.map((_, i) => cellAt(ranking, first + i, 6)!.result)).toEqual(COMMUNES.map((c) => c.grade));
  });

  test("from several scoring sheets: one unit per sheet", () => {
    const other = districtGrid({}, "Xã B");
    other.values[0][0] = "UBND XÃ B";
    const row56 = other.values.findIndex((r) => r[0] === "5.6");
    other.values[row56][4] = 3; // Xã B did not lose 5.6: 91.21 / 97
    const plans = buildReportPlans(analyzeWorkbook([districtGrid({ blankParents: true }), other]), { date: DATE, sheet: "Xã B" });
    expect(String(cellAt(plans[0], 1, 0)!.value)).toBe("Đơn vị: UBND XÃ B");
    const ranking = plans[1];
    const first = rowOf(ranking, 1, "Đơn vị") + 1;
    expect(cellAt(ranking, first, 1)!.value).toBe("UBND XÃ B");
    expect(cellAt(ranking, first, 7)!.result).toBe(1);
    expect(cellAt(ranking, first + 1, 1)!.value).toBe("ỦY BAN NHÂN DÂN HUYỆN KON RẪY");
  });

  test("no ranking for a single scoring sheet; no plan for a workbook without one", () => {
    expect(buildReportPlans(analyzeWorkbook([districtGrid()]), { date: DATE }).map((p) => p.name)).toEqual(["Tổng hợp trách nhiệm"]);
    expect(buildReportPlans(analyzeWorkbook([{ name: "Trống", values: [] }]), { date: DATE })).toEqual([]);
    expect(() => buildReportPlans(analyzeWorkbook([districtGrid()]), { date: DATE, sheet: "Không có" })).toThrow("Không tìm thấy");
  });
});

describe("sheet names", () => {
  test("a user's sheet with the same name is never replaced", () => {
    expect(resolveSheetName("Xếp hạng", ["Huyện", "Xếp hạng"], undefined)).toEqual({ name: "Xếp hạng (2)", replaces: null });
    expect(resolveSheetName("Xếp hạng", ["Xếp hạng", "Xếp hạng (2)"], undefined).name).toBe("Xếp hạng (3)");
  });

  test("the project's own earlier sheet is replaced", () => {
    expect(resolveSheetName("Xếp hạng", ["Huyện", "Xếp hạng"], "Xếp hạng")).toEqual({ name: "Xếp hạng", replaces: "Xếp hạng" });
    expect(resolveSheetName("Xếp hạng", ["Xếp hạng", "Xếp hạng (2)"], "Xếp hạng (2)")).toEqual({ name: "Xếp hạng (2)", replaces: "Xếp hạng (2)" });
    expect(resolveSheetName("Xếp hạng", ["xếp hạng"], undefined).name).toBe("Xếp hạng (2)");
  });

  test("names stay within Excel's 31 characters", () => {
    const long = "Tổng hợp trách nhiệm của các đơn vị";
    expect(resolveSheetName(long.slice(0, 31), [long.slice(0, 31)], undefined).name.length).toBeLessThanOrEqual(31);
  });
});
