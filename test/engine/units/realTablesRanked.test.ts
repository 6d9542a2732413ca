// Issue 17 end to end, through detection alone (no column map): the tables provinces and the
// Ministry publish are read, their typed ranks are the ranks of an extract, and last year's
// figures under a year group give the published changes (Kon Tum: 55 → 43, "tăng 12 bậc").
import { analyzeSheet } from "../../../src/engine";
import type { Grid, RankingEntry, UnitsSheet } from "../../../src/engine/core/types";
import { changeText } from "../../../src/engine/core/viText";
import { PROVINCES, nationalExtractGrid, oneRowUnitsGrid, yearGroupsGrid, yearGroupsUnmergedGrid } from "../../fixtures/realTables";

function units(grid: Grid): UnitsSheet {
  const sheet = analyzeSheet(grid);
  if (sheet.kind !== "units") throw new Error(`${grid.name}: ${sheet.kind === "other" ? sheet.reason : sheet.kind}`);
  return sheet;
}
const entry = (sheet: UnitsSheet, unit: string): RankingEntry => sheet.ranking.find((e) => e.unit === unit)!;

describe("a national extract with ranks typed 43/63", () => {
  const sheet = units(nationalExtractGrid());
  test("is read as an extract whose typed ranks are the ranks", () => {
    expect(sheet.extract).toBe(true);
    expect(sheet.ranking.map((e) => [e.unit, e.index, e.rank, e.rankOf])).toEqual(PROVINCES.map((p) => [p.name, p.index2023, p.rank2023, 63]));
    expect(sheet.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe.each([
  ["merged, last year first", () => yearGroupsGrid("oldFirst")],
  ["merged, this year first", () => yearGroupsGrid("newFirst")],
  ["not merged, years typed as numbers", () => yearGroupsUnmergedGrid()],
])("two years under year groups (%s)", (_how, make) => {
  const sheet = units(make());
  test("this year's index and rank, last year's as previous, changes from the typed ranks", () => {
    for (const p of PROVINCES) {
      const e = entry(sheet, p.name);
      expect([e.index, e.rank, e.previous]).toEqual([p.index2023, p.rank2023, { index: p.index2022, rank: p.rank2022 }]);
      expect(e.change!.rank).toBe(p.rank2022 - p.rank2023);
    }
    expect(changeText(entry(sheet, "Kon Tum").change)).toBe("tăng 4,79 điểm; tăng 12 bậc");
  });
});

describe("a one-row extract", () => {
  const header = ["Tỉnh, thành phố", "Chỉ số năm 2022", "Xếp hạng năm 2022", "Chỉ số (%)", "Xếp hạng"];
  test("with its typed rank gives the published change, not one computed inside the row", () => {
    const e = units(oneRowUnitsGrid(header, "Kon Tum", [81.35, 55, 86.14, "43/63"])).ranking[0];
    expect([e.rank, e.rankOf, e.change!.rank]).toEqual([43, 63, 12]);
  });
  test("without a typed rank invents no rank and no rank change", () => {
    const e = units(oneRowUnitsGrid(header, "Kon Tum", [81.35, 55, 86.14, null])).ranking[0];
    expect([e.rank, e.change!.rank]).toEqual([null, null]);
    expect(e.change!.index).toBeCloseTo(4.79, 9);
  });
});
