// Small XML helpers for editing package parts as text. Parts are edited in place (an element
// inserted or removed, an attribute changed) so everything else in them keeps its exact bytes;
// a parser that re-serialises would reformat what it does not understand.
//
// Producers spell the same part differently: `<sheets>` (Excel), `<x:sheets>` (the Open XML SDK),
// `r` declared on the root or on each `<sheet>` (openpyxl). Elements are therefore found by their
// local name whatever their prefix, what is added takes its parent's prefix (withPrefix), and a
// prefixed attribute we add declares its namespace unless the root already binds one to it.

/** Characters XML 1.0 does not allow at all (control characters other than tab, LF, CR). */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text or attribute value escaped for XML; characters XML cannot hold are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] ?? "";
  });
}

/** The attributes of a start tag's text (`<sheet name="A" sheetId="1"/>`), unescaped. */
export function attributesOf(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.set(m[1], unescapeXml(m[2] ?? m[3] ?? ""));
  return attrs;
}

/** An element found in a part: its text, offsets and the prefix it is written with ("" or "x:"). */
export interface FoundElement {
  text: string;
  start: number;
  end: number;
  prefix: string;
}

/**
 * Every element `<name …/>` or `<name …>…</name>` (no nesting of the same name), with its offsets,
 * whatever prefix it is written with (`<x:name>` … `</x:name>`).
 */
export function elementsOf(xml: string, name: string): FoundElement[] {
  const re = new RegExp(`<((?:[\\w.-]+:)?)${name}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</\\1${name}\\s*>)`, "g");
  return [...xml.matchAll(re)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length, prefix: m[1] }));
}

/** Our own markup (`<font><b/></font>`) with every element written with `prefix` ("x:"). */
export function withPrefix(markup: string, prefix: string): string {
  return prefix === "" ? markup : markup.replace(/<(\/?)(?=[A-Za-z_])/g, `<$1${prefix}`);
}

/** Markup found in a part with `prefix` taken off its elements (the inverse of withPrefix). */
export function withoutPrefix(markup: string, prefix: string): string {
  return prefix === "" ? markup : markup.split(`<${prefix}`).join("<").split(`</${prefix}`).join("</");
}

/** The first start tag of the part (its root element), after the declaration and comments. */
function rootTag(xml: string): string {
  const m = /<(?![?!])[^>]*>/.exec(xml);
  return m ? m[0] : "";
}

/** The prefix ("r:") the root element binds to `namespace`, or null. */
export function rootPrefixFor(xml: string, namespace: string): string | null {
  for (const [attr, value] of attributesOf(rootTag(xml))) {
    if (value === namespace && attr.startsWith("xmlns:")) return `${attr.slice("xmlns:".length)}:`;
  }
  return null;
}

/**
 * The value of an element's attribute in `namespace` with local name `local` (r:id, whichever
 * prefix the element or the part's root binds to the namespace).
 */
export function namespacedAttribute(xml: string, startTag: string, namespace: string, local: string): string | undefined {
  const attrs = attributesOf(startTag);
  const bound = new Set<string>();
  for (const [attr, value] of [...attributesOf(rootTag(xml)), ...attrs]) {
    if (attr.startsWith("xmlns:")) {
      const prefix = attr.slice("xmlns:".length);
      if (value === namespace) bound.add(prefix);
      else bound.delete(prefix);
    }
  }
  for (const [attr, value] of attrs) {
    const colon = attr.indexOf(":");
    if (colon > 0 && attr.slice(colon + 1) === local && bound.has(attr.slice(0, colon))) return value;
  }
  return undefined;
}

/** The text between an element's start and end tags ("" for an empty element). */
export function innerText(element: string): string {
  const open = element.indexOf(">");
  if (element[open - 1] === "/") return "";
  return element.slice(open + 1, element.lastIndexOf("</"));
}

/** Sets (or adds) an attribute on the first start tag of `element`. */
export function setAttribute(element: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(element.slice(0, element.indexOf(">")))) return element.replace(re, `$1"${escapeXml(value)}"`);
  return element.replace(/^<([\w:]+)/, `<$1 ${name}="${escapeXml(value)}"`);
}

/**
 * Inserts `content` before the closing tag of the first `<name>` element, creating it as
 * `<name>content</name>` where it is empty (`<name/>`); null when there is no such element.
 * `content` is our own unprefixed markup: it is written with the element's prefix.
 */
export function appendToElement(xml: string, name: string, content: string): string | null {
  return insertInto(xml, name, (prefix) => withPrefix(content, prefix));
}

/** appendToElement for markup that is already written with the right prefix (made by `make`). */
export function insertInto(xml: string, name: string, make: (prefix: string) => string): string | null {
  const found = elementsOf(xml, name)[0];
  if (!found) return null;
  const inner = make(found.prefix);
  const tag = `${found.prefix}${name}`;
  if (found.text.endsWith("/>") && found.text.indexOf(">") === found.text.length - 1) {
    const open = found.text.slice(0, -2).replace(/\s+$/, "");
    return xml.slice(0, found.start) + `${open}>${inner}</${tag}>` + xml.slice(found.end);
  }
  const close = found.start + found.text.lastIndexOf("</");
  return xml.slice(0, close) + inner + xml.slice(close);
}
