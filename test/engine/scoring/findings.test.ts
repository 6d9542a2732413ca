// Every validation rule on a small sheet, and the cell each finding points at.
import { analyzeSheet, type CellValue, type ScoringSheet } from "../../../src/engine";

const HEADER = ["Mã", "Nội dung", "Điểm tối đa", "Tự đánh giá", "Thẩm định", "Nguyên nhân", "Trách nhiệm"];

/** A sheet with area 1 (max 3) = 1.1 (1) + 1.2 (2), typed sums, and the given rows replaced. */
function sheet(rows: CellValue[][], origin?: { row: number; col: number }): ScoringSheet {
  const values: CellValue[][] = [["BẢNG ĐIỂM"], HEADER, ...rows];
  const result = analyzeSheet({ name: "Xã A", values, origin });
  if (result.kind !== "scoring") throw new Error(JSON.stringify(result));
  return result;
}

const SOUND: CellValue[][] = [
  ["1", "Lĩnh vực 1", 3, 3, 2.5, null, null],
  ["1.1", "Tiêu chí 1.1", 1, 1, 0.5, "Chậm báo cáo", "Phòng Nội vụ"],
  ["1.2", "Tiêu chí 1.2", 2, 2, 2, null, null],
  [null, "Tổng cộng", 3, 3, 2.5, null, null],
];

function withRow(index: number, row: CellValue[]): CellValue[][] {
  return SOUND.map((r, i) => (i === index ? row : r));
}

function rules(s: ScoringSheet): Array<[string, string, string]> {
  return s.findings.map((f) => [f.rule, f.severity, f.cell]);
}

describe("validation rules", () => {
  test("a sound sheet has no finding", () => {
    expect(sheet(SOUND).findings).toEqual([]);
  });

  test("not-a-number", () => {
    const s = sheet(withRow(2, ["1.2", "Tiêu chí 1.2", 2, "hai", 2, null, null]));
    expect(rules(s)).toContainEqual(["not-a-number", "error", "D5"]);
    expect(s.findings.find((f) => f.rule === "not-a-number")!.message).toContain('"hai"');
  });

  test("an Excel error value is not a number", () => {
    const s = sheet(withRow(2, ["1.2", "Tiêu chí 1.2", 2, 2, { error: "#REF!" }, null, null]));
    expect(rules(s)).toContainEqual(["not-a-number", "error", "E5"]);
  });

  test("negative", () => {
    const s = sheet(withRow(2, ["1.2", "Tiêu chí 1.2", 2, 2, -1, "x", "y"]));
    expect(rules(s)).toContainEqual(["negative", "error", "E5"]);
  });

  test("over-max", () => {
    const s = sheet(withRow(2, ["1.2", "Tiêu chí 1.2", 2, 2.5, 2, null, null]));
    expect(rules(s)).toContainEqual(["over-max", "error", "D5"]);
  });

  test("too-many-decimals is a warning", () => {
    const s = sheet(withRow(1, ["1.1", "Tiêu chí 1.1", 1, 1, 0.505, "Chậm", "Phòng Nội vụ"]));
    expect(rules(s)).toContainEqual(["too-many-decimals", "warning", "E4"]);
  });

  test("duplicate-code", () => {
    const rows = [...SOUND.slice(0, 3), ["1.2", "Lặp lại", 2, 2, 2, null, null], SOUND[3]];
    expect(rules(sheet(rows))).toEqual([["duplicate-code", "error", "A6"]]);
  });

  test("missing-parent is a warning", () => {
    const rows = [...SOUND.slice(0, 3), ["2.1", "Không có lĩnh vực 2", 1, 1, 1, null, null]];
    const s = sheet(rows);
    expect(rules(s)).toContainEqual(["missing-parent", "warning", "A6"]);
    expect(s.areas.map((a) => a.code)).toEqual(["1", "2"]);
  });

  test("max-mismatch on a parent and on the total row", () => {
    const s = sheet(withRow(0, ["1", "Lĩnh vực 1", 4, 3, 2.5, null, null]));
    expect(rules(s)).toEqual([["max-mismatch", "error", "C3"]]);
    const t = sheet(withRow(3, [null, "Tổng cộng", 5, 3, 2.5, null, null]));
    expect(rules(t)).toEqual([["max-mismatch", "error", "C6"]]);
  });

  test("subtotal-mismatch at 0.005 and more, not below", () => {
    expect(rules(sheet(withRow(0, ["1", "Lĩnh vực 1", 3, 3, 2.495, null, null])))).toContainEqual(["subtotal-mismatch", "error", "E3"]);
    expect(rules(sheet(withRow(0, ["1", "Lĩnh vực 1", 3, 3, 2.496, null, null]))).map((r) => r[0])).not.toContain("subtotal-mismatch");
    expect(rules(sheet(withRow(3, [null, "Tổng cộng", 3, 3, 2, null, null])))).toEqual([["subtotal-mismatch", "error", "E6"]]);
  });

  test("kps-with-score", () => {
    const s = sheet(withRow(2, ["1.2", "Tiêu chí 1.2", "KPS", null, 2, null, null]));
    expect(rules(s)).toContainEqual(["kps-with-score", "error", "E5"]);
  });

  test("a KPS leaf leaves both achieved and maximum", () => {
    const s = sheet([
      ["1", "Lĩnh vực 1", 3, null, null, null, null],
      ["1.1", "Tiêu chí 1.1", 1, "KPS", "Không phát sinh", null, null],
      ["1.2", "Tiêu chí 1.2", 2, 2, 1.5, "Chậm", "Phòng Nội vụ"],
    ]);
    expect(s.totals.appraised).toMatchObject({ achieved: 1.5, max: 2, index: 75, grade: "Khá" });
    expect(s.totals.self).toMatchObject({ achieved: 2, max: 2, index: 100 });
    expect(s.findings).toEqual([]);
  });

  test("lost-without-cause and lost-without-responsible are warnings at their cells", () => {
    const s = sheet(withRow(1, ["1.1", "Tiêu chí 1.1", 1, 1, 0.5, null, "  "]));
    expect(rules(s)).toEqual([
      ["lost-without-cause", "warning", "F4"],
      ["lost-without-responsible", "warning", "G4"],
    ]);
  });

  test("errors come before warnings; addresses follow the grid's origin", () => {
    const rows = withRow(1, ["1.1", "Tiêu chí 1.1", 1, 1, 0.5, null, "Phòng Nội vụ"]);
    rows[2] = ["1.2", "Tiêu chí 1.2", 2, 2, 3, null, "Phòng Nội vụ"];
    const s = sheet(rows, { row: 4, col: 2 });
    expect(s.findings.map((f) => f.severity)).toEqual(["error", "error", "error", "warning"]);
    const over = s.findings.find((f) => f.rule === "over-max")!;
    expect(over.cell).toBe("G9"); // grid (4, 4) + origin (4, 2)
    expect([over.row, over.col]).toEqual([8, 6]);
  });
});
