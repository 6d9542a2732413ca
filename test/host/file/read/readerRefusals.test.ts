// Damaged parts the reader refuses, each with a Vietnamese sentence naming the part (and the cell
// where there is one), never an English library message: invalid UTF-8, a number that is not
// one, shared strings missing or out of range, a workbook without sheets, a member twice.
import { Workbook } from "exceljs";
import { readXlsx } from "../../../../src/host/file/read/readXlsx";
import { XlsxReadError } from "../../../../src/host/file/package/xlsxReadError";
import { districtGrid } from "../../../fixtures/seed";
import { addGridSheet } from "../../../cli/helpers/xlsxFiles";
import { edit, partsOf, text, zipParts, type Parts } from "../../helpers/packageParts";
import { deflated, writeZip } from "../../helpers/rawZip";

const SHEET = "xl/worksheets/sheet1.xml";
const STRINGS = "xl/sharedStrings.xml";

async function seedParts(): Promise<Parts> {
  const wb = new Workbook();
  addGridSheet(wb, districtGrid());
  return partsOf(wb);
}

async function refusal(bytes: Uint8Array): Promise<XlsxReadError> {
  const err = await readXlsx(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof XlsxReadError)) throw new Error(`expected XlsxReadError, got ${String(err)}`);
  // Vietnamese for the clerk: no English library wording in the message.
  expect(err.message).toMatch(/^Tệp \.xlsx bị hỏng/);
  expect(err.message).not.toMatch(/\b(error|invalid|unexpected|expected|must|the)\b/i);
  return err;
}

describe("parts that are not sound", () => {
  it("refuses a byte that is not UTF-8 inside the shared strings, saying where", async () => {
    const parts = await seedParts();
    const xml = parts.get(STRINGS)!;
    const at = xml.indexOf("<t>") + 3;
    const damaged = Buffer.concat([xml.subarray(0, at), Buffer.from([0xff]), xml.subarray(at)]);
    parts.set(STRINGS, damaged);
    const err = await refusal(zipParts(parts));
    expect(err.message).toBe(`Tệp .xlsx bị hỏng: phần ${STRINGS} không phải XML hợp lệ (byte không phải UTF-8 ở vị trí ${at}).`);
  });

  it("refuses malformed XML in a sheet, naming the part and the line", async () => {
    const parts = await seedParts();
    edit(parts, SHEET, (xml) => xml.replace("</sheetData>", "</sheetDat>"));
    const err = await refusal(zipParts(parts));
    expect(err.message).toMatch(new RegExp(`^Tệp \\.xlsx bị hỏng: phần ${SHEET} không phải XML hợp lệ \\(lỗi cú pháp ở dòng \\d+, cột \\d+\\)\\.$`));
  });

  it("refuses a number cell holding Infinity, naming the part and the cell", async () => {
    const parts = await seedParts();
    edit(parts, SHEET, (xml) => xml.replace(/(<c r="C5"[^>]*>)<v>[^<]*<\/v>/, "$1<v>Infinity</v>"));
    expect(text(parts, SHEET).includes("<v>Infinity</v>")).toBe(true);
    const err = await refusal(zipParts(parts));
    expect(err.message).toBe(`Tệp .xlsx bị hỏng: phần ${SHEET} (sheet "Huyện Kon Rẫy"), ô C5: ô số ghi một giá trị không phải số hữu hạn.`);
  });

  it("refuses shared-string cells when the shared strings part is missing", async () => {
    const parts = await seedParts();
    parts.delete(STRINGS);
    const err = await refusal(zipParts(parts));
    expect(err.message).toMatch(new RegExp(`^Tệp \\.xlsx bị hỏng: phần ${SHEET} \\(sheet "Huyện Kon Rẫy"\\), ô A1: dùng chuỗi dùng chung số 0 nhưng tệp không có phần ${STRINGS}\\.$`));
  });

  it("refuses a shared-string index out of range, naming the cell", async () => {
    const parts = await seedParts();
    const count = (text(parts, STRINGS).match(/<si>/g) ?? []).length;
    edit(parts, SHEET, (xml) => xml.replace(/(<c r="B5"[^>]*t="s"[^>]*>)<v>\d+<\/v>/, `$1<v>${count}</v>`));
    const err = await refusal(zipParts(parts));
    expect(err.message).toBe(
      `Tệp .xlsx bị hỏng: phần ${SHEET} (sheet "Huyện Kon Rẫy"), ô B5: dùng chuỗi dùng chung số ${count} nhưng phần ${STRINGS} chỉ có ${count} chuỗi.`,
    );
  });

  it("refuses a workbook whose <sheets/> is empty", async () => {
    const parts = await seedParts();
    edit(parts, "xl/workbook.xml", (xml) => xml.replace(/<sheets>.*<\/sheets>/, "<sheets/>"));
    const err = await refusal(zipParts(parts));
    expect(err.message).toBe("Tệp .xlsx bị hỏng: phần xl/workbook.xml không có sheet nào (bảng tính nào cũng có ít nhất một sheet).");
  });

  it("refuses a package holding a member twice (a second sheet1.xml appended), naming it", async () => {
    const parts = await seedParts();
    const members = [...parts].map(([name, content]) => deflated(name, content));
    members.push(deflated(SHEET, text(parts, SHEET).replace("<v>", "<v>9")));
    const err = await refusal(writeZip(members));
    expect(err.message).toMatch(new RegExp(`^Tệp \\.xlsx bị hỏng hoặc không đầy đủ: phần ${SHEET} xuất hiện hai lần trong tệp nén\\.`));
  });

  it("reports damage to a member (its CRC) before the XML it makes unreadable", async () => {
    const parts = await seedParts();
    const members = [...parts].map(([name, content]) => deflated(name, content));
    const sheet = members.find((m) => m.name === SHEET)!;
    sheet.crc32 = (sheet.crc32 + 1) >>> 0;
    const err = await refusal(writeZip(members));
    expect(err.message).toContain(`phần ${SHEET} sai mã kiểm tra (CRC)`);
  });

  // Declared extents past Excel's grid, and merges Excel drops on repair: refused, so a folder run
  // names the file and a summary never carries them into OUT (issue 16, items 1 and 2).
  it.each([
    ["a column range past 16,384 columns", (xml: string) => xml.replace("<sheetData>", '<cols><col min="1" max="99999999" width="9"/></cols><sheetData>'), "khai báo cột từ 1 đến 99999999, ngoài giới hạn 1–16384 cột của Excel"],
    ["a column range of 32,768", (xml: string) => xml.replace("<sheetData>", '<cols><col min="1" max="32768" width="9"/></cols><sheetData>'), "khai báo cột từ 1 đến 32768, ngoài giới hạn 1–16384 cột của Excel"],
    ["a dimension past the last row", (xml: string) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD99999999"/>'), 'vùng dữ liệu khai báo "A1:XFD99999999" không phải vùng ô hợp lệ của Excel'],
    ["a merge of whole columns", (xml: string) => xml.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A:C"/></mergeCells>'), 'vùng gộp ô "A:C" không phải vùng ô hợp lệ'],
    ["two merges sharing cells", (xml: string) => xml.replace("</sheetData>", '</sheetData><mergeCells count="2"><mergeCell ref="A5:B6"/><mergeCell ref="B6:C7"/></mergeCells>'), "vùng gộp ô B6:C7 chồng lên vùng gộp ô A5:B6"],
  ])("refuses %s, naming the part", async (_what, mutate, said) => {
    const parts = await seedParts();
    edit(parts, SHEET, (xml) => mutate(xml.replace(/<mergeCells[\s\S]*?<\/mergeCells>/, "")));
    const err = await refusal(zipParts(parts));
    expect(err.message).toBe(`Tệp .xlsx bị hỏng: phần ${SHEET} (sheet "Huyện Kon Rẫy"): ${said}.`);
  });

  it("refuses a package without [Content_Types].xml", async () => {
    const parts = await seedParts();
    parts.delete("[Content_Types].xml");
    const err = await refusal(zipParts(parts));
    expect(err.message).toMatch(/thiếu phần \[Content_Types\]\.xml/);
  });
});
