// Excel error values as Excel hands them to a custom function. With functions.json's
// allowErrorForDataTypeAny (and allowCustomDataForDataTypeAny, which the metadata plugin sets)
// an error cell arrives as an Excel.ErrorCellValue: { type: "Error", basicValue: "#N/A",
// errorType: "NotAvailable" }; older runtimes, nested calls and `cchc eval` may hand a
// CustomFunctions.Error-like { code: "#N/A", message }. Both are read here, nowhere else.

/** An error value: its Excel code ("#N/A") and, when it came from a CCHC function, its message. */
export interface ErrorValue {
  code: string;
  message?: string;
}

/** Excel.ErrorCellValueType names and the codes Excel shows for them. */
export const ERROR_TYPE_CODES: Readonly<Record<string, string>> = Object.freeze({
  Div0: "#DIV/0!",
  NotAvailable: "#N/A",
  Name: "#NAME?",
  Null: "#NULL!",
  Num: "#NUM!",
  Ref: "#REF!",
  Value: "#VALUE!",
  Spill: "#SPILL!",
  Calc: "#CALC!",
  Busy: "#BUSY!",
  Connect: "#CONNECT!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  Blocked: "#BLOCKED!",
});

/** The error a value holds, or null when it is no error value. */
export function errorValueOf(value: unknown): ErrorValue | null {
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Date) return null;
  const v = value as { code?: unknown; message?: unknown; type?: unknown; basicValue?: unknown; errorType?: unknown };
  if (typeof v.code === "string" && v.code.startsWith("#")) {
    return typeof v.message === "string" && v.message !== "" ? { code: v.code, message: v.message } : { code: v.code };
  }
  if (v.type !== "Error") return null;
  if (typeof v.basicValue === "string" && v.basicValue.startsWith("#")) return { code: v.basicValue.toUpperCase() };
  if (typeof v.errorType === "string" && ERROR_TYPE_CODES[v.errorType]) return { code: ERROR_TYPE_CODES[v.errorType] };
  // An error of a kind this list does not know yet: still an error, never a value.
  return { code: "#VALUE!" };
}
