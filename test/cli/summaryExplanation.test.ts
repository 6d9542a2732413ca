// `cchc summary FILE -o OUT --explanation` (issue 19 §4): the request for explanation "Yêu cầu giải
// trình" written into the unit's own workbook beside the summary sheets, the cut criteria those
// the engine finds on the sheet, the package passing the OOXML check.
import * as path from "path";
import { appraisalCuts } from "../../src/engine/scoring/appraisalCuts";
import { EXPLANATION_HEADERS, EXPLANATION_SHEET_NAME } from "../../src/engine/plans/explanationPlan";
import type { ScoringSheet } from "../../src/engine/core/types";
import { openXlsx } from "../../src/host/file/xlsxAnalysis";
import { promises as fs } from "fs";
import { districtGrid } from "../fixtures/seed";
import { unitScoringGrid } from "../fixtures/units";
import { spawnCli } from "./helpers/runCli";
import { makeTempDir, readWorkbook, removeDir, writeGrids } from "./helpers/xlsxFiles";
import { expectValidOoxml } from "../support/ooxmlCheck";

describe("cchc summary --explanation", () => {
  let dir: string;
  let unit: string;
  beforeAll(async () => {
    dir = await makeTempDir("cchc-summary-explanation-");
    unit = await writeGrids(path.join(dir, "tan-lap.xlsx"), [unitScoringGrid("Tân Lập", "UBND XÃ TÂN LẬP", 2023, { "1.1.1": 0, "2.3": 1 })]);
  });
  afterAll(async () => removeDir(dir));

  it("adds 'Yêu cầu giải trình' with the sheet's cut criteria to the summary sheets", async () => {
    const out = path.join(dir, "ra.xlsx");
    const r = await spawnCli(["summary", unit, "-o", out, "--explanation", "--date", "2024-01-15"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`"${EXPLANATION_SHEET_NAME}"`);
    await expectValidOoxml(out);

    const sheet = (await openXlsx(await fs.readFile(unit))).analysis.sheets.find((s): s is ScoringSheet => s.kind === "scoring")!;
    const cuts = appraisalCuts(sheet)!.cuts;
    expect(cuts.length).toBeGreaterThan(0);
    const ws = (await readWorkbook(out)).getWorksheet(EXPLANATION_SHEET_NAME)!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((r) => r[0] === EXPLANATION_HEADERS[0] && r[1] === EXPLANATION_HEADERS[1]);
    expect(header).toBeGreaterThan(0);
    const listed = rows.slice(header + 1, header + 1 + cuts.length).map((r) => [r[1], r[4], r[5]]);
    expect(listed).toEqual(cuts.map((c) => [c.code, c.self, c.appraised]));
  });

  it("refuses, saying why, a sheet without appraised points, and writes nothing", async () => {
    const grid = districtGrid();
    const selfOnly = { ...grid, values: grid.values.map((row) => row.slice(0, 4)) };
    const input = await writeGrids(path.join(dir, "tu-danh-gia.xlsx"), [selfOnly]);
    const out = path.join(dir, "ra-2.xlsx");
    const r = await spawnCli(["summary", input, "-o", out, "--explanation"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/không có cả điểm tự đánh giá và điểm thẩm định: không lập được yêu cầu giải trình/);
    await expect(fs.stat(out)).rejects.toThrow();
  });
});
