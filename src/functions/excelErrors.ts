// Excel errors for the custom functions, made with the runtime's CustomFunctions.Error.
// The global is looked up when an error is raised, never at load time, so the same module
// runs in Node (the `cchc eval` command installs a small stand-in first).
import { RuleError, type RuleErrorCode } from "../engine/scoring/scoringRules";
import { refusedError, type RefusedError } from "./errorPolicy";

/** What the functions use of the runtime's `CustomFunctions` global. */
export interface CustomFunctionsErrorApi {
  Error: new (code: string, message?: string) => object;
  ErrorCode: Record<"invalidValue" | "notAvailable" | "divisionByZero" | "invalidNumber", string>;
}

const ERROR_CODE_KEYS: Record<RuleErrorCode, keyof CustomFunctionsErrorApi["ErrorCode"]> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#DIV/0!": "divisionByZero",
  "#NUM!": "invalidNumber",
};

function runtime(): CustomFunctionsErrorApi {
  const api = (globalThis as { CustomFunctions?: CustomFunctionsErrorApi }).CustomFunctions;
  if (!api || typeof api.Error !== "function") {
    throw new Error("CustomFunctions runtime is not available");
  }
  return api;
}

/**
 * An Excel error value. Excel shows custom messages only for #VALUE! and #N/A (it ignores
 * them for #DIV/0! and #NUM!); the message is passed anyway so `cchc eval` can print it.
 */
export function excelError(code: RuleErrorCode, message: string): object {
  const api = runtime();
  return new api.Error(api.ErrorCode[ERROR_CODE_KEYS[code]], message);
}

/**
 * The same Excel error raised again for an error value passed in (from a cell or a nested
 * call). Codes a function may not return (#REF!, #NAME? ...) become #VALUE! naming them.
 */
export function passOn(error: { code: string; message?: string }): object {
  const known: Record<string, RuleErrorCode> = { "#VALUE!": "#VALUE!", "#N/A": "#N/A", "#DIV/0!": "#DIV/0!", "#NUM!": "#NUM!" };
  const code = known[error.code.toUpperCase()];
  const message = error.message || `Đối số đang có lỗi ${error.code}.`;
  return excelError(code ?? "#VALUE!", message);
}

/** The error Excel's rule makes the result: the argument's own, its message naming the argument. */
export function passOnRefused(refused: RefusedError): object {
  return passOn({ code: refused.code, message: refused.message || `Đối số thứ ${refused.position + 1} đang có lỗi ${refused.code}.` });
}

/** True for an error value made by the runtime (or its stand-in): it carries an Excel code. */
export function isExcelError(value: unknown): value is { code: string; message?: string } {
  if (typeof value !== "object" || value === null) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}

/**
 * Runs the body of custom function `id` called with `args`:
 *  - an error in an argument that does not take errors is the result, the body never runs
 *    (Excel's rule, which the add-in-wide allowErrorForDataTypeAny switches off: errorPolicy.ts);
 *  - a RuleError becomes its Excel error; anything unexpected becomes #VALUE!;
 *  - a result beyond Excel's numbers (±Infinity, NaN) is #NUM!, never a number.
 */
export function guarded<T>(id: string, args: readonly unknown[], body: () => T): T {
  const refused = refusedError(id, args);
  if (refused) throw passOnRefused(refused);
  let result: T;
  try {
    result = body();
  } catch (err) {
    if (err instanceof RuleError) throw excelError(err.code, err.message);
    if (isExcelError(err)) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    throw excelError("#VALUE!", `Lỗi không mong đợi: ${detail}`);
  }
  if (typeof result === "number" && !Number.isFinite(result)) throw excelError("#NUM!", nonFiniteMessage(result));
  return result;
}

function nonFiniteMessage(value: number): string {
  if (Number.isNaN(value)) return "Kết quả không xác định (không phải là số).";
  const side = value > 0 ? "quá lớn" : "âm quá lớn";
  return `Kết quả ${side}: vượt giới hạn số của Excel (khoảng ±1,8 × 10^308).`;
}
