// Errors for files that cannot be read as .xlsx workbooks. Messages are Vietnamese, for the clerk;
// `detail` is a short English note for logs and tests.

/** A file that could not be read as an .xlsx workbook. */
export class XlsxReadError extends Error {
  constructor(message: string, readonly detail: string) {
    super(message);
    this.name = "XlsxReadError";
  }
}

/** A package whose parts would unpack to more than the size limit allows. */
export class XlsxTooLargeError extends XlsxReadError {
  constructor(
    message: string,
    detail: string,
    /** The limit, in MB, that would let this file be read. */
    readonly neededMb: number,
  ) {
    super(message, detail);
    this.name = "XlsxTooLargeError";
  }
}
