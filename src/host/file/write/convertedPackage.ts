// A workbook read from another format (.xls, .ods) written as a new .xlsx package: every sheet's
// values, formulas with their cached results, merges and hidden state, and the workbook-level
// names. Formatting (fonts, fills, borders, widths), pictures and charts are not carried: the
// caller tells the clerk so (CONVERTED_NOTICE). The result is then read and summarised as any
// .xlsx, so a summary of an old file is the new .xlsx plus the generated sheets.
import JSZip from "jszip";
import { toA1 } from "../../../engine";
import type { CellValue } from "../../../engine";
import type { ReadSheet, ReadWorkbook } from "../read/workbookModel";
import { XlsxPackage } from "./xlsxPackage";
import { appendStyles, DEFAULT_STYLES_XML, lookKey } from "./xlsxStylesAppend";
import { escapeXml } from "./xlsxXml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DATE_LOOK = { format: "dd/mm/yyyy" } as const;
/** Days from Excel's day 0 (1899-12-30, the 1900 system with its leap-year quirk) to 1970-01-01. */
const EPOCH_OFFSET_DAYS = 25569;

/** What the clerk is told about a summary of a converted file. */
export function convertedNotice(format: "xls" | "ods"): string {
  return (
    `Tệp .${format} được chuyển sang .xlsx: giữ nguyên giá trị, công thức, ô gộp, sheet ẩn và tên vùng; ` +
    `không giữ định dạng (phông chữ, màu nền, viền, độ rộng cột, chiều cao dòng), hình và biểu đồ.`
  );
}

/** An empty package: the parts every workbook has, and a workbook with no sheet yet. */
export async function emptyPackage(styles: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const put = (path: string, xml: string) => zip.file(path, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`, { createFolders: false });
  put(
    "[Content_Types].xml",
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  put("_rels/.rels", `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  put("xl/workbook.xml", `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets/></workbook>`);
  put("xl/_rels/workbook.xml.rels", `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`);
  zip.file("xl/styles.xml", styles, { createFolders: false });
  return zip.generateAsync({ type: "uint8array" });
}

/** A JS date as Excel's serial day number (the time of day as its fraction). */
function serial(date: Date): number {
  return date.getTime() / 86400000 + EPOCH_OFFSET_DAYS;
}

function cellXml(ref: string, value: CellValue, formula: string | undefined, dateStyle: number): string {
  const f = formula !== undefined ? `<f>${escapeXml(formula)}</f>` : "";
  if (value === null) return f === "" ? "" : `<c r="${ref}">${f}</c>`;
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}">${f}<v>${value}</v></c>` : "";
  if (typeof value === "boolean") return `<c r="${ref}" t="b">${f}<v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) return `<c r="${ref}" s="${dateStyle}">${f}<v>${serial(value)}</v></c>`;
  if (typeof value === "object") return `<c r="${ref}" t="e">${f}<v>${escapeXml(value.error)}</v></c>`;
  if (f !== "") return `<c r="${ref}" t="str">${f}<v>${escapeXml(value)}</v></c>`;
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : "";
  return value === "" ? "" : `<c r="${ref}" t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
}

/** One read sheet as a worksheet part. */
export function convertedSheetXml(sheet: ReadSheet, dateStyle: number): string {
  const formulas = new Map(sheet.formulas.map((f) => [`${f.row},${f.col}`, f.formula]));
  const rows: string[] = [];
  sheet.values.forEach((row, r) => {
    const cells = row.map((v, c) => cellXml(toA1(r, c), v, formulas.get(`${r},${c}`), dateStyle)).join("");
    if (cells !== "") rows.push(`<row r="${r + 1}">${cells}</row>`);
  });
  const merges = sheet.merges.map((m) => `<mergeCell ref="${toA1(m.row, m.col)}:${toA1(m.row + m.rows - 1, m.col + m.cols - 1)}"/>`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${rows.join("")}</sheetData>` +
    (merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>` : "") +
    `</worksheet>`
  );
}

/** The read workbook as .xlsx bytes. */
export async function convertToXlsx(workbook: ReadWorkbook): Promise<Uint8Array> {
  const styles = appendStyles(DEFAULT_STYLES_XML, [DATE_LOOK]);
  const dateStyle = styles.indexOf.get(lookKey(DATE_LOOK)) ?? 0;
  const pkg = await XlsxPackage.load(await emptyPackage(styles.xml));
  for (const sheet of workbook.sheets) {
    await pkg.addSheet(sheet.name, convertedSheetXml(sheet, dateStyle));
    if (sheet.state !== "visible") pkg.setSheetState(sheet.name, sheet.state);
  }
  for (const name of workbook.definedNames) if (name.formula !== "") pkg.setDefinedName(name.name, name.formula);
  if (workbook.activeSheet !== null && workbook.activeSheet > 0) pkg.setActiveTab(workbook.activeSheet);
  return pkg.save();
}
