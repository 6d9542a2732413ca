// The formula reader behind `cchc eval`: separator styles, arrays, nesting, errors.
import { parseFormula, preferredStyles, parseWithStyle, type FormulaNode } from "../../src/cli/formula/parser";
import { tokenize } from "../../src/cli/formula/lexer";
import { catalog, FUNCTION_TABLE } from "../../src/cli/formula/functionTable";
import { evaluate } from "../../src/cli/formula/evaluate";
import { FormulaSyntaxError } from "../../src/cli/formula/syntaxError";
import { installCustomFunctionsShim, ExcelErrorValue } from "../../src/cli/formula/customFunctionsShim";
import * as cchc from "../../src/functions/functions";

beforeAll(() => installCustomFunctionsShim());

const run = (formula: string) => evaluate(parseFormula(formula, catalog).tree);

function syntaxError(formula: string): FormulaSyntaxError {
  try {
    parseFormula(formula, catalog);
  } catch (err) {
    if (err instanceof FormulaSyntaxError) return err;
    throw err;
  }
  throw new Error(`expected ${formula} to be rejected`);
}

describe("separator style", () => {
  test.each([
    ["=CCHC.RATIO(5;48;0,5)", "semicolon"],
    ["=CCHC.RATIO(5,48,0.5)", "comma"],
    ["=CCHC.STEPS(0.85,{0.7;0.9},{1;2})", "comma"],
    ["=CCHC.STEPS(0,85;{0,7;0,9};{1;2})", "semicolon"],
    ['=CCHC.NUM("1;2.5")', "semicolon"],
    ["=CCHC.GRADE(90,41)", "semicolon"],
  ])("%s prefers the %s style", (formula, style) => {
    expect(preferredStyles(formula)[0]).toBe(style);
  });

  test("falls back to the other style when the preferred one cannot be read", () => {
    expect(parseFormula("=CCHC.RATIO(5,48,1)", catalog).style).toBe("comma"); // "5,48,1" is no number
    expect(parseFormula("=CCHC.LOST(13,12)", catalog).style).toBe("comma"); // LOST(13,12) needs two arguments
    expect(parseFormula("=CCHC.GRADE(90,41)", catalog).style).toBe("semicolon");
    expect(parseFormula("=CCHC.STEPS(0.85,{0.7;0.9},{1;2})", catalog).style).toBe("comma");
  });

  test("array constants: rows and columns in both styles", () => {
    const arrays = (formula: string) => (parseFormula(formula, catalog).tree as Extract<FormulaNode, { kind: "call" }>).args;
    expect(arrays("=CCHC.STEPS(1;{0,7;0,9};{1\\2})")[1]).toEqual({ kind: "array", rows: [[0.7], [0.9]] });
    expect(arrays("=CCHC.STEPS(1;{0,7;0,9};{1\\2})")[2]).toEqual({ kind: "array", rows: [[1, 2]] });
    expect(arrays('=CCHC.GRADE(1,{90,"A";0,"B"})')[1]).toEqual({ kind: "array", rows: [[90, "A"], [0, "B"]] });
    expect(arrays("=CCHC.STEPS(1,{-1,50%},{1,2})")[1]).toEqual({ kind: "array", rows: [[-1, 0.5]] });
  });

  test("tokens carry positions", () => {
    expect(tokenize("=RATIO(1;2)", "semicolon").map((t) => [t.kind, t.pos])).toEqual([
      ["punct", 0],
      ["name", 1],
      ["punct", 6],
      ["number", 7],
      ["argSep", 8],
      ["number", 9],
      ["punct", 10],
      ["end", 11],
    ]);
    expect(() => parseWithStyle("=CCHC.RATIO(5,48,0.5)", "semicolon", catalog)).toThrow(FormulaSyntaxError);
  });
});

describe("evaluation calls the functions Excel calls", () => {
  test.each([
    ["=CCHC.RATIO(5;48;0,5)", 0.05],
    ["=CCHC.RATIO(5,48,0.5)", 0.05],
    ["CCHC.RATIO(51740;94561;2)", 1.09],
    ["=cchc.ratio(24;26;1)", 0.92],
    ["=RATIO(45;198;1;0,5)", 0.45],
    ["=CCHC.RATIO(199;200;1)", 1],
    ["=CCHC.RATIO(5;48;0,5;;3)", 0.052],
    ["=CCHC.STEPS(0,85;{0,7;0,9};{1;2})", 1],
    ["=CCHC.STEPS(0,9;{0,7;0,9};{1;2})", 2],
    ["=CCHC.STEPS(50%;{0,7;0,9};{1;2})", 0],
    ["=CCHC.DEDUCT(3;2;1)", 1],
    ["=CCHC.DEDUCT(3;5;1)", 0],
    ["=CCHC.INDEX(89,21;97;3)", 91.969],
    ["=CCHC.INDEX(86,92;95,5;2)", 91.02],
    ["=CCHC.GRADE(90,41)", "Xuất sắc"],
    ["=CCHC.GRADE(89,23)", "Tốt"],
    ["=CCHC.GRADE(CCHC.INDEX(82,06;95,5))", "Tốt"],
    ['=CCHC.GRADE(75;{90\\"A";70\\"B";0\\"C"})', "B"],
    ["=CCHC.LOST(0,5;0,26)", 0.24],
    ["=CCHC.LOST(13;12,89)", 0.11],
    ['=CCHC.SUBTOTAL({"1";"1.1";"1.2"};{"";2;"KPS"};"1")', 2],
    ["=CCHC.CHECK(5;4)", "Vượt điểm tối đa (4)"],
    ["=CCHC.CHECK(3,5;4)", ""],
    ['=CCHC.NUM("3,89")', 3.89],
    ['=CCHC.NUM("say ""3,89""")', "#VALUE!"],
    ["=CCHC.LOST(13;-(-12,89))", 0.11],
    ["=  CCHC.LOST ( 13 ; 12,89 )", 0.11],
  ])("%s → %p", (formula, expected) => {
    let result: unknown;
    try {
      result = run(formula);
    } catch (err) {
      if (!(err instanceof ExcelErrorValue)) throw err;
      result = err.code;
    }
    expect(result).toBe(expected);
  });

  test("the same results as calling the functions directly", () => {
    expect(run("=CCHC.RATIO(7;9;1,5)")).toBe(cchc.ratio(7, 9, 1.5));
    expect(run("=CCHC.INDEX(88;94,5)")).toBe(cchc.index(88, 94.5));
  });

  test("errors propagate out of nested calls", () => {
    expect(() => run("=CCHC.GRADE(CCHC.INDEX(1;0))")).toThrow(expect.objectContaining({ code: "#DIV/0!" }));
    expect(() => run("=CCHC.RATIO({1;2};3;1)")).toThrow(expect.objectContaining({ code: "#VALUE!" }));
    expect(() => run('=-"x"')).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });

  test("the table covers the nine functions", () => {
    expect(FUNCTION_TABLE.map((f) => f.name).sort()).toEqual(
      ["CHECK", "DEDUCT", "GRADE", "INDEX", "LOST", "NUM", "RATIO", "STEPS", "SUBTOTAL"],
    );
  });
});

describe("malformed formulas are rejected with a Vietnamese message and a position", () => {
  test.each([
    ["", /trống/],
    ["=", /trống/],
    ["=CCHC.RATIO(5;48", /ngoặc đóng/],
    ["=CCHC.RATIO(5;48;0,5))", /Thừa/],
    ["=CCHC.FOO(1)", /Không có hàm "CCHC.FOO"/],
    ["=CCHC.RATIO(5;48)", /cần từ 3 đến 5 đối số, nhưng có 2/],
    ["=CCHC.RATIO(5;;0,5)", /thiếu đối số thứ 2/],
    ["=CCHC.NUM(A1)", /tham chiếu ô/],
    ['=CCHC.NUM("3,89)', /ngoặc kép/],
    ["=CCHC.STEPS(1;{0,7;0,9;{1;2})", /Không mong đợi|mảng/i],
    ["=CCHC.STEPS(1;{1\\2;3};{1;2})", /cùng số phần tử/],
    ["=CCHC.STEPS(1;{CCHC.NUM(1)};{1})", /Mảng hằng chỉ chứa/],
    ["=CCHC.RATIO(5;48;0,5) + 1", /Ký tự không hợp lệ|Thừa/],
    ["=CCHC.RATIO(1,2,3;4)", /hai dấu thập phân|Không mong đợi|Ký tự/],
  ])("%p", (formula, message) => {
    const err = syntaxError(formula);
    expect(err.message).toMatch(message);
    expect(err.pos).not.toBeNull();
  });
});
