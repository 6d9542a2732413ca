// Tokens of a CCHC formula, in one of Excel's two separator styles:
//  - "semicolon": `;` separates arguments, `,` (or `.`) is the decimal mark; in an array
//    constant `;` separates rows and `\` columns: =CCHC.STEPS(0,85;{0,7;0,9};{1;2})
//  - "comma": `,` separates arguments, `.` is the decimal mark; in an array constant `,`
//    separates columns and `;` rows: =CCHC.STEPS(0.85,{0.7,0.9},{1,2})
import { FormulaSyntaxError } from "./syntaxError";

export type SeparatorStyle = "semicolon" | "comma";

export type Token =
  | { kind: "number"; value: number; pos: number }
  | { kind: "string"; value: string; pos: number }
  | { kind: "name"; value: string; pos: number }
  /** An Excel error constant: #N/A, #VALUE!, #DIV/0!, #NUM!, #REF!, #NAME?, #NULL!. */
  | { kind: "error"; value: string; pos: number }
  | { kind: "punct"; value: "(" | ")" | "{" | "}" | "=" | "-" | "+" | "%"; pos: number }
  /** Argument separator outside braces, column separator inside them. */
  | { kind: "argSep"; pos: number }
  /** Row separator, inside braces only. */
  | { kind: "rowSep"; pos: number }
  | { kind: "end"; pos: number };

const PUNCT = new Set(["(", ")", "{", "}", "=", "-", "+", "%"]);

/** The error constants Excel accepts in a formula. */
const ERROR_CONSTANT = /^#(N\/A|VALUE!|DIV\/0!|NUM!|REF!|NAME\?|NULL!)/i;

export function tokenize(text: string, style: SeparatorStyle): Token[] {
  const tokens: Token[] = [];
  let braceDepth = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      const start = i;
      let value = "";
      i++;
      for (;;) {
        if (i >= text.length) throw new FormulaSyntaxError("Chuỗi chưa có dấu ngoặc kép đóng.", start);
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ kind: "string", value, pos: start });
      continue;
    }
    if (ch === "#") {
      const match = ERROR_CONSTANT.exec(text.slice(i));
      if (!match) throw new FormulaSyntaxError("Sau dấu # phải là một mã lỗi Excel: #N/A, #VALUE!, #DIV/0!, #NUM!, #REF!, #NAME?, #NULL!.", i);
      tokens.push({ kind: "error", value: match[0].toUpperCase(), pos: i });
      i += match[0].length;
      continue;
    }
    const number = readNumber(text, i, style);
    if (number) {
      tokens.push({ kind: "number", value: number.value, pos: i });
      i = number.end;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i));
      const value = match ? match[0] : ch;
      tokens.push({ kind: "name", value, pos: i });
      i += value.length;
      continue;
    }
    if (ch === "{") braceDepth++;
    if (ch === "}") braceDepth = Math.max(0, braceDepth - 1);
    if (PUNCT.has(ch)) {
      tokens.push({ kind: "punct", value: ch as "(", pos: i });
      i++;
      continue;
    }
    const sep = separatorKind(ch, style, braceDepth > 0);
    if (sep) {
      tokens.push({ kind: sep, pos: i });
      i++;
      continue;
    }
    if (ch === ":" || ch === "!" || ch === "$") {
      throw new FormulaSyntaxError(`Tham chiếu ô ("${ch}") không được hỗ trợ: lệnh eval chỉ nhận hàm CCHC, số, chuỗi và mảng hằng.`, i);
    }
    throw new FormulaSyntaxError(`Ký tự không hợp lệ "${ch}".`, i);
  }
  tokens.push({ kind: "end", pos: text.length });
  return tokens;
}

function separatorKind(ch: string, style: SeparatorStyle, inBraces: boolean): "argSep" | "rowSep" | null {
  if (style === "semicolon") {
    if (ch === ";") return inBraces ? "rowSep" : "argSep";
    if (ch === "\\" && inBraces) return "argSep";
    return null;
  }
  if (ch === ",") return "argSep";
  if (ch === ";" && inBraces) return "rowSep";
  return null;
}

/** A number literal at `start`: digits, an optional decimal part, an optional exponent. */
function readNumber(text: string, start: number, style: SeparatorStyle): { value: number; end: number } | null {
  const marks = style === "semicolon" ? "[.,]" : "[.]";
  const pattern = new RegExp(`^(\\d+(${marks}\\d+)?|${marks}\\d+)([eE][+-]?\\d+)?`);
  const match = pattern.exec(text.slice(start));
  if (!match) return null;
  const end = start + match[0].length;
  // "5,48,1" in the semicolon style, or "1.2.3": a second decimal mark is a typo, not a new token.
  const next = text[end];
  if (next !== undefined && new RegExp(marks).test(next) && /\d/.test(text[end + 1] ?? "")) {
    throw new FormulaSyntaxError(`Số "${match[0]}${next}…" có hai dấu thập phân.`, start);
  }
  const value = Number(match[0].replace(",", "."));
  if (!Number.isFinite(value)) throw new FormulaSyntaxError(`Số "${match[0]}" vượt giới hạn số của Excel (khoảng 1,8 × 10^308).`, start);
  return { value, end };
}
