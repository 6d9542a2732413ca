// The pieces of the BIFF8 reader on hand-made bytes: strings split across CONTINUE records (the
// option byte repeats at each one), RK numbers, and formula tokens LibreOffice's files did not
// exercise (shared formulas relative to their cell, SUM through ptgAttr, 3-D areas, whole columns).
import { BiffCursor, biffRecords } from "../../../../src/host/file/legacy/biffRecords";
import { XlsGlobals } from "../../../../src/host/file/legacy/xlsGlobals";
import { decompile, type FormulaContext } from "../../../../src/host/file/legacy/xlsFormula";
import { rkNumber } from "../../../../src/host/file/legacy/xlsSheet";
import { XlsxReadError } from "../../../../src/host/file/package/xlsxReadError";

function record(type: number, data: number[]): number[] {
  return [type & 0xff, type >> 8, data.length & 0xff, data.length >> 8, ...data];
}
const u16 = (v: number) => [v & 0xff, v >> 8];
const u32 = (v: number) => [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];
const latin = (s: string) => [...s].map((c) => c.charCodeAt(0));
const wide = (s: string) => [...s].flatMap((c) => u16(c.charCodeAt(0)));

describe("an SST split across CONTINUE records", () => {
  // "Đăk Pnê" and "UBND xã": the first string starts 8-bit ("UBND "), goes on 16-bit in a CONTINUE.
  const sst = [...u32(2), ...u32(2), ...u16(8), 0x00, ...latin("UBND ")];
  const cont1 = [0x01, ...wide("xã ")];
  const cont2 = [...u16(7), 0x01, ...wide("Đăk Pnê")];
  const stream = new Uint8Array([...record(0x00fc, sst), ...record(0x003c, cont1), ...record(0x003c, cont2), ...record(0x000a, [])]);

  it("reads each string whole, the option byte of each piece telling its width", () => {
    const globals = new XlsGlobals();
    const [rec] = [...biffRecords(stream, "Workbook")];
    expect(rec.continues).toHaveLength(2);
    globals.read(rec);
    expect(globals.sst).toEqual(["UBND xã ", "Đăk Pnê"]);
  });

  it("refuses a count larger than the strings held, naming the record and its offset", () => {
    const lying = stream.slice();
    lying.set(u32(3), 8);
    const globals = new XlsGlobals();
    expect(() => globals.read([...biffRecords(lying, "Workbook")][0])).toThrow(
      new XlsxReadError("Tệp .xls bị hỏng: bản ghi SST ở vị trí 0x0 khai 3 chuỗi nhưng chỉ chứa 2. Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx.", ""),
    );
  });

  it("reads a short cursor as damage, not as zeros", () => {
    const [rec] = [...biffRecords(new Uint8Array(record(0x0203, [1, 0])), "Workbook")];
    const c = new BiffCursor(rec);
    c.u16();
    expect(() => c.u16()).toThrow(/bản ghi NUMBER ở vị trí 0x0 ngắn hơn nội dung nó khai/);
  });
});

test("RK numbers: integers, ×100 and the high bits of a double", () => {
  expect(rkNumber((97 << 2) | 0x02)).toBe(97);
  expect(rkNumber((8921 << 2) | 0x03)).toBe(89.21);
  // 1.5 = 0x3FF8000000000000: its high 32 bits are the RK.
  expect(rkNumber(0x3ff80000)).toBe(1.5);
  expect(rkNumber(0x3ff80000 | 0x01)).toBe(0.015);
});

describe("formula tokens", () => {
  const ctx: FormulaContext = {
    sheetPrefix: (ixti) => (ixti === 0 ? "'Xếp loại xã'!" : null),
    definedName: (i) => (i === 1 ? "diem" : null),
    externalName: () => null,
  };
  const bytes = (...xs: number[][]) => new Uint8Array(xs.flat());
  const REL = 0xc000;

  it("a shared formula's relative references are offsets from the cell using it", () => {
    // ptgRefN row +0, col −1 (relative both) * ptgInt 2 → at E7: D7*2.
    const rgce = bytes([0x2c], u16(0), u16(REL | 0xff), [0x1e], u16(2), [0x05]);
    expect(decompile(rgce, ctx, { row: 6, col: 4 })).toBe("D7*2");
  });

  it("SUM of one area through ptgAttr, a 3-D area, a whole column and a name", () => {
    const area = bytes([0x25], u16(6), u16(11), u16(REL | 4), u16(REL | 4), [0x19, 0x10], u16(0));
    expect(decompile(area, ctx)).toBe("SUM(E7:E12)");
    const area3d = bytes([0x3b], u16(0), u16(2), u16(8), u16(3), u16(3), [0x42, 1], u16(4));
    expect(decompile(area3d, ctx)).toBe("SUM('Xếp loại xã'!$D$3:$D$9)");
    const column = bytes([0x25], u16(0), u16(65535), u16(REL | 2), u16(REL | 2), [0x23], u32(1), [0x03]);
    expect(decompile(column, ctx)).toBe("C:C+diem");
  });

  it("gives null for what it cannot spell, never a wrong text", () => {
    expect(decompile(bytes([0x21], u16(9999)), ctx)).toBeNull();
    expect(decompile(bytes([0x3a], u16(7), u16(0), u16(0)), ctx)).toBeNull();
    expect(decompile(bytes([0x03]), ctx)).toBeNull();
  });
});
