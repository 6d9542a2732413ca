// Issue 17 §2: a published table with no points, only the index ("Tỉnh, thành phố | Chỉ số (%) |
// Xếp hạng"): the typed index is the unit's index, ranked and graded; a non-number or an index
// outside 0–100 is a finding.
import { analyzeWorkbook, buildRankingPlan, excelRound, type CellValue, type HeaderInfo, type UnitsSheet } from "../../../src/engine";
import { unitsSection } from "../../../src/engine/reportDraft/unitsSection";
import { Footnotes } from "../../../src/engine/reportDraft/spans";
import { spansText } from "../../../src/engine/reportDraft";

const NAME = "Chỉ số";
const MAP: HeaderInfo = { row: 1, columns: { unit: 0, index: 1, rank: 2 }, kind: "units" };

function table(rows: CellValue[][]): { sheet: UnitsSheet } {
  const values: CellValue[][] = [["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023", null, null], ["Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng"], ...rows];
  const sheet = analyzeWorkbook([{ name: NAME, values }], { columnMaps: { [NAME]: MAP } }).sheets[0];
  if (sheet.kind !== "units") throw new Error(`not a units table: ${JSON.stringify(sheet)}`);
  return { sheet };
}

describe("a table giving only the index", () => {
  const { sheet } = table([
    ["Kon Tum", "86,14", null],
    ["Tỉnh A", "86.471", null],
    ["Tỉnh B", 91.651, null],
    ["Tỉnh C", "chưa có", null],
    ["Tỉnh D", 120, null],
    ["Tỉnh E", null, null],
  ]);

  test("the typed index ('86,14', '86.471', 91.651) is the unit's index, ranked and graded; no points", () => {
    expect(sheet.ranking.map((r) => [r.unit, excelRound(r.index, 3), r.grade, r.rank])).toEqual([
      ["Kon Tum", 86.14, "Tốt", 3],
      ["Tỉnh A", 86.471, "Tốt", 2],
      ["Tỉnh B", 91.651, "Xuất sắc", 1],
    ]);
    expect(sheet.ranking.every((r) => r.max === null && r.self === null && r.appraised === null && r.survey === null)).toBe(true);
    expect(sheet.blocks).toEqual([{ block: null, units: 3, grades: { "Xuất sắc": 1, Tốt: 2, Khá: 0, "Trung bình": 0, Yếu: 0 }, best: "Tỉnh B", last: "Kon Tum" }]);
  });

  test("a non-number, an index above 100 and a blank index are said at their cells; those units are not ranked", () => {
    expect(sheet.findings.map((f) => [f.rule, f.cell, f.severity])).toEqual([
      ["not-a-number", "B6", "error"],
      ["index-out-of-range", "B7", "error"],
      ["not-a-number", "B8", "error"],
    ]);
    expect(sheet.findings[1].message).toContain("từ 0 đến 100");
    expect(sheet.findings.some((f) => f.rule === "assumed-max")).toBe(false);
  });

  test("the Xếp hạng sheet writes the index as typed and ranks over it", () => {
    const plan = buildRankingPlan({ sheets: [sheet] }, { date: new Date(2024, 0, 15) })!;
    expect(plan.cells.find((c) => c.row === 1)!.value).toContain("Chỉ số như bảng ghi");
    const row = plan.cells.find((c) => c.col === 1 && c.value === "Kon Tum")!.row;
    const cells = plan.cells.filter((c) => c.row === row);
    expect(cells.find((c) => c.col === 4)!.value).toBe("");
    expect(cells.find((c) => c.col === 5)).toMatchObject({ value: 86.14 });
    expect(cells.find((c) => c.col === 7)).toMatchObject({ result: 3 });
    expect(cells.find((c) => c.col === 7)!.formula).toMatch(/^=RANK\(F\d+,\$F\$\d+:\$F\$\d+,0\)$/);
  });

  test("the report draft tells the index without points", () => {
    const blocks = unitsSection([sheet], null, { year: "2023", unit: "Bộ Nội vụ", short: "Bộ Nội vụ", named: false, level: null, footnotes: new Footnotes() });
    const bullets = blocks.filter((b) => b.kind === "bullet").map((b) => spansText(b.spans));
    expect(bullets[0]).toBe("Tỉnh B: chỉ số đạt 91,65%, xếp loại Xuất sắc.");
    expect(bullets.map((b) => b.split(":")[0])).toEqual(["Tỉnh B", "Tỉnh A", "Kon Tum"]);
  });
});

describe("indices typed as fractions of a percent-formatted column (0,8614 shown as 86,14%)", () => {
  test("a column wholly from 0 to 1 is read as percents, ranked and graded as such", () => {
    const { sheet } = table([
      ["Kon Tum", 0.8614, null],
      ["Tỉnh A", 0.86471, null],
      ["Tỉnh B", 0.91651, null],
    ]);
    expect(sheet.ranking.map((r) => [r.unit, r.index, r.grade, r.rank])).toEqual([
      ["Kon Tum", 86.14, "Tốt", 3],
      ["Tỉnh A", 86.471, "Tốt", 2],
      ["Tỉnh B", 91.651, "Xuất sắc", 1],
    ]);
    expect(sheet.findings).toEqual([]);
  });

  test("a column with one index above 1 keeps every value as typed (0,5 is then half a point)", () => {
    const { sheet } = table([
      ["Kon Tum", 86.14, null],
      ["Tỉnh A", 0.5, null],
    ]);
    expect(sheet.ranking.map((r) => [r.unit, r.index])).toEqual([
      ["Kon Tum", 86.14],
      ["Tỉnh A", 0.5],
    ]);
  });

  test("last year's column typed as fractions gives the change in points", () => {
    const values: CellValue[][] = [
      ["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023", null, null, null],
      ["Tỉnh, thành phố", "Chỉ số (%)", "Xếp hạng", "Chỉ số năm trước"],
      ["Kon Tum", 0.8614, 2, 0.8135],
      ["Tỉnh A", 0.9, 1, 0.88],
    ];
    const sheet = analyzeWorkbook([{ name: NAME, values }]).sheets[0];
    if (sheet.kind !== "units") throw new Error(sheet.kind === "other" ? sheet.reason : "not a units table");
    expect(sheet.ranking.map((r) => [r.unit, r.index, r.previous?.index, r.change?.index])).toEqual([
      ["Kon Tum", 86.14, 81.35, 4.79],
      ["Tỉnh A", 90, 88, 2],
    ]);
  });
});
