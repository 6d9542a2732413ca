// A maximum written in a header is read with its sign: 0 or below is an error at the header cell,
// never replaced by an assumed 100 nor taken as absent; and figures on a row with no unit name are
// named by a warning, never dropped in silence (issue 16, items 8 and 9).
import { analyzeSheet, toA1, type CellValue, type UnitsSheet } from "../../../src/engine";
import { blockColumnGrid } from "../../fixtures/units";

function units(values: CellValue[][]): UnitsSheet {
  const result = analyzeSheet({ name: "Bảng", values });
  if (result.kind !== "units") throw new Error(`not a units table: ${JSON.stringify(result)}`);
  return result;
}

/** The seed-like block table with one header cell rewritten. */
function withHeader(col: number, text: string): CellValue[][] {
  const values = blockColumnGrid().values.map((r) => [...r]);
  values[1][col] = text;
  return values;
}

const at = (t: UnitsSheet, rule: string) => t.findings.filter((f) => f.rule === rule).map((f) => [f.severity, toA1(f.row, f.col)]);

test("as given, the table has no finding and every unit is ranked (the cases below start from it)", () => {
  const t = units(blockColumnGrid().values);
  expect(t.findings).toEqual([]);
  expect(t.ranking.length).toBeGreaterThan(5);
});

test.each(["Điểm thẩm định (tối đa 0)", "Điểm thẩm định (tối đa -61,5)", "Điểm thẩm định (tối đa: −61,5)"])(
  "%s: an error at the header cell, no unit indexed on an assumed 100",
  (text) => {
    const t = units(withHeader(3, text));
    expect(at(t, "zero-max")).toEqual([["error", "D2"]]);
    expect(at(t, "assumed-max")).toEqual([]);
    expect(t.ranking).toEqual([]);
    expect(t.findings.find((f) => f.rule === "zero-max")!.message).toMatch(/điểm tối đa là (0|-61,5)/);
  },
);

test("a negative survey maximum is an error at its header, not a survey with no maximum", () => {
  const t = units(withHeader(4, "Điểm điều tra XHH (tối đa -38,5)"));
  expect(at(t, "zero-max")).toEqual([["error", "E2"]]);
  expect(at(t, "assumed-max")).toEqual([]);
  // The appraisal part is still indexed, on its own maximum.
  expect(t.ranking[0].survey).toBeNull();
  expect(t.ranking[0].max).toBe(61.5);
});

test("a row with figures and no unit name is a warning at its unit cell; empty rows say nothing", () => {
  const values = blockColumnGrid().values.map((r) => [...r]);
  const named = units(values).ranking.length;
  values[3][1] = null; // a unit's name blanked: its figures stay
  values[5][1] = "   ";
  values.push([null, null, null, null, null, null, null]);
  values.push(["ghi chú", null, null, null, null, null, null]);
  const t = units(values);
  expect(at(t, "unnamed-unit")).toEqual([
    ["warning", "B4"],
    ["warning", "B6"],
  ]);
  expect(t.findings.find((f) => f.rule === "unnamed-unit")!.message).toBe("Dòng 4 có điểm nhưng không có tên đơn vị: dòng này không được tính. Hãy ghi tên đơn vị.");
  expect(t.ranking.length).toBe(named - 2);
});
