// Issue 19 §2, one unit: what the appraisal council cut on the seed district's sheet, per leaf
// and per area, and the warning where appraised points stand above the self-assessment.
import { analyzeSheet, type CellValue, type Grid, type ScoringSheet } from "../../../src/engine";
import { appraisalCuts } from "../../../src/engine/scoring/appraisalCuts";
import { DISTRICT_CRITERIA, districtGrid, seedSum } from "../../fixtures/seed";

function scoring(grid: Grid): ScoringSheet {
  const result = analyzeSheet(grid);
  if (result.kind !== "scoring") throw new Error(`not a scoring sheet: ${JSON.stringify(result)}`);
  return result;
}

const leaves = DISTRICT_CRITERIA.filter((c) => !DISTRICT_CRITERIA.some((d) => d.code.startsWith(c.code + ".")));
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The grid's row holding a criterion code. */
function rowOf(grid: Grid, code: string): CellValue[] {
  const row = grid.values.find((r) => r[0] === code);
  if (!row) throw new Error(`no row ${code}`);
  return row;
}

describe("the seed district's cuts", () => {
  const sheet = scoring(districtGrid());
  const result = appraisalCuts(sheet)!;
  // From the fixture itself: the leaves whose appraised points are below the self-assessed ones.
  const expected = leaves.filter((c) => (c.appraised ?? c.max) < (c.self ?? c.max));

  test("lists every leaf appraised below self, in row order, with points and the council's note", () => {
    expect(expected.length).toBeGreaterThan(2);
    expect(result.cuts.map((c) => c.code)).toEqual(expected.map((c) => c.code));
    for (const [i, c] of result.cuts.entries()) {
      const seed = expected[i];
      expect(c).toMatchObject({ name: seed.name, max: seed.max, self: seed.self, appraised: seed.appraised, note: seed.cause ?? null });
      expect(c.cut).toBe(round2(seed.self! - seed.appraised!));
      expect(c.cut).toBeGreaterThan(0);
    }
  });

  test("the cuts add up to the self-assessed total less the appraised total", () => {
    const difference = round2(seedSum("", "self") - seedSum("", "appraised"));
    expect(difference).toBeGreaterThan(0);
    expect(result.total).toBe(difference);
    expect(round2(sheet.totals.self!.achieved - sheet.totals.appraised!.achieved)).toBe(difference);
  });

  test("totals each area's cuts, every area listed", () => {
    expect(result.byArea.map((a) => a.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    for (const a of result.byArea) {
      expect(a).toMatchObject({ self: seedSum(a.code, "self"), appraised: seedSum(a.code, "appraised") });
      expect(a.cut).toBe(round2(seedSum(a.code, "self") - seedSum(a.code, "appraised")));
    }
    expect(result.byArea.filter((a) => a.cut > 0).length).toBeGreaterThan(1);
  });

  test("the seed has no leaf appraised above self: no new finding", () => {
    expect(leaves.some((c) => (c.appraised ?? c.max) > (c.self ?? c.max))).toBe(false);
    expect(sheet.findings.filter((f) => f.rule === "appraised-above-self")).toEqual([]);
  });
});

describe("what is and is not a cut", () => {
  test("a sheet without appraised points, or without self-assessed points, has no appraisal", () => {
    const noAppraised = districtGrid();
    for (const row of noAppraised.values) row.splice(4, 1);
    expect(appraisalCuts(scoring(noAppraised))).toBeNull();
    const noSelf = districtGrid();
    for (const row of noSelf.values) row.splice(3, 1);
    expect(appraisalCuts(scoring(noSelf))).toBeNull();
  });

  test("a blank appraised cell counts as 0, as the totals count it; KPS on either side is no cut", () => {
    const grid = districtGrid({ blankParents: true });
    rowOf(grid, "2.4")[4] = null; // self 2, appraised blank
    rowOf(grid, "4.2")[3] = "KPS"; // self KPS, appraised 3
    rowOf(grid, "4.2")[4] = 1;
    rowOf(grid, "6.4")[4] = "KPS";
    const sheet = scoring(grid);
    const result = appraisalCuts(sheet)!;
    const codes = result.cuts.map((c) => c.code);
    expect(result.cuts.find((c) => c.code === "2.4")).toMatchObject({ self: 2, appraised: 0, cut: 2 });
    expect(codes).not.toContain("4.2");
    expect(codes).not.toContain("6.4");
    expect(result.byArea.find((a) => a.code === "2")!.cut).toBe(2);
  });
});

describe("appraised above self-assessed", () => {
  test("is a warning at the appraised cell, the only finding added, and not a cut", () => {
    const base = districtGrid({ blankParents: true });
    const raised = districtGrid({ blankParents: true });
    rowOf(raised, "2.3")[3] = 1.5; // self 1.5, appraised 2 (max 2)
    const before = scoring(base).findings;
    const sheet = scoring(raised);
    const row = raised.values.indexOf(rowOf(raised, "2.3"));
    const added = sheet.findings.filter((f) => !before.some((b) => b.rule === f.rule && b.cell === f.cell));
    expect(added.map((f) => [f.rule, f.severity, f.cell])).toEqual([["appraised-above-self", "warning", `E${row + 1}`]]);
    expect(added[0].message).toBe("Điểm thẩm định của 2.3 (2) cao hơn điểm tự đánh giá (1,5): hãy kiểm tra lại.");
    expect(sheet.findings).toHaveLength(before.length + 1);
    expect(appraisalCuts(sheet)!.cuts.map((c) => c.code)).not.toContain("2.3");
  });

  test("is not repeated where the appraised points are already over the maximum", () => {
    const grid = districtGrid({ blankParents: true });
    rowOf(grid, "2.3")[4] = 3; // max 2, self 2
    const rules = scoring(grid).findings.filter((f) => f.rule === "over-max" || f.rule === "appraised-above-self").map((f) => f.rule);
    expect(rules).toEqual(["over-max"]);
  });
});
