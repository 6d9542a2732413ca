// The package checks every reader passes before ExcelJS inflates anything: damaged members, a
// missing sheet, sizes past the limit (zip bombs, honest or lying), password-protected files.
import { Workbook } from "exceljs";
import { loadWorkbook, saveWorkbook, XlsxReadError, XlsxTooLargeError } from "../../../../src/host/file/read/xlsxLoad";
import { ExcelJsWorkbook } from "../../../../src/host/file/read/exceljsWorkbook";
import { districtGrid } from "../../../fixtures/seed";
import { addGridSheet } from "../../../cli/helpers/xlsxFiles";
import { deflated, repeatedDeflate, stored, unzipParts, writeZip, type RawMember } from "../../helpers/rawZip";

const SHEET1 = "xl/worksheets/sheet1.xml";
const SHEET2 = "xl/worksheets/sheet2.xml";

/** The seed's district sheet and a second sheet, as ExcelJS writes them. */
async function seedParts(): Promise<Map<string, Buffer>> {
  const wb = new Workbook();
  addGridSheet(wb, districtGrid());
  wb.addWorksheet("Ghi chú").getCell("A1").value = "Số liệu năm 2023";
  return unzipParts(await saveWorkbook(wb));
}

function members(parts: Map<string, Buffer>, make = deflated): RawMember[] {
  return [...parts].map(([name, content]) => make(name, content));
}

async function refusal(bytes: Uint8Array, limits?: { maxUnpackedBytes: number }): Promise<XlsxReadError> {
  const err = await loadWorkbook(bytes, limits).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof XlsxReadError)) throw new Error(`expected XlsxReadError, got ${String(err)}`);
  return err;
}

describe("a sound package", () => {
  it("still loads, rewritten member by member, with the seed's values", async () => {
    const wb = await loadWorkbook(writeZip(members(await seedParts())));
    const snapshot = await new ExcelJsWorkbook(wb).read();
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Huyện Kon Rẫy", "Ghi chú"]);
    expect(snapshot.sheets[0].values).toEqual(districtGrid().values);
  });
});

describe("damaged members", () => {
  it("refuses a sheet whose bytes changed after the CRC was written, naming the part", async () => {
    const parts = await seedParts();
    const list = members(parts, stored);
    const sheet = list.find((m) => m.name === SHEET1)!;
    // One score changed in transit: the XML is still valid, only the CRC tells.
    const text = Buffer.from(sheet.stored).toString("latin1");
    const at = text.indexOf("<v>89.21</v>") >= 0 ? text.indexOf("<v>89.21</v>") : text.indexOf("<v>");
    expect(at).toBeGreaterThan(0);
    const damaged = Buffer.from(sheet.stored);
    damaged[at + 3] = damaged[at + 3] === 0x38 ? 0x37 : 0x38;
    sheet.stored = damaged;
    const err = await refusal(writeZip(list));
    expect(err.message).toContain(SHEET1);
    expect(err.message).toMatch(/CRC/);
  });

  it("refuses a deflated member whose data is broken, naming the part", async () => {
    const list = members(await seedParts());
    const sheet = list.find((m) => m.name === SHEET2)!;
    const broken = Buffer.from(sheet.stored);
    broken.fill(0xff, 2, Math.min(broken.length, 40));
    sheet.stored = broken;
    const err = await refusal(writeZip(list));
    expect(err.message).toContain(SHEET2);
  });

  it("refuses a package whose sheet part is missing, naming the part and the sheet", async () => {
    const parts = await seedParts();
    parts.delete(SHEET2);
    const err = await refusal(writeZip(members(parts)));
    expect(err.message).toContain(`thiếu phần ${SHEET2} của sheet "Ghi chú"`);
  });

  it("refuses a member that inflates to more than its declared size, without inflating it all", async () => {
    const parts = await seedParts();
    const list = members(parts);
    const sheet = list.find((m) => m.name === SHEET2)!;
    // A lying header: 200 MB of data declared as 1 KB.
    Object.assign(sheet, { stored: repeatedDeflate(200), uncompressedSize: 1024 });
    const err = await refusal(writeZip(list));
    expect(err.message).toContain(`phần ${SHEET2} giải nén ra nhiều hơn`);
  });

  it("refuses sizes no deflate stream can have", async () => {
    const list = members(await seedParts());
    list.find((m) => m.name === SHEET2)!.uncompressedSize = 0xfffffff0;
    const err = await refusal(writeZip(list), { maxUnpackedBytes: 2 ** 40 });
    expect(err.message).toContain(`kích thước ghi cho phần ${SHEET2} không thể đúng`);
  });
});

describe("size limit", () => {
  it("refuses a part whose sizes need ZIP64 (4 GB or more), whatever the limit", async () => {
    const list = members(await seedParts());
    list.find((m) => m.name === SHEET2)!.uncompressedSize = 0xffffffff;
    const err = await refusal(writeZip(list), { maxUnpackedBytes: 2 ** 40 });
    expect(err.message).toBe(`Tệp quá lớn để đọc: phần ${SHEET2} từ 4 GB trở lên.`);
  });


  it("refuses a 3 GB zip bomb from its declared sizes, before inflating anything", async () => {
    const list = members(await seedParts());
    const bomb = list.find((m) => m.name === SHEET2)!;
    Object.assign(bomb, { stored: repeatedDeflate(3 * 1024), uncompressedSize: 3 * 1024 ** 3 });
    const err = await refusal(writeZip(list));
    expect(err).toBeInstanceOf(XlsxTooLargeError);
    expect(err.message).toContain(`phần lớn nhất ${SHEET2}: 3072,0 MB`);
    expect(err.message).toContain("vượt giới hạn 32,0 MB");
    expect((err as XlsxTooLargeError).neededMb).toBe(3073);
  });

  it("counts every part together against the limit, which a caller may raise", async () => {
    const parts = await seedParts();
    const bytes = writeZip(members(parts));
    const total = [...parts.values()].reduce((n, b) => n + b.length, 0);
    const err = await refusal(bytes, { maxUnpackedBytes: total - 1 });
    expect(err).toBeInstanceOf(XlsxTooLargeError);
    await expect(loadWorkbook(bytes, { maxUnpackedBytes: total })).resolves.toBeInstanceOf(Workbook);
  });
});

/** An OLE compound file holding one stream of this name (directory entry at sector 0). */
function oleFile(streamName: string): Uint8Array {
  const bytes = new Uint8Array(512 + 512);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const view = new DataView(bytes.buffer);
  const entry = 512 + 128; // after the root entry
  for (let i = 0; i < streamName.length; i++) view.setUint16(entry + 2 * i, streamName.charCodeAt(i), true);
  view.setUint16(entry + 0x40, (streamName.length + 1) * 2, true);
  view.setUint8(entry + 0x42, 2);
  return bytes;
}

describe("password-protected and old Excel files", () => {
  it("says a workbook saved with a password must be saved without one", async () => {
    const err = await refusal(oleFile("EncryptionInfo"));
    expect(err.message).toMatch(/được đặt mật khẩu/);
    expect(err.message).toMatch(/gỡ mật khẩu/);
    expect(err.message).not.toMatch(/\.xls cũ/);
  });

  it("keeps the old .xls message for a compound file without EncryptionInfo", async () => {
    const err = await refusal(oleFile("Workbook"));
    expect(err.message).toMatch(/\.xls cũ/);
    expect(err.message).not.toMatch(/mật khẩu/);
  });
});
