import { analyzeSheet, parseResponsible, type ScoringSheet } from "../../../src/engine";
import { districtGrid, DISTRICT_CRITERIA } from "../../fixtures/seed";

describe("responsible units", () => {
  test("one per line with record counts (3.3.4 of the seed)", () => {
    const text = DISTRICT_CRITERIA.find((c) => c.code === "3.3.4")!.responsible!;
    expect(parseResponsible(text)).toEqual([
      { unit: "Phòng Lao động - TB&XH", records: 6 },
      { unit: "Phòng Tư pháp", records: 2 },
      { unit: "Phòng Tài nguyên - Môi trường", records: 39 },
      { unit: "UBND xã Đăk Kôi", records: 1 },
      { unit: "UBND thị trấn Đăk Rve", records: 3 },
      { unit: "UBND xã Đăk Tô Re", records: 3 },
      { unit: "UBND xã Tân Lập", records: 1 },
      { unit: "UBND xã Đăk Tô Lung", records: 2 },
    ]);
  });

  test("never split on a comma or 'và'", () => {
    expect(parseResponsible("Phòng Văn hóa và Thông tin; UBND các xã, thị trấn").map((e) => e.unit)).toEqual([
      "Phòng Văn hóa và Thông tin",
      "UBND các xã, thị trấn",
    ]);
  });

  test("spaces folded, bullets and empty parts dropped", () => {
    expect(parseResponsible("- Phòng  Nội vụ ;\n\n+ Phòng Tư pháp (2 ho so)")).toEqual([
      { unit: "Phòng Nội vụ", records: null },
      { unit: "Phòng Tư pháp", records: 2 },
    ]);
  });

  function sheetWith(responsibleByCode: Record<string, string>): ScoringSheet {
    const grid = districtGrid();
    for (const [code, text] of Object.entries(responsibleByCode)) {
      const row = grid.values.findIndex((r) => r[0] === code);
      grid.values[row][6] = text;
    }
    return analyzeSheet(grid) as ScoringSheet;
  }

  test("a name in NFD form is the same unit as its NFC spelling, with no warning", () => {
    const nfd = "Phòng Văn hóa - Thông tin".normalize("NFD");
    expect(nfd).not.toBe("Phòng Văn hóa - Thông tin");
    const sheet = sheetWith({ "7.1.2": nfd });
    const vh = sheet.units.filter((u) => u.unit.normalize("NFC") === "Phòng Văn hóa - Thông tin");
    expect(vh).toHaveLength(1);
    expect(vh[0].criteria).toEqual(["5.6", "7.1.2"]);
    expect(vh[0].lost).toBe(2.08);
    expect(sheet.findings).toEqual([]);
  });

  test("names differing only in diacritics (Đăk / Đắk Tô Re) are one warning, kept apart", () => {
    const sheet = sheetWith({ "7.3.3": "UBND xã Đắk Tô Re" });
    const warnings = sheet.findings.filter((f) => f.rule === "similar-unit-names");
    expect(warnings).toHaveLength(1);
    expect(warnings[0].severity).toBe("warning");
    const row733 = districtGrid().values.findIndex((r) => r[0] === "7.3.3");
    expect(warnings[0].cell).toBe(`G${row733 + 1}`);
    expect(warnings[0].message).toContain("Đắk Tô Re");
    expect(sheet.units.filter((u) => u.unit.includes("Tô Re"))).toHaveLength(2);
  });
});
