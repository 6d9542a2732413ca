// A shared formula's text in each cell that shares it: relative references move with the cell,
// absolute ones, text in quotes, function names and sheet names stay.
import { translateFormula } from "../../../../src/host/file/read/sharedFormula";

describe("translateFormula", () => {
  it.each([
    ["A3*10", 1, 0, "A4*10"],
    ["SUM($A$1:B2)+Sheet1!C3", 2, 1, "SUM($A$1:C4)+Sheet1!D5"],
    ["A$1+$A1", 3, 2, "C$1+$A4"],
    ['IF(A1>1,"A1 ""B2""","")', 1, 1, 'IF(B2>1,"A1 ""B2""","")'],
    ["LOG10(A1)+ATAN2(B1,C1)", 1, 0, "LOG10(A2)+ATAN2(B2,C2)"],
    ["SUM(A:B)+SUM(1:2)+SUM($C:$C)", 1, 1, "SUM(B:C)+SUM(2:3)+SUM($C:$C)"],
    ["'Năm A1'!B2*2", 1, 0, "'Năm A1'!B3*2"],
    ["A1-1", -1, 0, "#REF!-1"],
    ["XFD1+A1", 0, 1, "#REF!+B1"],
    ["ROUND(E5/C5*100,2)", 0, 0, "ROUND(E5/C5*100,2)"],
  ])("%s moved by %i rows and %i columns is %s", (formula, rows, cols, expected) => {
    expect(translateFormula(formula, rows, cols)).toBe(expected);
  });
});
