// Layouts and slips met on real sheets: each case once read wrongly or silently.
import {
  analyzeSheet,
  analyzeWorkbook,
  buildRankingPlan,
  buildSummaryPlan,
  parseResponsible,
  type CellValue,
  type ScoringSheet,
  type UnitsSheet,
} from "../../../src/engine";
import { communesGrid, districtGrid } from "../../fixtures/seed";

function scoring(values: CellValue[][], name = "Xã A"): ScoringSheet {
  const r = analyzeSheet({ name, values });
  if (r.kind !== "scoring") throw new Error(JSON.stringify(r));
  return r;
}

const rules = (s: { findings: Array<{ rule: string; cell: string }> }) => s.findings.map((f) => [f.rule, f.cell]);

describe("headers", () => {
  test("a title right above the header lends it no column", () => {
    const s = scoring([
      ["KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CCHC NĂM 2023"],
      ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá"],
      ["1", "Lĩnh vực 1", 2, 2],
      ["1.1", "Tiêu chí 1.1", 2, 2],
    ]);
    expect(s.header).toEqual({ row: 1, columns: { code: 0, name: 1, max: 2, self: 3 } });
    expect(s.totals.self).toMatchObject({ achieved: 2, max: 2 });
    expect(s.totals.appraised).toBeNull();
    expect(s.findings).toEqual([]);
  });

  test("a units table under a title naming 'lĩnh vực' is still a units table", () => {
    const r = analyzeSheet({
      name: "Xã",
      values: [["KẾT QUẢ CHỈ SỐ CCHC CÁC XÃ THEO TỪNG LĨNH VỰC"], ["STT", "Tên đơn vị", "Tự chấm", "Thẩm định", "Điểm tối đa"], [1, "Xã A", 90, 85, 95.5]],
    });
    expect(r.kind).toBe("units");
  });

  test.each(["Xã, thị trấn", "Tên xã, thị trấn", "Tên xã", "Phường"])("'%s' names the unit column", (h) => {
    expect(analyzeSheet({ name: "x", values: [["STT", h, "Điểm thẩm định", "Điểm tối đa"], [1, "Xã A", 80, 95]] }).kind).toBe("units");
  });

  test("a row numbering the columns under the header is no criterion", () => {
    const s = scoring([
      ["STT", "Nội dung", "Điểm tối đa", "Tự đánh giá", "Thẩm định"],
      [1, 2, 3, 4, 5],
      ["1", "Lĩnh vực 1", 2, 2, 1.5],
      ["1.1", "Tiêu chí 1.1", 2, 2, 1.5],
    ]);
    expect(s.nodes.map((n) => n.code)).toEqual(["1", "1.1"]);
    expect(rules(s)).toEqual([]);
  });
});

describe("codes", () => {
  test("Roman areas with criteria numbered from 1 under each", () => {
    const s = scoring([
      ["TT", "Nội dung", "Điểm tối đa", "Thẩm định"],
      ["I", "Chỉ đạo", 3, 3],
      ["1", "Kế hoạch", 1, 1],
      ["2", "Báo cáo", 2, 2],
      ["II", "Thể chế", 2, 1],
      ["1", "Văn bản", 2, 1],
      ["1.1", "Ban hành", 1, 0],
      ["1.2", "Rà soát", 1, 1],
    ]);
    expect(s.nodes.map((n) => n.code)).toEqual(["1", "1.1", "1.2", "2", "2.1", "2.1.1", "2.1.2"]);
    expect(s.totals.appraised).toMatchObject({ achieved: 4, max: 5 });
    expect(rules(s)).toEqual([]);
  });

  test("'1. 2' and '5,6' typed as codes are read", () => {
    const s = scoring([["Mã", "Điểm tối đa", "Thẩm định"], ["1", 2, 2], ["1. 2", 2, 2], ["5", 1, 1], ["5,6", 1, 1]]);
    expect(s.nodes.map((n) => n.code)).toEqual(["1", "1.2", "5", "5.6"]);
  });

  test("a code that cannot be read on a row with points is an error, a scoring option row is not", () => {
    const s = scoring([
      ["Mã", "Nội dung", "Điểm tối đa", "Thẩm định"],
      ["1", "Lĩnh vực", 2, null],
      ["1.1*", "Tiêu chí", 1, 1],
      ["1.2", "Tiêu chí", 1, 1],
      ["-", "Ban hành đúng hạn: 1 điểm", 1, null],
    ]);
    // The area's maximum no longer matches its readable children, which is said too.
    expect(rules(s)).toEqual([
      ["max-mismatch", "C2"],
      ["unreadable-code", "A3"],
    ]);
  });

  test("a code Excel stored as a number and that collides says so", () => {
    const s = scoring([["Mã", "Điểm tối đa", "Thẩm định"], ["1", 2, 2], ["1.1", 1, 1], [1.1, 1, 1]]);
    const dup = s.findings.find((f) => f.rule === "duplicate-code")!;
    expect(dup.cell).toBe("A4");
    expect(dup.message).toContain("dạng số");
  });
});

describe("points", () => {
  test("KPS on a criterion takes its sub-criteria out of both totals", () => {
    const s = scoring([
      ["Mã", "Điểm tối đa", "Thẩm định"],
      ["1", 4, null],
      ["1.1", 2, 2],
      ["1.2", "KPS", null],
      ["1.2.1", 1, null],
      ["1.2.2", 1, null],
    ]);
    expect(s.totals.appraised).toMatchObject({ achieved: 2, max: 2, index: 100 });
    expect(s.findings.filter((f) => f.rule === "not-a-number")).toEqual([]);
  });

  test("a blank score among filled ones is a finding, counted as 0 and listed as lost", () => {
    const s = scoring([["Mã", "Điểm tối đa", "Thẩm định"], ["1", 3, null], ["1.1", 1, 1], ["1.2", 2, null]]);
    expect(rules(s)).toEqual([["not-a-number", "C4"]]);
    expect(s.lost.map((l) => [l.code, l.lost])).toEqual([["1.2", 2]]);
    expect(s.totals.appraised).toMatchObject({ achieved: 1, max: 3 });
  });

  test("a score with no maximum is a finding at the maximum's cell", () => {
    const s = scoring([["Mã", "Điểm tối đa", "Thẩm định"], ["1.1", null, 2]]);
    expect(rules(s)).toContainEqual(["not-a-number", "B2"]);
  });

  test("a formula saved without its result is named as such", () => {
    const s = scoring([["Mã", "Điểm tối đa", "Thẩm định"], ["1.1", 1, { error: "#UNCALCULATED" }]]);
    expect(s.findings[0].message).toContain("công thức chưa được tính");
  });

  test("the grand total is the last 'Tổng cộng / Tổng điểm' row, not a note", () => {
    const s = scoring([
      ["Mã", "Nội dung", "Điểm tối đa", "Thẩm định"],
      ["1", "Phần I", 2, 2],
      [null, "Tổng số hồ sơ tiếp nhận: 120", null, null],
      ["1.1", "Tiêu chí", 2, 2],
      [null, "Tổng điểm phần I", 2, 2],
      ["2", "Phần II", 1, 1],
      [null, "Tổng cộng (I+II)", 3, 3],
    ]);
    expect(s.totalRow).toBe(6);
    expect(rules(s)).toEqual([]);
  });

  test("the official score's applicable maximum is the area's", () => {
    const values: CellValue[][] = [["Mã", "Điểm tối đa", "Tự đánh giá", "Thẩm định"], ["1", 2, 1, 2], ["1.1", 1, 1, 1], ["1.2", 1, "KPS", 1]];
    const s = analyzeSheet({ name: "x", values }, { official: "self" }) as ScoringSheet;
    expect(s.areas[0]).toMatchObject({ max: 1, self: 1, appraised: 2 });
    const plan = buildSummaryPlan(s, { date: new Date(2024, 0, 1), settings: { official: "self" } });
    expect(plan.cells.find((c) => c.value === "Chỉ số CCHC")).toBeDefined();
    const index = plan.cells.find((c) => c.formula?.includes("*100"))!;
    expect(index.result).toBe(100);
  });
});

describe("units tables and ranking", () => {
  test("a unit with a blank maximum is named, not silently dropped", () => {
    const grid = communesGrid();
    grid.values[3][4] = null;
    const t = analyzeSheet(grid) as UnitsSheet;
    expect(rules(t)).toEqual([["not-a-number", "E4"]]);
    expect(t.ranking).toHaveLength(6);
  });

  test("summary rows (Bình quân, Toàn huyện) are not ranked", () => {
    const grid = communesGrid();
    grid.values.push([null, "Bình quân", 90, 86, 95.2], [null, "Toàn huyện", 90, 86, 95.2]);
    expect((analyzeSheet(grid) as UnitsSheet).ranking).toHaveLength(7);
  });

  test("the ranking follows the official-score setting", () => {
    const settings = { official: "self" as const };
    const plan = buildRankingPlan(analyzeWorkbook([communesGrid()], settings), { date: new Date(2024, 0, 1), settings })!;
    const idx = plan.cells.find((c) => c.col === 5 && c.formula)!;
    expect(idx.formula).toMatch(/^=IF\(E\d+>0,C\d+\/E\d+\*100,0\)$/);
    expect(idx.result).toBeCloseTo((95 / 95.5) * 100, 9); // Đăk Tô Lung first on self-assessment
  });

  test("sheets sharing a title are ranked by sheet name; a sheet with no official score is named", () => {
    const a = districtGrid({}, "Xã A");
    const b = districtGrid({}, "Xã B");
    const c = districtGrid({}, "Xã C");
    // Xã C has no points yet: every score cell under its header is blank.
    c.values.slice(4).forEach((row) => {
      row[3] = null;
      row[4] = null;
    });
    const plan = buildRankingPlan(analyzeWorkbook([a, b, c]), { date: new Date(2024, 0, 1) })!;
    const units = plan.cells.filter((x) => x.col === 1 && typeof x.value === "string" && x.value.startsWith("Xã"));
    expect(units.map((x) => x.value)).toEqual(["Xã A", "Xã B"]);
    expect(plan.cells.some((x) => typeof x.value === "string" && x.value.startsWith("Chưa xếp hạng") && x.value.includes("Xã C"))).toBe(true);
  });
});

test("numbered lists of responsible units lose their numbers", () => {
  expect(parseResponsible("1. Phòng Nội vụ\n2. Phòng Tư pháp (02 hồ sơ)\na) UBND xã A")).toEqual([
    { unit: "Phòng Nội vụ", records: null },
    { unit: "Phòng Tư pháp", records: 2 },
    { unit: "UBND xã A", records: null },
  ]);
});
