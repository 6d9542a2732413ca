import { excelRound, parseNumber, decimalsOf, numberOrNull } from "../../../src/engine";

describe("cell values as points", () => {
  test.each([
    [3.89, { kind: "number", value: 3.89 }],
    ["3,89", { kind: "number", value: 3.89 }],
    [" 0.5 ", { kind: "number", value: 0.5 }],
    ["\u00a012,5\u00a0", { kind: "number", value: 12.5 }],
    ["-1", { kind: "number", value: -1 }],
    [",5", { kind: "number", value: 0.5 }],
    [null, { kind: "blank" }],
    ["   ", { kind: "blank" }],
    ["KPS", { kind: "kps" }],
    ["kps", { kind: "kps" }],
    ["Không phát sinh", { kind: "kps" }],
    ["KHONG PHAT SINH", { kind: "kps" }],
    [{ error: "#N/A" }, { kind: "error", code: "#N/A" }],
    ["#DIV/0!", { kind: "error", code: "#DIV/0!" }],
    ["ba điểm", { kind: "text", text: "ba điểm" }],
    ["1.049.000", { kind: "text", text: "1.049.000" }],
    [true, { kind: "text", text: "TRUE" }],
  ])("%p → %p", (input, expected) => {
    expect(parseNumber(input as never)).toEqual(expected);
  });

  test("numberOrNull keeps only numbers", () => {
    expect(numberOrNull("2,25")).toBe(2.25);
    expect(numberOrNull("KPS")).toBeNull();
  });
});

describe("Excel's ROUND", () => {
  test.each([
    [1.005, 2, 1.01],
    [199 / 200, 2, 1],
    [0.1 + 0.2, 2, 0.3],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [-1.005, 2, -1.01],
    [(5 / 48) * 0.5, 2, 0.05],
    [(51740 / 94561) * 2, 2, 1.09],
    [(24 / 26) * 1, 2, 0.92],
    [(89.21 / 97) * 100, 3, 91.969],
    [1250, -2, 1300],
    [-0.001, 2, 0],
    // Huge values are integers already: scaling them by 10^digits must not overflow to Infinity.
    [1e308, 2, 1e308],
    [-1e308, 2, -1e308],
  ])("ROUND(%p, %p) = %p", (x, digits, expected) => {
    expect(excelRound(x, digits)).toBe(expected);
    expect(Object.is(excelRound(x, digits), -0)).toBe(false);
  });

  test("decimals typed", () => {
    expect(decimalsOf(3.89)).toBe(2);
    expect(decimalsOf(0.125)).toBe(3);
    expect(decimalsOf(0.1 + 0.2)).toBe(1);
    expect(decimalsOf(7)).toBe(0);
    expect(decimalsOf(1e-7)).toBe(7);
  });
});
