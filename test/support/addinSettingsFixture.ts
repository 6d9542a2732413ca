// "A workbook saved by the add-in": adds to an .xlsx's bytes the parts Office writes for an add-in's
// document settings (Office.context.document.settings + saveAsync), in the documented shape:
//   /_rels/.rels            → xl/webextensions/taskpanes.xml (…/2011/relationships/webextensiontaskpanes)
//   taskpanes.xml            <wetp:taskpanes><wetp:taskpane …><wetp:webextensionref r:id="rId1"/>…
//   _rels/taskpanes.xml.rels → webextension1.xml (…/2011/relationships/webextension)
//   webextension1.xml        <we:webextension id="{…}"><we:reference id="<manifest Id>" …/>
//                            <we:properties><we:property name="CCHC_SETTINGS" value="<JSON>"/>…
// with their content types (application/vnd.ms-office.webextension+xml, …webextensiontaskpanes+xml).
import JSZip from "jszip";
import { ADDIN_ID, SETTINGS_PROPERTY } from "../../src/host/file/read/addinSettings";

const WE = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const WETP = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TASKPANES = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
const REL_WEBEXTENSION = "http://schemas.microsoft.com/office/2011/relationships/webextension";
const CT_WEBEXTENSION = "application/vnd.ms-office.webextension+xml";
const CT_TASKPANES = "application/vnd.ms-office.webextensiontaskpanes+xml";

export interface AddinPart {
  /** The reference id (the add-in's manifest Id); ours by default. */
  id?: string;
  /** Properties as Office stores them: name → the value's JSON text. */
  properties: Record<string, string>;
}

export interface FixtureOptions {
  /** The CCHC_SETTINGS value as stored text instead of JSON.stringify(settings) (e.g. broken JSON). */
  raw?: string;
  /** Other add-ins' parts, written before ours (so ours is not simply the first). */
  others?: AddinPart[];
  /** Our reference id (default: the manifest's). */
  addinId?: string;
}

export const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function webextensionXml(n: number, part: AddinPart): string {
  const props = Object.entries(part.properties)
    .map(([name, value]) => `<we:property name="${escapeXml(name)}" value="${escapeXml(value)}"/>`)
    .join("");
  const instance = `{5E1C0F2A-0000-4000-8000-${String(n).padStart(12, "0")}}`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<we:webextension xmlns:we="${WE}" id="${instance}">` +
    `<we:reference id="${escapeXml(part.id ?? ADDIN_ID)}" version="1.0.0.0" store="developer" storeType="Registry"/>` +
    `<we:alternateReferences/><we:properties>${props}</we:properties><we:bindings/>` +
    `<we:snapshot xmlns:r="${R}"/></we:webextension>`
  );
}

/** The add-in parts in `xlsx`, with `settings` saved as our CCHC_SETTINGS. */
export async function withAddinSettings(xlsx: Uint8Array, settings: unknown, options: FixtureOptions = {}): Promise<Uint8Array> {
  const ours: AddinPart = {
    id: options.addinId ?? ADDIN_ID,
    properties: { "Office.AutoShowTaskpaneWithDocument": "true", [SETTINGS_PROPERTY]: options.raw ?? JSON.stringify(settings) },
  };
  return withAddinParts(xlsx, [...(options.others ?? []), ours]);
}

/** The given add-ins' parts added to `xlsx` (webextension1.xml, 2, … in this order). */
export async function withAddinParts(xlsx: Uint8Array, parts: AddinPart[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const panes: string[] = [];
  const rels: string[] = [];
  const types: string[] = [`<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="${CT_TASKPANES}"/>`];
  parts.forEach((part, i) => {
    const n = i + 1;
    zip.file(`xl/webextensions/webextension${n}.xml`, webextensionXml(n, part));
    panes.push(`<wetp:taskpane dockstate="right" visibility="0" width="350" row="${n}"><wetp:webextensionref xmlns:r="${R}" r:id="rId${n}"/></wetp:taskpane>`);
    rels.push(`<Relationship Id="rId${n}" Type="${REL_WEBEXTENSION}" Target="webextension${n}.xml"/>`);
    types.push(`<Override PartName="/xl/webextensions/webextension${n}.xml" ContentType="${CT_WEBEXTENSION}"/>`);
  });
  zip.file("xl/webextensions/taskpanes.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="${WETP}">${panes.join("")}</wetp:taskpanes>`);
  zip.file("xl/webextensions/_rels/taskpanes.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">${rels.join("")}</Relationships>`);
  const rootRels = await zip.file("_rels/.rels")!.async("string");
  zip.file("_rels/.rels", rootRels.replace("</Relationships>", `<Relationship Id="rIdCchcPanes" Type="${REL_TASKPANES}" Target="xl/webextensions/taskpanes.xml"/></Relationships>`));
  const contentTypes = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", contentTypes.replace("</Types>", `${types.join("")}</Types>`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
