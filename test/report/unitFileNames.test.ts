// File names made from units' names (cchc appraisal): accepted by Windows, told apart ignoring case.
import { distinctFileNames, safeFileBase } from "../../src/report/fileNames";

describe("safeFileBase", () => {
  test.each([
    ['UBND XÃ "A/B"', "UBND XÃ _A_B_"],
    ["Phòng: Nội vụ? *", "Phòng_ Nội vụ_ _"],
    ["  UBND  xã\tĐăk Kôi. . ", "UBND xã Đăk Kôi"],
    ["CON", "CON_"],
    ["lpt1.tong", "lpt1.tong_"],
    ["", "don-vi"],
    ["///", "don-vi"],
  ])("%j → %j", (name, base) => expect(safeFileBase(name)).toBe(base));

  test("decomposed Vietnamese is written composed; long names cut", () => {
    expect(safeFileBase("Đăk Kôi".normalize("NFD"))).toBe("Đăk Kôi".normalize("NFC"));
    expect([...safeFileBase("x".repeat(300))]).toHaveLength(100);
  });
});

describe("distinctFileNames", () => {
  test("numbered where two would be the same ignoring case, never a taken name", () => {
    expect(distinctFileNames(["Xã A", "XÃ A", "Xã B", "Tong"], "docx", ["tong.docx"])).toEqual(["Xã A.docx", "XÃ A (2).docx", "Xã B.docx", "Tong (2).docx"]);
  });
});
