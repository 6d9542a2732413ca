// The formula reader behind `cchc eval`: separator styles, arrays, nesting, errors.
import { parseFormula, preferredStyles, parseWithStyle, MAX_FUNCTION_NESTING, MAX_NESTING, type FormulaNode } from "../../src/cli/formula/parser";
import { tokenize } from "../../src/cli/formula/lexer";
import { catalog, FUNCTION_TABLE } from "../../src/cli/formula/functionTable";
import { evaluate } from "../../src/cli/formula/evaluate";
import { FormulaSyntaxError } from "../../src/cli/formula/syntaxError";
import { installCustomFunctionsShim, ExcelErrorValue } from "../../src/cli/formula/customFunctionsShim";
import * as cchc from "../../src/functions/functions";
import { acceptsErrorAt } from "../../src/functions/errorPolicy";

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
    const result = run(formula);
    expect(result instanceof ExcelErrorValue ? result.code : result).toBe(expected);
  });

  test("the same results as calling the functions directly", () => {
    expect(run("=CCHC.RATIO(7;9;1,5)")).toBe(cchc.ratio(7, 9, 1.5));
    expect(run("=CCHC.INDEX(88;94,5)")).toBe(cchc.index(88, 94.5));
  });

  test("errors are values that flow out of nested calls, with their message", () => {
    expect(run("=CCHC.GRADE(CCHC.INDEX(1;0))")).toEqual(new ExcelErrorValue("#DIV/0!", "Điểm tối đa bằng 0: không tính được chỉ số."));
    expect(run("=CCHC.RATIO({1;2};3;1)")).toMatchObject({ code: "#VALUE!" });
    expect(run('=-"x"')).toMatchObject({ code: "#VALUE!" });
  });

  test("the table covers the nine functions", () => {
    expect(FUNCTION_TABLE.map((f) => f.name).sort()).toEqual(
      ["CHECK", "DEDUCT", "GRADE", "INDEX", "LOST", "NUM", "RATIO", "STEPS", "SUBTOTAL"],
    );
  });
});

describe("error arguments follow the table the build writes into functions.json", () => {
  const code = (formula: string) => {
    const result = run(formula);
    return result instanceof ExcelErrorValue ? result.code : result;
  };

  test("error constants are read, in formulas and in array constants", () => {
    expect(parseFormula("=#N/A", catalog).tree).toEqual({ kind: "error", code: "#N/A" });
    expect(parseFormula("=CCHC.STEPS(1;{0\\#div/0!};{1\\2})", catalog).tree).toMatchObject({
      args: [{}, { kind: "array", rows: [[0, { error: "#DIV/0!" }]] }, {}],
    });
    expect(code("=-#N/A")).toBe("#N/A");
    expect(code("=#NULL!%")).toBe("#NULL!");
  });

  test('=CCHC.CHECK(#N/A;4) answers "Không phải là số (#N/A)": CHECK sees the error', () => {
    expect(run("=CCHC.CHECK(#N/A;4)")).toBe("Không phải là số (#N/A)");
    expect(run('=CCHC.CHECK(CCHC.NUM("abc");4)')).toBe("Không phải là số (#VALUE!)");
    expect(code("=CCHC.CHECK(3;#N/A)")).toBe("#N/A");
  });

  test("a function that takes no errors is not called: the first error argument is the result", () => {
    const ratio = jest.spyOn(FUNCTION_TABLE.find((f) => f.name === "RATIO") as { implementation: () => unknown }, "implementation");
    try {
      expect(run('=CCHC.RATIO("năm";#N/A;1)')).toEqual(new ExcelErrorValue("#N/A", "Đối số thứ 2 đang có lỗi #N/A."));
      expect(ratio).not.toHaveBeenCalled();
      expect(run("=CCHC.RATIO(5;48;0,5)")).toBe(0.05);
      expect(ratio).toHaveBeenCalledTimes(1);
    } finally {
      ratio.mockRestore();
    }
    expect(code("=CCHC.RATIO(5;#REF!;1)")).toBe("#VALUE!"); // a code no function may return
    expect(code("=CCHC.STEPS(1;{0;#N/A};{1;2})")).toBe("#N/A");
  });

  test("each argument of each function: #N/A there is the result unless the table lets the function see it", () => {
    const samples: Record<string, string[]> = {
      RATIO: ["5", "48", "0,5", "1", "2"],
      STEPS: ["0,85", "{0,7;0,9}", "{1;2}"],
      DEDUCT: ["3", "2", "1", "0"],
      INDEX: ["89,21", "97", "3"],
      GRADE: ["90,41", '{90\\"A";0\\"B"}'],
      LOST: ["13", "12,89"],
      SUBTOTAL: ['{"6";"6.1";"6.2"}', '{"";1,09;2}', '"6"'],
      CHECK: ["5", "4"],
      NUM: ['"3,89"'],
    };
    for (const f of FUNCTION_TABLE) {
      samples[f.name].forEach((_, k) => {
        const args = samples[f.name].map((a, i) => (i !== k ? a : a.startsWith("{") ? a.replace(/^\{[^;\\}]+/, "{#N/A") : "#N/A"));
        const result = run(`=CCHC.${f.name}(${args.join(";")})`);
        if (acceptsErrorAt(f.name, k)) expect([f.name, k, result]).not.toEqual([f.name, k, new ExcelErrorValue("#N/A", `Đối số thứ ${k + 1} đang có lỗi #N/A.`)]);
        else expect([f.name, k, result]).toEqual([f.name, k, new ExcelErrorValue("#N/A", `Đối số thứ ${k + 1} đang có lỗi #N/A.`)]);
      });
    }
  });

  test("SUBTOTAL: an error in another code's points does not count; under the code it is the result", () => {
    expect(run('=CCHC.SUBTOTAL({"6";"6.1";"7"};{1;2;#N/A};"6")')).toBe(2);
    expect(run('=CCHC.SUBTOTAL({"6";"6.1";"7"};{1;#N/A;3};"6")')).toEqual(
      new ExcelErrorValue("#N/A", "Ô điểm của mã 6.1 (dòng 2 của vùng) đang có lỗi #N/A."),
    );
  });

  test("arguments that take errors get them in Excel's shape (Excel.ErrorCellValue), not eval's", () => {
    const check = jest.spyOn(FUNCTION_TABLE.find((f) => f.name === "CHECK") as { implementation: () => unknown }, "implementation");
    try {
      run("=CCHC.CHECK(#N/A;4)");
      expect(check).toHaveBeenCalledWith({ type: "Error", basicType: "Error", basicValue: "#N/A", errorType: "NotAvailable" }, 4);
    } finally {
      check.mockRestore();
    }
  });
});

describe("limits: nesting and numbers beyond Excel's", () => {
  const nested = (n: number) => "=" + "CCHC.NUM(".repeat(n) + '"1"' + ")".repeat(n);

  test("64 nested calls are evaluated, as Excel allows", () => {
    expect(run(nested(MAX_FUNCTION_NESTING))).toBe(1);
  });

  test("2,000 nested calls: a syntax error at the 65th call, no stack overflow", () => {
    const err = syntaxError(nested(2000));
    expect(err.message).toBe("Quá 64 hàm lồng nhau (giới hạn của Excel).");
    expect(err.pos).toBe(1 + MAX_FUNCTION_NESTING * "CCHC.NUM(".length);
  });

  test.each([
    ["signs", "=" + "-".repeat(100_000) + "1"],
    ["brackets", "=" + "(".repeat(100_000) + "1" + ")".repeat(100_000)],
  ])("100,000 nested %s: a syntax error, no stack overflow", (_label, formula) => {
    const err = syntaxError(formula);
    expect(err.message).toMatch(/lồng nhau quá sâu/);
    expect(err.pos).toBe(1 + MAX_NESTING); // after "=" and 256 levels
  });

  test("a number literal beyond Excel's numbers is refused where it stands", () => {
    const err = syntaxError("=CCHC.LOST(1e309;1)");
    expect(err.message).toMatch(/vượt giới hạn số/);
    expect(err.pos).toBe(11);
  });

  test.each([
    ["=CCHC.INDEX(1e308;1e-300)"],
    ["=CCHC.INDEX(-1e308;1e-300)"],
  ])("%s is #NUM!, never Infinity", (formula) => {
    expect(run(formula)).toMatchObject({ code: "#NUM!" });
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
    ["=CCHC.NUM(#NA)", /mã lỗi Excel/],
  ])("%p", (formula, message) => {
    const err = syntaxError(formula);
    expect(err.message).toMatch(message);
    expect(err.pos).not.toBeNull();
  });
});
