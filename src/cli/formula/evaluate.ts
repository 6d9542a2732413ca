// Evaluates a parsed formula by calling the CCHC.* implementations, the way Excel does:
//  - an error (a constant such as #N/A, or raised by a function) is a value that flows on;
//  - before a call, an error in an argument that does not take errors is the result and the
//    function is not called (errorPolicy.ts, the same table the build writes into functions.json);
//  - arguments that do take errors get them in the shape Excel passes (an Excel.ErrorCellValue).
import type { FormulaNode, Literal } from "./parser";
import { findFunction, type FunctionEntry } from "./functionTable";
import { ExcelErrorValue, errorCellValue } from "./customFunctionsShim";
import { excelError, isExcelError, passOnRefused } from "../../functions/excelErrors";
import { refusedError } from "../../functions/errorPolicy";
import { parseNumber } from "../../engine/core/numbers";

export type Scalar = number | string | boolean | ExcelErrorValue;
export type FormulaValue = Scalar | Scalar[][];

export function evaluate(node: FormulaNode): FormulaValue {
  switch (node.kind) {
    case "number":
    case "string":
    case "boolean":
      return node.value;
    case "error":
      return new ExcelErrorValue(node.code);
    case "array":
      return node.rows.map((row) => row.map(element));
    case "negate":
      return arithmetic(evaluate(node.operand), (x) => -x);
    case "percent":
      return arithmetic(evaluate(node.operand), (x) => x / 100);
    case "call":
      return call(node.name, node.args);
  }
}

function element(literal: Literal): Scalar {
  return typeof literal === "object" ? new ExcelErrorValue(literal.error) : literal;
}

function call(name: string, args: (FormulaNode | null)[]): FormulaValue {
  const fn = findFunction(name) as FunctionEntry;
  const values: unknown[] = [];
  for (const [k, arg] of args.entries()) {
    if (arg === null) {
      values.push(null); // an omitted optional argument, as Excel passes it
      continue;
    }
    const value = evaluate(arg);
    if (fn.matrixParams.includes(k)) values.push(Array.isArray(value) ? value : [[value]]);
    else if (!Array.isArray(value)) values.push(value);
    else if (value.length === 1 && value[0].length === 1) values.push(value[0][0]);
    else return caught(() => excelError("#VALUE!", `Đối số thứ ${k + 1} của CCHC.${name} phải là một giá trị, không phải một mảng.`));
  }
  const refused = refusedError(name, values);
  if (refused) return caught(() => passOnRefused(refused));
  try {
    return fn.implementation(...values.map(asExcelPasses)) as FormulaValue;
  } catch (err) {
    if (isExcelError(err)) return err instanceof ExcelErrorValue ? err : new ExcelErrorValue(err.code, err.message);
    throw err;
  }
}

/** An argument as Excel hands it: error values as Excel.ErrorCellValue objects. */
function asExcelPasses(value: unknown): unknown {
  if (value instanceof ExcelErrorValue) return errorCellValue(value.code);
  return Array.isArray(value) ? value.map(asExcelPasses) : value;
}

/** The error value a runtime error constructor made (the shim installed by `cchc eval`). */
function caught(make: () => object): ExcelErrorValue {
  const error = make();
  if (error instanceof ExcelErrorValue) return error;
  const { code, message } = error as { code: string; message?: string };
  return new ExcelErrorValue(code, message);
}

function arithmetic(value: FormulaValue, op: (x: number) => number): FormulaValue {
  if (value instanceof ExcelErrorValue) return value; // -#N/A is #N/A, as in Excel
  if (typeof value === "number") return op(value);
  if (typeof value === "string") {
    const parsed = parseNumber(value);
    if (parsed.kind === "number") return op(parsed.value);
  }
  return caught(() => excelError("#VALUE!", "Dấu trừ và dấu % chỉ dùng với số."));
}
