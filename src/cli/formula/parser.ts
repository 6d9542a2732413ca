// Parses a CCHC formula into a tree: function calls (nested), numbers, text, TRUE/FALSE,
// array constants, unary minus and percent. Function names are checked against a catalog
// (name and number of arguments) so a typo is reported before anything is evaluated.
import { tokenize, type SeparatorStyle, type Token } from "./lexer";
import { FormulaSyntaxError } from "./syntaxError";

/** An Excel error constant (#N/A ...), in the engine's cell shape. */
export interface ErrorLiteral {
  error: string;
}

export type Literal = number | string | boolean | ErrorLiteral;

/** Excel's limit on functions nested in one another. */
export const MAX_FUNCTION_NESTING = 64;
/** A bound on nesting of any kind (brackets, signs, calls), so a long formula cannot exhaust the stack. */
export const MAX_NESTING = 256;

export type FormulaNode =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; code: string }
  | { kind: "array"; rows: Literal[][] }
  /** `args[i]` is null where an optional argument was left empty: f(1;;2). */
  | { kind: "call"; name: string; args: (FormulaNode | null)[]; pos: number }
  | { kind: "negate"; operand: FormulaNode }
  | { kind: "percent"; operand: FormulaNode };

export interface FunctionSignature {
  /** Canonical name without the namespace: "RATIO". */
  name: string;
  minArgs: number;
  maxArgs: number;
}

/** Looks a function up by its canonical (upper-case, no namespace) name. */
export type FunctionCatalog = (name: string) => FunctionSignature | undefined;

export interface ParsedFormula {
  tree: FormulaNode;
  style: SeparatorStyle;
  /** Both styles read the text, differently, and nothing in it said which one was meant. */
  ambiguous: boolean;
}

const NAMESPACE = "CCHC.";

/**
 * Parses `text` (a leading "=" is optional). The separator style is guessed from the text:
 * a ";" outside strings and braces means the semicolon style, a decimal point between digits
 * the comma style, and otherwise the semicolon style (Vietnamese Excel's) is tried first;
 * when the preferred style does not parse, the other one is tried before giving up.
 */
export function parseFormula(text: string, catalog: FunctionCatalog): ParsedFormula {
  const styles = preferredStyles(text);
  let firstError: unknown = null;
  for (const style of styles) {
    try {
      const tree = parseWithStyle(text, style, catalog);
      return { tree, style, ambiguous: style === styles[0] && isGuess(text) && otherStyleReads(text, styles[1], catalog, tree) };
    } catch (err) {
      if (!(err instanceof FormulaSyntaxError)) throw err;
      firstError ??= err;
    }
  }
  throw firstError;
}

/** No ";" and no "0.5" to tell the style, but a comma that one style reads as a decimal mark. */
function isGuess(text: string): boolean {
  const outside = textOutsideStrings(text).replace(/\{[^}]*\}/g, "");
  return !outside.includes(";") && !/\d\.\d/.test(outside) && /\d,\d/.test(outside);
}

function otherStyleReads(text: string, style: SeparatorStyle, catalog: FunctionCatalog, first: FormulaNode): boolean {
  try {
    return JSON.stringify(parseWithStyle(text, style, catalog)) !== JSON.stringify(first);
  } catch (err) {
    if (err instanceof FormulaSyntaxError) return false;
    throw err;
  }
}

export function preferredStyles(text: string): SeparatorStyle[] {
  const outside = textOutsideStrings(text);
  const outsideBraces = outside.replace(/\{[^}]*\}/g, "");
  if (outsideBraces.includes(";")) return ["semicolon", "comma"];
  if (/\d\.\d/.test(outside)) return ["comma", "semicolon"];
  return ["semicolon", "comma"];
}

function textOutsideStrings(text: string): string {
  return text.replace(/"(?:[^"]|"")*"?/g, '""');
}

export function parseWithStyle(text: string, style: SeparatorStyle, catalog: FunctionCatalog): FormulaNode {
  const parser = new Parser(tokenize(text, style), catalog);
  return parser.formula();
}

class Parser {
  private i = 0;
  private depth = 0;
  private callDepth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly catalog: FunctionCatalog,
  ) {}

  formula(): FormulaNode {
    if (this.isPunct("=")) this.i++;
    if (this.peek().kind === "end") throw new FormulaSyntaxError("Công thức đang trống.", this.peek().pos);
    const tree = this.expression();
    const rest = this.peek();
    if (rest.kind !== "end") throw new FormulaSyntaxError(`Thừa "${describe(rest)}" sau khi công thức đã kết thúc.`, rest.pos);
    return tree;
  }

  private expression(): FormulaNode {
    if (++this.depth > MAX_NESTING) {
      throw new FormulaSyntaxError(`Công thức lồng nhau quá sâu (quá ${MAX_NESTING} cấp ngoặc, dấu và hàm).`, this.peek().pos);
    }
    const node = this.signedValue();
    this.depth--;
    return node;
  }

  private signedValue(): FormulaNode {
    if (this.isPunct("-") || this.isPunct("+")) {
      const sign = this.next();
      const operand = this.expression();
      return sign.kind === "punct" && sign.value === "-" ? { kind: "negate", operand } : operand;
    }
    let node = this.primary();
    while (this.isPunct("%")) {
      this.i++;
      node = { kind: "percent", operand: node };
    }
    return node;
  }

  private primary(): FormulaNode {
    const token = this.next();
    switch (token.kind) {
      case "number":
        return { kind: "number", value: token.value };
      case "string":
        return { kind: "string", value: token.value };
      case "error":
        return { kind: "error", code: token.value };
      case "name":
        return this.nameOrCall(token.value, token.pos);
      case "punct":
        if (token.value === "{") return this.array(token.pos);
        if (token.value === "(") {
          const inner = this.expression();
          this.expectPunct(")", "Thiếu dấu ngoặc đóng \")\".");
          return inner;
        }
        break;
      default:
        break;
    }
    if (token.kind === "end") throw new FormulaSyntaxError("Công thức kết thúc khi còn thiếu một giá trị.", token.pos);
    throw new FormulaSyntaxError(`Không mong đợi "${describe(token)}" ở đây.`, token.pos);
  }

  private nameOrCall(raw: string, pos: number): FormulaNode {
    const upper = raw.toUpperCase();
    if (!this.isPunct("(")) {
      if (upper === "TRUE") return { kind: "boolean", value: true };
      if (upper === "FALSE") return { kind: "boolean", value: false };
      throw new FormulaSyntaxError(
        `"${raw}" không phải là giá trị: lệnh eval chỉ nhận hàm CCHC, số, chuỗi và mảng hằng (không nhận tham chiếu ô hay tên).`,
        pos,
      );
    }
    const name = upper.startsWith(NAMESPACE) ? upper.slice(NAMESPACE.length) : upper;
    const signature = this.catalog(name);
    if (!signature) throw new FormulaSyntaxError(`Không có hàm "${raw}" (các hàm CCHC: xem "cchc eval --help").`, pos);
    if (++this.callDepth > MAX_FUNCTION_NESTING) {
      throw new FormulaSyntaxError(`Quá ${MAX_FUNCTION_NESTING} hàm lồng nhau (giới hạn của Excel).`, pos);
    }
    this.i++; // "("
    const args: (FormulaNode | null)[] = [];
    if (this.isPunct(")")) {
      this.i++;
    } else {
      for (;;) {
        const t = this.peek();
        const empty = t.kind === "argSep" || (t.kind === "punct" && t.value === ")");
        args.push(empty ? null : this.expression());
        const sep = this.next();
        if (sep.kind === "argSep") continue;
        if (sep.kind === "punct" && sep.value === ")") break;
        if (sep.kind === "end") throw new FormulaSyntaxError(`Thiếu dấu ngoặc đóng ")" của hàm ${raw}.`, sep.pos);
        throw new FormulaSyntaxError(`Cần dấu phân cách đối số hoặc ")" nhưng gặp "${describe(sep)}".`, sep.pos);
      }
    }
    this.checkArity(signature, args, pos);
    this.callDepth--;
    return { kind: "call", name: signature.name, args, pos };
  }

  private checkArity(sig: FunctionSignature, args: (FormulaNode | null)[], pos: number): void {
    const label = `CCHC.${sig.name}`;
    if (args.length < sig.minArgs || args.length > sig.maxArgs) {
      const expected = sig.minArgs === sig.maxArgs ? `${sig.minArgs}` : `từ ${sig.minArgs} đến ${sig.maxArgs}`;
      throw new FormulaSyntaxError(`Hàm ${label} cần ${expected} đối số, nhưng có ${args.length}.`, pos);
    }
    args.forEach((arg, k) => {
      if (arg === null && k < sig.minArgs) {
        throw new FormulaSyntaxError(`Hàm ${label} thiếu đối số thứ ${k + 1} (bắt buộc).`, pos);
      }
    });
  }

  private array(pos: number): FormulaNode {
    const rows: Literal[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.arrayElement());
      const sep = this.next();
      if (sep.kind === "argSep") continue;
      if (sep.kind === "rowSep") {
        rows.push([]);
        continue;
      }
      if (sep.kind === "punct" && sep.value === "}") break;
      if (sep.kind === "end") throw new FormulaSyntaxError('Mảng hằng thiếu dấu "}".', pos);
      throw new FormulaSyntaxError(`Không mong đợi "${describe(sep)}" trong mảng hằng.`, sep.pos);
    }
    if (rows.some((row) => row.length !== rows[0].length)) {
      throw new FormulaSyntaxError("Các hàng của mảng hằng phải có cùng số phần tử.", pos);
    }
    return { kind: "array", rows };
  }

  private arrayElement(): Literal {
    let sign = 1;
    while (this.isPunct("-") || this.isPunct("+")) {
      const t = this.next();
      if (t.kind === "punct" && t.value === "-") sign = -sign;
    }
    const token = this.next();
    let value: Literal;
    if (token.kind === "number") value = sign * token.value;
    else if (token.kind === "string" && sign === 1) value = token.value;
    else if (token.kind === "error" && sign === 1) value = { error: token.value };
    else if (token.kind === "name" && /^(TRUE|FALSE)$/i.test(token.value) && sign === 1) {
      value = token.value.toUpperCase() === "TRUE";
    } else {
      throw new FormulaSyntaxError(
        `Mảng hằng chỉ chứa số, chuỗi, TRUE/FALSE hoặc mã lỗi; gặp "${describe(token)}".`,
        token.pos,
      );
    }
    if (this.isPunct("%") && typeof value === "number") {
      this.i++;
      value /= 100;
    }
    return value;
  }

  private peek(): Token {
    return this.tokens[this.i];
  }

  private next(): Token {
    const token = this.tokens[this.i];
    if (token.kind !== "end") this.i++;
    return token;
  }

  private isPunct(value: string): boolean {
    const t = this.peek();
    return t.kind === "punct" && t.value === value;
  }

  private expectPunct(value: string, message: string): void {
    if (!this.isPunct(value)) throw new FormulaSyntaxError(message, this.peek().pos);
    this.i++;
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case "number":
      return String(token.value);
    case "string":
      return `"${token.value}"`;
    case "name":
    case "punct":
    case "error":
      return token.value;
    case "argSep":
      return "dấu phân cách đối số";
    case "rowSep":
      return ";";
    case "end":
      return "hết công thức";
  }
}
