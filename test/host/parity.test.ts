// The add-in and the command line read the same workbook the same way: every .xlsx fixture the
// tests use (test/host/helpers/parityFixtures.ts) is written to a real file, then read once through
// the project's .xlsx reader (as `cchc` and the standalone page read it) and once through the Office.js adapter over a fake Excel opened from
// the same file (test/support/fakeFromXlsx.ts); both must give the same analysis: totals, findings
// with their cells, lost items, responsible units, ranking.
import { promises as fs } from "fs";
import * as path from "path";
import { analyzeWorkbook } from "../../src/engine";
import type { ScoringSheet, UnitsSheet } from "../../src/engine/core/types";
import { OfficeWorkbook } from "../../src/host/office/officeWorkbook";
import { memoryStore } from "../../src/host/office/officeSettings";
import { openXlsx } from "../../src/host/file/xlsxAnalysis";
import { loadWorkbook, saveWorkbook } from "../../src/host/file/read/xlsxLoad";
import { userGrids } from "../../src/taskpane/workbookScope";
import { communesGrid, districtGrid, LOST_CODES } from "../fixtures/seed";
import { makeTempDir, removeDir } from "../cli/helpers/xlsxFiles";
import { FIXTURES, generatedWorkbook, mergedWorkbook, workbookOf } from "./helpers/parityFixtures";
import { expectValidOoxmlBytes } from "../support/ooxmlCheck";
import * as FakeExcel from "../support/fakeExcel.js";
import { fakeFromXlsx } from "../support/fakeFromXlsx";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir("cchc-parity-");
});
afterAll(async () => removeDir(dir));

/** Writes the bytes to a real file and reads them back, as a clerk's file arrives. */
async function throughFile(name: string, bytes: Uint8Array): Promise<Uint8Array> {
  const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.xlsx`);
  await fs.writeFile(file, bytes);
  return new Uint8Array(await fs.readFile(file));
}

async function bothReads(bytes: Uint8Array) {
  const cli = await openXlsx(bytes);
  const fake = await fakeFromXlsx(bytes);
  const office = new OfficeWorkbook({ run: FakeExcel.runner(fake), store: memoryStore(), requirements: fake });
  const snapshot = await office.read();
  return { cli, fake, snapshot, analysis: analyzeWorkbook(userGrids(snapshot)) };
}

describe("the .xlsx reader and the Office.js adapter give the same analysis", () => {
  it.each(FIXTURES)("%s", async (name, make) => {
    const bytes = await throughFile(name, await make());
    const { cli, fake, snapshot, analysis } = await bothReads(bytes);
    expect(fake.syncCount).toBe(2);
    expect(snapshot.notices).toBeUndefined();
    expect(snapshot.sheets.map((g) => g.name)).toEqual(cli.snapshot.sheets.map((g) => g.name));
    expect(snapshot.generated).toEqual(cli.snapshot.generated);
    expect(snapshot.activeSheet).toBe(cli.snapshot.activeSheet ?? snapshot.sheets[0].name);
    // Named parts first, so a difference says where it is; then everything.
    expect(analysis.sheets.map((s) => [s.sheet, s.kind])).toEqual(cli.analysis.sheets.map((s) => [s.sheet, s.kind]));
    analysis.sheets.forEach((s, i) => {
      const other = cli.analysis.sheets[i];
      expect([s.sheet, s.findings.map((f) => [f.rule, f.cell, f.message])]).toEqual([other.sheet, other.findings.map((f) => [f.rule, f.cell, f.message])]);
      if (s.kind === "scoring") {
        const o = other as ScoringSheet;
        expect(s.totals).toEqual(o.totals);
        expect(s.lost).toEqual(o.lost);
        expect(s.units).toEqual(o.units);
      }
      if (s.kind === "units") expect(s.ranking).toEqual((other as UnitsSheet).ranking);
    });
    expect(analysis).toEqual(cli.analysis);
  });

  it("the fixtures are what they claim: findings, merges copied, hidden sheets, a generated sheet", async () => {
    const read = async (i: number) => bothReads(await throughFile(`claim-${i}`, await FIXTURES[i][1]()));
    const seed = await read(0);
    expect((seed.analysis.sheets[0] as ScoringSheet).lost.map((l) => l.code)).toEqual(LOST_CODES);
    const misprint = await read(8);
    expect(misprint.analysis.sheets[0].findings.map((f) => f.rule)).toContain("subtotal-mismatch");
    const merged = await read(10);
    const lost = (merged.analysis.sheets[0] as ScoringSheet).lost;
    expect(lost.map((l) => [l.code, l.responsible.map((u) => u.unit)])).toEqual([
      ["1.1", ["Phòng Nội vụ", "Văn phòng HĐND-UBND"]],
      ["1.2", ["Phòng Nội vụ", "Văn phòng HĐND-UBND"]],
      ["1.3", ["Phòng Nội vụ", "Văn phòng HĐND-UBND"]],
      ["2.1", []],
    ]);
    const hidden = await read(11);
    expect(hidden.fake.sheets.map((s) => s.visibility)).toEqual(["Visible", "Hidden", "VeryHidden"]);
    expect(hidden.analysis.sheets.map((s) => s.kind)).toEqual(["scoring", "units", "other"]);
    const generated = await read(13);
    expect(Object.keys(generated.snapshot.generated).sort()).toEqual(["CCHC_GEN_RANKING", "CCHC_GEN_SUMMARY"]);
  });

  it("the generated-sheets fixture, written by the package writer, passes the OOXML checker", async () => {
    await expectValidOoxmlBytes(await generatedWorkbook(), "da-tong-hop.xlsx", { base: await saveWorkbook(workbookOf([districtGrid(), communesGrid()])) });
  });
});

describe("without the shared merge rule the two readers disagree", () => {
  it("the Office read without merged areas loses the units of 1.2 and 1.3 (what issue 8 found)", async () => {
    const bytes = await saveWorkbook(mergedWorkbook());
    const fake = await fakeFromXlsx(bytes);
    const office = new OfficeWorkbook({ run: FakeExcel.runner(fake), store: memoryStore(), requirements: { isSetSupported: () => false } });
    const analysis = analyzeWorkbook(userGrids(await office.read()));
    const cli = (await openXlsx(bytes)).analysis;
    expect((analysis.sheets[0] as ScoringSheet).units).not.toEqual((cli.sheets[0] as ScoringSheet).units);
    // …and warns falsely that 1.2 and 1.3 lost points with no one responsible.
    const unblamed = (a: typeof analysis) => a.sheets[0].findings.filter((f) => f.rule === "lost-without-responsible").map((f) => f.cell);
    expect(unblamed(analysis)).toEqual(["G6", "G7", "G9"]);
    expect(unblamed(cli)).toEqual(["G9"]); // 2.1 really has no unit

    // Sanity: ExcelJS read the file back with the merges the fixture made.
    expect((await loadWorkbook(bytes)).getWorksheet("Gộp ô")!.model.merges).toHaveLength(7);
  });
});
