// Small XML helpers for editing package parts as text. Parts are edited in place (an element
// inserted or removed, an attribute changed) so everything else in them keeps its exact bytes;
// a parser that re-serialises would reformat what it does not understand.

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

/** Every element `<name …/>` or `<name …>…</name>` (no nesting of the same name), with its offsets. */
export function elementsOf(xml: string, name: string): Array<{ text: string; start: number; end: number }> {
  const re = new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, "g");
  return [...xml.matchAll(re)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
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
 */
export function appendToElement(xml: string, name: string, content: string): string | null {
  const close = xml.indexOf(`</${name}>`);
  if (close >= 0) return xml.slice(0, close) + content + xml.slice(close);
  const empty = new RegExp(`<${name}\\b([^>]*?)\\s*/>`).exec(xml);
  if (!empty) return null;
  return xml.slice(0, empty.index) + `<${name}${empty[1]}>${content}</${name}>` + xml.slice(empty.index + empty[0].length);
}
