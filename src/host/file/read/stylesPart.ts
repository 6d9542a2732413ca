// xl/styles.xml, only as far as it decides whether a number is a date: each cell format's number
// format (cellXfs → numFmtId) and the workbook's own number formats (numFmts). The rule is
// ExcelJS's, so both readers agree: a format is a date when, with [..] sections and "…" literals
// removed, it holds any of y m d h M s b.
import { attr, isSml, type XmlHandler, type XmlTag } from "./xmlPart";

/** Built-in formats that are dates or times (ids 14-22 and 45-47 of ECMA-376 §18.8.30). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Built-in number formats other than dates (ECMA-376 §18.8.30), for display. */
const BUILT_IN_NUMBERS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  48: "##0.0E+0",
  49: "@",
};

export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

export class StylesReader implements XmlHandler {
  private readonly formats = new Map<number, string>();
  private readonly xfFormats: number[] = [];
  private inCellXfs = false;
  private dates: boolean[] | null = null;

  open(tag: XmlTag): void {
    if (isSml(tag, "numFmt")) {
      const id = Number(attr(tag, "numFmtId"));
      const code = attr(tag, "formatCode");
      if (Number.isInteger(id) && code !== undefined) this.formats.set(id, code);
    } else if (isSml(tag, "cellXfs")) this.inCellXfs = true;
    else if (this.inCellXfs && isSml(tag, "xf")) this.xfFormats.push(Number(attr(tag, "numFmtId") ?? 0) || 0);
  }

  close(tag: XmlTag): void {
    if (isSml(tag, "cellXfs")) this.inCellXfs = false;
  }

  /** The number format of style index `s` other than General; undefined for General or none. */
  formatOf(s: number): string | undefined {
    const id = s > 0 ? this.xfFormats[s] : undefined;
    if (!id) return undefined;
    const code = this.formats.get(id) ?? BUILT_IN_NUMBERS[id];
    return code === undefined || /^general$/i.test(code) ? undefined : code;
  }

  /** Whether cells of style index `s` hold dates (style 0, as for ExcelJS, never does). */
  isDateStyle(s: number): boolean {
    this.dates ??= this.xfFormats.map((id) => {
      if (id === 0) return false;
      const code = this.formats.get(id);
      return code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id);
    });
    return s > 0 && this.dates[s] === true;
  }
}
