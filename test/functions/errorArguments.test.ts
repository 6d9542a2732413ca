// Error values as arguments (issue 8 §2). Excel hands errors to every `any` parameter once
// functions.json says allowErrorForDataTypeAny, so each function applies the table in
// src/functions/errorArguments.json itself: CHECK's points and SUBTOTAL's two columns see
// errors, every other argument follows Excel's rule (the first error argument is the result).
// Also the overflow rule: a result beyond Excel's numbers is #NUM!, never Infinity.
import * as cchc from "../../src/functions/functions";
import { guarded } from "../../src/functions/excelErrors";
import { acceptsErrorAt, functionsTakingErrors, refusedError } from "../../src/functions/errorPolicy";
import { errorValueOf } from "../../src/functions/errorValues";
import { installCustomFunctionsShim, ExcelErrorValue, errorCellValue } from "../../src/cli/formula/customFunctionsShim";
import { FUNCTION_TABLE } from "../../src/cli/formula/functionTable";
import { districtGrid } from "../fixtures/seed";
import type { Grid } from "../../src/engine/core/types";

beforeAll(() => installCustomFunctionsShim());

function outcome(body: () => unknown): { value: unknown } | { error: string; message?: string } {
  try {
    return { value: body() };
  } catch (err) {
    if (err instanceof ExcelErrorValue) return { error: err.code, message: err.message };
    throw err;
  }
}

/** What Excel passes for an #N/A cell, with data types on (the metadata plugin's default). */
const NA = errorCellValue("#N/A");
const column = (xs: unknown[]): unknown[][] => xs.map((x) => [x]);

/** Valid arguments for each function (seed figures), and their result. */
const VALID: Record<string, { args: unknown[]; result: unknown }> = {
  RATIO: { args: [5, 48, 0.5, 1, 2], result: 0.05 },
  STEPS: { args: [0.85, column([0.7, 0.9]), column([1, 2])], result: 1 },
  DEDUCT: { args: [3, 2, 1, 0], result: 1 },
  INDEX: { args: [89.21, 97, 3], result: 91.969 },
  GRADE: { args: [90.41, [[90, "Xuất sắc"], [0, "Khác"]]], result: "Xuất sắc" },
  LOST: { args: [13, 12.89], result: 0.11 },
  SUBTOTAL: { args: [column(["6", "6.1", "6.2"]), column([null, 1.09, 2]), "6"], result: 3.09 },
  CHECK: { args: [5, 4], result: "Vượt điểm tối đa (4)" },
  NUM: { args: ["3,89"], result: 3.89 },
};

/** The argument with an error in it: a scalar, or the first cell of a range. */
function withError(arg: unknown, error: unknown): unknown {
  return Array.isArray(arg) ? [[error], ...arg.slice(1)] : error;
}

describe("the table", () => {
  test("CHECK's points and SUBTOTAL's codes and points columns take errors; nothing else does", () => {
    expect(functionsTakingErrors()).toEqual(["CHECK", "SUBTOTAL"]);
    const taking = FUNCTION_TABLE.flatMap((f) =>
      Array.from({ length: f.maxArgs }, (_, k) => k).filter((k) => acceptsErrorAt(f.name, k)).map((k) => `${f.name}:${k}`),
    );
    expect(taking).toEqual(["SUBTOTAL:0", "SUBTOTAL:1", "CHECK:0"]);
  });

  test("the valid arguments above give the seed's results", () => {
    for (const f of FUNCTION_TABLE) expect(outcome(() => f.implementation(...VALID[f.name].args))).toEqual({ value: VALID[f.name].result });
  });
});

describe("Excel's rule for an argument that takes no errors", () => {
  const cases = FUNCTION_TABLE.flatMap((f) =>
    VALID[f.name].args.map((_, k) => [f.name, k] as const).filter(([name, k]) => !acceptsErrorAt(name, k)),
  );

  test.each(cases)("%s with #N/A as argument %i gives #N/A naming the argument", (name, k) => {
    const fn = FUNCTION_TABLE.find((f) => f.name === name)!;
    const args = VALID[name].args.map((a, i) => (i === k ? withError(a, NA) : a));
    expect(outcome(() => fn.implementation(...args))).toEqual({ error: "#N/A", message: `Đối số thứ ${k + 1} đang có lỗi #N/A.` });
  });

  test("the first error argument wins over an earlier argument that is merely wrong", () => {
    // Before the table, RATIO read "năm" first and answered #VALUE!; Excel answers #N/A.
    expect(outcome(() => cchc.ratio("năm", NA, 1))).toMatchObject({ error: "#N/A" });
    expect(outcome(() => cchc.lost(-1, errorCellValue("#DIV/0!")))).toMatchObject({ error: "#DIV/0!" });
    expect(outcome(() => cchc.ratio(errorCellValue("#NUM!"), NA, 1))).toMatchObject({ error: "#NUM!" });
  });

  test("a range is searched row by row", () => {
    const thresholds = [[0.7, errorCellValue("#NUM!")], [errorCellValue("#N/A"), 0.9]];
    expect(refusedError("STEPS", [0.8, thresholds, [[1, 2]]])).toEqual({ code: "#NUM!", position: 1 });
  });

  test("errors Excel does not let a function return become #VALUE! naming them", () => {
    expect(outcome(() => cchc.index(errorCellValue("#REF!"), 97))).toEqual({ error: "#VALUE!", message: "Đối số thứ 1 đang có lỗi #REF!." });
    expect(outcome(() => cchc.num(errorCellValue("#NAME?")))).toMatchObject({ error: "#VALUE!" });
  });

  test("a nested CCHC error (a CustomFunctions.Error) keeps its message", () => {
    const inner = new ExcelErrorValue("#DIV/0!", "Điểm tối đa bằng 0: không tính được chỉ số.");
    expect(outcome(() => cchc.grade(inner))).toEqual({ error: "#DIV/0!", message: inner.message });
  });
});

describe("every shape Excel may hand an error in", () => {
  test.each([
    ["Excel.ErrorCellValue", { type: "Error", basicType: "Error", basicValue: "#N/A", errorType: "NotAvailable" }],
    ["ErrorCellValue without basicValue", { type: "Error", errorType: "NotAvailable" }],
    ["CustomFunctions.Error", new ExcelErrorValue("#N/A")],
    ["plain { code }", { code: "#N/A" }],
  ])("%s", (_label, value) => {
    expect(errorValueOf(value)).toMatchObject({ code: "#N/A" });
    expect(cchc.check(value, 4)).toBe("Không phải là số (#N/A)");
    expect(outcome(() => cchc.lost(value, 1))).toMatchObject({ error: "#N/A" });
  });

  test("an error kind not in the list is still an error; values are not", () => {
    expect(errorValueOf({ type: "Error", errorType: "Future" })).toEqual({ code: "#VALUE!" });
    for (const value of [null, 0, "#N/A", { type: "Double", basicValue: 1 }, [[NA]], new Date(0)]) {
      expect(errorValueOf(value)).toBeNull();
    }
  });
});

describe("CCHC.CHECK reports an error in the checked cell", () => {
  test('=CCHC.CHECK(A1;4) with #N/A in A1 answers "Không phải là số (#N/A)"', () => {
    expect(cchc.check(NA, 4)).toBe("Không phải là số (#N/A)");
    expect(cchc.check(errorCellValue("#REF!"), 4)).toBe("Không phải là số (#REF!)");
    expect(cchc.check(errorCellValue("#DIV/0!"), 4)).toBe("Không phải là số (#DIV/0!)");
  });

  test("an error in the maximum cannot be checked against: Excel's rule", () => {
    expect(outcome(() => cchc.check(3, NA))).toEqual({ error: "#N/A", message: "Đối số thứ 2 đang có lỗi #N/A." });
    expect(outcome(() => cchc.check(NA, errorCellValue("#DIV/0!")))).toMatchObject({ error: "#DIV/0!" });
  });
});

describe("CCHC.SUBTOTAL with error cells in its columns (seed district sheet)", () => {
  const CODE = 0;
  const APPRAISED = 4;
  const columns = (grid: Grid, col: number): unknown[][] => grid.values.map((r) => [r[col]]);
  /** The seed sheet with an error in one cell: the row of `code`, column `col`. */
  function withErrorAt(code: string, col: number, error = NA): { codes: unknown[][]; points: unknown[][]; row: number } {
    const grid = districtGrid();
    const row = grid.values.findIndex((r) => r[CODE] === code);
    const codes = columns(grid, CODE);
    const points = columns(grid, APPRAISED);
    (col === CODE ? codes : points)[row] = [error];
    return { codes, points, row };
  }

  test("an error in another area's points leaves area 6 at 11.09", () => {
    const { codes, points } = withErrorAt("7.3.2", APPRAISED);
    expect(cchc.subtotal(codes, points, "6")).toBe(11.09);
  });

  test("an error in the points of a row under the code is the result, named by code and row", () => {
    const { codes, points, row } = withErrorAt("6.1.1", APPRAISED);
    expect(outcome(() => cchc.subtotal(codes, points, "6"))).toEqual({
      error: "#N/A",
      message: `Ô điểm của mã 6.1.1 (dòng ${row + 1} của vùng) đang có lỗi #N/A.`,
    });
    expect(outcome(() => cchc.subtotal(codes, points, "6.1"))).toMatchObject({ error: "#N/A" });
    expect(cchc.subtotal(codes, points, "6.2")).toBeGreaterThanOrEqual(0);
  });

  test("an error in the area's own (typed) row is in scope too: never a silent skip", () => {
    const { codes, points } = withErrorAt("6", APPRAISED, errorCellValue("#REF!"));
    expect(outcome(() => cchc.subtotal(codes, points, "6"))).toMatchObject({ error: "#VALUE!", message: expect.stringContaining("#REF!") });
    expect(cchc.subtotal(codes, points, "5")).toBeGreaterThan(0);
  });

  test("an error in the code column is the result: the row cannot be placed under any code", () => {
    const { codes, points, row } = withErrorAt("7.1", CODE, errorCellValue("#REF!"));
    expect(outcome(() => cchc.subtotal(codes, points, "6"))).toEqual({
      error: "#VALUE!",
      message: `Cột mã có lỗi #REF! ở dòng ${row + 1} của vùng: không biết dòng đó thuộc mã nào.`,
    });
  });

  test("an error as the code argument follows Excel's rule", () => {
    const grid = districtGrid();
    expect(outcome(() => cchc.subtotal(columns(grid, CODE), columns(grid, APPRAISED), NA))).toMatchObject({ error: "#N/A" });
  });
});

describe("a result beyond Excel's numbers is #NUM!", () => {
  test.each([
    ["CCHC.INDEX(1e308;1e-300)", () => cchc.index(1e308, 1e-300)],
    ["CCHC.LOST(-1e308;1)", () => cchc.lost(-1e308, 1)],
    ["CCHC.DEDUCT(1e308;1e308;-1e308)", () => cchc.deduct(1e308, 1e308, -1e308)],
  ])("%s", (_formula, body) => {
    expect(outcome(body)).toMatchObject({ error: "#NUM!", message: expect.stringMatching(/\S/) });
  });

  // Huge results that Excel can hold are Excel's answer (=ROUND(1E308-1;2) is 1E+308), not #NUM!:
  // only ROUND's scaling used to overflow them into Infinity.
  test.each([
    ["CCHC.LOST(1e308;1)", () => cchc.lost(1e308, 1)],
    ["CCHC.LOST(1e308;1e-300)", () => cchc.lost(1e308, 1e-300)],
    ["CCHC.RATIO(1;1;1e308;1e-300)", () => cchc.ratio(1, 1, 1e308, 1e-300)],
  ])("%s is 1E+308, as in Excel", (_formula, body) => {
    expect(outcome(body)).toEqual({ value: 1e308 });
  });

  test("the rule lives in guarded(): Infinity, -Infinity and NaN results", () => {
    expect(outcome(() => guarded("NUM", [], () => Infinity))).toEqual({
      error: "#NUM!",
      message: "Kết quả quá lớn: vượt giới hạn số của Excel (khoảng ±1,8 × 10^308).",
    });
    expect(outcome(() => guarded("NUM", [], () => -Infinity))).toMatchObject({ error: "#NUM!", message: expect.stringContaining("âm quá lớn") });
    expect(outcome(() => guarded("NUM", [], () => NaN))).toMatchObject({ error: "#NUM!", message: expect.stringContaining("không phải là số") });
    expect(outcome(() => guarded("NUM", [], () => -1e308))).toEqual({ value: -1e308 });
  });
});
