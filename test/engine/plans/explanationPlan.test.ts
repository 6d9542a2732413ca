// Issue 19 §4 (first part): "Yêu cầu giải trình" for one unit's scoring sheet.
import { analyzeSheet, type Grid, type PlanCell, type ScoringSheet, type SheetPlan } from "../../../src/engine";
import { buildExplanationPlan, EXPLANATION_HEADERS } from "../../../src/engine/plans/explanationPlan";
import { DISTRICT_CRITERIA, districtGrid, seedSum } from "../../fixtures/seed";
import { evaluatePlanFormula } from "../../support/planFormulas";

const DATE = new Date(2024, 0, 15);
const leaves = DISTRICT_CRITERIA.filter((c) => !DISTRICT_CRITERIA.some((d) => d.code.startsWith(c.code + ".")));
const round2 = (x: number) => Math.round(x * 100) / 100;

function scoring(grid: Grid): ScoringSheet {
  const result = analyzeSheet(grid);
  if (result.kind !== "scoring") throw new Error(`not a scoring sheet: ${JSON.stringify(result)}`);
  return result;
}

function cellAt(plan: SheetPlan, row: number, col: number): PlanCell | undefined {
  return plan.cells.find((c) => c.row === row && c.col === col);
}

describe("the seed district's request for explanation", () => {
  const plan = buildExplanationPlan(scoring(districtGrid()), { date: DATE })!;
  const header = plan.cells.find((c) => c.col === 0 && c.value === "STT")!.row;
  const expected = leaves.filter((c) => (c.appraised ?? c.max) < (c.self ?? c.max));

  test("titled with the unit and the date, printable on A4 landscape with its header on every page", () => {
    expect(plan.name).toBe("Yêu cầu giải trình");
    expect(plan.marker).toBe("CCHC_GEN_EXPLANATION");
    expect(cellAt(plan, 0, 0)!.value).toBe("YÊU CẦU GIẢI TRÌNH KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH");
    expect(cellAt(plan, 1, 0)!.value).toBe("Đơn vị: ỦY BAN NHÂN DÂN HUYỆN KON RẪY");
    expect(cellAt(plan, 2, 0)!.value).toBe("Bảng điểm: Huyện Kon Rẫy · Ngày lập: 15/01/2024");
    expect(plan.print).toEqual({ paper: "A4", orientation: "landscape", fitToWidth: true, repeatRows: { first: header, last: header } });
    expect(plan.freeze).toEqual({ rows: header + 1, cols: 0 });
    expect(EXPLANATION_HEADERS.map((_, c) => cellAt(plan, header, c)!.value)).toEqual([...EXPLANATION_HEADERS]);
    expect(EXPLANATION_HEADERS.slice(-2)).toEqual(["Giải trình của đơn vị", "Tài liệu bổ sung"]);
  });

  test("one row per cut criterion: code, name, maximum, self, appraised, cut, the council's note", () => {
    expected.forEach((seed, i) => {
      const r = header + 1 + i;
      const row = [0, 1, 2, 3, 4, 5, 7].map((c) => cellAt(plan, r, c)!.value);
      expect(row).toEqual([i + 1, seed.code, seed.name, seed.max, seed.self, seed.appraised, seed.cause ?? ""]);
      const cut = cellAt(plan, r, 6)!;
      expect(cut.formula).toBe(`=ROUND(E${r + 1}-F${r + 1},2)`);
      expect(evaluatePlanFormula(plan, cut)).toBeCloseTo(round2(seed.self! - seed.appraised!), 9);
    });
  });

  test("the unit's two columns are empty, wrapped, wide and bordered", () => {
    for (let r = header + 1; r <= header + expected.length; r++) {
      for (const c of [8, 9]) expect(cellAt(plan, r, c)).toMatchObject({ value: "", style: { wrap: true, border: true } });
    }
    expect(plan.columnWidths[8]).toBeGreaterThanOrEqual(30);
    expect(plan.columnWidths[9]).toBeGreaterThanOrEqual(30);
  });

  test("the cuts total self less appraised, as a SUM", () => {
    const total = header + 1 + expected.length;
    expect(cellAt(plan, total, 2)!.value).toBe(`Tổng cộng (${expected.length} tiêu chí)`);
    const sum = cellAt(plan, total, 6)!;
    expect(sum.formula).toBe(`=SUM(G${header + 2}:G${total})`);
    expect(evaluatePlanFormula(plan, sum)).toBeCloseTo(round2(seedSum("", "self") - seedSum("", "appraised")), 9);
    for (const c of plan.cells.filter((x) => x.formula !== undefined)) expect(evaluatePlanFormula(plan, c)).toBeCloseTo(c.result as number, 9);
  });

  test("the unit name given by the caller wins", () => {
    const named = buildExplanationPlan(scoring(districtGrid()), { date: DATE, unit: "UBND xã Đăk Kôi" })!;
    expect(cellAt(named, 1, 0)!.value).toBe("Đơn vị: UBND xã Đăk Kôi");
  });
});

describe("sheets with nothing to explain", () => {
  test("no appraised points: no request", () => {
    const grid = districtGrid();
    for (const row of grid.values) row.splice(4, 1);
    expect(buildExplanationPlan(scoring(grid), { date: DATE })).toBeNull();
  });

  test("appraised as self-assessed: a request saying nothing was cut, without formulas", () => {
    const grid = districtGrid({ blankParents: true });
    for (const row of grid.values) if (typeof row[3] === "number") row[4] = row[3];
    const plan = buildExplanationPlan(scoring(grid), { date: DATE })!;
    expect(plan.cells.some((c) => c.value === "Hội đồng thẩm định không cắt điểm tiêu chí nào: không có nội dung cần giải trình.")).toBe(true);
    expect(plan.cells.filter((c) => c.formula !== undefined)).toEqual([]);
  });
});
