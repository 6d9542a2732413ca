// The settings the add-in saved in the workbook (Office.context.document.settings), read from the
// package where Office keeps them: /_rels/.rels → xl/webextensions/taskpanes.xml → its .rels →
// xl/webextensions/webextension*.xml, each a <we:webextension> whose <we:properties> hold
// <we:property name="…" value="JSON"/>. Ours is the one holding CCHC_SETTINGS (the one whose
// <we:reference id> is our manifest's Id first). Only these few small parts are inflated, each
// checked for size and CRC as every part is; a fault of the package itself is left to readXlsx,
// which reads every member and says what is wrong.
import type { EngineSettings } from "../../../engine/core/types";
import { CheckedPackage, type PackageLimits } from "../package/xlsxPackageCheck";
import type { ZipEntry } from "../package/xlsxParts";
import { XlsxReadError } from "../package/xlsxReadError";
import { STREAMED_FACTOR } from "./readXlsx";
import { RelsReader } from "./relsPart";
import { checkSavedSettings, unreadableNotice } from "./savedSettings";
import { attr, XmlPartReader, type XmlHandler, type XmlTag } from "./xmlPart";

/** The add-in's Id in manifest.xml: Office writes it as the webextension's reference id. */
export const ADDIN_ID = "b0659a45-95e1-400f-a819-0e25256b3f04";
/** The document setting the add-in keeps its EngineSettings under (officeSettings.ts SETTINGS_KEY). */
export const SETTINGS_PROPERTY = "CCHC_SETTINGS";
export const WEBEXTENSION_NS = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";

/**
 * Office limits an add-in's document settings to 2 MB; a part declaring more (with XML escaping)
 * is not one Office wrote, and is not inflated.
 */
export const MAX_SETTINGS_PART_BYTES = 4 * 1024 * 1024;
/** Webextension parts looked at, at most (a workbook holds one per add-in). */
const MAX_PARTS = 64;

export interface SavedAddinSettings {
  /** What the workbook holds, the fields that could be read; null when none (or nothing readable). */
  settings: Partial<EngineSettings> | null;
  /** Why something saved was not used, in Vietnamese. */
  notices: string[];
  /** The part the settings came from ("xl/webextensions/webextension1.xml"). */
  part?: string;
}

interface WebExtension {
  part: string;
  referenceIds: string[];
  properties: Map<string, string>;
}

/** Reads one webextension part: its reference ids and its properties. */
class WebExtensionReader implements XmlHandler {
  readonly referenceIds: string[] = [];
  readonly properties = new Map<string, string>();

  open(tag: XmlTag): void {
    if (tag.uri !== WEBEXTENSION_NS) return;
    if (tag.local === "reference") {
      const id = attr(tag, "id");
      if (id !== undefined) this.referenceIds.push(id);
    } else if (tag.local === "property") {
      const name = attr(tag, "name");
      const value = attr(tag, "value");
      if (name !== undefined && value !== undefined && !this.properties.has(name)) this.properties.set(name, value);
    }
  }

  close(): void {}
}

const sameId = (a: string, b: string) => a.replace(/[{}]/g, "").trim().toLowerCase() === b.toLowerCase();
const looksLikeZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The .rels part of a part: "xl/webextensions/taskpanes.xml" → "xl/webextensions/_rels/taskpanes.xml.rels". */
function relsOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

const folderOf = (part: string) => part.slice(0, Math.max(0, part.lastIndexOf("/")));

class SettingsParts {
  readonly notices: string[] = [];

  constructor(private readonly pkg: CheckedPackage) {}

  /** Parses a small part; false (and a notice for a webextension part) when it is too large or not XML. */
  async parse(entry: ZipEntry, handler: XmlHandler, noticeOnFault: boolean): Promise<boolean> {
    if (entry.uncompressedSize > MAX_SETTINGS_PART_BYTES) {
      if (noticeOnFault) this.notices.push(unreadableNotice(`phần ${entry.name} quá lớn`));
      return false;
    }
    const xml = new XmlPartReader(entry.name, handler);
    let fault: unknown = null;
    // A package fault (size, CRC) is thrown by read(): readXlsx says it. An XML fault is ours to say.
    await this.pkg.read(entry, (chunk) => {
      if (fault !== null) return;
      try {
        xml.feed(chunk);
      } catch (err) {
        fault = err;
      }
    });
    if (fault === null) {
      try {
        xml.end();
      } catch (err) {
        fault = err;
      }
    }
    if (fault === null) return true;
    if (!(fault instanceof XlsxReadError)) throw fault;
    if (noticeOnFault) this.notices.push(unreadableNotice(`phần ${entry.name} không phải XML hợp lệ`));
    return false;
  }

  /** Targets of the relationships of `type` (last segment) in the .rels of `part` ("" for the package). */
  async related(part: string, type: string): Promise<string[]> {
    const entry = this.pkg.entry(part === "" ? "_rels/.rels" : relsOf(part));
    if (!entry) return [];
    const rels = new RelsReader(folderOf(part));
    if (!(await this.parse(entry, rels, false))) return [];
    return [...rels.byId.values()].filter((r) => r.type.toLowerCase() === type && r.part !== null).map((r) => r.part!);
  }

  /** Every webextension part: those the task panes name, then any other under xl/webextensions/. */
  async webExtensionParts(): Promise<ZipEntry[]> {
    const names: string[] = [];
    for (const panes of await this.related("", "webextensiontaskpanes")) names.push(...(await this.related(panes, "webextension")));
    const found: ZipEntry[] = [];
    const add = (e: ZipEntry | undefined) => {
      if (e && !found.includes(e) && found.length < MAX_PARTS) found.push(e);
    };
    for (const n of names) add(this.pkg.entry(n));
    const loose = this.pkg.entries.filter((e) => /^xl\/webextensions\/webextension[^/]*\.xml$/i.test(e.name));
    for (const e of [...loose].sort((a, b) => a.name.localeCompare(b.name, "en", { numeric: true }))) add(e);
    return found;
  }
}

/**
 * The settings our add-in saved in this .xlsx package. Never throws for what the workbook holds:
 * no parts, other add-ins only, broken XML or JSON give no settings (with a notice where
 * something of ours was there but unreadable). The package's own faults are left to readXlsx.
 */
export async function readAddinSettings(bytes: Uint8Array, limits: PackageLimits): Promise<SavedAddinSettings> {
  const none: SavedAddinSettings = { settings: null, notices: [] };
  if (!looksLikeZip(bytes)) return none;
  try {
    const parts = new SettingsParts(CheckedPackage.open(bytes, limits, STREAMED_FACTOR));
    const extensions: WebExtension[] = [];
    for (const entry of await parts.webExtensionParts()) {
      const reader = new WebExtensionReader();
      if (await parts.parse(entry, reader, true)) extensions.push({ part: entry.name, referenceIds: reader.referenceIds, properties: reader.properties });
    }
    const holding = extensions.filter((x) => x.properties.has(SETTINGS_PROPERTY));
    const ours = holding.find((x) => x.referenceIds.some((id) => sameId(id, ADDIN_ID))) ?? holding[0];
    if (!ours) return { settings: null, notices: parts.notices };
    // A broken part of another add-in is none of the clerk's business once ours is read.
    const checked = checkSavedSettings(ours.properties.get(SETTINGS_PROPERTY)!);
    return { settings: checked.settings, notices: checked.notices, part: ours.part };
  } catch (err) {
    if (err instanceof XlsxReadError) return none;
    throw err;
  }
}
