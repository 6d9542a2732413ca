// Issue 19 §2, across units: each unit's totals and the criteria the appraisal cut most often.
import { analyzeWorkbook, type ScoringSheet } from "../../../src/engine";
import { appraisalAcross, workbookAppraisal } from "../../../src/engine/compare/appraisalAcross";
import { DISTRICT_CRITERIA, districtGrid, seedSum } from "../../fixtures/seed";
import { unitScoringGrid } from "../../fixtures/units";

const UNITS: Array<{ sheet: string; unit: string; appraised: Record<string, number> }> = [
  { sheet: "Đăk Kôi", unit: "UBND XÃ ĐĂK KÔI", appraised: { "1.1.1": 0.5 } },
  { sheet: "Tân Lập", unit: "UBND XÃ TÂN LẬP", appraised: { "1.1.1": 0, "2.3": 1 } },
  { sheet: "Đăk Ruông", unit: "UBND XÃ ĐĂK RUÔNG", appraised: { "3.3.4": 2, "8.1": 2.5 } },
];

const leaves = DISTRICT_CRITERIA.filter((c) => !DISTRICT_CRITERIA.some((d) => d.code.startsWith(c.code + ".")));
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Each unit's cuts straight from the fixture: self (seed) against appraised (seed, then the unit's own). */
function cutsOf(u: (typeof UNITS)[number]): Array<{ code: string; cut: number }> {
  return leaves
    .map((c) => ({ code: c.code, cut: round2((c.self ?? c.max) - (u.appraised[c.code] ?? c.appraised ?? c.max)) }))
    .filter((c) => c.cut > 0);
}

function scoringSheets(analysis: ReturnType<typeof analyzeWorkbook>): ScoringSheet[] {
  return analysis.sheets.filter((s): s is ScoringSheet => s.kind === "scoring");
}

describe("a workbook of three units' sheets", () => {
  const analysis = analyzeWorkbook(UNITS.map((u) => unitScoringGrid(u.sheet, u.unit, 2023, u.appraised)));
  const result = workbookAppraisal(analysis.sheets)!;

  test("one entry per unit with its totals, its cut the sum of its cuts", () => {
    expect(result.units.map((u) => [u.unit, u.sheet])).toEqual(UNITS.map((u) => [u.unit, u.sheet]));
    for (const [i, u] of result.units.entries()) {
      const expected = cutsOf(UNITS[i]);
      expect(u.self).toBe(seedSum("", "self"));
      expect(u.cut).toBe(round2(expected.reduce((s, c) => s + c.cut, 0)));
      expect(round2(u.self - u.appraised)).toBe(u.cut);
      expect(u.cuts.cuts.map((c) => c.code)).toEqual(expected.map((c) => c.code));
    }
  });

  test("byCriterion: every criterion cut, most units first, then most points, then by code", () => {
    const expected = new Map<string, Array<{ unit: string; cut: number }>>();
    UNITS.forEach((u) => {
      for (const c of cutsOf(u)) expected.set(c.code, [...(expected.get(c.code) ?? []), { unit: u.unit, cut: c.cut }]);
    });
    expect(result.byCriterion.map((c) => c.code).sort()).toEqual([...expected.keys()].sort());
    for (const c of result.byCriterion) {
      const own = expected.get(c.code)!;
      expect(c.units).toBe(own.length);
      expect(c.totalCut).toBe(round2(own.reduce((s, x) => s + x.cut, 0)));
      expect(c.unitsCut.map((x) => ({ unit: x.unit, cut: x.cut })).sort((a, b) => a.unit.localeCompare(b.unit))).toEqual(
        [...own].sort((a, b) => a.unit.localeCompare(b.unit)),
      );
      expect(c.name).toBe(DISTRICT_CRITERIA.find((d) => d.code === c.code)!.name);
    }
    for (let i = 1; i < result.byCriterion.length; i++) {
      const [a, b] = [result.byCriterion[i - 1], result.byCriterion[i]];
      expect(a.units > b.units || (a.units === b.units && a.totalCut >= b.totalCut)).toBe(true);
    }
    // 3.3.4 is cut on two units only: Đăk Ruông's appraised points equal its self-assessment.
    expect(result.byCriterion.find((c) => c.code === "3.3.4")!.units).toBe(2);
    expect(result.byCriterion[0].units).toBe(3);
    expect(result.byCriterion.at(-1)!.units).toBe(1);
  });

  test("within a criterion, the unit cut most comes first", () => {
    const c = result.byCriterion.find((x) => x.code === "1.1.1")!;
    expect(c.unitsCut.map((u) => [u.unit, u.cut, u.self, u.appraised])).toEqual([
      ["UBND XÃ TÂN LẬP", 1, 1, 0],
      ["UBND XÃ ĐĂK KÔI", 0.5, 1, 0.5],
    ]);
  });
});

describe("which sheets take part", () => {
  test("fewer than two units' sheets with both scores: no appraisal across units", () => {
    expect(workbookAppraisal(analyzeWorkbook([districtGrid()]).sheets)).toBeNull();
    const selfOnly = unitScoringGrid("Tân Lập", "UBND XÃ TÂN LẬP", 2023, {});
    for (const row of selfOnly.values) row.splice(4, 1);
    expect(workbookAppraisal(analyzeWorkbook([unitScoringGrid("Đăk Kôi", "UBND XÃ ĐĂK KÔI", 2023, {}), selfOnly]).sheets)).toBeNull();
  });

  test("last year's sheet of the same unit is no other unit", () => {
    const grids = [
      unitScoringGrid("Đăk Kôi", "UBND XÃ ĐĂK KÔI", 2023, {}),
      unitScoringGrid("Đăk Kôi 2022", "UBND XÃ ĐĂK KÔI", 2022, { "2.3": 0 }),
      unitScoringGrid("Tân Lập", "UBND XÃ TÂN LẬP", 2023, {}),
    ];
    const result = workbookAppraisal(analyzeWorkbook(grids).sheets)!;
    expect(result.units.map((u) => u.sheet)).toEqual(["Đăk Kôi", "Tân Lập"]);
    expect(result.byCriterion.map((c) => c.code)).not.toContain("2.3");
  });

  test("sheets from several files, labelled by the caller; a sheet without appraised points left out", () => {
    const a = scoringSheets(analyzeWorkbook([unitScoringGrid("Sheet1", "UBND XÃ A", 2023, { "2.3": 0 })]));
    const b = scoringSheets(analyzeWorkbook([unitScoringGrid("Sheet1", "UBND XÃ B", 2023, { "2.3": 1.5 })]));
    const selfOnly = districtGrid({}, "Sheet1");
    for (const row of selfOnly.values) row.splice(4, 1);
    const c = scoringSheets(analyzeWorkbook([selfOnly]));
    const result = appraisalAcross([...a, ...b, ...c], ["a.xlsx", "b.xlsx", "c.xlsx"]);
    expect(result.units.map((u) => u.unit)).toEqual(["a.xlsx", "b.xlsx"]);
    expect(result.byCriterion.find((x) => x.code === "2.3")).toMatchObject({ units: 2, totalCut: 2.5 });
  });
});
