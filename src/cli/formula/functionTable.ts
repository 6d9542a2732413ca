// The functions `cchc eval` can call: the very CCHC.* implementations Excel calls, with the
// shape of their parameters (which take a range, how many are optional). test/build checks
// this table against the functions.json the build generates from the same functions.
import * as cchc from "../../functions/functions";
import type { FunctionCatalog, FunctionSignature } from "./parser";

export interface FunctionEntry extends FunctionSignature {
  /** Positions of the parameters Excel passes as a 2-D range (any[][]). */
  matrixParams: number[];
  implementation: (...args: unknown[]) => unknown;
}

function entry(
  name: string,
  minArgs: number,
  maxArgs: number,
  matrixParams: number[],
  implementation: (...args: never[]) => unknown,
): FunctionEntry {
  return { name, minArgs, maxArgs, matrixParams, implementation: implementation as (...args: unknown[]) => unknown };
}

export const FUNCTION_TABLE: readonly FunctionEntry[] = [
  entry("RATIO", 3, 5, [], cchc.ratio),
  entry("STEPS", 3, 3, [1, 2], cchc.steps),
  entry("DEDUCT", 3, 4, [], cchc.deduct),
  entry("INDEX", 2, 3, [], cchc.index),
  entry("GRADE", 1, 2, [1], cchc.grade),
  entry("LOST", 2, 2, [], cchc.lost),
  entry("SUBTOTAL", 3, 3, [0, 1], cchc.subtotal),
  entry("CHECK", 2, 2, [], cchc.check),
  entry("NUM", 1, 1, [], cchc.num),
];

const BY_NAME = new Map(FUNCTION_TABLE.map((e) => [e.name, e]));

export function findFunction(name: string): FunctionEntry | undefined {
  return BY_NAME.get(name.toUpperCase());
}

export const catalog: FunctionCatalog = findFunction;
