// Edits of the workbook-level parts needed to add or remove a sheet: xl/workbook.xml (<sheet>
// entries, defined names), its relationships and [Content_Types].xml. Each edit inserts or
// removes single elements of the part's text; nothing else in the part changes.
import { appendToElement, attributesOf, elementsOf, escapeXml, innerText, insertInto, namespacedAttribute, rootPrefixFor, unescapeXml, withPrefix } from "./xlsxXml";

/** The namespace of relationship ids in a part (`r:id` on a `<sheet>`). */
export const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const WORKSHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
export const WORKSHEET_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

export class PackageFormatError extends Error {}

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  state: string;
  /** The element's text in workbook.xml. */
  element: string;
}

export interface DefinedName {
  name: string;
  /** The sheet index (tab position) a sheet-level name belongs to. */
  localSheetId?: number;
  /** The formula, unescaped (e.g. 'Xếp hạng'!$A$1). */
  formula: string;
  element: string;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  element: string;
}

export function sheetEntries(workbookXml: string): SheetEntry[] {
  const sheets = elementsOf(workbookXml, "sheets")[0];
  if (!sheets) throw new PackageFormatError("Tệp thiếu danh sách sheet (xl/workbook.xml không có <sheets>).");
  return elementsOf(innerText(sheets.text), "sheet").map((e) => {
    const tag = e.text.slice(0, e.text.indexOf(">"));
    const a = attributesOf(tag);
    const relId = namespacedAttribute(workbookXml, tag, RELATIONSHIPS_NS, "id") ?? "";
    return { name: a.get("name") ?? "", sheetId: Number(a.get("sheetId")), relId, state: a.get("state") ?? "visible", element: e.text };
  });
}

export function definedNames(workbookXml: string): DefinedName[] {
  return elementsOf(workbookXml, "definedName").map((e) => {
    const a = attributesOf(e.text.slice(0, e.text.indexOf(">")));
    const local = a.get("localSheetId");
    return {
      name: a.get("name") ?? "",
      ...(local !== undefined ? { localSheetId: Number(local) } : {}),
      formula: unescapeXml(innerText(e.text)),
      element: e.text,
    };
  });
}

/**
 * Why Excel would refuse a sheet name (and "repair" a file holding it), or null: empty or over 31
 * characters, one of [ ] : * ? / \, an apostrophe at either end, or the reserved "History".
 */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return "tên trống";
  if (name.length > 31) return `tên dài ${name.length} ký tự, Excel cho tối đa 31`;
  if (/[[\]:*?/\\]/.test(name)) return "tên có ký tự Excel không cho phép ([ ] : * ? / \\)";
  if (name.startsWith("'") || name.endsWith("'")) return "tên bắt đầu hoặc kết thúc bằng dấu nháy đơn";
  if (name.toLowerCase() === "history") return "tên \"History\" Excel dành riêng";
  return null;
}

/** A sheet name quoted for a reference, as Excel writes it: 'Tên sheet'. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * A `<sheet>` entry for workbook.xml, written with the prefix of its `<sheets>` and the prefix the
 * root binds to the relationships namespace; where the root binds none (openpyxl declares it on
 * each `<sheet>`), the entry declares it itself.
 */
export function sheetElement(workbookXml: string, name: string, sheetId: number, relId: string): string {
  const prefix = elementsOf(workbookXml, "sheets")[0]?.prefix ?? "";
  const bound = rootPrefixFor(workbookXml, RELATIONSHIPS_NS);
  const r = bound ?? "r:";
  const declare = bound === null ? ` xmlns:r="${RELATIONSHIPS_NS}"` : "";
  return withPrefix(`<sheet${declare} name="${escapeXml(name)}" sheetId="${sheetId}" ${r}id="${escapeXml(relId)}"/>`, prefix);
}

/** Puts `replacement` where `element` is (or removes it when replacement is ""). */
export function replaceElement(xml: string, element: string, replacement: string): string {
  const at = xml.indexOf(element);
  if (at < 0) throw new PackageFormatError("Không tìm thấy phần tử cần sửa trong tệp.");
  return xml.slice(0, at) + replacement + xml.slice(at + element.length);
}

/** Appends a `<sheet>` entry made by sheetElement() (already written with the right prefix). */
export function appendSheetElement(workbookXml: string, element: string): string {
  return insertInto(workbookXml, "sheets", () => element)!;
}

/** Sets a defined name (replacing one of the same name and scope, case-insensitively). */
export function setDefinedName(workbookXml: string, name: string, formula: string, localSheetId?: number): string {
  const xml = removeDefinedNames(workbookXml, (d) => d.name.toLowerCase() === name.toLowerCase() && d.localSheetId === localSheetId);
  const local = localSheetId === undefined ? "" : ` localSheetId="${localSheetId}"`;
  const element = `<definedName name="${escapeXml(name)}"${local}>${escapeXml(formula)}</definedName>`;
  const appended = appendToElement(xml, "definedNames", element);
  if (appended !== null) return appended;
  // No <definedNames> yet: it follows <sheets> (and <functionGroups>, <externalReferences>).
  for (const after of ["externalReferences", "functionGroups", "sheets"]) {
    const found = elementsOf(xml, after)[0];
    if (found) return xml.slice(0, found.end) + withPrefix(`<definedNames>${element}</definedNames>`, found.prefix) + xml.slice(found.end);
  }
  throw new PackageFormatError("Tệp thiếu danh sách sheet (xl/workbook.xml không có <sheets>).");
}

export function removeDefinedNames(workbookXml: string, which: (d: DefinedName) => boolean): string {
  let xml = workbookXml;
  for (const d of definedNames(workbookXml).filter(which)) xml = replaceElement(xml, d.element, "");
  // An empty <definedNames/> is not allowed by the schema.
  return xml.replace(/<((?:[\w.-]+:)?)definedNames>\s*<\/\1definedNames>/, "");
}

export function relationships(relsXml: string): Relationship[] {
  return elementsOf(relsXml, "Relationship").map((e) => {
    const a = attributesOf(e.text);
    return { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: a.get("Target") ?? "", external: a.get("TargetMode") === "External", element: e.text };
  });
}

/** An id not used by any relationship of the part: rId1, rId2 … */
export function freeRelationshipId(relsXml: string): string {
  const used = new Set(relationships(relsXml).map((r) => r.id));
  for (let i = 1; ; i++) if (!used.has(`rId${i}`)) return `rId${i}`;
}

export function appendRelationship(relsXml: string, id: string, type: string, target: string): string {
  return appendToElement(relsXml, "Relationships", `<Relationship Id="${escapeXml(id)}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`)!;
}

/** The part a relationship of `source` points at, as a zip path ("xl/worksheets/sheet1.xml"). */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = source.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** The relationships part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function addContentTypeOverride(typesXml: string, part: string, contentType: string): string {
  const element = `<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(contentType)}"/>`;
  return appendToElement(typesXml, "Types", element)!;
}

/** The part names [Content_Types].xml overrides, lower case ("/xl/styles.xml"). */
export function contentTypeOverrides(typesXml: string): string[] {
  return elementsOf(typesXml, "Override").map((e) => (attributesOf(e.text).get("PartName") ?? "").toLowerCase());
}

export function removeContentTypeOverride(typesXml: string, part: string): string {
  let xml = typesXml;
  for (const e of elementsOf(typesXml, "Override")) {
    if (attributesOf(e.text).get("PartName")?.toLowerCase() === `/${part}`.toLowerCase()) xml = replaceElement(xml, e.text, "");
  }
  return xml;
}
