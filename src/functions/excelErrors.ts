// Excel errors for the custom functions, made with the runtime's CustomFunctions.Error.
// The global is looked up when an error is raised, never at load time, so the same module
// runs in Node (the `cchc eval` command installs a small stand-in first).
import { RuleError, type RuleErrorCode } from "../engine/scoringRules";

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
  if (code) return excelError(code, error.message || `Đối số đang có lỗi ${error.code}.`);
  return excelError("#VALUE!", `Đối số đang có lỗi ${error.code}.`);
}

/** True for an error value made by the runtime (or its stand-in): it carries an Excel code. */
export function isExcelError(value: unknown): value is { code: string; message?: string } {
  if (typeof value !== "object" || value === null) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}

/** Runs a rule: a RuleError becomes its Excel error; anything unexpected becomes #VALUE!. */
export function guarded<T>(body: () => T): T {
  try {
    return body();
  } catch (err) {
    if (err instanceof RuleError) throw excelError(err.code, err.message);
    if (isExcelError(err)) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    throw excelError("#VALUE!", `Lỗi không mong đợi: ${detail}`);
  }
}
