// Test helper: a workbook's parts as text, rewritten and zipped again, to make exactly the package
// a test needs (prefixed namespaces, a damaged part, an extra sheet) around real ExcelJS output.
import type { Workbook } from "exceljs";
import { saveWorkbook } from "../../../src/host/file/read/xlsxLoad";
import { deflated, unzipParts, writeZip } from "./rawZip";

export const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const SML_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";

export type Parts = Map<string, Buffer>;

export async function partsOf(wb: Workbook): Promise<Parts> {
  return unzipParts(await saveWorkbook(wb));
}

export function zipParts(parts: Parts): Buffer {
  return writeZip([...parts].map(([name, content]) => deflated(name, content)));
}

export function text(parts: Parts, name: string): string {
  const part = parts.get(name);
  if (!part) throw new Error(`no part ${name}`);
  return part.toString("utf8");
}

export function edit(parts: Parts, name: string, change: (xml: string) => string): void {
  parts.set(name, Buffer.from(change(text(parts, name)), "utf8"));
}

/** Every unprefixed element of SpreadsheetML in the part written with `prefix:` (as the Open XML SDK writes). */
export function prefixed(xml: string, prefix: string): string {
  return xml
    .replace(`xmlns="${SML}"`, `xmlns:${prefix}="${SML}"`)
    .replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, `<$1${prefix}:$2`);
}

/** Adds a worksheet part of this XML as the last sheet. */
export function addSheetPart(parts: Parts, name: string, xml: string): string {
  const n = [...parts.keys()].filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).length + 1;
  const part = `xl/worksheets/sheet${n}.xml`;
  parts.set(part, Buffer.from(xml, "utf8"));
  edit(parts, "xl/_rels/workbook.xml.rels", (x) =>
    x.replace("</Relationships>", `<Relationship Id="rIdAdded${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/></Relationships>`),
  );
  edit(parts, "xl/workbook.xml", (x) => x.replace("</sheets>", `<sheet sheetId="${100 + n}" name="${name}" r:id="rIdAdded${n}"/></sheets>`));
  edit(parts, "[Content_Types].xml", (x) =>
    x.replace("</Types>", `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
  );
  return part;
}

/** A worksheet part holding these rows (inline strings and numbers), nothing else. */
export function sheetXml(rows: string, before = "", after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${SML}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;
}
