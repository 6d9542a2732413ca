// The committed sample workbook (assets/mau-chi-so-cchc.xlsx): made by scripts/make-sample.ts
// from the seed, and analysed as the seed's report says.
import { promises as fs } from "fs";
import * as path from "path";
import { buildSampleWorkbook, SAMPLE_FILE } from "../../scripts/make-sample";
import { ExcelJsWorkbook } from "../../src/host/file/read/exceljsWorkbook";
import { openXlsx } from "../../src/host/file/xlsxAnalysis";
import type { ScoringSheet, UnitsSheet } from "../../src/engine/core/types";
import { COMMUNES, districtGrid, communesGrid } from "../fixtures/seed";

const SAMPLE = path.resolve(__dirname, "..", "..", "assets", SAMPLE_FILE);

describe("the sample workbook", () => {
  it("is what scripts/make-sample.ts builds from the seed (rerun the script after changing either)", async () => {
    const committed = (await openXlsx(await fs.readFile(SAMPLE))).snapshot.sheets;
    const fresh = await new ExcelJsWorkbook(buildSampleWorkbook()).read();
    expect(committed).toEqual(fresh.sheets);
    // And both hold the seed's grids, value for value (merged titles repeat their text).
    const seedGrids = [districtGrid(), communesGrid()];
    expect(committed.map((g) => g.name)).toEqual(seedGrids.map((g) => g.name));
    committed.forEach((g, i) => {
      const seed = seedGrids[i].values;
      for (let r = 0; r < seed.length; r++) {
        for (let c = 0; c < seed[r].length; c++) {
          const expected = seed[r][c] === "" ? null : seed[r][c];
          // Merged title rows show their text in every cell of the merge.
          if (r < (i === 0 ? 3 : 1) && c > 0) continue;
          expect([r, c, g.values[r]?.[c] ?? null]).toEqual([r, c, expected]);
        }
      }
    });
  });

  it("analyses to the seed's 89.21/97 (index 91.969…, Xuất sắc) with no error", async () => {
    const { analysis } = await openXlsx(await fs.readFile(SAMPLE));
    const district = analysis.sheets[0] as ScoringSheet;
    expect(district.kind).toBe("scoring");
    expect(district.totals.appraised).toMatchObject({ achieved: 89.21, max: 97, grade: "Xuất sắc" });
    expect(district.totals.appraised!.index).toBeCloseTo((89.21 / 97) * 100, 9);
    expect(district.areas.map((a) => a.max)).toEqual([13, 10, 18, 10, 13, 13, 14, 6]);
    expect(district.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("ranks the communes in the seed's order", async () => {
    const { analysis } = await openXlsx(await fs.readFile(SAMPLE));
    const communes = analysis.sheets[1] as UnitsSheet;
    expect(communes.kind).toBe("units");
    expect(communes.ranking.map((r) => [r.unit, r.rank, r.grade])).toEqual(
      COMMUNES.map((c, i) => [c.unit, i + 1, c.grade]),
    );
    communes.ranking.forEach((r, i) => expect(r.index).toBeCloseTo(COMMUNES[i].printedIndex, 1));
  });
});
