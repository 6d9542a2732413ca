// A formula that cannot be read: `cchc eval` exits 2 with this Vietnamese message.
export class FormulaSyntaxError extends Error {
  /** 0-based character position in the formula, when known. */
  readonly pos: number | null;
  constructor(message: string, pos: number | null = null) {
    super(message);
    this.name = "FormulaSyntaxError";
    this.pos = pos;
    Object.setPrototypeOf(this, FormulaSyntaxError.prototype);
  }
}
