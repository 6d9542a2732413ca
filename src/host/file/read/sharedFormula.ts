// A shared formula's text for one of the cells that share it: .xlsx stores the text once, in the
// master cell, and every other cell names the master's group; its own formula is the master's
// with each relative reference moved by the distance between the two cells (as Excel fills a
// formula down or across). String literals and sheet names in quotes are left as they are.
import { columnLetters } from "../../../engine";

const MAX_ROW = 1048576;
const MAX_COL = 16384;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * A cell reference (A1, $B$7, B$7), a whole-column part (A:A's ends) or a whole-row part (1:3's
 * ends), not preceded by a letter, digit, dot or underscore (a name or a function), nor followed
 * by "(" (LOG10(…) is a function) or by a name character.
 */
const REFERENCE = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])|(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(?=:\$?[A-Za-z]{1,3}(?![A-Za-z0-9_(]))|(?<=:)(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(])|(?<![A-Za-z0-9_.$:])(\$?)(\d{1,7})(?=:\$?\d)|(?<=:)(\$?)(\d{1,7})(?![A-Za-z0-9_(.])/g;

function moveColumn(letters: string, by: number): string {
  const col = columnNumber(letters) + by;
  return col >= 1 && col <= MAX_COL ? columnLetters(col - 1) : "#REF!";
}

function moveRow(digits: string, by: number): string {
  const row = Number(digits) + by;
  return row >= 1 && row <= MAX_ROW ? String(row) : "#REF!";
}

/** Moves the references of one stretch of formula text outside quotes. */
function moveReferences(text: string, rows: number, cols: number): string {
  return text.replace(REFERENCE, (...m: string[]) => {
    if (m[2] !== undefined) {
      if (columnNumber(m[2]) > MAX_COL || Number(m[4]) > MAX_ROW || Number(m[4]) < 1) return m[0];
      const col = m[1] ? m[2] : moveColumn(m[2], cols);
      const row = m[3] ? m[4] : moveRow(m[4], rows);
      return col === "#REF!" || row === "#REF!" ? "#REF!" : `${m[1]}${col}${m[3]}${row}`;
    }
    if (m[6] !== undefined) return m[5] ? m[0] : `${m[5]}${moveColumn(m[6], cols)}`;
    if (m[8] !== undefined) return m[7] ? m[0] : `${m[7]}${moveColumn(m[8], cols)}`;
    if (m[10] !== undefined) return m[9] ? m[0] : `${m[9]}${moveRow(m[10], rows)}`;
    if (m[12] !== undefined) return m[11] ? m[0] : `${m[11]}${moveRow(m[12], rows)}`;
    return m[0];
  });
}

/** The master's formula moved by `rows` and `cols`; text in "…" and '…' is kept as is. */
export function translateFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const quote = formula.slice(i).search(/["']/);
    if (quote < 0) {
      out += moveReferences(formula.slice(i), rows, cols);
      break;
    }
    out += moveReferences(formula.slice(i, i + quote), rows, cols);
    const q = formula[i + quote];
    // A doubled quote inside a quoted stretch stands for one quote character.
    let end = i + quote + 1;
    for (;;) {
      const next = formula.indexOf(q, end);
      if (next < 0) {
        end = formula.length;
        break;
      }
      if (formula[next + 1] === q) end = next + 2;
      else {
        end = next + 1;
        break;
      }
    }
    out += formula.slice(i + quote, end);
    i = end;
  }
  return out;
}
