// Damaged and hostile old-format files: each one an XlsxReadError with a Vietnamese sentence that
// names what is wrong, given fast (no loop, no allocation by a declared size). The .xls cases are
// real LibreOffice files with one field changed; the .ods cases are zips made here.
import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { BIFF5_MESSAGE, readLegacyWorkbook } from "../../../../src/host/file/legacy/legacyWorkbook";
import { biffRecords } from "../../../../src/host/file/legacy/biffRecords";
import { OleContainer } from "../../../../src/host/file/legacy/oleContainer";
import { PASSWORD_MESSAGE } from "../../../../src/host/file/package/xlsxPackageCheck";
import { XlsxReadError, XlsxTooLargeError } from "../../../../src/host/file/package/xlsxReadError";
import { makeTempDir, removeDir, writeGrids } from "../../../cli/helpers/xlsxFiles";
import { districtGrid } from "../../../fixtures/seed";
import { convert, libreOfficeMissing } from "./legacyFixture";

/** Reads the bytes, expecting an XlsxReadError; returns it with the time taken. */
async function refused(bytes: Uint8Array): Promise<{ error: XlsxReadError; ms: number }> {
  const t0 = performance.now();
  try {
    await readLegacyWorkbook(bytes);
  } catch (err) {
    const ms = performance.now() - t0;
    if (!(err instanceof XlsxReadError)) throw err;
    return { error: err, ms };
  }
  throw new Error("the file was read");
}

/** Where `needle` first occurs in `bytes`. */
function indexOf(bytes: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

const u32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint32(at, true);
const setU32 = (b: Uint8Array, at: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint32(at, v, true);

const maybe = libreOfficeMissing("tệp .xls hỏng") ? describe.skip : describe;

maybe("a damaged .xls", () => {
  let dir: string;
  let xls: Uint8Array;
  /** Offset in the file of the Workbook stream's byte `at` (the stream's sectors are found by content). */
  let fileOffset: (at: number, length: number) => number;

  beforeAll(async () => {
    dir = await makeTempDir("cchc-xls-bad-");
    const source = await writeGrids(path.join(dir, "huyen.xlsx"), [districtGrid()]);
    xls = new Uint8Array(await fs.readFile(await convert(source, "xls", dir)));
    const stream = new OleContainer(xls).stream("Workbook")!;
    fileOffset = (at, length) => indexOf(xls, stream.subarray(at, at + length));
  }, 180_000);
  afterAll(async () => removeDir(dir));

  it("reads when sound (the cases below change one field of this file)", async () => {
    const wb = await readLegacyWorkbook(xls);
    expect(wb.sheets[0].values[3][0]).toBe("STT");
  });

  it("cut in half: a sector outside the file", async () => {
    const { error, ms } = await refused(xls.slice(0, Math.floor(xls.length / 2)));
    expect(error.message).toMatch(/^Tệp \.xls bị hỏng: .*sector \d+ nằm ngoài tệp/);
    expect(ms).toBeLessThan(500);
  });

  it("a FAT chain that loops", async () => {
    const bad = xls.slice();
    const fat = (u32(bad, 0x4c) + 1) * 512;
    // The first entry that continues a chain points back at itself.
    let k = 0;
    while (u32(bad, fat + 4 * k) >= 0xfffffffa || u32(bad, fat + 4 * k) === k) k++;
    setU32(bad, fat + 4 * k, k);
    const { error, ms } = await refused(bad);
    expect(error.message).toBe(`Tệp .xls bị hỏng: bảng FAT có chuỗi sector lặp vòng (sector ${k}). Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx.`);
    expect(ms).toBeLessThan(500);
  });

  it("a sector index out of range (the directory's first sector)", async () => {
    const bad = xls.slice();
    setU32(bad, 0x30, 0x00ffff00);
    const { error, ms } = await refused(bad);
    expect(error.message).toMatch(/^Tệp \.xls bị hỏng: chuỗi sector của thư mục trỏ tới sector 16776960 không tồn tại\./);
    expect(ms).toBeLessThan(500);
  });

  it("an SST that claims more strings than it holds", async () => {
    const stream = new OleContainer(xls).stream("Workbook")!;
    const sst = [...biffRecords(stream, "Workbook")].find((r) => r.type === 0x00fc)!;
    const at = fileOffset(sst.at, 12);
    expect(at).toBeGreaterThan(0);
    const bad = xls.slice();
    setU32(bad, at + 8, 0x7fffffff);
    const { error, ms } = await refused(bad);
    expect(error.message).toMatch(new RegExp(`^Tệp \\.xls bị hỏng: bản ghi SST ở vị trí 0x${sst.at.toString(16).toUpperCase()} khai 2147483647 chuỗi nhưng chỉ chứa \\d+\\.`));
    expect(ms).toBeLessThan(500);
  });

  it("a LABELSST pointing past the shared strings", async () => {
    const stream = new OleContainer(xls).stream("Workbook")!;
    const label = [...biffRecords(stream, "Workbook")].find((r) => r.type === 0x00fd)!;
    const at = fileOffset(label.at, 14);
    const bad = xls.slice();
    setU32(bad, at + 10, 0x00ffffff);
    const { error } = await refused(bad);
    expect(error.message).toMatch(
      new RegExp(`^Tệp \\.xls bị hỏng: bản ghi LABELSST ở vị trí 0x${label.at.toString(16).toUpperCase()} chỉ tới chuỗi số 16777215 nhưng bảng SST chỉ có \\d+ chuỗi\\.`),
    );
  });

  it("a record longer than the rest of the stream", async () => {
    const stream = new OleContainer(xls).stream("Workbook")!;
    const sst = [...biffRecords(stream, "Workbook")].find((r) => r.type === 0x00fc)!;
    const bad = xls.slice();
    const at = fileOffset(sst.at, 12);
    // Every record after it is swallowed, the EOF of the globals with them.
    new DataView(bad.buffer).setUint16(at + 2, 0xffff, true);
    const { error } = await refused(bad);
    expect(error.message).toMatch(/^Tệp \.xls bị hỏng: bản ghi SST ở vị trí 0x[0-9A-F]+ vượt quá cuối luồng Workbook\./);
  });

  it("an Excel 95 (BIFF5) workbook is refused with a request to save as .xlsx", async () => {
    const bad = xls.slice();
    const at = fileOffset(0, 8);
    new DataView(bad.buffer).setUint16(at + 4, 0x0500, true);
    expect((await refused(bad)).error.message).toBe(BIFF5_MESSAGE);
  });

  it("an encrypted workbook (FILEPASS after BOF) gets the password message", async () => {
    const stream = new OleContainer(xls).stream("Workbook")!;
    const second = [...biffRecords(stream, "Workbook")][1];
    const bad = xls.slice();
    new DataView(bad.buffer).setUint16(fileOffset(second.at, 16), 0x002f, true);
    expect((await refused(bad)).error.message).toBe(PASSWORD_MESSAGE);
  });
});

const TABLE_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"';

async function ods(body: string, mimetype = "application/vnd.oasis.opendocument.spreadsheet", padding = ""): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("mimetype", mimetype, { compression: "STORE" });
  zip.file("content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${TABLE_NS}>${padding}<office:body><office:spreadsheet>${body}</office:spreadsheet></office:body></office:document-content>`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const CELL = '<table:table-cell office:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell>';

describe("a hostile .ods, and files that are neither kind", () => {
  it("1,048,576 repeated empty rows of 16,384 empty cells cost nothing", async () => {
    const bytes = await ods(
      `<table:table table:name="Trang tính 1"><table:table-row>${CELL}<table:table-cell table:number-columns-repeated="16383"/></table:table-row>` +
        '<table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>',
    );
    const t0 = performance.now();
    const wb = await readLegacyWorkbook(bytes);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(wb.sheets[0].values).toEqual([[7]]);
  });

  it("a value repeated over 1,048,576 rows × 16,384 columns is refused before it is laid out", async () => {
    const bytes = await ods(
      `<table:table table:name="Bom"><table:table-row table:number-rows-repeated="1048576"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row></table:table>`,
    );
    const { error, ms } = await refused(bytes);
    expect(error).toBeInstanceOf(XlsxTooLargeError);
    expect(error.message).toMatch(/^Tệp \.ods quá lớn để đọc an toàn: sheet "Bom" cần khoảng .* ô, vượt giới hạn .* ô\.$/);
    expect(ms).toBeLessThan(500);
  });

  it("a content.xml that unpacks past the size limit trips the package check before inflating", async () => {
    const bytes = await ods("<table:table/>", undefined, " ".repeat(33 * 1024 * 1024));
    expect(bytes.length).toBeLessThan(200_000);
    const { error, ms } = await refused(bytes);
    expect(error).toBeInstanceOf(XlsxTooLargeError);
    expect(error.message).toMatch(/^Tệp quá lớn để đọc an toàn: khi giải nén, dữ liệu chiếm 33,0 MB \(phần lớn nhất content\.xml: 33,0 MB\), vượt giới hạn 32,0 MB\.$/);
    expect(ms).toBeLessThan(500);
  });

  it("a zip that is not an OpenDocument spreadsheet is named so", async () => {
    const { error } = await refused(await ods("", "application/vnd.oasis.opendocument.text"));
    expect(error.message).toMatch(/^Tệp \.ods bị hỏng: phần mimetype là "application\/vnd\.oasis\.opendocument\.text", không phải bảng tính OpenDocument\./);
  });

  it("content.xml that is not XML names the part", async () => {
    const { error } = await refused(await ods("<table:table><table:table-row></table:table>"));
    expect(error.message).toMatch(/^Tệp \.ods bị hỏng: phần content\.xml không phải XML hợp lệ/);
  });

  it("an OLE file holding EncryptionInfo (an .xlsx saved with a password) gets the password message", async () => {
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = "EncryptionInfo";
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < name.length; i++) view.setUint16(640 + 2 * i, name.charCodeAt(i), true);
    view.setUint16(640 + 0x40, (name.length + 1) * 2, true);
    bytes[640 + 0x42] = 2;
    expect((await refused(bytes)).error.message).toBe(PASSWORD_MESSAGE);
  });

  it("an empty file", async () => {
    expect((await refused(new Uint8Array(0))).error.message).toBe("Tệp rỗng (0 byte), không phải bảng tính .xls hay .ods.");
  });

  it("bytes that are neither .xls nor .ods", async () => {
    const { error } = await refused(new TextEncoder().encode("STT;Tên đơn vị\n1;Đăk Pnê\n"));
    expect(error.message).toBe(
      "Không phải bảng tính .xls hay .ods (có thể là tệp .csv hoặc tệp khác đổi đuôi). Hãy mở bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx.",
    );
  });
});
