// The district's 2023 sheet from the seed report: totals, index, grade, lost points, findings.
import { analyzeSheet, excelRound, type ScoringSheet } from "../../../src/engine";
import { AREA_MAXIMA, DISTRICT_CRITERIA, LOST_CODES, districtGrid, seedSum } from "../../fixtures/seed";

function scoring(grid = districtGrid()): ScoringSheet {
  const result = analyzeSheet(grid);
  if (result.kind !== "scoring") throw new Error(`not read as a scoring sheet: ${JSON.stringify(result)}`);
  return result;
}

describe("the seed's district sheet", () => {
  const sheet = scoring();

  test("is read as a scoring sheet with its header under the title rows", () => {
    expect(sheet.header.row).toBe(3);
    expect(sheet.header.columns).toEqual({ code: 0, name: 1, max: 2, self: 3, appraised: 4, cause: 5, responsible: 6 });
    expect(sheet.nodes).toHaveLength(DISTRICT_CRITERIA.length);
    expect(sheet.totalRow).toBe(3 + DISTRICT_CRITERIA.length + 1);
    expect(sheet.title).toBe("ỦY BAN NHÂN DÂN HUYỆN KON RẪY");
  });

  test("has 8 areas with the report's maxima and points", () => {
    expect(sheet.areas.map((a) => a.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(sheet.areas.map((a) => a.max)).toEqual(AREA_MAXIMA);
    expect(sheet.areas.map((a) => a.appraised)).toEqual([12.89, 10, 16, 10, 10, 11.09, 13.23, 6]);
  });

  test("totals 89.21 / 97, index 91.969, Xuất sắc", () => {
    const t = sheet.totals.appraised!;
    expect(t.achieved).toBe(89.21);
    expect(t.max).toBe(97);
    expect(excelRound(t.index!, 3)).toBe(91.969);
    expect(t.grade).toBe("Xuất sắc");
    expect(sheet.official).toBe("appraised");
    // The fixture's own figure: the seed report gives no district self-assessment (test/fixtures/seed.ts).
    expect(sheet.totals.self!.achieved).toBe(seedSum("", "self"));
  });

  test("lists exactly the sub-criteria the report says lost points", () => {
    expect(sheet.lost.map((l) => l.code)).toEqual(LOST_CODES);
    const l561 = sheet.lost.find((l) => l.code === "5.6")!;
    expect(l561).toMatchObject({ max: 3, achieved: 1, lost: 2 });
    expect(sheet.nodes.find((n) => n.code === "5.6")!.level).toBe(2);
    expect(sheet.lost.find((l) => l.code === "7.3.3")).toMatchObject({ max: 0.5, achieved: 0.26, lost: 0.24 });
  });

  test("a sound sheet has no finding", () => {
    expect(sheet.findings).toEqual([]);
  });

  test("responsible units from 3.3.4 carry their record counts", () => {
    const item = sheet.lost.find((l) => l.code === "3.3.4")!;
    expect(item.responsible).toHaveLength(8);
    expect(item.responsible[0]).toEqual({ unit: "Phòng Lao động - TB&XH", records: 6 });
    expect(item.responsible[2]).toEqual({ unit: "Phòng Tài nguyên - Môi trường", records: 39 });
    const tnmt = sheet.units.find((u) => u.unit === "Phòng Tài nguyên - Môi trường")!;
    expect(tnmt.criteria).toEqual(["1.6.1", "3.3.4", "3.4.1"]);
    expect(tnmt.lost).toBe(2.11);
    expect(tnmt.records).toBe(39);
    // Sorted by points lost, most first.
    const lostSeq = sheet.units.map((u) => u.lost);
    expect([...lostSeq].sort((a, b) => b - a)).toEqual(lostSeq);
  });
});

describe("mistakes the report itself makes", () => {
  test("area 6 typed as 10 (its leaves give 11.09) is a subtotal-mismatch at its cell", () => {
    const sheet = scoring(districtGrid({ typedAreas: { "6": 10 } }));
    const mismatches = sheet.findings.filter((f) => f.rule === "subtotal-mismatch");
    expect(mismatches).toHaveLength(1);
    const areaRow = 3 + 1 + DISTRICT_CRITERIA.findIndex((c) => c.code === "6");
    expect(mismatches[0]).toMatchObject({ severity: "error", cell: `E${areaRow + 1}`, sheet: "Huyện Kon Rẫy" });
    expect(mismatches[0].message).toContain("11,09");
    // The totals still come from the leaves, not from the typed area.
    expect(sheet.totals.appraised!.achieved).toBe(89.21);
  });
});

describe("layouts clerks really use", () => {
  test.each([
    ["codes stored as numbers", { numericCodes: true }],
    ["numbers as text with a decimal comma", { commaText: true }],
    ["headers without diacritics", { plainHeaders: true }],
    ["no title rows", { titleRows: 0 }],
    ["parents left blank", { blankParents: true }],
  ])("%s give the same totals", (_label, opts) => {
    const sheet = scoring(districtGrid(opts));
    expect(sheet.totals.appraised!.achieved).toBe(89.21);
    expect(sheet.totals.appraised!.max).toBe(97);
    expect(sheet.lost.map((l) => l.code)).toEqual(LOST_CODES);
    expect(sheet.findings).toEqual([]);
  });
});
