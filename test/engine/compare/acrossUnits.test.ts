// Issue 10 §3–4 for scoring sheets: each sheet's unit and year from its title rows, the
// comparison with last year's sheet of the same unit, and the analysis across units.
import { analyzeWorkbook, compareWithPrevious, excelRound, type ScoringSheet } from "../../../src/engine";
import { LOST_CODES, districtGrid } from "../../fixtures/seed";
import { unitScoringGrid } from "../../fixtures/units";
import { bigGrid } from "../../cli/helpers/layouts";

function scoring(analysis: ReturnType<typeof analyzeWorkbook>, i: number): ScoringSheet {
  const s = analysis.sheets[i];
  if (s.kind !== "scoring") throw new Error(`sheet ${i} is ${s.kind}`);
  return s;
}

describe("a scoring sheet's unit and year", () => {
  test("the lowest line of the heading: 'UBND XÃ ĐĂK KÔI' under 'UBND HUYỆN KON RẪY'", () => {
    const s = scoring(analyzeWorkbook([unitScoringGrid("Xã 1", "UBND XÃ ĐĂK KÔI", 2023, {})]), 0);
    expect([s.unit, s.year]).toEqual(["UBND XÃ ĐĂK KÔI", 2023]);
  });

  test("a department named alone; 'Số liệu …' is not 'Sở …'", () => {
    const grid = districtGrid({}, "Tư pháp");
    grid.values[0][0] = "Sở Tư pháp";
    grid.values[2][0] = "Số liệu tính đến ngày 31/12/2023";
    const s = scoring(analyzeWorkbook([grid]), 0);
    expect([s.unit, s.year]).toEqual(["Sở Tư pháp", 2023]);
  });

  test("no title rows: the sheet name, no year", () => {
    const s = scoring(analyzeWorkbook([districtGrid({ titleRows: 0 }, "Xã Tân Lập")]), 0);
    expect([s.unit, s.year]).toEqual(["Xã Tân Lập", null]);
  });
});

describe("compareWithPrevious", () => {
  // Last year: 1.6.1 full, 2.3 lost 1 of its 2 points: 89,21 + 0,11 − 1 = 88,32.
  function lastYear(name: string, titled = true) {
    const grid = districtGrid({ blankParents: true, titleRows: titled ? 3 : 0 }, name);
    if (titled) grid.values[1][0] = "BẢNG ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2022";
    for (const row of grid.values) {
      if (row[0] === "1.6.1") row[4] = 4;
      if (row[0] === "2.3") row[4] = 1;
    }
    return grid;
  }
  const current = analyzeWorkbook([districtGrid()]);

  test.each([
    ["by unit name, sheets named differently", [lastYear("Năm 2022")]],
    ["as the only scoring sheet when nothing names the unit", [lastYear("Bảng cũ", false)]],
  ])("matches last year's sheet %s and compares totals, areas, lost sub-criteria", (_how, grids) => {
    const { analysis, messages } = compareWithPrevious(current, analyzeWorkbook(grids), "2022.xlsx");
    expect(messages).toEqual([]);
    const c = scoring(analysis, 0).comparison!;
    expect(c.previous).toMatchObject({ file: "2022.xlsx", sheet: grids[0].name, achieved: 88.32, max: 97, grade: "Xuất sắc" });
    expect(c.change.achieved).toBe(0.89);
    expect(c.change.index).toBe(0.918);
    expect(c.areas.slice(0, 2)).toEqual([
      { code: "1", name: expect.any(String), current: 12.89, previous: 13, change: -0.11 },
      { code: "2", name: expect.any(String), current: 10, previous: 9, change: 1 },
    ]);
    expect(c.newlyLost).toEqual(["1.6.1"]);
    expect(c.recovered).toEqual(["2.3"]);
    // The input is left as it was.
    expect(scoring(current, 0).comparison).toBeNull();
  });

  test("no matching sheet, no scoring sheet at all: Vietnamese messages naming the file", () => {
    const two = analyzeWorkbook([districtGrid({ titleRows: 0 }, "Xã A"), districtGrid({ titleRows: 0 }, "Xã B")]);
    const none = compareWithPrevious(current, two, "2022.xlsx");
    expect(none.messages[0]).toContain('Sheet "Huyện Kon Rẫy"');
    expect(none.messages[0]).toContain("2022.xlsx");
    expect(scoring(none.analysis, 0).comparison).toBeNull();
    const empty = compareWithPrevious(current, { sheets: [] }, "trong.xlsx");
    expect(empty.messages).toEqual(["Không có bảng chấm điểm nào trong tệp năm trước trong.xlsx để so sánh với năm trước."]);
  });
});

describe("analysis across units", () => {
  // Three communes laid out two ways (the third without diacritics, points as text with a comma).
  const rve = districtGrid({ blankParents: true, plainHeaders: true, commaText: true }, "TT Đăk Rve");
  rve.values[1][0] = "Ủy ban nhân dân thị trấn Đăk Rve";
  const grids = [
    unitScoringGrid("Đăk Kôi", "UBND XÃ ĐĂK KÔI", 2023, { "1.1.1": 0.5 }),
    unitScoringGrid("Tân Lập", "UBND XÃ TÂN LẬP", 2023, { "1.1.1": 0, "2.3": 1 }),
    rve,
  ];
  const across = analyzeWorkbook(grids).acrossUnits!;

  test("names the units from their titles", () => {
    expect(across.units).toEqual(["UBND XÃ ĐĂK KÔI", "UBND XÃ TÂN LẬP", "Ủy ban nhân dân thị trấn Đăk Rve"]);
    expect(across.sheets).toEqual(["Đăk Kôi", "Tân Lập", "TT Đăk Rve"]);
  });

  test("sub-criteria by units losing, then points lost", () => {
    expect(across.criteria.map((c) => [c.code, c.unitsLosing, c.lostTotal])).toEqual([
      ["5.6", 3, 6],
      ["3.3.4", 3, 3],
      ["3.4.1", 3, 3],
      ["5.1.1", 3, 3],
      ["6.3.1", 3, 3],
      ["6.1.1", 3, 2.73],
      ["7.3.2", 3, 1.35],
      ["7.3.3", 3, 0.72],
      ["1.6.1", 3, 0.33],
      ["7.1.2", 3, 0.24],
      ["1.1.1", 2, 1.5],
      ["2.3", 1, 1],
    ]);
    expect(new Set(across.criteria.map((c) => c.code))).toEqual(new Set([...LOST_CODES, "1.1.1", "2.3"]));
    expect(across.criteria[10].lostBy).toEqual([
      { unit: "UBND XÃ TÂN LẬP", achieved: 0, lost: 1 },
      { unit: "UBND XÃ ĐĂK KÔI", achieved: 0.5, lost: 0.5 },
    ]);
  });

  test("per area: each unit's points, component index and rank", () => {
    const area1 = across.areas[0];
    expect(area1).toMatchObject({ code: "1", max: 13 });
    expect(area1.units.map((u) => [u.achieved, excelRound(u.index!, 2), u.rank])).toEqual([
      [12.39, 95.31, 2],
      [11.89, 91.46, 3],
      [12.89, 99.15, 1],
    ]);
  });

  test("a ranking of the units on their totals", () => {
    expect(across.ranking.map((r) => [r.unit, r.appraised, r.rank])).toEqual([
      ["UBND XÃ ĐĂK KÔI", 88.71, 2],
      ["UBND XÃ TÂN LẬP", 87.21, 3],
      ["Ủy ban nhân dân thị trấn Đăk Rve", 89.21, 1],
    ]);
  });

  test("a sheet of another criteria set is named in a finding and left out", () => {
    const mixed = analyzeWorkbook([...grids, bigGrid(3, 4, "Bộ khác")]);
    expect(mixed.acrossUnits!.sheets).toEqual(["Đăk Kôi", "Tân Lập", "TT Đăk Rve"]);
    const other = mixed.sheets[3];
    expect(other.findings.map((f) => [f.rule, f.cell])).toContainEqual(["criteria-set-mismatch", "A2"]);
    expect(other.findings.find((f) => f.rule === "criteria-set-mismatch")!.message).toContain('"Đăk Kôi"');
  });

  test("absent with fewer than two scoring sheets", () => {
    expect(analyzeWorkbook([grids[0]]).acrossUnits).toBeNull();
  });
});

describe("the analysis across units counts each unit once, of this year", () => {
  test("last year's sheet of a unit kept in the workbook is no other unit", () => {
    const analysis = analyzeWorkbook([
      unitScoringGrid("Đăk Kôi 2022", "UBND XÃ ĐĂK KÔI", 2022, { "1.6.1": 4 }),
      unitScoringGrid("Đăk Kôi", "UBND XÃ ĐĂK KÔI", 2023, { "1.1.1": 0.5 }),
      unitScoringGrid("Tân Lập", "UBND XÃ TÂN LẬP", 2023, { "2.3": 1 }),
    ]);
    expect(analysis.acrossUnits?.units).toEqual(["UBND XÃ ĐĂK KÔI", "UBND XÃ TÂN LẬP"]);
    expect(analysis.acrossUnits?.sheets).toEqual(["Đăk Kôi", "Tân Lập"]);
  });

  test("two years of one unit alone give no analysis across units", () => {
    const analysis = analyzeWorkbook([
      unitScoringGrid("Năm 2022", "UBND XÃ ĐĂK KÔI", 2022, {}),
      unitScoringGrid("Năm 2023", "UBND XÃ ĐĂK KÔI", 2023, { "1.1.1": 0.5 }),
    ]);
    expect(analysis.acrossUnits ?? null).toBeNull();
  });
});
