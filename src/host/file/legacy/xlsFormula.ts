// BIFF8 formulas ([MS-XLS] 2.5.198): the parsed tokens (ptgs, in reverse Polish order) turned back
// into A1 text as .xlsx stores it (no "=", "," between arguments). Tokens this module does not
// know give null: the caller keeps the cell's cached value and counts it as not decompiled.
import { columnLetters } from "../../../engine";
import { builtinFunction, USER_DEFINED } from "./xlsFunctions";

/** What a formula may name outside itself, resolved from the workbook globals. */
export interface FormulaContext {
  /** The sheet part of a 3-D reference ("'Tên sheet'!" already quoted), by EXTERNSHEET index; null: unknown. */
  sheetPrefix(ixti: number): string | null;
  /** A defined name by its 1-based NAME index. */
  definedName(index: number): string | null;
  /** A name of another book or an add-in (ptgNameX), e.g. "IFERROR" for Excel 2007 functions. */
  externalName(ixti: number, index: number): string | null;
}

const BINARY: Record<number, string> = {
  0x03: "+", 0x04: "-", 0x05: "*", 0x06: "/", 0x07: "^", 0x08: "&", 0x09: "<", 0x0a: "<=", 0x0b: "=",
  0x0c: ">=", 0x0d: ">", 0x0e: "<>", 0x0f: " ", 0x10: ",", 0x11: ":",
};

const ERRORS: Record<number, string> = {
  0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A",
};

export function errorText(code: number): string {
  return ERRORS[code] ?? "#N/A";
}

const MAX_ROW = 65536;
const MAX_COL = 256;

/** A sheet name as a reference writes it: bare when it is a plain identifier, else quoted. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Where a shared formula is used: relative references of ptgRefN/ptgAreaN are offsets from it. */
export interface FormulaBase {
  row: number;
  col: number;
}

class Reader {
  pos = 0;
  constructor(readonly data: Uint8Array) {}
  need(n: number): boolean {
    return this.pos + n <= this.data.length;
  }
  u8(): number {
    return this.data[this.pos++];
  }
  u16(): number {
    const v = this.data[this.pos] | (this.data[this.pos + 1] << 8);
    this.pos += 2;
    return v;
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
}

/** One cell reference; `rw` and `col` are the raw 16-bit fields (col carries the relative flags). */
function cellText(rw: number, col: number, base: FormulaBase | null): string {
  const rowRel = (col & 0x8000) !== 0;
  const colRel = (col & 0x4000) !== 0;
  let r = rw;
  let c = col & 0x3fff;
  if (base) {
    // ptgRefN / ptgAreaN: relative parts are signed offsets from the cell that uses the formula.
    if (rowRel) r = (((base.row + ((rw << 16) >> 16)) % MAX_ROW) + MAX_ROW) % MAX_ROW;
    if (colRel) c = (((base.col + ((c << 24) >> 24)) % MAX_COL) + MAX_COL) % MAX_COL;
  }
  return `${colRel ? "" : "$"}${columnLetters(c)}${rowRel ? "" : "$"}${r + 1}`;
}

function areaText(r1: number, r2: number, c1: number, c2: number, base: FormulaBase | null): string {
  const whole = (c: number) => `${c & 0x4000 ? "" : "$"}${columnLetters(c & 0xff)}`;
  const wholeRow = (r: number, c: number) => `${c & 0x8000 ? "" : "$"}${r + 1}`;
  if (!base && r1 === 0 && r2 === MAX_ROW - 1) return `${whole(c1)}:${whole(c2)}`;
  if (!base && (c1 & 0xff) === 0 && (c2 & 0xff) === MAX_COL - 1) return `${wholeRow(r1, c1)}:${wholeRow(r2, c2)}`;
  return `${cellText(r1, c1, base)}:${cellText(r2, c2, base)}`;
}

/** ShortXLUnicodeString inside a formula (ptgStr). */
function readString(rd: Reader): string | null {
  if (!rd.need(2)) return null;
  const cch = rd.u8();
  const wide = (rd.u8() & 1) === 1;
  if (!rd.need(wide ? 2 * cch : cch)) return null;
  let s = "";
  for (let i = 0; i < cch; i++) s += String.fromCharCode(wide ? rd.u16() : rd.u8());
  return s;
}

/** The cell a formula made only of ptgExp points at (the first cell of its shared or array formula). */
export function expAnchor(rgce: Uint8Array): FormulaBase | null {
  if (rgce.length < 5 || rgce[0] !== 0x01) return null;
  return { row: rgce[1] | (rgce[2] << 8), col: rgce[3] | (rgce[4] << 8) };
}

/** The formula's text, or null when a token is not understood. */
export function decompile(rgce: Uint8Array, ctx: FormulaContext, base: FormulaBase | null = null): string | null {
  const rd = new Reader(rgce);
  const stack: string[] = [];
  const pop = (n: number): string[] | null => (stack.length < n ? null : stack.splice(stack.length - n, n));
  while (rd.pos < rgce.length) {
    const ptg = rd.u8();
    if (BINARY[ptg] !== undefined) {
      const args = pop(2);
      if (!args) return null;
      stack.push(ptg === 0x10 ? `${args[0]},${args[1]}` : `${args[0]}${BINARY[ptg]}${args[1]}`);
      continue;
    }
    if (ptg < 0x20) {
      const ok = basicToken(ptg, rd, stack);
      if (!ok) return null;
      continue;
    }
    const id = (ptg & 0x1f) | 0x20;
    const text = classifiedToken(id, rd, stack, ctx, base);
    if (text === null) return null;
    if (text !== "") stack.push(text);
  }
  return stack.length === 1 ? stack[0] : null;
}

/** The unclassified tokens 0x12–0x1F; false when not understood. */
function basicToken(ptg: number, rd: Reader, stack: string[]): boolean {
  switch (ptg) {
    case 0x12:
    case 0x13:
    case 0x14:
    case 0x15: {
      const a = stack.pop();
      if (a === undefined) return false;
      stack.push(ptg === 0x12 ? `+${a}` : ptg === 0x13 ? `-${a}` : ptg === 0x14 ? `${a}%` : `(${a})`);
      return true;
    }
    case 0x16:
      stack.push("");
      return true;
    case 0x17: {
      const s = readString(rd);
      if (s === null) return false;
      stack.push(`"${s.replace(/"/g, '""')}"`);
      return true;
    }
    case 0x19:
      return attribute(rd, stack);
    case 0x1c:
      if (!rd.need(1)) return false;
      stack.push(errorText(rd.u8()));
      return true;
    case 0x1d:
      if (!rd.need(1)) return false;
      stack.push(rd.u8() ? "TRUE" : "FALSE");
      return true;
    case 0x1e:
      if (!rd.need(2)) return false;
      stack.push(String(rd.u16()));
      return true;
    case 0x1f: {
      if (!rd.need(8)) return false;
      const v = new DataView(rd.data.buffer, rd.data.byteOffset + rd.pos, 8).getFloat64(0, true);
      rd.pos += 8;
      stack.push(String(v));
      return true;
    }
    default:
      return false;
  }
}

/** ptgAttr: SUM of one argument is spelled out; jumps, volatility and spacing add no text. */
function attribute(rd: Reader, stack: string[]): boolean {
  if (!rd.need(3)) return false;
  const flags = rd.u8();
  const data = rd.u16();
  if (flags & 0x04) {
    // tAttrChoose: a jump table of data + 1 offsets follows.
    if (!rd.need(2 * (data + 1))) return false;
    rd.pos += 2 * (data + 1);
  }
  if (flags & 0x10) {
    const a = stack.pop();
    if (a === undefined) return false;
    stack.push(`SUM(${a})`);
  }
  return true;
}

/** Tokens that carry a class (reference, value, array); "" for one that pushes nothing, null when not understood. */
function classifiedToken(id: number, rd: Reader, stack: string[], ctx: FormulaContext, base: FormulaBase | null): string | null {
  switch (id) {
    case 0x21:
    case 0x22: {
      let argc: number;
      let index: number;
      if (id === 0x21) {
        if (!rd.need(2)) return null;
        index = rd.u16();
        argc = builtinFunction(index)?.argc ?? -1;
      } else {
        if (!rd.need(3)) return null;
        argc = rd.u8() & 0x7f;
        index = rd.u16() & 0x7fff;
      }
      if (argc < 0 || stack.length < argc) return null;
      const args = stack.splice(stack.length - argc, argc);
      if (index === USER_DEFINED) {
        const name = args.shift();
        // Functions newer than Excel 2003 are named "_xlfn.IFERROR" (a NAME or an add-in EXTERNNAME).
        return name ? `${name.replace(/^_xlfn\./, "")}(${args.join(",")})` : null;
      }
      const fn = builtinFunction(index);
      return fn ? `${fn.name}(${args.join(",")})` : null;
    }
    case 0x23: {
      if (!rd.need(4)) return null;
      return ctx.definedName(rd.u32());
    }
    case 0x24:
    case 0x2c:
      if (!rd.need(4)) return null;
      return cellText(rd.u16(), rd.u16(), id === 0x2c ? base : null);
    case 0x25:
    case 0x2d: {
      if (!rd.need(8)) return null;
      const r1 = rd.u16();
      const r2 = rd.u16();
      return areaText(r1, r2, rd.u16(), rd.u16(), id === 0x2d ? base : null);
    }
    case 0x26:
    case 0x27:
    case 0x28:
      // ptgMemArea / MemErr / MemNoMem: a header before the tokens of a sub-expression.
      if (!rd.need(6)) return null;
      rd.pos += 6;
      return "";
    case 0x29:
      if (!rd.need(2)) return null;
      rd.pos += 2;
      return "";
    case 0x2a:
    case 0x2b:
      if (!rd.need(id === 0x2a ? 4 : 8)) return null;
      rd.pos += id === 0x2a ? 4 : 8;
      return "#REF!";
    case 0x39: {
      if (!rd.need(6)) return null;
      const ixti = rd.u16();
      return ctx.externalName(ixti, rd.u32());
    }
    case 0x3a:
    case 0x3b: {
      if (!rd.need(id === 0x3a ? 6 : 10)) return null;
      const prefix = ctx.sheetPrefix(rd.u16());
      if (prefix === null) return null;
      if (id === 0x3a) return prefix + cellText(rd.u16(), rd.u16(), null);
      const r1 = rd.u16();
      const r2 = rd.u16();
      return prefix + areaText(r1, r2, rd.u16(), rd.u16(), null);
    }
    case 0x3c:
    case 0x3d:
      if (!rd.need(id === 0x3c ? 6 : 10)) return null;
      rd.pos += id === 0x3c ? 6 : 10;
      return "#REF!";
    default:
      return null;
  }
}
