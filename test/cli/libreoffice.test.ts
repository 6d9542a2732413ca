// An independent check of the formulas `cchc summary` writes: LibreOffice recalculates OUT.xlsx
// headless (OOXMLRecalcMode = 0, "always recalculate", in a fresh profile) and every formula
// cell of the added sheets must equal the engine's value. The cached values are first replaced
// by wrong ones, so a LibreOffice that kept them instead of recalculating fails the test.
// Also: a workbook written by LibreOffice (not ExcelJS) reads and summarises as the seed says.
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as path from "path";
import { promisify } from "util";
import { buildReportPlans } from "../../src/engine/plans/reportPlans";
import { parseDate } from "../../src/cli/dateOption";
import { openXlsx } from "../../src/host/file/xlsxAnalysis";
import { communesGrid, districtGrid } from "../fixtures/seed";
import { blockColumnGrid, blockHeadingGrid, unitScoringGrid } from "../fixtures/units";
import { compareWithPrevious } from "../../src/engine/compare/previousYear";
import type { SheetPlan } from "../../src/engine/plans/plan";
import type { CheckJson } from "../../src/cli/checkJson";
import { runCli } from "./helpers/runCli";
import { makeTempDir, readWorkbook, removeDir, writeGrids } from "./helpers/xlsxFiles";
import { expectValidOoxml } from "../support/ooxmlCheck";
import { recalcProfile, recalculatedPlans } from "../support/planRecalculation";

const SOFFICE = "/usr/bin/soffice";
const DATE = "2024-01-15";

const missing = !existsSync(SOFFICE);
if (missing && process.env.CI === "true") {
  throw new Error(`LibreOffice không có ở ${SOFFICE}: kiểm thử công thức bằng LibreOffice phải chạy trên CI.`);
}
if (missing) process.stdout.write(`BỎ QUA kiểm thử LibreOffice: không có ${SOFFICE}.\n`);
const maybe = missing ? describe.skip : describe;

maybe("LibreOffice recalculating OUT.xlsx", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir("cchc-lo-");
  });
  afterAll(async () => removeDir(dir));

  /**
   * Runs `cchc summary` on the input, replaces every cached formula value of the added sheets by
   * a wrong one, lets LibreOffice recalculate, and returns the cells whose value differs from
   * the engine's, with how many formula cells were checked.
   */
  async function recalculated(name: string, input: string, extra: string[] = []): Promise<{ mismatches: string[]; checked: number; plans: SheetPlan[] }> {
    const out = path.join(dir, `${name}-ra.xlsx`);
    expect((await runCli(["summary", input, "-o", out, "--date", DATE, ...extra])).code).toBe(0);
    await expectValidOoxml(out, { base: input });
    let { analysis } = await openXlsx(await fs.readFile(input));
    const previous = extra[extra.indexOf("--previous") + 1];
    if (extra.includes("--previous")) {
      analysis = compareWithPrevious(analysis, (await openXlsx(await fs.readFile(previous))).analysis, previous).analysis;
    }
    const plans = buildReportPlans(analysis, { date: parseDate(DATE)! });

    // Wrong cached values everywhere, so only a real recalculation can give the right ones.
    const work = path.join(dir, `recalc-${name}`);
    await fs.mkdir(work, { recursive: true });
    const { mismatches, checked } = await recalculatedPlans(out, plans, work);
    return { mismatches, checked, plans };
  }

  it("gives every formula cell of the added sheets the engine's value", async () => {
    const input = await writeGrids(path.join(dir, "huyen.xlsx"), [districtGrid(), communesGrid()]);
    const { mismatches, checked } = await recalculated("seed", input);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  }, 180_000);

  it.each([
    ["a block column, maxima in headers; last year from --previous", "khoi-cot", blockColumnGrid, true],
    ["block heading rows, maxima columns; a unit sheet without diacritics", "khoi-dong", blockHeadingGrid, false],
  ])("recalculates blocks, two-part indices, changes and Phân tích tiêu chí (%s)", async (_how, name, table, withPrevious) => {
    const rve = districtGrid({ blankParents: true, plainHeaders: true, commaText: true }, "TT Đăk Rve");
    rve.values[1][0] = "UBND thị trấn Đăk Rve";
    const units = [
      unitScoringGrid("Đăk Kôi", "UBND XÃ ĐĂK KÔI", 2023, { "1.1.1": 0.5 }),
      unitScoringGrid("Tân Lập", "UBND XÃ TÂN LẬP", 2023, { "1.1.1": 0, "2.3": 1 }),
      ...(withPrevious ? [] : [rve]),
    ];
    const input = await writeGrids(path.join(dir, `${name}.xlsx`), [...units, table()]);
    const extra: string[] = [];
    if (withPrevious) {
      const prev = await writeGrids(path.join(dir, `${name}-2022.xlsx`), [unitScoringGrid("ĐK 2022", "UBND XÃ ĐĂK KÔI", 2022, { "1.6.1": 4 })]);
      extra.push("--previous", prev);
    }
    const { mismatches, checked, plans } = await recalculated(name, input, extra);
    expect(plans.map((p) => p.name)).toEqual(["Tổng hợp trách nhiệm", "Xếp hạng", "Phân tích tiêu chí", "Kết quả thẩm định"]);
    expect(mismatches).toEqual([]);
    // Ranks, grades, grade counts, changes, COUNTIF/SUMIF and references all took part.
    const formulas = plans.flatMap((p) => p.cells.map((c) => c.formula ?? ""));
    for (const f of ["COUNTIF(", "SUMIF(", "RANK(", "&COUNTIF(", "'Đăk Kôi'!"]) expect(formulas.some((x) => x.includes(f))).toBe(true);
    expect(formulas.some((x) => x.startsWith("=ROUND(") && x.endsWith(",3)"))).toBe(withPrevious);
    expect(checked).toBeGreaterThan(100);
  }, 180_000);

  it("ranks every units table of the workbook, each in its own section, and names a table left out", async () => {
    const unscored = { name: "Chưa chấm", values: [["STT", "Tên đơn vị", "Điểm tự đánh giá", "Điểm tối đa"], [1, "UBND xã A", null, 100]] };
    const input = await writeGrids(path.join(dir, "hai-bang.xlsx"), [districtGrid(), communesGrid(), blockHeadingGrid(), unscored]);
    const { mismatches, checked, plans } = await recalculated("hai-bang", input);
    expect(mismatches).toEqual([]);
    const ranking = plans.find((p) => p.name === "Xếp hạng")!;
    const texts = ranking.cells.map((c) => String(c.value ?? ""));
    expect(texts.filter((t) => t.startsWith("Nguồn: ")).map((t) => t.split(" · ")[0])).toEqual(["Nguồn: Xếp loại xã", "Nguồn: Xếp loại 2023"]);
    expect(texts).toContain('Bảng "Chưa chấm" không được xếp hạng: không có đơn vị nào đủ điểm và điểm tối đa để tính chỉ số (xem các lỗi của sheet này).');
    // Each section's ranks run over its own rows: the communes' first RANK range ends before the second section starts.
    const ranks = ranking.cells.filter((c) => c.formula?.startsWith("=RANK("));
    const secondSource = ranking.cells.find((c) => String(c.value ?? "").startsWith("Nguồn: Xếp loại 2023"))!.row;
    const firstRange = /\$(\d+):\$[A-Z]+\$(\d+)/.exec(ranks[0].formula!)!;
    expect(Number(firstRange[2])).toBeLessThanOrEqual(secondSource);
    expect(ranks.filter((c) => c.row < secondSource)).toHaveLength(7);
    expect(checked).toBeGreaterThan(40);
  }, 180_000);

  it.each([
    ["a unit kept out of the ranking (KXH) in a block", "kxh"],
    ["an extract whose typed ranks are the ranks", "trich"],
  ])("recalculates Xếp hạng with %s", async (_how, name) => {
    const table = blockColumnGrid();
    const rows = table.values.map((r) => [...r]);
    rows[1].push("Xếp hạng");
    // Extract: the departments only, ranked 30th, 7th and 12th of a larger table.
    const typed: Record<string, string | number> = name === "kxh" ? { "Sở Nội vụ": "KXH" } : { "Sở Tư pháp": 30, "Sở Nội vụ": 7, "Sở Tài chính": 12 };
    const kept = rows.slice(0, 2).concat(rows.slice(2).filter((r) => name === "kxh" || String(r[1]) in typed));
    for (const r of kept.slice(2)) r.push(typed[String(r[1])] ?? null);
    const input = await writeGrids(path.join(dir, `${name}.xlsx`), [{ name: table.name, values: kept }]);
    const { mismatches, checked, plans } = await recalculated(name, input);
    expect(mismatches).toEqual([]);
    const ranking = plans.find((p) => p.name === "Xếp hạng")!;
    const cell = (unit: string, header: string) => {
      const headerCell = ranking.cells.find((c) => c.value === header)!;
      const row = ranking.cells.find((c) => c.col === 1 && c.value === unit)!.row;
      return ranking.cells.find((c) => c.row === row && c.col === headerCell.col)!;
    };
    if (name === "kxh") {
      expect(cell("Sở Nội vụ", "Xếp hạng").value).toBe("Không xếp hạng");
      expect(cell("Sở Tư pháp", "Xếp hạng")).toMatchObject({ result: 2 });
    } else {
      expect(ranking.cells.some((c) => c.formula?.startsWith("=RANK("))).toBe(false);
      expect(cell("Sở Tư pháp", "Xếp hạng").value).toBe(30);
      expect(cell("Sở Tư pháp", "Tăng/giảm bậc")).toMatchObject({ result: -26 });
    }
    expect(checked).toBeGreaterThan(10);
  }, 180_000);

  it("reads a workbook LibreOffice wrote (another writer than ExcelJS) as the seed says", async () => {
    const sample = path.resolve(__dirname, "..", "..", "assets", "mau-chi-so-cchc.xlsx");
    const converted = path.join(dir, "lo-sample");
    const profile = await recalcProfile(path.join(dir, "p2"));
    await promisify(execFile)(
      SOFFICE,
      [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", converted, sample],
      { timeout: 150_000 },
    );
    const file = path.join(converted, "mau-chi-so-cchc.xlsx");
    const r = await runCli(["check", file, "--json"]);
    expect(r.code).toBe(0);
    const sheets = (JSON.parse(r.stdout) as CheckJson).files[0].sheets;
    expect(sheets.map((s) => s.kind)).toEqual(["scoring", "units"]);
    expect(sheets[0].totals!.appraised).toMatchObject({ achieved: 89.21, max: 97, grade: "Xuất sắc" });
    expect(sheets[1].ranking!.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const out = path.join(dir, "lo-sample-ra.xlsx");
    expect((await runCli(["summary", file, "-o", out])).code).toBe(0);
    expect((await readWorkbook(out)).worksheets.map((w) => w.name)).toEqual([
      "Huyện Kon Rẫy",
      "Xếp loại xã",
      "Tổng hợp trách nhiệm",
      "Xếp hạng",
    ]);
    await expectValidOoxml(out, { base: file });
  }, 180_000);
});
