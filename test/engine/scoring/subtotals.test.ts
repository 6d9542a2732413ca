import { analyzeSheet, planSubtotalFormulas, subtotalByCode, type ScoringSheet } from "../../../src/engine";
import { districtGrid, DISTRICT_CRITERIA } from "../../fixtures/seed";

describe("CCHC.SUBTOTAL's arithmetic", () => {
  const grid = districtGrid();
  const codes = grid.values.map((r) => r[0]);
  const appraised = grid.values.map((r) => r[4]);

  test("an area sums its leaves, ignoring its own typed sub-totals", () => {
    expect(subtotalByCode(codes, appraised, "6")).toBe(11.09);
    expect(subtotalByCode(codes, appraised, "7")).toBe(13.23);
    expect(subtotalByCode(codes, appraised, "1.6")).toBe(5.89);
  });

  test("a leaf is itself; an unknown code is null; blanks and KPS are skipped", () => {
    expect(subtotalByCode(codes, appraised, "5.6")).toBe(1);
    expect(subtotalByCode(codes, appraised, "9")).toBeNull();
    expect(subtotalByCode(["1", "1.1", "1.2", "1.3"], [null, "KPS", 2, null], "1")).toBe(2);
    expect(subtotalByCode([1, 1.1, 1.2], [9, "0,5", 0.25], "1")).toBe(0.75);
  });
});

describe("sub-total formulas offered by Tính điểm", () => {
  const grid = districtGrid({ blankParents: true });
  const sheet = analyzeSheet(grid) as ScoringSheet;
  const formulas = planSubtotalFormulas(sheet, grid);
  const rowOf = (code: string) => grid.values.findIndex((r) => r[0] === code) + 1;

  test("every parent and the total row get a SUM of their children's cells", () => {
    const parents = DISTRICT_CRITERIA.filter((c) => DISTRICT_CRITERIA.some((o) => o.code.startsWith(c.code + "."))).length;
    expect(formulas).toHaveLength((parents + 1) * 3);
    const area6 = formulas.find((f) => f.address === `E${rowOf("6")}`)!;
    expect(area6.formula).toBe(`=SUM(E${rowOf("6.1")},E${rowOf("6.2")},E${rowOf("6.3")},E${rowOf("6.4")})`);
    const c16 = formulas.find((f) => f.address === `C${rowOf("1.6")}`)!;
    expect(c16.formula).toBe(`=SUM(C${rowOf("1.6.1")}:C${rowOf("1.6.2")})`);
    const total = formulas.find((f) => f.address === `E${grid.values.length}`)!;
    expect(total.formula).toBe(`=SUM(${["1", "2", "3", "4", "5", "6", "7", "8"].map((a) => `E${rowOf(a)}`).join(",")})`);
  });

  test("tells which cells already hold something", () => {
    const empty = formulas.filter((f) => f.existing === null || f.existing === "");
    const filled = formulas.filter((f) => !(f.existing === null || f.existing === ""));
    // blankParents leaves the points blank but the maxima typed.
    expect(filled.every((f) => f.address.startsWith("C"))).toBe(true);
    expect(empty.every((f) => /^[DE]/.test(f.address))).toBe(true);
  });
});
