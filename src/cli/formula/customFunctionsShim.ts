// Outside Excel there is no `CustomFunctions` global. This stand-in provides the two members
// the CCHC functions use (Error and ErrorCode, with the runtime's code strings) so Node runs
// the very same function code Excel runs.
import { ERROR_TYPE_CODES } from "../../functions/errorValues";

/** Mirrors CustomFunctions.Error: an Excel error code and an optional message. */
export class ExcelErrorValue {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

/** The runtime's ErrorCode values (CustomFunctions.ErrorCode). */
export const ERROR_CODES = Object.freeze({
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
});

/** Installs the stand-in unless a real runtime (or an earlier install) is present. */
export function installCustomFunctionsShim(): void {
  const g = globalThis as { CustomFunctions?: unknown };
  if (g.CustomFunctions !== undefined) return;
  g.CustomFunctions = {
    Error: ExcelErrorValue,
    ErrorCode: ERROR_CODES,
    // Registration is Excel's business; nothing to do in Node.
    associate: () => undefined,
  };
}

const ERROR_TYPES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ERROR_TYPE_CODES).map(([type, code]) => [code, type]),
);

/**
 * An error value in the shape Excel hands it to a parameter that takes errors (functions.json's
 * allowErrorForDataTypeAny with allowCustomDataForDataTypeAny): an Excel.ErrorCellValue. Like
 * Excel, it carries the code only: a CCHC function's message stays behind.
 */
export function errorCellValue(code: string): { type: "Error"; basicType: "Error"; basicValue: string; errorType?: string } {
  const errorType = ERROR_TYPES[code];
  return errorType ? { type: "Error", basicType: "Error", basicValue: code, errorType } : { type: "Error", basicType: "Error", basicValue: code };
}
