// Issue 17 §2: ranks as typed ("43/63", "Hạng 2"), compared with the ranks computed in a whole
// table, and taken as the ranks of an extract (Kon Tum 2023 in the national table: 43/63, up
// from 55 = "tăng 12 bậc").
import { analyzeSheet, analyzeWorkbook, buildRankingPlan, changeText, excelRound, type CellValue, type EngineSettings, type HeaderInfo, type PlanCell, type UnitsSheet } from "../../../src/engine";
import { parseTypedRank } from "../../../src/engine/units/typedRanks";
import { unitsSection } from "../../../src/engine/reportDraft/unitsSection";
import { Footnotes } from "../../../src/engine/reportDraft/spans";
import { spansText } from "../../../src/engine/reportDraft";
import { sheetText } from "../../../src/cli/checkText";
import { checkJson } from "../../../src/cli/checkJson";
import { BLOCK_UNITS, BLOCKS } from "../../fixtures/units";

const DATE = new Date(2024, 0, 15);

function units(values: CellValue[][], settings?: Partial<EngineSettings>, name = "Bảng"): UnitsSheet {
  const result = analyzeSheet({ name, values }, settings);
  if (result.kind !== "units") throw new Error(`not a units table: ${JSON.stringify(result)}`);
  return result;
}

describe("a typed rank as written", () => {
  test.each<[CellValue, ReturnType<typeof parseTypedRank>]>([
    [3, { kind: "rank", rank: 3, of: null }],
    ["03", { kind: "rank", rank: 3, of: null }],
    ["43/63", { kind: "rank", rank: 43, of: 63 }],
    [" 2 / 17 ", { kind: "rank", rank: 2, of: 17 }],
    ["Hạng 2", { kind: "rank", rank: 2, of: null }],
    ["hạng 02/17", { kind: "rank", rank: 2, of: 17 }],
    ["Thứ 5", { kind: "rank", rank: 5, of: null }],
    ["KXH", { kind: "unranked" }],
    ["Không xếp hạng", { kind: "unranked" }],
    ["(không xếp hạng)", { kind: "unranked" }],
    ["-", { kind: "unranked" }],
    ["—", { kind: "unranked" }],
    [null, { kind: "blank" }],
    ["  ", { kind: "blank" }],
    [2.5, { kind: "invalid", text: "2.5" }],
    [0, { kind: "invalid", text: "0" }],
    ["63/43", { kind: "invalid", text: "63/43" }],
    ["nhất", { kind: "invalid", text: "nhất" }],
  ])("%p", (cell, expected) => {
    expect(parseTypedRank(cell)).toEqual(expected);
  });
});

/** The departments' block of the fixture, in one table with a typed rank column. */
function departments(typed: CellValue[]): CellValue[][] {
  const rows: CellValue[][] = [
    ["KẾT QUẢ CHỈ SỐ CCHC NĂM 2023", null, null, null, null],
    ["STT", "Tên đơn vị", "Điểm thẩm định (tối đa 61,5)", "Điểm điều tra XHH (tối đa 38,5)", "Xếp hạng"],
  ];
  BLOCK_UNITS.filter((u) => u.block === BLOCKS[0]).forEach((u, i) => rows.push([i + 1, u.unit, u.appraised, u.survey, typed[i]]));
  return rows;
}

describe("a whole table with a typed rank column", () => {
  test("typed ranks agreeing with the computed ones ('Hạng 1', '2/3', 3): no finding, ranks as computed", () => {
    // Tư pháp 86,14 is third, Nội vụ 91,3 first, Tài chính 87,5 second.
    const table = units(departments([3, "Hạng 1", "2/3"]));
    expect(table.findings).toEqual([]);
    expect(table.extract).toBeUndefined();
    expect(table.ranking.map((r) => [r.unit, r.rank])).toEqual([
      ["Sở Tư pháp", 3],
      ["Sở Nội vụ", 1],
      ["Sở Tài chính", 2],
    ]);
    expect(table.ranking[2].rankOf).toBe(3);
  });

  test("a typed rank differing from the computed one is a warning naming its cell; the computed rank stands", () => {
    const table = units(departments([2, 1, 3]));
    const mismatches = table.findings.filter((f) => f.rule === "rank-mismatch");
    expect(mismatches.map((f) => [f.cell, f.severity])).toEqual([
      ["E3", "warning"],
      ["E5", "warning"],
    ]);
    expect(mismatches[0].message).toContain("Sở Tư pháp");
    expect(mismatches[0].message).toContain("3");
    expect(table.ranking.map((r) => r.rank)).toEqual([3, 1, 2]);
  });

  test("a rank cell that is no rank is said, and the rank is computed", () => {
    const table = units(departments(["ba", 1, 2]));
    expect(table.findings.map((f) => [f.rule, f.cell])).toEqual([["not-a-number", "E3"]]);
    expect(table.ranking.map((r) => r.rank)).toEqual([3, 1, 2]);
  });

  test("without a rank column, ranks are computed as before", () => {
    const table = units(departments([null, null, null]).map((r) => r.slice(0, 4)));
    expect(table.ranking.map((r) => r.rank)).toEqual([3, 1, 2]);
    expect(table.extract).toBeUndefined();
  });
});

describe("an extract: the typed ranks are the ranks", () => {
  test("ranks beyond the units shown (7, 12, 30 in a table of 3) are taken as typed, with no mismatch", () => {
    const table = units(departments([30, 7, 12]));
    expect(table.extract).toBe(true);
    expect(table.findings).toEqual([]);
    expect(table.ranking.map((r) => r.rank)).toEqual([30, 7, 12]);
    // Best and last of the block follow the typed ranks.
    expect(table.blocks![0]).toMatchObject({ best: "Sở Nội vụ", last: "Sở Tư pháp", units: 3 });
  });

  test("'2/17' in a table of 3 names a larger whole: an extract even where the ranks fit 1..3", () => {
    const table = units(departments(["3/17", "1/17", "2/17"]));
    expect(table.extract).toBe(true);
    expect(table.ranking.map((r) => [r.rank, r.rankOf])).toEqual([
      [3, 17],
      [1, 17],
      [2, 17],
    ]);
  });
});

/**
 * Kon Tum in the national table of 2023, one row: index 86,14 (54,95 + 31,19), 43rd of 63; in
 * 2022 55th, index 81,35 (+4,79 points).
 */
const NATIONAL_MAP: HeaderInfo = { row: 1, columns: { unit: 0, previousIndex: 1, previousRank: 2, index: 3, rank: 4 }, kind: "units" };
function konTum(rank: CellValue, withRankColumn = true): { table: UnitsSheet; values: CellValue[][] } {
  const values: CellValue[][] = [
    ["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA CÁC TỈNH, THÀNH PHỐ (TRÍCH)", null, null, null, null],
    ["Tỉnh, thành phố", "Chỉ số năm 2022", "Xếp hạng năm 2022", "Chỉ số (%)", "Xếp hạng"],
    ["Kon Tum", 81.35, 55, "86,14", rank],
  ];
  const map: HeaderInfo = withRankColumn ? NATIONAL_MAP : { ...NATIONAL_MAP, columns: { ...NATIONAL_MAP.columns, rank: undefined } };
  if (!withRankColumn) delete map.columns.rank;
  const table = units(values, { columnMaps: { "Chỉ số 2023": map } }, "Chỉ số 2023");
  return { table, values };
}

describe("a one-row extract of the national table (Kon Tum 2023)", () => {
  test("typed 43/63 with 55 last year: rank 43 of 63, 'tăng 12 bậc', the index change computed", () => {
    const { table } = konTum("43/63");
    expect(table.extract).toBe(true);
    expect(table.findings).toEqual([]);
    const kt = table.ranking[0];
    expect(kt).toMatchObject({ unit: "Kon Tum", rank: 43, rankOf: 63, max: null, self: null, appraised: null, grade: "Tốt" });
    expect(excelRound(kt.index, 2)).toBe(86.14);
    expect(kt.previous).toEqual({ index: 81.35, rank: 55 });
    expect(kt.change).toEqual({ index: 4.79, rank: 12 });
    expect(changeText(kt.change)).toBe("tăng 4,79 điểm; tăng 12 bậc");
  });

  test.each([
    ["an empty rank cell", null, true],
    ["no rank column", null, false],
  ])("with %s: no rank and no rank change invented; the index change stands", (_how, rank, withColumn) => {
    const { table } = konTum(rank, withColumn);
    expect(table.extract).toBe(true);
    const kt = table.ranking[0];
    expect(kt.rank).toBeNull();
    expect(kt.change).toEqual({ index: 4.79, rank: null });
    expect(changeText(kt.change)).toBe("tăng 4,79 điểm");
    // Said once, with why the table is taken for an extract.
    expect(table.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([["extract-without-rank", "warning", withColumn ? "E2" : "A2"]]);
    expect(table.findings[0].message).toContain("xếp hạng năm trước của Kon Tum là 55, lớn hơn số đơn vị của bảng (1)");
    expect(sheetText(table).join("\n")).toContain("Hạng —: Kon Tum: chỉ số 86,14, xếp loại Tốt; tăng 4,79 điểm");
  });

  test("the Xếp hạng sheet writes the typed rank as a value, and the rank change over it", () => {
    const { values } = konTum("43/63");
    const analysis = analyzeWorkbook([{ name: "Chỉ số 2023", values }], { columnMaps: { "Chỉ số 2023": NATIONAL_MAP } });
    const plan = buildRankingPlan(analysis, { date: DATE, settings: { columnMaps: { "Chỉ số 2023": NATIONAL_MAP } } })!;
    const at = (row: number, col: number): PlanCell | undefined => plan.cells.find((c) => c.row === row && c.col === col);
    const row = plan.cells.find((c) => c.col === 1 && c.value === "Kon Tum")!.row;
    const header = plan.cells.filter((c) => c.row === row - 1).map((c) => c.value);
    const col = (name: string) => header.indexOf(name);
    expect(plan.cells.some((c) => c.formula?.startsWith("=RANK("))).toBe(false);
    expect(at(row, col("Xếp hạng"))).toMatchObject({ value: 43 });
    expect(at(row, col("Chỉ số"))).toMatchObject({ value: 86.14 });
    expect(at(row, col("Chỉ số"))!.formula).toBeUndefined();
    const rankChange = at(row, col("Tăng/giảm bậc"))!;
    expect(rankChange.result).toBe(12);
    expect(rankChange.formula).toMatch(/^=[A-Z]+\d+-[A-Z]+\d+$/);
    expect(at(row, col("So với năm trước"))!.value).toBe("tăng 4,79 điểm; tăng 12 bậc");
  });

  test("the report draft and check --json carry the typed rank and the change", () => {
    const { table } = konTum("43/63");
    const blocks = unitsSection([table], null, { year: "2023", unit: "Sở Nội vụ", short: "Sở Nội vụ", named: false, level: null, footnotes: new Footnotes() });
    const bullet = blocks.find((b) => b.kind === "bullet")!;
    expect(spansText(bullet.spans)).toBe("Kon Tum: chỉ số đạt 86,14%, xếp loại Tốt, xếp hạng 43/63; tăng 4,79 điểm, tăng 12 bậc so với năm trước.");
    const json = checkJson([{ file: "a.xlsx", analysis: { sheets: [table] } }]);
    const sheet = json.files[0].sheets[0];
    expect(sheet.extract).toBe(true);
    expect(sheet.ranking![0]).toMatchObject({ rank: 43, rankOf: 63, max: null, change: { index: 4.79, rank: 12 } });
  });
});

describe("last year's ranks beyond the units shown make an extract", () => {
  test("two units ranked 40th and 50th last year, no rank column: no rank, no rank change", () => {
    const table = units([
      ["KẾT QUẢ CHỈ SỐ CCHC NĂM 2023", null, null, null],
      ["Đơn vị", "Điểm thẩm định (tối đa 61,5)", "Điểm điều tra XHH (tối đa 38,5)", "Xếp hạng năm trước"],
      ["Sở Tư pháp", 54.95, 31.19, 40],
      ["Sở Nội vụ", 58.2, 33.1, 50],
    ]);
    expect(table.extract).toBe(true);
    expect(table.ranking.map((r) => [r.rank, r.change])).toEqual([
      [null, { index: null, rank: null }],
      [null, { index: null, rank: null }],
    ]);
    expect(table.findings.filter((f) => f.rule === "extract-without-rank").map((f) => f.message)).toEqual([
      "Bảng là trích một phần của bảng lớn hơn (xếp hạng năm trước của Sở Tư pháp là 40, lớn hơn số đơn vị của bảng (2)): " +
        "thứ hạng lấy theo thứ hạng ghi trong bảng. Sở Tư pháp, Sở Nội vụ không có thứ hạng ghi nên không được xếp hạng và không tính tăng/giảm bậc.",
    ]);
    // Still graded and counted.
    expect(table.blocks![0].grades).toMatchObject({ "Xuất sắc": 1, Tốt: 1 });
  });
});

describe("a table in blocks typing its ranks over the whole table", () => {
  const header: CellValue[] = ["STT", "Đơn vị", "Khối", "Chỉ số (%)", "Xếp hạng"];
  const rows = (typed: CellValue[]): CellValue[][] => [
    header,
    [1, "Sở A", "Khối sở", 92.1, typed[0]],
    [2, "Sở B", "Khối sở", 85.3, typed[1]],
    [3, "Sở C", "Khối sở", 80.2, typed[2]],
    [4, "Xã D", "Khối xã", 90.5, typed[3]],
    [5, "Xã E", "Khối xã", 88.0, typed[4]],
    [6, "Xã F", "Khối xã", 70.0, typed[5]],
  ];

  test("ranks 1 to 6 across the blocks: a whole table, no mismatch, ranks within each block", () => {
    const table = units(rows([1, 4, 5, 2, 3, 6]));
    expect(table.extract).toBeUndefined();
    expect(table.findings.filter((f) => f.rule === "rank-mismatch" || f.rule === "extract-without-rank")).toEqual([]);
    expect(table.ranking.map((r) => [r.unit, r.block, r.rank])).toEqual([
      ["Sở A", "Khối sở", 1],
      ["Sở B", "Khối sở", 2],
      ["Sở C", "Khối sở", 3],
      ["Xã D", "Khối xã", 1],
      ["Xã E", "Khối xã", 2],
      ["Xã F", "Khối xã", 3],
    ]);
    expect(sheetText(analyzeWorkbook([{ name: "Bảng", values: rows([1, 4, 5, 2, 3, 6]) }]).sheets[0]).join("\n")).not.toContain("trích một phần");
  });

  test("one typed rank off the whole table's order: read as before (an extract, its typed ranks kept)", () => {
    const table = units(rows([1, 4, 6, 2, 3, 5]));
    expect(table.extract).toBe(true);
    expect(table.ranking.find((r) => r.unit === "Sở C")!.rank).toBe(6);
  });

  test("ranks typed within each block stay a whole table checked block by block", () => {
    const table = units(rows([1, 2, 3, 1, 2, 3]));
    expect(table.extract).toBeUndefined();
    expect(table.findings.filter((f) => f.rule === "rank-mismatch")).toEqual([]);
  });
});
