// Words as a clerk writes them: names typed in capitals in sentence case (abbreviations and
// proper names keep their capitals), the unit's short form after its first mention.
import { sentenceCase, unitShortForm } from "../../../src/engine/reportDraft/vietnameseText";

describe("sentence case of names typed in capitals", () => {
  test.each([
    ["UBND XÃ ĐĂK KÔI", "UBND xã Đăk Kôi"],
    ["ỦY BAN NHÂN DÂN HUYỆN KON RẪY", "Ủy ban nhân dân huyện Kon Rẫy"],
    ["1. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "Công tác chỉ đạo, điều hành CCHC"],
    ["THỊ TRẤN ĐĂK RVE", "Thị trấn Đăk Rve"],
    ["SỞ TƯ PHÁP", "Sở Tư pháp"],
    ["VĂN PHÒNG UBND TỈNH", "Văn phòng UBND tỉnh"],
    ["CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC", "Cải cách tổ chức bộ máy hành chính nhà nước"],
    ["IV. CẢI CÁCH THỦ TỤC HÀNH CHÍNH (TTHC)", "Cải cách thủ tục hành chính (TTHC)"],
    ["THỰC HIỆN NHIỆM VỤ DO UBND TỈNH GIAO", "Thực hiện nhiệm vụ do UBND tỉnh giao"],
  ])("%s → %s", (typed, written) => {
    expect(sentenceCase(typed)).toBe(written);
  });

  test("names not typed in capitals stay as typed", () => {
    expect(sentenceCase("Cải cách thể chế")).toBe("Cải cách thể chế");
    expect(sentenceCase("UBND xã Đăk Pnê")).toBe("UBND xã Đăk Pnê");
  });
});

describe("the unit's short form", () => {
  test("a People's Committee is named by its level after the first mention; other bodies keep their name", () => {
    expect(unitShortForm("ỦY BAN NHÂN DÂN HUYỆN KON RẪY")).toBe("UBND huyện");
    expect(unitShortForm("UBND thị trấn Đăk Rve")).toBe("UBND thị trấn");
    expect(unitShortForm("Sở Tư pháp")).toBe("Sở Tư pháp");
  });
});
