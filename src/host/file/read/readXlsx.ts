// readXlsx: .xlsx bytes → ReadWorkbook, without ExcelJS. One pass over the package: every member
// is inflated once, its size and CRC checked as it streams (CheckedPackage), the parts the reader
// needs parsed from the same chunks (workbook, relationships, styles, shared strings, then each
// sheet), every other member only checked. What is kept is counted against the size limit;
// large sheets that are neither scoring sheets nor units tables are cut after their first rows,
// so they are not held in memory and do not count.
import { detectHeader, type Grid } from "../../../engine";
import { CheckedPackage, damaged, DEFAULT_LIMITS, megabytes, type PackageLimits } from "../package/xlsxPackageCheck";
import type { ZipEntry } from "../package/xlsxParts";
import { XlsxTooLargeError } from "../package/xlsxReadError";
import { RelsReader, type Relationship } from "./relsPart";
import { resolveHyperlinks, sheetRelsName } from "./hyperlinksPart";
import { SharedStringsReader } from "./sharedStringsPart";
import { SheetReader } from "./sheetPart";
import { StylesReader } from "./stylesPart";
import type { ReadSheet, ReadWorkbook } from "./workbookModel";
import { WorkbookReader } from "./workbookPart";
import { refuseNonWorkbook } from "./xlsxGate";
import { XmlPartReader, type XmlHandler } from "./xmlPart";

/**
 * How many times the limit all parts may declare together: what is not kept (the rows of a large
 * unrelated sheet) is only inflated and scanned, never held, so it may be larger than the limit;
 * this bounds the time spent on it (and refuses zip bombs from their declared sizes).
 */
export const STREAMED_FACTOR = 8;

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

export interface ReadOptions {
  /** Sheets kept whole whatever their first rows hold (e.g. a sheet the clerk mapped in the settings). */
  keepWhole?: (sheetName: string) => boolean;
}

/** A grid whose first rows make it a scoring sheet or a units table: the engine's own test. */
export function isTableSheet(firstRows: Grid): boolean {
  return detectHeader(firstRows).kind !== "other";
}

/** Counts the bytes of XML kept against the limit. */
class KeptBytes {
  private total = 0;

  constructor(
    private readonly limits: PackageLimits,
    private readonly declared: number,
  ) {}

  add(part: string, n: number): void {
    this.total += n;
    if (this.total <= this.limits.maxUnpackedBytes) return;
    throw new XlsxTooLargeError(
      `Tệp quá lớn để đọc an toàn: khi giải nén, dữ liệu cần đọc chiếm hơn ${megabytes(this.total)} MB (đang đọc phần ${part}), vượt giới hạn ${megabytes(this.limits.maxUnpackedBytes)} MB.`,
      `kept ${this.total} bytes > ${this.limits.maxUnpackedBytes} (reading ${part})`,
      // Enough whatever is kept: every part together.
      Math.max(1, Math.ceil(this.declared / (1024 * 1024))),
    );
  }
}

class PackageReading {
  readonly kept: KeptBytes;

  constructor(
    readonly pkg: CheckedPackage,
    limits: PackageLimits,
  ) {
    this.kept = new KeptBytes(limits, pkg.entries.reduce((n, e) => n + e.uncompressedSize, 0));
  }

  /** Parses one part as it inflates; `counts` says whether its bytes count as kept now. */
  async parse(entry: ZipEntry, handler: XmlHandler, counts: () => boolean = () => true): Promise<void> {
    const xml = new XmlPartReader(entry.name, handler);
    await this.pkg.read(entry, (chunk) => {
      if (counts()) this.kept.add(entry.name, chunk.length);
      xml.feed(chunk);
    });
    xml.end();
  }

  async parseOptional<T extends XmlHandler>(rel: Relationship, handler: T): Promise<T | null> {
    const entry = rel.part ? this.pkg.entry(rel.part) : undefined;
    if (!entry) return null;
    await this.parse(entry, handler);
    return handler;
  }
}

export async function readXlsx(data: ArrayBuffer | Uint8Array, limits: PackageLimits = DEFAULT_LIMITS, options: ReadOptions = {}): Promise<ReadWorkbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  refuseNonWorkbook(bytes);
  const reading = new PackageReading(CheckedPackage.open(bytes, limits, STREAMED_FACTOR), limits);
  const { pkg } = reading;
  // Without it no program knows what the parts are; Excel refuses the file.
  if (!pkg.entry("[Content_Types].xml")) throw damaged("thiếu phần [Content_Types].xml (danh mục kiểu các phần).", "missing part: [Content_Types].xml");

  const book = new WorkbookReader(WORKBOOK);
  await reading.parse(pkg.entry(WORKBOOK)!, book);
  book.finish();
  const relsEntry = pkg.entry(WORKBOOK_RELS);
  const rels = new RelsReader("xl");
  if (relsEntry) await reading.parse(relsEntry, rels);
  // Found by relationship; at their usual names when the relationship is missing.
  const relOfType = (type: string, usual: string): Relationship =>
    [...rels.byId.values()].find((r) => r.type === type) ?? { part: usual, type };

  const styles = (await reading.parseOptional(relOfType("styles", "xl/styles.xml"), new StylesReader())) ?? new StylesReader();
  const stringsRel = relOfType("sharedStrings", "xl/sharedStrings.xml");
  const strings = await reading.parseOptional(stringsRel, new SharedStringsReader());

  const sheets: ReadSheet[] = [];
  /** Index in `sheets` of each entry of workbook.xml (null: not a worksheet, e.g. a chart sheet). */
  const indexOfTab: (number | null)[] = [];
  for (const entry of book.sheets) {
    const rel = rels.byId.get(entry.relId);
    const label = ` của sheet "${entry.name}"`;
    if (!rel || rel.part === null) throw damaged(`không tìm thấy phần dữ liệu${label}.`, `no relationship for sheet ${entry.name}`);
    const member = pkg.entry(rel.part);
    if (!member) throw damaged(`thiếu phần ${rel.part}${label}.`, `missing part: ${rel.part}`);
    if (rel.type !== "worksheet") {
      indexOfTab.push(null);
      continue;
    }
    const reader = new SheetReader(entry.name, entry.state, member.name, {
      strings: strings ? strings.strings : null,
      stringsPart: stringsRel.part ?? "xl/sharedStrings.xml",
      isDateStyle: (s) => styles.isDateStyle(s),
      formatOf: (s) => styles.formatOf(s),
      date1904: book.date1904,
      keepWhole: (grid) => options.keepWhole?.(entry.name) === true || isTableSheet(grid),
    });
    await reading.parse(member, reader, () => reader.keeping);
    indexOfTab.push(sheets.length);
    const sheet = reader.finish();
    if (reader.hyperlinks.length > 0) {
      // External addresses live in the sheet's own relationships.
      const sheetRels = new RelsReader(member.name.slice(0, member.name.lastIndexOf("/")));
      const relsMember = pkg.entry(sheetRelsName(member.name));
      if (relsMember) await reading.parse(relsMember, sheetRels);
      const links = resolveHyperlinks(reader.hyperlinks, sheetRels.byId);
      if (links.length > 0) sheet.links = links;
    }
    sheets.push(sheet);
  }
  await pkg.checkRest();

  const active = book.activeTab === null ? null : (indexOfTab[book.activeTab] ?? null);
  return {
    format: pkg.entry("xl/vbaProject.bin") ? "xlsm" : "xlsx",
    sheets,
    definedNames: book.definedNames,
    activeSheet: active,
    notices: sheets.filter((s) => s.truncated).map(truncatedNotice),
  };
}

/** What the clerk is told about a sheet read only in part. */
function truncatedNotice(sheet: ReadSheet): string {
  const t = sheet.truncated!;
  const n = (x: number) => x.toLocaleString("vi-VN");
  return `Sheet "${sheet.name}" có ${n(t.rowsInFile)} dòng và không phải bảng chấm điểm hay bảng đơn vị: chỉ đọc ${n(t.rowsKept)} dòng đầu.`;
}
