// The seven communes' table from the seed: index, grade, rank.
import { analyzeSheet, excelRound, type UnitsSheet } from "../../../src/engine";
import { COMMUNES, communesGrid } from "../../fixtures/seed";

function units(): UnitsSheet {
  const result = analyzeSheet(communesGrid());
  if (result.kind !== "units") throw new Error(`not read as a units table: ${JSON.stringify(result)}`);
  return result;
}

describe("the communes' table", () => {
  const table = units();

  test("is told apart from a scoring sheet by its unit column, result columns left empty", () => {
    expect(table.header.row).toBe(1);
    expect(table.header.columns).toMatchObject({ unit: 1, self: 2, appraised: 3, max: 4, index: 5, grade: 6, rank: 7 });
    expect(table.rows.map((r) => r.unit)).toEqual(COMMUNES.map((c) => c.unit));
    expect(table.findings).toEqual([]);
  });

  test("indices at 2 decimals match the report's, with Đăk Pnê computed from its printed figures", () => {
    const expected = COMMUNES.map((c) => (c.unit.endsWith("Đăk Pnê") ? 92.31 : c.printedIndex));
    expect(table.ranking.map((r) => excelRound(r.index, 2))).toEqual(expected);
    // 87.23 / 94.5 × 100 = 92.30687…: the report printed 92.30 from an unrounded appraisal.
    expect(excelRound(table.ranking[0].index, 4)).toBe(92.3069);
  });

  test("grades and order are the report's", () => {
    expect(table.ranking.map((r) => r.grade)).toEqual(COMMUNES.map((c) => c.grade));
    expect(table.ranking.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const tanLap = table.ranking.find((r) => r.unit === "UBND xã Tân Lập")!;
    expect(excelRound(tanLap.index, 3)).toBe(90.408);
  });

  test("equal indices share a rank (1, 2, 2, 4)", () => {
    const grid = communesGrid();
    grid.values[3][3] = 87.23; // Đăk Tô Lung now 87.23 / 95.5
    grid.values[4][3] = 87.23; // Đăk Kôi the same
    const table2 = analyzeSheet(grid) as UnitsSheet;
    expect(table2.ranking.slice(0, 4).map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });

  test("a score above the maximum and a text score are findings at their cells", () => {
    const grid = communesGrid();
    grid.values[2][3] = 99; // Đăk Pnê appraised above 94.5
    grid.values[3][3] = "tám mươi";
    const table2 = analyzeSheet(grid) as UnitsSheet;
    expect(table2.findings.map((f) => [f.rule, f.cell])).toEqual([
      ["over-max", "D3"],
      ["not-a-number", "D4"],
    ]);
  });
});
