// Issue 19 §2: "Kết quả thẩm định", written where a workbook holds two or more units' sheets
// with both scores: one row per unit, then the criteria cut most, each with its units.
import { analyzeWorkbook, buildReportPlans, type PlanCell, type SheetPlan } from "../../../src/engine";
import { buildAppraisalPlan, TOP_CRITERIA } from "../../../src/engine/plans/appraisalPlan";
import { workbookAppraisal } from "../../../src/engine/compare/appraisalAcross";
import { communesGrid, districtGrid } from "../../fixtures/seed";
import { unitScoringGrid } from "../../fixtures/units";
import { evaluatePlanFormula } from "../../support/planFormulas";

const DATE = new Date(2024, 0, 15);

const UNITS: Array<[string, string, Record<string, number>]> = [
  ["Đăk Kôi", "UBND XÃ ĐĂK KÔI", { "1.1.1": 0.5 }],
  ["Tân Lập", "UBND XÃ TÂN LẬP", { "1.1.1": 0, "2.3": 1 }],
  // Seven more criteria cut on this unit alone: twelve criteria are cut in all.
  ["Đăk Ruông", "UBND XÃ ĐĂK RUÔNG", { "1.1.2": 0, "1.2": 0.5, "1.3.1": 0, "1.3.2": 0.25, "1.4": 0, "1.5": 0, "2.4": 1 }],
];
const grids = () => UNITS.map(([sheet, unit, appraised]) => unitScoringGrid(sheet, unit, 2023, appraised));

function cellAt(plan: SheetPlan, row: number, col: number): PlanCell | undefined {
  return plan.cells.find((c) => c.row === row && c.col === col);
}

function rowOf(plan: SheetPlan, col: number, value: string, from = 0): number {
  const cell = plan.cells.find((c) => c.col === col && c.value === value && c.row >= from);
  if (!cell) throw new Error(`no "${value}" in column ${col}`);
  return cell.row;
}

describe("when the sheet is written", () => {
  test("not for the seed's single district sheet: its summary's sheets are unchanged", () => {
    const analysis = analyzeWorkbook([districtGrid(), communesGrid()]);
    expect(buildAppraisalPlan(analysis, { date: DATE })).toBeNull();
    expect(buildReportPlans(analysis, { date: DATE }).map((p) => p.name)).toEqual(["Tổng hợp trách nhiệm", "Xếp hạng"]);
  });

  test("after the other sheets where units' sheets carry both scores", () => {
    const plans = buildReportPlans(analyzeWorkbook(grids()), { date: DATE });
    expect(plans.map((p) => [p.name, p.marker]).at(-1)).toEqual(["Kết quả thẩm định", "CCHC_GEN_APPRAISAL"]);
  });
});

describe("Kết quả thẩm định of three units", () => {
  const analysis = analyzeWorkbook(grids());
  const across = workbookAppraisal(analysis.sheets)!;
  const plan = buildAppraisalPlan(analysis, { date: DATE })!;
  const header = rowOf(plan, 0, "STT");

  test("titled, dated, printable on A4 with the units table's header on every page", () => {
    expect(cellAt(plan, 0, 0)!.value).toBe("KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC ĐƠN VỊ");
    expect(cellAt(plan, 1, 0)!.value).toBe("3 đơn vị · Ngày lập: 15/01/2024");
    expect(plan.print).toEqual({ paper: "A4", orientation: "portrait", fitToWidth: true, repeatRows: { first: header, last: header } });
    expect(plan.freeze).toEqual({ rows: header + 1, cols: 0 });
    expect([0, 1, 2, 3, 4, 5].map((c) => cellAt(plan, header, c)!.value)).toEqual(["STT", "Đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm bị cắt", "Số tiêu chí bị cắt"]);
  });

  test("one row per unit: self, appraised, cut = self − appraised as a formula over the row", () => {
    across.units.forEach((u, i) => {
      const r = header + 1 + i;
      expect(cellAt(plan, r, 1)!.value).toBe(u.unit);
      expect([cellAt(plan, r, 2)!.value, cellAt(plan, r, 3)!.value]).toEqual([u.self, u.appraised]);
      const cut = cellAt(plan, r, 4)!;
      expect(cut.formula).toBe(`=ROUND(C${r + 1}-D${r + 1},2)`);
      expect(evaluatePlanFormula(plan, cut)).toBeCloseTo(u.cut, 9);
      expect(cut.result).toBeCloseTo(u.cut, 9);
      expect(cellAt(plan, r, 5)!.value).toBe(u.cuts.cuts.length);
    });
    const total = header + 1 + across.units.length;
    expect(cellAt(plan, total, 1)!.value).toBe("Tổng cộng");
    expect(cellAt(plan, total, 4)!.formula).toBe(`=SUM(E${header + 2}:E${total})`);
    expect(evaluatePlanFormula(plan, cellAt(plan, total, 4)!)).toBeCloseTo(across.units.reduce((s, u) => s + u.cut, 0), 9);
  });

  test(`one section per criterion cut most, at most ${TOP_CRITERIA}, each listing its units and their sum`, () => {
    expect(across.byCriterion.length).toBeGreaterThan(TOP_CRITERIA);
    const headings = plan.cells.filter((c) => c.col === 0 && typeof c.value === "string" && /^\d+(\.\d+)+ .*: bị cắt ở \d+ đơn vị/.test(c.value));
    expect(headings.map((h) => String(h.value).split(" ")[0])).toEqual(across.byCriterion.slice(0, TOP_CRITERIA).map((c) => c.code));
    expect(plan.cells.some((c) => c.value === `2. Các tiêu chí bị cắt điểm nhiều nhất (${TOP_CRITERIA}/${across.byCriterion.length} tiêu chí bị cắt)`)).toBe(true);
    headings.forEach((h, i) => {
      const c = across.byCriterion[i];
      expect(h.value).toContain(`${c.name} (tối đa `);
      const first = h.row + 2;
      c.unitsCut.forEach((u, j) => {
        expect(cellAt(plan, first + j, 1)!.value).toBe(u.unit);
        expect(evaluatePlanFormula(plan, cellAt(plan, first + j, 4)!)).toBeCloseTo(u.cut, 9);
        expect(cellAt(plan, first + j, 5)!.value).toBe(u.note ?? "");
      });
      const sum = cellAt(plan, first + c.unitsCut.length, 4)!;
      expect(sum.formula).toBe(`=SUM(E${first + 1}:E${first + c.unitsCut.length})`);
      expect(evaluatePlanFormula(plan, sum)).toBeCloseTo(c.totalCut, 9);
    });
  });

  test("every formula's result is what the formula computes", () => {
    const formulas = plan.cells.filter((c) => c.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(20);
    for (const c of formulas) expect(evaluatePlanFormula(plan, c)).toBeCloseTo(c.result as number, 9);
  });
});
