// Issue 19 §4: a column of points after explanation is the official score where present; the
// criteria whose points it changed are listed (restored) and the cut ones it left alone (kept).
import { analyzeSheet, appraisalCuts, DEFAULT_SETTINGS, type CellValue, type Grid, type ScoringSheet } from "../../../src/engine";
import { DISTRICT_CRITERIA, districtGrid } from "../../fixtures/seed";

function scoring(grid: Grid, settings = DEFAULT_SETTINGS): ScoringSheet {
  const result = analyzeSheet(grid, settings);
  if (result.kind !== "scoring") throw new Error(`not a scoring sheet: ${JSON.stringify(result)}`);
  return result;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const leaves = DISTRICT_CRITERIA.filter((c) => !DISTRICT_CRITERIA.some((d) => d.code.startsWith(c.code + ".")));
const cut = leaves.filter((c) => (c.appraised ?? c.max) < (c.self ?? c.max));

/** The seed district's sheet with a column (H) of points after explanation, by code. */
function withAfter(after: (code: string) => CellValue, header = "Điểm sau giải trình"): Grid {
  const grid = districtGrid();
  const headerRow = grid.values.findIndex((r) => r[0] === "STT");
  grid.values.forEach((row, r) => {
    const code = row[0];
    row[7] = r === headerRow ? header : typeof code === "string" && r > headerRow ? after(code) : null;
  });
  return grid;
}

describe("points after explanation", () => {
  const plain = scoring(districtGrid());
  // Two cut leaves get their self-assessed points back; the others are left blank.
  const restoredSeed = cut.slice(0, 2);
  const grid = withAfter((code) => {
    const c = restoredSeed.find((s) => s.code === code);
    return c ? c.self! : null;
  });
  const sheet = scoring(grid);

  test("the fixture has cut leaves to explain", () => {
    expect(cut.length).toBeGreaterThan(3);
  });

  test("recognised by its usual headers, none of them read as the appraised column", () => {
    for (const header of ["Điểm sau giải trình", "Điểm thẩm định lại", "Điểm chính thức sau giải trình", "Điểm sau thẩm định lại"]) {
      const s = scoring(withAfter(() => null, header));
      expect(s.header.columns.afterExplanation).toBe(7);
      expect(s.header.columns.appraised).toBe(4);
    }
  });

  test("it is the official score: the appraised total rises by the points restored", () => {
    const gain = round2(restoredSeed.reduce((sum, c) => sum + (c.self! - c.appraised!), 0));
    expect(gain).toBeGreaterThan(0);
    expect(sheet.official).toBe("appraised");
    expect(round2(sheet.totals.appraised!.achieved)).toBe(round2(plain.totals.appraised!.achieved + gain));
    expect(sheet.totals.appraised!.max).toBe(plain.totals.appraised!.max);
    expect(sheet.totals.self).toEqual(plain.totals.self);
    // The restored leaves no longer lose points.
    expect(sheet.lost.map((l) => l.code)).toEqual(plain.lost.map((l) => l.code).filter((code) => !restoredSeed.some((c) => c.code === code)));
  });

  test("restored and kept are listed; the first appraisal is what the appraisal cut", () => {
    expect(sheet.explanation!.restored).toEqual(
      restoredSeed.map((c) => ({ code: c.code, name: c.name, appraised: c.appraised, after: c.self, change: round2(c.self! - c.appraised!) })),
    );
    expect(sheet.explanation!.kept).toEqual(cut.slice(2).map((c) => ({ code: c.code, name: c.name, appraised: c.appraised })));
    expect(appraisalCuts(sheet)).toEqual(appraisalCuts(plain));
    const node = sheet.nodes.find((n) => n.code === restoredSeed[0].code)!;
    expect(node.appraised).toEqual({ kind: "number", value: restoredSeed[0].self });
    expect(node.appraisedBefore).toEqual({ kind: "number", value: restoredSeed[0].appraised });
  });

  test("the sheet's typed subtotals are checked as typed: no new finding", () => {
    expect(sheet.findings).toEqual(plain.findings);
  });

  test("a column that repeats every appraised point changes nothing and keeps every cut", () => {
    const same = scoring(withAfter((code) => {
      const c = DISTRICT_CRITERIA.find((d) => d.code === code)!;
      return leaves.includes(c) ? c.appraised ?? c.max : null;
    }));
    expect(same.explanation).toEqual({ restored: [], kept: cut.map((c) => ({ code: c.code, name: c.name, appraised: c.appraised })) });
    expect(same.totals).toEqual(plain.totals);
    expect(same.lost).toEqual(plain.lost);
  });

  test("with the self-assessment chosen as official, the totals stay the unit's own", () => {
    const s = scoring(grid, { ...DEFAULT_SETTINGS, official: "self" });
    expect(s.official).toBe("self");
    expect(s.totals.self).toEqual(plain.totals.self);
    expect(s.explanation!.restored).toHaveLength(2);
  });

  test("without the column nothing is listed", () => {
    expect(plain.explanation).toBeUndefined();
    expect(plain.nodes.every((n) => n.appraisedBefore === undefined)).toBe(true);
  });
});
