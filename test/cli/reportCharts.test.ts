// `cchc report` puts the draft's charts into the .docx: the lost points by area of section I's
// sheet and the index by unit of each block; a report with no unit sheet of its own (a
// province's tables alone) has no area chart.
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { communesGrid, districtGrid } from "../fixtures/seed";
import { BLOCKS, blockColumnGrid } from "../fixtures/units";
import { runCli } from "./helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";

describe("cchc report's charts", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir("cchc-report-charts-");
  });
  afterAll(async () => removeDir(dir));

  async function chartTitles(grids: Parameters<typeof writeGrids>[1], name: string): Promise<string[]> {
    const input = await writeGrids(path.join(dir, `${name}.xlsx`), grids);
    const out = path.join(dir, `${name}.docx`);
    const r = await runCli(["report", input, "-o", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const zip = await JSZip.loadAsync(await fs.readFile(out));
    const parts = Object.keys(zip.files).filter((f) => /^word\/charts\/[A-Za-z]*\d+\.xml$/.test(f)).sort();
    const titles = await Promise.all(parts.map(async (p) => ((await zip.file(p)!.async("string")).match(/<a:t>([^<]*)<\/a:t>/) ?? [])[1] ?? ""));
    return titles;
  }

  test("the district with its communes: lost points by area and the communes' index", async () => {
    const titles = await chartTitles([districtGrid(), communesGrid()], "huyen");
    expect(titles).toHaveLength(2);
    expect(titles.some((t) => /lĩnh vực/i.test(t))).toBe(true);
  });

  test("a province's table in blocks alone: one index chart per block, no area chart", async () => {
    const titles = await chartTitles([blockColumnGrid()], "tinh");
    expect(titles).toHaveLength(BLOCKS.length);
    expect(titles.some((t) => /lĩnh vực/i.test(t))).toBe(false);
  });
});
