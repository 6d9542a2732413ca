// OpenFormula text as LibreOffice stores it in .ods (`of:=SUM([.A1:.A3];[$Sheet2.B1])`) turned
// into the A1 text .xlsx stores (`SUM(A1:A3,Sheet2!B1)`): references in brackets rewritten,
// ";" between arguments made ",", TRUE()/FALSE() made constants. Null when the text holds what
// Excel has no spelling for (another file's cells, a prefix this reader does not know).
import { quoteSheetName } from "./xlsFormula";

/** A sheet name as ODF writes it: `$'Tên sheet'` or `Sheet1`; "" when absent. */
function sheetOf(part: string): { sheet: string; cell: string } | null {
  const dot = part.lastIndexOf(".");
  if (dot < 0) return null;
  let sheet = part.slice(0, dot).replace(/^\$/, "");
  if (sheet.startsWith("'")) {
    if (!sheet.endsWith("'") || sheet.length < 2) return null;
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet, cell: part.slice(dot + 1) };
}

/** Splits a range at the ":" that is outside quotes. */
function splitRange(ref: string): string[] {
  let quoted = false;
  for (let i = 0; i < ref.length; i++) {
    if (ref[i] === "'") quoted = !quoted;
    else if (ref[i] === ":" && !quoted) return [ref.slice(0, i), ref.slice(i + 1)];
  }
  return [ref];
}

/** The inside of one `[...]` reference as A1 text. */
export function odsReference(inside: string): string | null {
  if (inside.includes("#") && !inside.includes("#REF!")) return null;
  const parts = splitRange(inside).map(sheetOf);
  if (parts.some((p) => p === null)) return null;
  const [a, b] = parts as { sheet: string; cell: string }[];
  if (!/^(\$?[A-Z]{1,3})?(\$?\d+)?$|^#REF!$/i.test(a.cell) || (b && !/^(\$?[A-Z]{1,3})?(\$?\d+)?$|^#REF!$/i.test(b.cell))) return null;
  if (a.cell.includes("#REF!") || b?.cell.includes("#REF!")) return "#REF!";
  let prefix = "";
  if (a.sheet !== "") {
    const sheets = b && b.sheet !== "" && b.sheet !== a.sheet ? `${a.sheet}:${b.sheet}` : a.sheet;
    prefix = `${quoteSheetName(sheets)}!`;
  }
  return prefix + a.cell + (b ? `:${b.cell}` : "");
}

/** The formula of a `table:formula` attribute without its namespace prefix and "=", or null. */
export function odsFormula(attribute: string): string | null {
  let text: string;
  if (attribute.startsWith("of:=")) text = attribute.slice(4);
  else if (attribute.startsWith("msoxl:=")) return attribute.slice(7);
  else if (attribute.startsWith("=")) text = attribute.slice(1);
  else return null;
  let out = "";
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && !(text[j] === '"' && text[j + 1] !== '"')) j += text[j] === '"' ? 2 : 1;
      if (j >= text.length) return null;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "[") {
      let j = i + 1;
      let quoted = false;
      while (j < text.length && (quoted || text[j] !== "]")) {
        if (text[j] === "'") quoted = !quoted;
        j++;
      }
      if (j >= text.length) return null;
      const ref = odsReference(text.slice(i + 1, j));
      if (ref === null) return null;
      out += ref;
      i = j + 1;
    } else if (ch === ";") {
      out += ",";
      i++;
    } else if (ch === "~") {
      out += ",";
      i++;
    } else if (ch === "!") {
      out += " ";
      i++;
    } else {
      const word = /^[A-Za-z_][\w.]*/.exec(text.slice(i, i + 256));
      if (word) {
        let name = word[0];
        const call = text[i + name.length] === "(";
        if (call && /^COM\.MICROSOFT\./i.test(name)) name = name.slice(14);
        if (call && /^(TRUE|FALSE)$/i.test(name) && text[i + name.length + 1] === ")") {
          out += name.toUpperCase();
          i += word[0].length + 2;
          continue;
        }
        if (call && /^(ORG\.|COM\.)/i.test(name)) return null;
        out += name;
        i += word[0].length;
      } else {
        out += ch;
        i++;
      }
    }
  }
  return out;
}
