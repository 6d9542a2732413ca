// The cell formats of generated sheets, appended to the workbook's xl/styles.xml: fonts, fills,
// borders, number formats and cell formats (cellXfs) go after the existing entries, which keep
// their positions and bytes, so every existing cell keeps its look. Fonts start from the
// workbook's default font (entry 0), as Excel applies bold or a size on top of it. An entry the
// part already holds (appended by an earlier run, or the workbook's own) is reused, not added
// again, so rerunning on a workbook adds no styles (Excel warns past about 512 fonts).
import type { PlanStyle } from "../../../engine/plans/plan";
import { appendToElement, attributesOf, elementsOf, escapeXml, innerText, setAttribute, withoutPrefix, withPrefix } from "./xlsxXml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The styles part of a workbook that has none (allowed by the format; Excel writes one). */
export const DEFAULT_STYLES_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Number formats Excel knows by id without a <numFmt> entry. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
/** Ids below this are Excel's own; a workbook's custom formats start here. */
const FIRST_CUSTOM_FORMAT = 164;

const H_ALIGN = { left: "left", center: "center", right: "right" } as const;
const V_ALIGN = { top: "top", middle: "center", bottom: "bottom" } as const;

export class StylesAppendError extends Error {}

/** A plan cell's look: its style and number format. */
export interface CellLook {
  style?: PlanStyle;
  format?: string;
}

function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}

/** One section (<fonts>, <cellXfs> …) of the styles part: its entries and the prefix it is written with. */
function section(xml: string, name: string, child: string): { text: string; count: number; prefix: string; entries: string[] } {
  const found = elementsOf(xml, name)[0];
  if (!found) throw new StylesAppendError(`Phần định dạng (xl/styles.xml) của tệp thiếu mục <${name}>.`);
  const entries = elementsOf(innerText(found.text), child).map((e) => withoutPrefix(e.text, found.prefix));
  return { text: found.text, count: entries.length, prefix: found.prefix, entries };
}

interface Node {
  tag: string;
  children: Node[];
}

/**
 * An entry's markup in a form that ignores what does not change its meaning: attribute order,
 * the order of child elements, white space and prefixes. Two entries with the same form are the
 * same style.
 */
export function canonicalEntry(markup: string): string {
  const root: Node = { tag: "", children: [] };
  const stack: Node[] = [root];
  for (const m of markup.matchAll(/<(\/?)(?:[\w.-]+:)?([\w.-]+)([^>]*?)(\/?)>/g)) {
    if (m[1] === "/") {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const attrs = [...attributesOf(m[3])].filter(([k]) => !k.startsWith("xmlns")).map(([k, v]) => `${k}=${v}`).sort();
    const node: Node = { tag: `${m[2]}[${attrs.join(",")}]`, children: [] };
    stack[stack.length - 1].children.push(node);
    if (m[4] !== "/") stack.push(node);
  }
  const form = (n: Node): string => n.tag + (n.children.length > 0 ? `(${n.children.map(form).sort().join("")})` : "");
  return root.children.map(form).join("");
}

/**
 * Appends what the looks need to the styles part and returns the new part with the cell format
 * index (the `s` of a cell) of each look, by lookKey(). Looks with nothing to apply get index 0.
 */
export function appendStyles(stylesXml: string, looks: readonly CellLook[]): { xml: string; indexOf: Map<string, number> } {
  let xml = stylesXml;
  const fonts = section(xml, "fonts", "font");
  const fills = section(xml, "fills", "fill");
  const borders = section(xml, "borders", "border");
  const xfs = section(xml, "cellXfs", "xf");
  const baseFont = innerText(fonts.entries[0] ?? "<font/>");

  const existingFormats = elementsOf(elementsOf(xml, "numFmts")[0]?.text ?? "", "numFmt").map((e) => attributesOf(e.text));
  const formatIds = new Map<string, number>(existingFormats.map((a) => [a.get("formatCode") ?? "", Number(a.get("numFmtId"))]));
  let nextFormat = Math.max(FIRST_CUSTOM_FORMAT - 1, ...existingFormats.map((a) => Number(a.get("numFmtId")) || 0)) + 1;

  const added = { numFmt: [] as string[], font: [] as string[], fill: [] as string[], border: [] as string[], xf: [] as string[] };
  const memo = new Map<string, number>();
  /** Index of each entry already in a section, by its canonical form (the first of equals). */
  const present = (entries: readonly string[]) => {
    const byForm = new Map<string, number>();
    entries.forEach((e, i) => {
      const form = canonicalEntry(e);
      if (!byForm.has(form)) byForm.set(form, i);
    });
    return byForm;
  };
  const existing = { font: present(fonts.entries), fill: present(fills.entries), border: present(borders.entries), xf: present(xfs.entries) };
  const intern = (kind: "font" | "fill" | "border" | "xf", base: number, entry: string): number => {
    const form = canonicalEntry(entry);
    const known = existing[kind].get(form);
    if (known !== undefined) return known;
    added[kind].push(entry);
    existing[kind].set(form, base + added[kind].length - 1);
    return base + added[kind].length - 1;
  };
  const formatId = (format: string): number => {
    if (format in BUILTIN_FORMATS) return BUILTIN_FORMATS[format];
    const known = formatIds.get(format);
    if (known !== undefined) return known;
    const id = nextFormat++;
    formatIds.set(format, id);
    added.numFmt.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(format)}"/>`);
    return id;
  };

  const indexOf = new Map<string, number>();
  for (const look of looks) {
    const key = lookKey(look);
    if (key === "" || memo.has(key)) continue;
    const s = look.style ?? {};
    const attrs: string[] = [];
    const numFmtId = look.format ? formatId(look.format) : 0;
    attrs.push(`numFmtId="${numFmtId}"`);
    const font = s.bold || s.italic || s.size || s.color ? intern("font", fonts.count, fontXml(baseFont, s)) : 0;
    attrs.push(`fontId="${font}"`);
    const fill = s.fill
      ? intern("fill", fills.count, `<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/><bgColor indexed="64"/></patternFill></fill>`)
      : 0;
    attrs.push(`fillId="${fill}"`);
    const thin = (edge: string) => `<${edge} style="thin"><color indexed="64"/></${edge}>`;
    const border = s.border ? intern("border", borders.count, `<border>${["left", "right", "top", "bottom"].map(thin).join("")}<diagonal/></border>`) : 0;
    attrs.push(`borderId="${border}"`, `xfId="0"`);
    if (numFmtId !== 0) attrs.push(`applyNumberFormat="1"`);
    if (font !== 0) attrs.push(`applyFont="1"`);
    if (fill !== 0) attrs.push(`applyFill="1"`);
    if (border !== 0) attrs.push(`applyBorder="1"`);
    const align: string[] = [];
    if (s.align) align.push(`horizontal="${H_ALIGN[s.align]}"`);
    if (s.valign) align.push(`vertical="${V_ALIGN[s.valign]}"`);
    if (s.wrap) align.push(`wrapText="1"`);
    const xf = align.length > 0 ? `<xf ${attrs.join(" ")} applyAlignment="1"><alignment ${align.join(" ")}/></xf>` : `<xf ${attrs.join(" ")}/>`;
    const index = intern("xf", xfs.count, xf);
    memo.set(key, index);
    indexOf.set(key, index);
  }

  if (added.numFmt.length > 0) {
    const withFormats = appendToElement(xml, "numFmts", added.numFmt.join(""));
    // No <numFmts> yet: it is the first child of <styleSheet>.
    xml =
      withFormats ??
      xml.replace(/<((?:[\w.-]+:)?)styleSheet\b[^>]*>/, (open, prefix: string) => `${open}${withPrefix(`<numFmts count="0">${added.numFmt.join("")}</numFmts>`, prefix)}`);
    xml = recount(xml, "numFmts", elementsOf(innerText(elementsOf(xml, "numFmts")[0].text), "numFmt").length);
  }
  for (const [name, list, before] of [
    ["fonts", added.font, fonts.count],
    ["fills", added.fill, fills.count],
    ["borders", added.border, borders.count],
    ["cellXfs", added.xf, xfs.count],
  ] as const) {
    if (list.length === 0) continue;
    xml = appendToElement(xml, name, list.join(""))!;
    xml = recount(xml, name, before + list.length);
  }
  return { xml, indexOf };
}

/** The key of a look in appendStyles()'s result; "" for a look with nothing to apply. */
export function lookKey(look: CellLook): string {
  const style = look.style && Object.keys(look.style).length > 0 ? JSON.stringify(look.style, Object.keys(look.style).sort()) : "";
  return style === "" && !look.format ? "" : `${look.format ?? ""}|${style}`;
}

function recount(xml: string, name: string, count: number): string {
  return xml.replace(new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])[^>]*>`), (open) => setAttribute(open, "count", String(count)));
}

/** The default font with the style's bold, italic, size and colour. */
function fontXml(base: string, s: PlanStyle): string {
  let inner = base.replace(/<(?:b|i)\b[^>]*\/>/g, "");
  if (s.size) inner = inner.replace(/<sz\b[^>]*\/>/g, "") + `<sz val="${s.size}"/>`;
  if (s.color) inner = inner.replace(/<color\b[^>]*\/>/g, "") + `<color rgb="${argb(s.color)}"/>`;
  return `<font>${s.bold ? "<b/>" : ""}${s.italic ? "<i/>" : ""}${inner}</font>`;
}
