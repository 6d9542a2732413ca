// "Kết quả thẩm định" (cchc summary) and "Yêu cầu giải trình" (written through the file writer)
// recalculated by LibreOffice: every formula gives the engine's value; both files pass the OOXML
// check, and a generated sheet read back is recognised by its marker, not analysed as data.
import { promises as fs } from "fs";
import * as path from "path";
import { buildReportPlans } from "../../src/engine/plans/reportPlans";
import { buildExplanationPlan } from "../../src/engine/plans/explanationPlan";
import { parseDate } from "../../src/cli/dateOption";
import { openXlsx } from "../../src/host/file/xlsxAnalysis";
import type { ScoringSheet } from "../../src/engine/core/types";
import { communesGrid, districtGrid } from "../fixtures/seed";
import { unitScoringGrid } from "../fixtures/units";
import { runCli } from "./helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";
import { expectValidOoxml } from "../support/ooxmlCheck";
import { sofficeUnavailable } from "../support/libreoffice";
import { recalculatedPlans } from "../support/planRecalculation";

const DATE = "2024-01-15";
const maybe = sofficeUnavailable("công thức của Kết quả thẩm định bằng LibreOffice") === null ? describe : describe.skip;

maybe("LibreOffice recalculating the appraisal sheets", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir("cchc-lo-appraisal-");
  });
  afterAll(async () => removeDir(dir));

  it("Kết quả thẩm định, written by cchc summary from three units' sheets", async () => {
    const input = await writeGrids(path.join(dir, "ba-xa.xlsx"), [
      unitScoringGrid("Đăk Kôi", "UBND XÃ ĐĂK KÔI", 2023, { "1.1.1": 0.5 }),
      unitScoringGrid("Tân Lập", "UBND XÃ TÂN LẬP", 2023, { "1.1.1": 0, "2.3": 1 }),
      unitScoringGrid("Đăk Ruông", "UBND XÃ ĐĂK RUÔNG", 2023, { "3.3.4": 2, "7.3.3": 0.1 }),
    ]);
    const out = path.join(dir, "ba-xa-ra.xlsx");
    const r = await runCli(["summary", input, "-o", out, "--date", DATE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"Kết quả thẩm định"');
    await expectValidOoxml(out, { base: input });
    const { analysis } = await openXlsx(await fs.readFile(input));
    const plans = buildReportPlans(analysis, { date: parseDate(DATE)! }).filter((p) => p.marker === "CCHC_GEN_APPRAISAL");
    expect(plans).toHaveLength(1);
    const { mismatches, checked } = await recalculatedPlans(out, plans, path.join(dir, "w-tong-hop"));
    expect(mismatches).toEqual([]);
    // Per unit: cut and the four totals; per criterion: one cut per unit and the sum.
    expect(checked).toBeGreaterThan(20);
  }, 180_000);

  it("Yêu cầu giải trình of the seed district, written into its workbook and read back", async () => {
    const input = await writeGrids(path.join(dir, "huyen.xlsx"), [districtGrid(), communesGrid()]);
    const opened = await openXlsx(await fs.readFile(input));
    const sheet = opened.analysis.sheets[0] as ScoringSheet;
    const plan = buildExplanationPlan(sheet, { date: parseDate(DATE)! })!;
    expect(await opened.port.writeSheets([plan])).toEqual(["Yêu cầu giải trình"]);
    const out = path.join(dir, "huyen-giai-trinh.xlsx");
    await fs.writeFile(out, await opened.port.save());
    await expectValidOoxml(out, { base: input });

    const reread = await openXlsx(await fs.readFile(out));
    expect(reread.snapshot.generated.CCHC_GEN_EXPLANATION).toBe("Yêu cầu giải trình");
    expect(reread.analysis.sheets.map((s) => [s.sheet, s.kind])).toEqual([
      ["Huyện Kon Rẫy", "scoring"],
      ["Xếp loại xã", "units"],
    ]);
    const grid = reread.snapshot.sheets.find((g) => g.name === "Yêu cầu giải trình")!;
    const headerRow = grid.values.findIndex((row) => row[0] === "STT");
    expect(grid.values[headerRow].slice(8, 10)).toEqual(["Giải trình của đơn vị", "Tài liệu bổ sung"]);

    const { mismatches, checked } = await recalculatedPlans(out, [plan], path.join(dir, "w-giai-trinh"));
    expect(mismatches).toEqual([]);
    expect(checked).toBe(plan.cells.filter((c) => c.formula !== undefined).length);
    expect(checked).toBeGreaterThan(5);
  }, 180_000);
});
