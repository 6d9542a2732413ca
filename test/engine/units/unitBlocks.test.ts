// Issue 10 §1–3 in a units table: blocks, the two-part index, last year. Every feature is read
// from two layouts (block column vs block heading rows; maxima in headers vs maxima columns;
// "năm trước" headers vs headers naming last year).
import fc from "fast-check";
import { analyzeSheet, competitionRanks, excelRound, type CellValue, type UnitsSheet } from "../../../src/engine";
import { BLOCKS, BLOCK_UNITS, blockColumnGrid, blockHeadingGrid } from "../../fixtures/units";
import { communesGrid } from "../../fixtures/seed";

function units(values: CellValue[][], name = "Bảng"): UnitsSheet {
  const result = analyzeSheet({ name, values });
  if (result.kind !== "units") throw new Error(`not a units table: ${JSON.stringify(result)}`);
  return result;
}

describe.each([
  ["a block column, maxima in the headers", blockColumnGrid],
  ["block heading rows, maxima in columns", blockHeadingGrid],
])("units table with %s", (_layout, make) => {
  const table = units(make().values);

  test("reads every unit with its block, no finding", () => {
    expect(table.findings).toEqual([]);
    expect(table.ranking.map((r) => [r.unit, r.block])).toEqual(BLOCK_UNITS.map((u) => [u.unit, u.block]));
  });

  test("index = (appraised + survey) ÷ (61,5 + 38,5) × 100: Kon Tum's 54,95 + 31,19 = 86,14", () => {
    expect(table.ranking.map((r) => excelRound(r.index, 2))).toEqual(BLOCK_UNITS.map((u) => u.index));
    const tuPhap = table.ranking[0];
    expect(tuPhap.survey).toEqual({ achieved: 31.19, max: 38.5 });
    expect(tuPhap.max).toBe(61.5);
    expect(tuPhap.appraised).toBe(54.95);
    expect(tuPhap.grade).toBe("Tốt");
  });

  test("ranks are competition ranks within each block", () => {
    expect(table.ranking.map((r) => r.rank)).toEqual(BLOCK_UNITS.map((u) => u.rankInBlock));
  });

  test("blocks in order of appearance with grade counts, best and last", () => {
    expect(table.blocks!.map((b) => [b.block, b.units, b.best, b.last])).toEqual([
      [BLOCKS[0], 3, "Sở Nội vụ", "Sở Tư pháp"],
      [BLOCKS[1], 2, "UBND phường Thắng Lợi", "UBND phường Quyết Thắng"],
      [BLOCKS[2], 3, "UBND xã Ngọk Bay", "UBND xã Đăk Pnê"],
    ]);
    expect(table.blocks![0].grades).toEqual({ "Xuất sắc": 1, Tốt: 2, Khá: 0, "Trung bình": 0, Yếu: 0 });
    expect(table.blocks![2].grades).toEqual({ "Xuất sắc": 1, Tốt: 1, Khá: 1, "Trung bình": 0, Yếu: 0 });
  });

  test("last year's index and rank give each unit's change (points, places up)", () => {
    const tuPhap = table.ranking[0];
    expect(tuPhap.previous).toEqual({ index: 84.78, rank: 4 });
    expect(tuPhap.change).toEqual({ index: 1.36, rank: 1 });
    const pne = table.ranking.find((r) => r.unit === "UBND xã Đăk Pnê")!;
    expect(pne.change).toEqual({ index: -2.2, rank: -1 });
    expect(table.ranking.find((r) => r.unit === "UBND xã Đăk Kôi")!.previous).toBeNull();
    expect(table.ranking.find((r) => r.unit === "UBND xã Đăk Kôi")!.change).toBeNull();
  });
});

describe("units table: recognising columns and bad input", () => {
  test("a column naming last year is not taken for this year's index", () => {
    const table = units(blockHeadingGrid().values);
    expect(table.header.columns.index).toBeUndefined();
    expect(table.header.columns.rank).toBeUndefined();
  });

  test("no blocks: one block null, ranks over the whole table as before", () => {
    const table = units(communesGrid().values);
    expect(table.ranking.every((r) => r.block === null && r.survey === null && r.previous === null)).toBe(true);
    expect(table.blocks).toEqual([
      { block: null, units: 7, grades: { "Xuất sắc": 5, Tốt: 2, Khá: 0, "Trung bình": 0, Yếu: 0 }, best: "UBND xã Đăk Pnê", last: "UBND thị trấn Đăk Rve" },
    ]);
  });

  test("a national-style table headed 'Điểm thẩm định (tối đa 61,5)' is scored out of 61,5, not 100", () => {
    const table = units([
      ["Đơn vị", "Điểm thẩm định (tối đa 61,5)"],
      ["Sở Tư pháp", 54.95],
    ]);
    expect(excelRound(table.ranking[0].index, 2)).toBe(89.35);
    expect(table.findings).toEqual([]);
  });

  test("a maximum that is assumed is a finding at the header cell", () => {
    const table = units([
      ["KẾT QUẢ", null],
      ["Đơn vị", "Điểm thẩm định"],
      ["Sở Tư pháp", 54.95],
    ]);
    expect(table.ranking[0].index).toBeCloseTo(54.95, 9);
    expect(table.findings.map((f) => [f.rule, f.cell, f.severity])).toEqual([["assumed-max", "B2", "warning"]]);
    expect(table.findings[0].message).toContain("tối đa 61,5");
  });

  test.each([["Điểm đạt"], ["Điểm đạt được"], ["Tổng điểm đạt"]])("'%s' is the official score where no appraisal column exists", (head) => {
    const table = units([
      ["Tên đơn vị", "Điểm tối đa", head],
      ["UBND xã Đăk Kôi", 95.5, 86.92],
    ]);
    expect(table.official).toBe("appraised");
    expect(excelRound(table.ranking[0].index, 2)).toBe(91.02);
  });

  test("survey without a known maximum, survey maximum 0, survey over its maximum: findings at the cells", () => {
    const noMax = units([
      ["Đơn vị", "Điểm tối đa", "Điểm thẩm định", "Điểm XHH"],
      ["Sở Tư pháp", 61.5, 54.95, 31.19],
    ]);
    expect(noMax.findings.map((f) => [f.rule, f.cell])).toEqual([["assumed-max", "D1"]]);
    expect(noMax.ranking[0].survey).toBeNull();
    const zero = units([
      ["Đơn vị", "Điểm tối đa", "Điểm thẩm định", "Điểm XHH", "Điểm tối đa XHH"],
      ["Sở Tư pháp", 61.5, 54.95, 31.19, 0],
      ["Sở Nội vụ", 61.5, 58.2, 40, 38.5],
    ]);
    expect(zero.findings.map((f) => [f.rule, f.cell])).toEqual([
      ["zero-max", "E2"],
      ["over-max", "D3"],
    ]);
  });

  test("a block heading with no unit under it and a previous rank that is not whole are named", () => {
    const grid = blockHeadingGrid();
    grid.values.push(["IV", "IV. Khối đặc khu", null, null, null, null, null, null]);
    grid.values[3][7] = "2,5";
    const table = units(grid.values);
    expect(table.findings.map((f) => [f.rule, f.cell])).toEqual([
      ["not-a-number", "H4"],
      ["empty-block", "B14"],
    ]);
    expect(table.findings[1].message).toContain("Khối đặc khu");
    expect(table.ranking[0].previous).toEqual({ index: 84.78, rank: null });
  });
});

describe("competition ranks", () => {
  test("equal the definition 1 + number of strictly higher values, ties included", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }).map((x) => x * 5), { maxLength: 60 }), (values) => {
        expect(competitionRanks(values)).toEqual(values.map((v) => 1 + values.filter((o) => o > v).length));
      }),
    );
    expect(competitionRanks([90, 95, 95, 80])).toEqual([3, 1, 1, 4]);
  });
});
