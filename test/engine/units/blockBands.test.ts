// Issue 17 §3: grade bands per block. A province gives departments "Nhóm A ≥ 90, Nhóm B 80 – < 90"
// and communes the default bands: each unit's grade, each block's grade counts and the grade
// formulas of "Xếp hạng" follow its block's bands.
import { DEFAULT_BANDS, analyzeSheet, bandsOfBlock, buildRankingPlan, type EngineSettings, type GradeBand, type UnitsSheet } from "../../../src/engine";
import { BLOCKS, blockColumnGrid, blockHeadingGrid } from "../../fixtures/units";

const GROUPS: GradeBand[] = [
  { min: 90, name: "Nhóm A" },
  { min: 80, name: "Nhóm B" },
  { min: 0, name: "Nhóm C" },
];
// Written as a clerk may type the block's name: other case, no diacritics.
const SETTINGS: Partial<EngineSettings> = { blockBands: { "khoi so, ban, nganh": GROUPS } };

describe("bandsOfBlock", () => {
  const settings = { bands: [...DEFAULT_BANDS], blockBands: { "Khối sở, ban, ngành": GROUPS, "Khối xã": [] } };
  test.each<[string | null, readonly GradeBand[]]>([
    ["Khối sở, ban, ngành", GROUPS],
    ["KHỐI SỞ,  BAN, NGÀNH", GROUPS],
    ["Khối phường", DEFAULT_BANDS],
    ["Khối xã", DEFAULT_BANDS], // empty own bands count as none
    [null, DEFAULT_BANDS],
  ])("%p", (block, expected) => {
    expect(bandsOfBlock(settings, block)).toEqual(expected);
  });
});

describe.each([
  ["a block column", blockColumnGrid],
  ["block heading rows", blockHeadingGrid],
])("a table with %s and the departments' own bands", (_how, make) => {
  const result = analyzeSheet(make(), SETTINGS);
  if (result.kind !== "units") throw new Error("not a units table");
  const table: UnitsSheet = result;

  test("each unit is graded on its block's bands", () => {
    const grade = (unit: string) => table.ranking.find((r) => r.unit === unit)!.grade;
    // Nội vụ 91,3 and Tư pháp 86,14 on the departments' bands; Ngọk Bay 96 and Đăk Kôi 80 on the defaults.
    expect(["Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp"].map(grade)).toEqual(["Nhóm A", "Nhóm B", "Nhóm B"]);
    expect(["UBND xã Ngọk Bay", "UBND xã Đăk Kôi", "UBND xã Đăk Pnê"].map(grade)).toEqual(["Xuất sắc", "Tốt", "Khá"]);
  });

  test("each block counts grades under its own band names", () => {
    expect(table.blocks!.map((b) => [b.block, b.grades])).toEqual([
      [BLOCKS[0], { "Nhóm A": 1, "Nhóm B": 2, "Nhóm C": 0 }],
      [BLOCKS[1], { "Xuất sắc": 2, Tốt: 0, Khá: 0, "Trung bình": 0, Yếu: 0 }],
      [BLOCKS[2], { "Xuất sắc": 1, Tốt: 1, Khá: 1, "Trung bình": 0, Yếu: 0 }],
    ]);
  });

  test("Xếp hạng writes each block's grade formula and counts on its bands", () => {
    const plan = buildRankingPlan({ sheets: [table] }, { date: new Date(2024, 0, 15), settings: SETTINGS })!;
    const rowOf = (unit: string) => plan.cells.find((c) => c.col === 1 && c.value === unit)!.row;
    const gradeCell = (unit: string) => plan.cells.find((c) => c.row === rowOf(unit) && c.col === 8)!;
    expect(gradeCell("Sở Nội vụ")).toMatchObject({ result: "Nhóm A" });
    expect(gradeCell("Sở Nội vụ").formula).toBe(`=IF(ROUND(H${rowOf("Sở Nội vụ") + 1},9)>=90,"Nhóm A",IF(ROUND(H${rowOf("Sở Nội vụ") + 1},9)>=80,"Nhóm B","Nhóm C"))`);
    expect(gradeCell("UBND xã Đăk Kôi").formula).toContain('"Xuất sắc"');
    expect(gradeCell("UBND xã Đăk Kôi").formula).not.toContain("Nhóm");
    const countsRow = rowOf("Sở Tư pháp") + 1;
    expect(plan.cells.filter((c) => c.row === countsRow).map((c) => c.result)).toEqual(["Nhóm A: 1/3", "Nhóm B: 2/3", "Nhóm C: 0/3"]);
  });
});

test("without block bands every grade and count is as before", () => {
  const result = analyzeSheet(blockColumnGrid(), { blockBands: { "Khối không có": GROUPS } });
  if (result.kind !== "units") throw new Error("not a units table");
  expect(result.blocks![0].grades).toEqual({ "Xuất sắc": 1, Tốt: 2, Khá: 0, "Trung bình": 0, Yếu: 0 });
});
