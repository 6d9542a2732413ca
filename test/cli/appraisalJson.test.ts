// Issue 19 §2 in `cchc check`: per scoring sheet `appraisal: {cuts, byArea}`, per run
// `byCriterion`, and the one text line per sheet.
import * as path from "path";
import type { CheckJson, JsonSheet } from "../../src/cli/checkJson";
import { DISTRICT_CRITERIA, communesGrid, districtGrid, seedSum } from "../fixtures/seed";
import { unitScoringGrid } from "../fixtures/units";
import { runCli } from "./helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";

let dir: string;

beforeAll(async () => {
  dir = await makeTempDir("cchc-appraisal-");
});
afterAll(async () => removeDir(dir));

async function checkJson(...inputs: string[]): Promise<CheckJson> {
  const r = await runCli(["check", ...inputs, "--json"]);
  expect(r.code).not.toBe(2);
  return JSON.parse(r.stdout) as CheckJson;
}

const leaves = DISTRICT_CRITERIA.filter((c) => !DISTRICT_CRITERIA.some((d) => d.code.startsWith(c.code + ".")));
const round2 = (x: number) => Math.round(x * 100) / 100;
const selfMinusAppraised = round2(seedSum("", "self") - seedSum("", "appraised"));

function scoringSheets(json: CheckJson): JsonSheet[] {
  return json.files.flatMap((f) => f.sheets.filter((s) => s.kind === "scoring"));
}

describe("the seed district's workbook", () => {
  let json: CheckJson;
  beforeAll(async () => {
    json = await checkJson(await writeGrids(path.join(dir, "huyen.xlsx"), [districtGrid(), communesGrid()]));
  });

  test("the scoring sheet gives every cut with its points and the council's note", () => {
    const { appraisal } = scoringSheets(json)[0];
    const expected = leaves.filter((c) => (c.appraised ?? c.max) < (c.self ?? c.max));
    expect(appraisal!.cuts).toEqual(
      expected.map((c) => ({ code: c.code, name: c.name, max: c.max, self: c.self, appraised: c.appraised, cut: round2(c.self! - c.appraised!), note: c.cause ?? null })),
    );
    expect(round2(appraisal!.cuts.reduce((s, c) => s + c.cut, 0))).toBe(selfMinusAppraised);
  });

  test("byArea: each area's points and cut, the cuts adding up to self less appraised", () => {
    const { appraisal, areas } = scoringSheets(json)[0];
    expect(appraisal!.byArea.map((a) => [a.code, a.name, a.self, a.appraised])).toEqual(areas!.map((a) => [a.code, a.name, a.self, a.appraised]));
    for (const a of appraisal!.byArea) expect(a.cut).toBe(round2(seedSum(a.code, "self") - seedSum(a.code, "appraised")));
    expect(round2(appraisal!.byArea.reduce((s, a) => s + a.cut, 0))).toBe(selfMinusAppraised);
  });

  test("one unit's sheet: no byCriterion for the run", () => {
    expect(Object.keys(json)).toEqual(["files"]);
  });

  test("the text says what the appraisal cut, once for the sheet", async () => {
    const r = await runCli(["check", path.join(dir, "huyen.xlsx")]);
    const cut = `Thẩm định cắt ${String(selfMinusAppraised).replace(".", ",")} điểm ở ${scoringSheets(json)[0].appraisal!.cuts.length} tiêu chí`;
    expect(r.stdout.split("\n").filter((l) => l.includes("Thẩm định cắt"))).toEqual([`    ${cut}`]);
  });
});

describe("units' sheets: byCriterion over the run", () => {
  const UNITS: Array<[string, string, Record<string, number>]> = [
    ["Đăk Kôi", "UBND XÃ ĐĂK KÔI", { "1.1.1": 0.5 }],
    ["Tân Lập", "UBND XÃ TÂN LẬP", { "1.1.1": 0, "2.3": 1 }],
    ["Đăk Ruông", "UBND XÃ ĐĂK RUÔNG", { "3.3.4": 2 }],
  ];
  const grid = ([sheet, unit, appraised]: (typeof UNITS)[number]) => unitScoringGrid(sheet, unit, 2023, appraised);

  /** From the fixture: each criterion cut and the units cut on it. */
  function expectedByCriterion(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [, unit, appraised] of UNITS) {
      for (const c of leaves) {
        if ((c.self ?? c.max) > (appraised[c.code] ?? c.appraised ?? c.max)) out.set(c.code, [...(out.get(c.code) ?? []), unit]);
      }
    }
    return out;
  }

  test("one workbook of three units' sheets", async () => {
    const file = await writeGrids(path.join(dir, "ba-xa.xlsx"), UNITS.map(grid));
    const json = await checkJson(file);
    const expected = expectedByCriterion();
    expect(json.byCriterion!.map((c) => c.code).sort()).toEqual([...expected.keys()].sort());
    for (const c of json.byCriterion!) {
      expect(c.units).toBe(expected.get(c.code)!.length);
      expect(c.unitsCut.map((u) => u.unit).sort()).toEqual([...expected.get(c.code)!].sort());
      expect(c.totalCut).toBe(round2(c.unitsCut.reduce((s, u) => s + u.cut, 0)));
      for (const u of c.unitsCut) expect(u.file).toBe(file);
    }
    expect(json.byCriterion![0].units).toBe(3);
    expect(json.byCriterion!.find((c) => c.code === "1.1.1")!.unitsCut).toEqual([
      { unit: "UBND XÃ TÂN LẬP", file, sheet: "Tân Lập", cut: 1 },
      { unit: "UBND XÃ ĐĂK KÔI", file, sheet: "Đăk Kôi", cut: 0.5 },
    ]);
    // Every sheet has its own appraisal, its cuts adding up to self less appraised.
    for (const s of scoringSheets(json)) {
      const sum = round2(s.appraisal!.cuts.reduce((t, c) => t + c.cut, 0));
      expect(sum).toBe(round2(s.totals!.self!.achieved - s.totals!.appraised!.achieved));
    }
  });

  test("a folder of one unit per file, each sheet named alike", async () => {
    const folder = path.join(dir, "thu-muc");
    for (const [i, u] of UNITS.entries()) await writeGrids(path.join(folder, `xa-${i + 1}.xlsx`), [{ ...grid(u), name: "Sheet1" }]);
    const json = await checkJson(folder);
    expect(json.files).toHaveLength(3);
    const c334 = json.byCriterion!.find((c) => c.code === "3.3.4")!;
    expect(c334.units).toBe(2);
    expect(c334.unitsCut.map((u) => [path.basename(u.file), u.sheet, u.unit])).toEqual([
      ["xa-1.xlsx", "Sheet1", "UBND XÃ ĐĂK KÔI"],
      ["xa-2.xlsx", "Sheet1", "UBND XÃ TÂN LẬP"],
    ]);
    expect(json.byCriterion!.find((c) => c.code === "2.3")).toMatchObject({ units: 1, totalCut: 1 });
  });

  test("a sheet without appraised points has no appraisal and no line", async () => {
    const selfOnly = districtGrid({}, "Tự chấm");
    for (const row of selfOnly.values) row.splice(4, 1);
    const file = await writeGrids(path.join(dir, "tu-cham.xlsx"), [selfOnly]);
    const [sheet] = scoringSheets(await checkJson(file));
    expect(sheet.totals!.appraised).toBeNull();
    expect(sheet).not.toHaveProperty("appraisal");
    expect((await runCli(["check", file])).stdout).not.toContain("Thẩm định cắt");
  });
});
