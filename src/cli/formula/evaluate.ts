// Evaluates a parsed formula by calling the CCHC.* implementations. An Excel error raised by
// a function (CustomFunctions.Error) propagates, as in Excel, to the caller.
import type { FormulaNode, Literal } from "./parser";
import { findFunction, type FunctionEntry } from "./functionTable";
import { excelError } from "../../functions/excelErrors";
import { parseNumber } from "../../engine/numbers";

export type FormulaValue = Literal | Literal[][];

export function evaluate(node: FormulaNode): FormulaValue {
  switch (node.kind) {
    case "number":
    case "string":
    case "boolean":
      return node.value;
    case "array":
      return node.rows.map((row) => [...row]);
    case "negate":
      return -numeric(evaluate(node.operand));
    case "percent":
      return numeric(evaluate(node.operand)) / 100;
    case "call":
      return call(node.name, node.args);
  }
}

function call(name: string, args: (FormulaNode | null)[]): FormulaValue {
  const fn = findFunction(name) as FunctionEntry;
  const values = args.map((arg, k) => {
    if (arg === null) return null; // an omitted optional argument, as Excel passes it
    const value = evaluate(arg);
    if (fn.matrixParams.includes(k)) return Array.isArray(value) ? value : [[value]];
    if (!Array.isArray(value)) return value;
    if (value.length === 1 && value[0].length === 1) return value[0][0];
    throw excelError("#VALUE!", `Đối số thứ ${k + 1} của CCHC.${name} phải là một giá trị, không phải một mảng.`);
  });
  return fn.implementation(...values) as FormulaValue;
}

function numeric(value: FormulaValue): number {
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    const parsed = parseNumber(value);
    if (parsed.kind === "number") return parsed.value;
  }
  throw excelError("#VALUE!", "Dấu trừ và dấu % chỉ dùng với số.");
}
