// Which arguments of each CCHC function may be error values (src/functions/errorArguments.json,
// also read by the build step that writes functions.json). For every other argument the rule
// is Excel's own for a function that does not take errors: the first error argument, in
// argument order and a range row by row, is the result and the function body never runs.
//
// Excel's switch (allowErrorForDataTypeAny) is one for the whole add-in: once CHECK needs it,
// Excel hands errors to every `any` parameter of every function. So the functions apply this
// policy themselves (excelErrors.guarded), and `cchc eval` applies the same one before calling.
import table from "./errorArguments.json";
import { errorValueOf, type ErrorValue } from "./errorValues";

/** An error found in an argument that does not take errors: the error and its position (0-based). */
export interface RefusedError extends ErrorValue {
  position: number;
}

const ACCEPTING: ReadonlyMap<string, ReadonlySet<number>> = new Map(
  Object.entries(table as Record<string, unknown>)
    .filter(([id]) => !id.startsWith("//"))
    .map(([id, params]) => [id, new Set(Object.values(params as Record<string, number>))]),
);

/** True when Excel hands error values to parameter `position` of function `id`. */
export function acceptsErrorAt(id: string, position: number): boolean {
  return ACCEPTING.get(id)?.has(position) ?? false;
}

/** The ids of the functions that take errors in at least one parameter. */
export function functionsTakingErrors(): string[] {
  return [...ACCEPTING.keys()].sort();
}

/** The first error in an argument that must not see one, or null: Excel's rule, above. */
export function refusedError(id: string, args: readonly unknown[]): RefusedError | null {
  for (let position = 0; position < args.length; position++) {
    if (acceptsErrorAt(id, position)) continue;
    const error = firstError(args[position]);
    if (error) return { ...error, position };
  }
  return null;
}

function firstError(value: unknown): ErrorValue | null {
  if (!Array.isArray(value)) return errorValueOf(value);
  for (const item of value) {
    const error = firstError(item);
    if (error) return error;
  }
  return null;
}
