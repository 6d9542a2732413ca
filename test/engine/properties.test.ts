// Property-based tests: whatever the grid, the engine answers sanely.
import fc from "fast-check";
import { analyzeSheet, analyzeWorkbook, buildReportPlans, excelRound, parseA1, type CellValue, type Grid } from "../../src/engine";

const HEADER_TEXTS = ["STT", "Mã", "Nội dung", "Điểm tối đa", "Tự đánh giá", "Điểm thẩm định", "Nguyên nhân", "Trách nhiệm", "Tên đơn vị", "Tổng cộng"];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: false, min: -1e6, max: 1e6 }),
  fc.integer({ min: -5, max: 20 }),
  fc.string(),
  fc.constantFrom(...HEADER_TEXTS, "KPS", "không phát sinh", "3,89", "1.6.1", "1.1.", "IV", "Phòng A; Phòng B (02 hồ sơ)"),
  fc.constantFrom<CellValue>({ error: "#N/A" }, { error: "#DIV/0!" }, true, false, new Date(2023, 0, 1)),
);

const grid: fc.Arbitrary<Grid> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 10 }),
  values: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 40 }),
  origin: fc.option(fc.record({ row: fc.nat(50), col: fc.nat(10) }), { nil: undefined }),
});

/** Grids that hold a scoring header somewhere, so the scoring path runs. */
const scoringGrid: fc.Arbitrary<Grid> = fc
  .tuple(grid, fc.nat(10))
  .map(([g, at]) => {
    const values = g.values.slice();
    values.splice(Math.min(at, values.length), 0, ["Mã", "Nội dung", "Điểm tối đa", "Tự đánh giá", "Thẩm định", "Nguyên nhân", "Trách nhiệm"]);
    return { ...g, values };
  });

describe("properties", () => {
  test("random grids never throw, and every finding points inside the grid", () => {
    fc.assert(
      fc.property(fc.oneof(grid, scoringGrid), (g) => {
        const result = analyzeSheet(g);
        const origin = g.origin ?? { row: 0, col: 0 };
        for (const f of result.findings) {
          const at = parseA1(f.cell)!;
          expect(at).toEqual({ row: f.row, col: f.col });
          const r = f.row - origin.row;
          const c = f.col - origin.col;
          expect(r).toBeGreaterThanOrEqual(0);
          expect(c).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThan(g.values.length);
          expect(c).toBeLessThan(Math.max(...g.values.map((row) => row.length), 0) + 1);
          expect(f.message.length).toBeGreaterThan(0);
        }
        // Plans never throw either.
        buildReportPlans(analyzeWorkbook([g]), { date: new Date(2024, 0, 1) });
      }),
      { numRuns: 400 },
    );
  });

  /** A random criteria tree: codes, leaf points (some KPS), parents typed with anything. */
  const tree = fc
    .array(
      fc.record({
        area: fc.integer({ min: 1, max: 3 }),
        child: fc.integer({ min: 0, max: 3 }),
        grandchild: fc.integer({ min: 0, max: 2 }),
        max: fc.integer({ min: 0, max: 400 }).map((x) => x / 100),
        got: fc.oneof(fc.integer({ min: 0, max: 400 }).map((x) => x / 100), fc.constant("KPS"), fc.constant(null)),
      }),
      { minLength: 1, maxLength: 30 },
    )
    .map((rows) => {
      const codes = new Map<string, { max: number; got: number | string | null }>();
      for (const r of rows) {
        let code = String(r.area);
        if (r.child > 0) code += `.${r.child}`;
        if (r.child > 0 && r.grandchild > 0) code += `.${r.grandchild}`;
        codes.set(code, { max: r.max, got: r.got });
      }
      return [...codes.entries()];
    });

  test("totals always equal the sum of the leaves", () => {
    fc.assert(
      fc.property(tree, (entries) => {
        const values: CellValue[][] = [["Mã", "Điểm tối đa", "Điểm thẩm định"]];
        for (const [code, v] of entries) values.push([code, v.max, v.got]);
        const result = analyzeSheet({ name: "t", values });
        expect(result.kind).toBe("scoring");
        if (result.kind !== "scoring") return;
        const codes = entries.map(([c]) => c);
        let achieved = 0;
        let max = 0;
        for (const [code, v] of entries) {
          const isLeaf = !codes.some((o) => o.startsWith(code + "."));
          // KPS on a row takes every row below it out of the totals.
          const kps = entries.some(([other, o]) => o.got === "KPS" && (other === code || code.startsWith(other + ".")));
          if (!isLeaf || kps) continue;
          achieved += typeof v.got === "number" ? v.got : 0;
          max += v.max;
        }
        const expectAppraised = entries.some(([code, v]) => typeof v.got === "number" && !codes.some((o) => o.startsWith(code + ".")));
        if (!expectAppraised) {
          expect(result.totals.appraised).toBeNull();
          return;
        }
        expect(result.totals.appraised!.achieved).toBeCloseTo(achieved, 9);
        expect(result.totals.appraised!.max).toBeCloseTo(max, 9);
        const areaSum = result.areas.reduce((s, a) => s + (a.appraised ?? 0), 0);
        expect(excelRound(areaSum, 9)).toBeCloseTo(achieved, 9);
      }),
      { numRuns: 300 },
    );
  });
});
