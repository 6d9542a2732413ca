// Outside Excel there is no `CustomFunctions` global. This stand-in provides the two members
// the CCHC functions use (Error and ErrorCode, with the runtime's code strings) so Node runs
// the very same function code Excel runs.

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
