// The CCHC.* custom functions as Excel calls them: scalars, 2-D ranges, errors raised with
// CustomFunctions.Error (here the stand-in that `cchc eval` installs, same code strings).
import * as cchc from "../../src/functions/functions";
import { setFunctionBands, getFunctionBands, DOCUMENT_SETTINGS_KEY } from "../../src/functions/functionSettings";
import { SETTINGS_KEY } from "../../src/host/office/officeSettings";
import { installCustomFunctionsShim, ExcelErrorValue } from "../../src/cli/formula/customFunctionsShim";
import { DEFAULT_BANDS } from "../../src/engine/core/grades";
import { DISTRICT_CRITERIA, AREA_MAXIMA, districtGrid, seedSum } from "../fixtures/seed";
import type { Grid } from "../../src/engine/core/types";

beforeAll(() => installCustomFunctionsShim());
afterEach(() => setFunctionBands([]));

function excelErrorOf(body: () => unknown): { code: string; message?: string } {
  try {
    body();
  } catch (err) {
    if (err instanceof ExcelErrorValue) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error("expected an Excel error");
}

const column = (xs: unknown[]): unknown[][] => xs.map((x) => [x]);
const row = (xs: unknown[]): unknown[][] => [xs];

describe("the issue's examples", () => {
  test("CCHC.RATIO", () => {
    expect(cchc.ratio(5, 48, 0.5)).toBe(0.05);
    expect(cchc.ratio(51740, 94561, 2)).toBe(1.09);
    expect(cchc.ratio(24, 26, 1)).toBe(0.92);
    expect(cchc.ratio(45, 198, 1, 0.5)).toBe(0.45);
    expect(cchc.ratio(199, 200, 1)).toBe(1);
  });
  test("CCHC.STEPS with ranges as columns, as rows and as array constants", () => {
    expect(cchc.steps(0.85, column([0.7, 0.9]), column([1, 2]))).toBe(1);
    expect(cchc.steps(0.9, row([0.7, 0.9]), row([1, 2]))).toBe(2);
    expect(cchc.steps(0.5, row([0.7, 0.9]), column([1, 2]))).toBe(0);
    expect(cchc.steps("0,85", column(["0,7", "0,9"]), column([1, 2]))).toBe(1);
    expect(cchc.steps("85%", column(["70%", "90 %"]), column([1, 2]))).toBe(1);
    expect(cchc.steps("90%", column(["70%", "90%"]), column([1, 2]))).toBe(2);
  });
  test("CCHC.DEDUCT", () => {
    expect(cchc.deduct(3, 2, 1)).toBe(1);
    expect(cchc.deduct(3, 5, 1)).toBe(0);
    expect(cchc.deduct(3, 5, 1, 0.5)).toBe(0.5);
  });
  test("CCHC.INDEX", () => {
    expect(cchc.index(89.21, 97, 3)).toBe(91.969);
    expect(cchc.index(86.92, 95.5, 2)).toBe(91.02);
    expect(cchc.index(89.21, 97)).toBe((89.21 / 97) * 100);
  });
  test("CCHC.GRADE", () => {
    expect(cchc.grade(90.41)).toBe("Xuất sắc");
    expect(cchc.grade(89.23)).toBe("Tốt");
    expect(cchc.grade(cchc.index(82.06, 95.5))).toBe("Tốt");
  });
  test("CCHC.LOST", () => {
    expect(cchc.lost(0.5, 0.26)).toBe(0.24);
    expect(cchc.lost(13, 12.89)).toBe(0.11);
  });
  test("CCHC.CHECK", () => {
    expect(cchc.check(5, 4)).toBe("Vượt điểm tối đa (4)");
    expect(cchc.check(3.5, 4)).toBe("");
    expect(cchc.check("KPS", 4)).toBe("");
  });
  test("CCHC.NUM", () => {
    expect(cchc.num("3,89")).toBe(3.89);
    expect(cchc.num("51.740")).toBe(51740);
  });
});

describe("error cases give the Excel error and a Vietnamese message", () => {
  test.each([
    ["whole = 0", () => cchc.ratio(5, 0, 1), "#DIV/0!"],
    ["blank whole (an empty cell)", () => cchc.ratio(5, null, 1), "#DIV/0!"],
    ["negative part", () => cchc.ratio(-5, 48, 1), "#NUM!"],
    ["part > whole", () => cchc.ratio(49, 48, 1), "#NUM!"],
    ["text part", () => cchc.ratio("năm", 48, 1), "#VALUE!"],
    ["KPS as a number", () => cchc.ratio("KPS", 48, 1), "#VALUE!"],
    ["boolean", () => cchc.ratio(true, 48, 1), "#VALUE!"],
    ["mismatched STEPS lists", () => cchc.steps(0.8, column([0.7, 0.9]), column([1])), "#VALUE!"],
    ["STEPS thresholds not ascending", () => cchc.steps(0.8, column([0.9, 0.7]), column([1, 2])), "#VALUE!"],
    ["STEPS with a 2×2 range", () => cchc.steps(0.8, [[0.7, 0.9], [1, 2]], column([1, 2])), "#VALUE!"],
    ["STEPS pair with one side blank", () => cchc.steps(0.8, column([0.7, null]), column([1, 2])), "#VALUE!"],
    ["DEDUCT negative count", () => cchc.deduct(3, -1, 1), "#NUM!"],
    ["INDEX max 0", () => cchc.index(1, 0), "#DIV/0!"],
    ["INDEX text", () => cchc.index("x", 97), "#VALUE!"],
    ["GRADE negative", () => cchc.grade(-1), "#NUM!"],
    ["GRADE bands of three columns", () => cchc.grade(50, [[90, "A", 1]]), "#VALUE!"],
    ["LOST achieved > max", () => cchc.lost(1, 2), "#NUM!"],
    ["CHECK negative max", () => cchc.check(1, -4), "#NUM!"],
    ["CHECK text max", () => cchc.check(1, "bốn"), "#VALUE!"],
    ["NUM of words", () => cchc.num("ba phẩy tám"), "#VALUE!"],
    ["NUM of a blank", () => cchc.num(null), "#VALUE!"],
  ])("%s → %s", (_label, body, code) => {
    const err = excelErrorOf(body);
    expect(err.code).toBe(code);
    expect(err.message).toEqual(expect.stringMatching(/\S/));
  });

  test("an error value passed in comes out unchanged", () => {
    const na = new ExcelErrorValue("#N/A", "từ ô khác");
    expect(excelErrorOf(() => cchc.ratio(na, 48, 1))).toEqual({ code: "#N/A", message: "từ ô khác" });
    expect(cchc.check(na, 4)).toBe("Không phải là số (#N/A)");
  });

  test("data-type cell values (Excel.CellValue objects) are read by their basic value", () => {
    expect(cchc.ratio({ type: "Double", basicValue: 5 }, { type: "FormattedNumber", basicValue: 48, numberFormat: "0" }, 0.5)).toBe(0.05);
    expect(cchc.num({ type: "String", basicValue: "3,89" })).toBe(3.89);
    expect(cchc.check({ type: "Empty", basicValue: "" }, 4)).toBe("");
    expect(excelErrorOf(() => cchc.lost({ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }, 1)).code).toBe("#N/A");
    // #REF! cannot be returned by a custom function: it becomes #VALUE! naming it.
    const ref = excelErrorOf(() => cchc.lost({ type: "Error", basicValue: "#REF!" }, 1));
    expect(ref).toEqual({ code: "#VALUE!", message: "Đối số thứ 1 đang có lỗi #REF!." });
    expect(cchc.steps(0.8, [[{ type: "Double", basicValue: 0.7 }], [0.9]], [[1], [{ type: "Double", basicValue: 2 }]])).toBe(1);
  });

  test("the message names the problem", () => {
    expect(excelErrorOf(() => cchc.ratio(5, 0, 1)).message).toBe("Tổng số bằng 0: không thể chia.");
    expect(excelErrorOf(() => cchc.steps(1, row([0.7, 0.9]), row([1]))).message).toBe(
      "Danh sách ngưỡng (2 giá trị) và danh sách điểm (1 giá trị) phải dài bằng nhau.",
    );
  });
});

describe("optional arguments left out", () => {
  test("null and undefined both mean the default", () => {
    expect(cchc.ratio(5, 48, 0.5, null, null)).toBe(0.05);
    expect(cchc.ratio(5, 48, 0.5, undefined, 3)).toBe(0.052);
    expect(cchc.deduct(3, 5, 1, null)).toBe(0);
    expect(cchc.index(89.21, 97, null)).toBe((89.21 / 97) * 100);
    expect(cchc.grade(75, [[null, null]])).toBe("Khá");
  });
  test("STEPS skips the blank tail of a range chosen too large", () => {
    expect(cchc.steps(0.95, column([0.7, 0.9, "", null]), column([1, 2, "", null]))).toBe(2);
  });
});

describe("CCHC.GRADE bands", () => {
  test("a two-column range in the formula, either order, as rows or columns", () => {
    const bands = [
      [85, "Tốt"],
      [0, "Chưa tốt"],
    ];
    expect(cchc.grade(86, bands)).toBe("Tốt");
    expect(cchc.grade(84.99, bands)).toBe("Chưa tốt");
    expect(cchc.grade(86, bands.map(([a, b]) => [b, a]))).toBe("Tốt");
    expect(cchc.grade(86, [[85, 0, 70], ["Tốt", "Chưa tốt", "Khá"]])).toBe("Tốt");
    expect(cchc.grade(80, [[85, 0, 70], ["Tốt", "Chưa tốt", "Khá"]])).toBe("Khá");
  });
  test("defaults come from setFunctionBands (the workbook setting)", () => {
    expect(getFunctionBands()).toEqual(DEFAULT_BANDS);
    setFunctionBands([
      { min: 95, name: "Xuất sắc" },
      { min: 0, name: "Khác" },
    ]);
    expect(cchc.grade(90.41)).toBe("Khác");
    expect(cchc.grade(96)).toBe("Xuất sắc");
    setFunctionBands([]);
    expect(cchc.grade(90.41)).toBe("Xuất sắc");
  });
  test("the setting is shared through one global slot (task pane and functions are two bundles)", () => {
    setFunctionBands([{ min: 0, name: "Một loại" }]);
    jest.isolateModules(() => {
      // A second copy of the module, as the task pane bundle would have it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const other = require("../../src/functions/functionSettings") as typeof import("../../src/functions/functionSettings");
      expect(other.getFunctionBands()).toEqual([{ min: 0, name: "Một loại" }]);
    });
  });
  test("before the pane has started, the bands saved in the workbook's document settings are used", () => {
    const holder = globalThis as unknown as Record<symbol | string, unknown>;
    const slot = Symbol.for("cchc.functionBands");
    let saved: unknown = { bands: [{ min: 0, name: "Dưới chuẩn" }, { min: 95, name: "Xuất sắc" }], official: "auto", columnMaps: {} };
    const asked: string[] = [];
    try {
      // The functions runtime has just loaded: no pane yet (the slot is empty).
      delete holder[slot];
      expect(getFunctionBands()).toEqual(DEFAULT_BANDS); // Node: no Office at all
      holder.Office = { context: { document: { settings: { get: (name: string) => (asked.push(name), saved) } } } };
      expect(cchc.grade(91.97)).toBe("Dưới chuẩn");
      expect(cchc.grade(96)).toBe("Xuất sắc");
      expect(getFunctionBands()).toEqual([{ min: 95, name: "Xuất sắc" }, { min: 0, name: "Dưới chuẩn" }]);
      expect(asked[0]).toBe(SETTINGS_KEY);
      // Nothing (valid) saved: the defaults.
      saved = { bands: [{ min: "x", name: "A" }] };
      expect(getFunctionBands()).toEqual(DEFAULT_BANDS);
      saved = null;
      expect(cchc.grade(91.97)).toBe("Xuất sắc");
      // Office not ready: the defaults, no error.
      holder.Office = { context: undefined };
      expect(getFunctionBands()).toEqual(DEFAULT_BANDS);
      // Once the pane hands bands over, they win.
      holder.Office = { context: { document: { settings: { get: () => ({ bands: [{ min: 0, name: "Cũ" }] }) } } } };
      setFunctionBands([{ min: 0, name: "Từ ngăn tác vụ" }]);
      expect(cchc.grade(50)).toBe("Từ ngăn tác vụ");
    } finally {
      delete holder.Office;
    }
    expect(DOCUMENT_SETTINGS_KEY).toBe(SETTINGS_KEY);
  });
  test("invalid settings are refused", () => {
    expect(() => setFunctionBands([{ min: Number.NaN, name: "A" }])).toThrow(/không hợp lệ/);
    expect(() => setFunctionBands([{ min: 1, name: " " }])).toThrow(/không hợp lệ/);
  });
});

describe("CCHC.SUBTOTAL over the seed's district sheet", () => {
  const columns = (grid: Grid, col: number): unknown[][] => grid.values.map((r) => [r[col]]);
  const CODE = 0;
  const APPRAISED = 4;
  const SELF = 3;

  test('"6" gives 11.09 (the report printed 10)', () => {
    const grid = districtGrid();
    expect(cchc.subtotal(columns(grid, CODE), columns(grid, APPRAISED), "6")).toBe(11.09);
  });

  test("every area and criterion adds up to the seed's leaves, also with typed area values", () => {
    const grid = districtGrid({ typedAreas: { "6": 10 } });
    for (const c of DISTRICT_CRITERIA) {
      expect(cchc.subtotal(columns(grid, CODE), columns(grid, APPRAISED), c.code)).toBe(seedSum(c.code, "appraised"));
      // Self-assessed points are the fixture's own: the seed report gives no district self-assessment.
      expect(cchc.subtotal(columns(grid, CODE), columns(grid, SELF), c.code)).toBe(seedSum(c.code, "self"));
    }
  });

  test("numeric codes, decimal-comma text and a numeric code argument", () => {
    const grid = districtGrid({ numericCodes: true, commaText: true });
    expect(cchc.subtotal(columns(grid, CODE), columns(grid, APPRAISED), 6)).toBe(11.09);
    expect(cchc.subtotal(columns(grid, CODE), columns(grid, APPRAISED), 5.6)).toBe(1);
    expect(cchc.subtotal(columns(grid, CODE), columns(grid, APPRAISED), "VI")).toBe(11.09);
    expect(cchc.subtotal(columns(grid, CODE), columns(grid, 2), "7")).toBe(AREA_MAXIMA[6]);
  });

  test("a leaf is itself; blanks and KPS are skipped", () => {
    expect(cchc.subtotal(column(["1", "1.1", "1.2", "1.3"]), column([null, 2, "KPS", ""]), "1")).toBe(2);
    expect(cchc.subtotal(column(["1", "1.1", "1.2"]), column([null, 2, 0.5]), "1.2")).toBe(0.5);
  });

  test("a code that is absent is #N/A, a bad code or mismatched columns #VALUE!", () => {
    const grid = districtGrid();
    expect(excelErrorOf(() => cchc.subtotal(columns(grid, CODE), columns(grid, APPRAISED), "9")).code).toBe("#N/A");
    expect(excelErrorOf(() => cchc.subtotal(columns(grid, CODE), columns(grid, APPRAISED), "abc")).code).toBe("#VALUE!");
    expect(excelErrorOf(() => cchc.subtotal(column(["1", "1.1"]), column([1]), "1")).code).toBe("#VALUE!");
  });
});
