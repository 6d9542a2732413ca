// An .ods workbook (OpenDocument spreadsheet, as LibreOffice saves) read into the neutral
// ReadWorkbook. The zip goes through the same package check as .xlsx (sizes, CRCs, the unpacked
// size limit, inflating by streams), then content.xml is read as a stream of tags.
import { readPackageMembers, type PackageLimits } from "../package/xlsxPackageCheck";
import type { ReadWorkbook } from "../read/workbookModel";
import { BYTES_PER_CELL, damagedOds } from "./legacyErrors";
import { readOdsContent } from "./odsContent";
import { undecompiledNotice } from "./xlsReader";

export const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

function text(chunks: Uint8Array[] | undefined): string {
  if (!chunks) return "";
  const decoder = new TextDecoder("utf-8");
  return chunks.map((c) => decoder.decode(c, { stream: true })).join("") + decoder.decode();
}

/** settings.xml's ActiveTable: the name of the sheet shown when the file was saved. */
function activeTable(settingsXml: string): string | null {
  const m = /<config:config-item\s+config:name="ActiveTable"[^>]*>([^<]*)</.exec(settingsXml);
  if (!m) return null;
  return m[1].replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] ?? "");
}

export async function readOds(bytes: Uint8Array, limits: PackageLimits): Promise<ReadWorkbook> {
  const wanted = new Set(["mimetype", "content.xml", "settings.xml"]);
  const members = await readPackageMembers(bytes, limits, (name) => wanted.has(name), ".ods");
  const mimetype = text(members.get("mimetype")).trim();
  if (mimetype !== ODS_MIMETYPE) {
    throw damagedOds(
      mimetype === "" ? "thiếu phần mimetype (có thể không phải bảng tính OpenDocument)" : `phần mimetype là "${mimetype.slice(0, 80)}", không phải bảng tính OpenDocument`,
      `mimetype ${mimetype}`,
    );
  }
  const content = members.get("content.xml");
  if (!content) throw damagedOds("thiếu phần content.xml chứa dữ liệu các sheet", "no content.xml");
  const read = readOdsContent(content, Math.floor(limits.maxUnpackedBytes / BYTES_PER_CELL));
  const active = activeTable(text(members.get("settings.xml")));
  const index = active === null ? -1 : read.sheets.findIndex((s) => s.name === active);
  return {
    format: "ods",
    sheets: read.sheets,
    definedNames: read.definedNames,
    activeSheet: index >= 0 ? index : null,
    notices: read.undecompiled > 0 ? [undecompiledNotice(read.undecompiled, ".ods")] : [],
  };
}
