// `cchc appraisal FOLDER -o OUTDIR` over the built CLI: one request for explanation per unit
// (.docx, read back by LibreOffice Writer) and the summary workbook "Kết quả thẩm định" (its
// formulas recalculated by LibreOffice Calc to the engine's values); both pass the OOXML check.
import { promises as fs } from "fs";
import * as path from "path";
import { appraisalAcross } from "../../src/engine/compare/appraisalAcross";
import { appraisalCuts } from "../../src/engine/scoring/appraisalCuts";
import { buildAppraisalPlanOf } from "../../src/engine/plans/appraisalPlan";
import type { ScoringSheet } from "../../src/engine/core/types";
import { pointsText } from "../../src/engine/reportDraft/vietnameseText";
import { parseDate } from "../../src/cli/dateOption";
import { openXlsx } from "../../src/host/file/xlsxAnalysis";
import { districtGrid } from "../fixtures/seed";
import { unitScoringGrid } from "../fixtures/units";
import { spawnCli } from "./helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";
import { expectValidOoxml } from "../support/ooxmlCheck";
import { convertWithLibreOffice, sofficeUnavailable } from "../support/libreoffice";
import { recalculatedPlans } from "../support/planRecalculation";
import { docxText } from "../support/docxText";

const DATE = "2024-01-15";
const UNITS: Array<{ file: string; sheet: string; unit: string; appraised: Record<string, number> }> = [
  { file: "dak-koi.xlsx", sheet: "Đăk Kôi", unit: "UBND XÃ ĐĂK KÔI", appraised: { "1.1.1": 0.5 } },
  { file: "tan-lap.xlsx", sheet: "Tân Lập", unit: "UBND XÃ TÂN LẬP", appraised: { "1.1.1": 0, "2.3": 1 } },
  { file: "dak-ruong.xlsx", sheet: "Đăk Ruông", unit: "UBND XÃ ĐĂK RUÔNG", appraised: { "3.3.4": 2, "7.3.3": 0.1 } },
];
const DOCX = ["UBND XÃ ĐĂK KÔI.docx", "UBND XÃ TÂN LẬP.docx", "UBND XÃ ĐĂK RUÔNG.docx"];
const hasOffice = sofficeUnavailable("phiếu đề nghị giải trình bằng LibreOffice") === null;

/** The unit's sheet as the engine reads it from its file. */
async function sheetOf(file: string): Promise<ScoringSheet> {
  const opened = await openXlsx(await fs.readFile(file));
  return opened.analysis.sheets.find((s): s is ScoringSheet => s.kind === "scoring")!;
}

describe("cchc appraisal", () => {
  let dir: string;
  let folder: string;
  beforeAll(async () => {
    dir = await makeTempDir("cchc-appraisal-");
    folder = path.join(dir, "don-vi");
    for (const u of UNITS) await writeGrids(path.join(folder, u.file), [unitScoringGrid(u.sheet, u.unit, 2023, u.appraised)]);
  });
  afterAll(async () => removeDir(dir));

  it("writes one .docx per unit and the summary workbook, each read back with the unit's cuts", async () => {
    const out = path.join(dir, "ra", "tham-dinh");
    const r = await spawnCli(["appraisal", folder, "-o", out, "--date", DATE, "--days", "5"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect((await fs.readdir(out)).sort()).toEqual([...DOCX, "Tong-hop-tham-dinh.xlsx"].sort());
    for (const name of DOCX) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain("Tong-hop-tham-dinh.xlsx");

    const sheets: ScoringSheet[] = [];
    for (const [i, u] of UNITS.entries()) {
      const sheet = await sheetOf(path.join(folder, u.file));
      sheets.push(sheet);
      const cuts = appraisalCuts(sheet)!;
      const docx = path.join(out, DOCX[i]);
      await expectValidOoxml(docx);
      const body = await docxText(await fs.readFile(docx));
      expect(body).toContain("PHIẾU ĐỀ NGHỊ GIẢI TRÌNH");
      expect(body).toContain("HỘI ĐỒNG THẨM ĐỊNH");
      // The title rows every unit shares name the council's body.
      expect(body).toContain("HUYỆN KON RẪY");
      expect(body).toContain("05 ngày làm việc");
      expect(body).toContain(`Tổng cộng (${cuts.cuts.length} tiêu chí)`);
      if (!hasOffice) continue;
      const txt = await fs.readFile(await convertWithLibreOffice(docx, "txt:Text", path.join(dir, `lo-${i}`)), "utf8");
      const lines = txt.split(/\r?\n/).map((l) => l.trim());
      expect(txt).toContain("Giải trình của đơn vị");
      expect(txt).toContain("Tài liệu bổ sung");
      for (const c of cuts.cuts) {
        // Code, then its name, maximum, self, appraised and cut, each in its own cell.
        const at = lines.indexOf(c.code);
        expect(at).toBeGreaterThan(0);
        expect(lines.slice(at + 1, at + 6)).toEqual([c.name, pointsText(c.max), pointsText(c.self), pointsText(c.appraised), pointsText(c.cut)]);
      }
      expect(lines).toContain(pointsText(cuts.total));
    }
    // Each unit's own extra cut is in its own document only.
    const koi = await docxText(await fs.readFile(path.join(out, DOCX[0])));
    const lap = await docxText(await fs.readFile(path.join(out, DOCX[1])));
    const ruong = await docxText(await fs.readFile(path.join(out, DOCX[2])));
    expect(appraisalCuts(sheets[0])!.cuts.find((c) => c.code === "1.1.1")?.cut).toBe(0.5);
    expect(appraisalCuts(sheets[1])!.cuts.find((c) => c.code === "2.3")?.cut).toBe(1);
    expect(koi).toContain("Ban hành kế hoạch CCHC năm kịp thời");
    expect(lap).toContain("Kiểm tra, xử lý văn bản QPPL");
    expect(koi).not.toContain("Kiểm tra, xử lý văn bản QPPL");
    expect(ruong).not.toContain("Ban hành kế hoạch CCHC năm kịp thời");

    const summary = path.join(out, "Tong-hop-tham-dinh.xlsx");
    await expectValidOoxml(summary);
    const reread = await openXlsx(await fs.readFile(summary));
    expect(reread.snapshot.generated.CCHC_GEN_APPRAISAL).toBe("Kết quả thẩm định");
    if (!hasOffice) return;
    // The folder is read in file-name order: dak-koi, dak-ruong, tan-lap.
    const order = [0, 2, 1];
    const across = appraisalAcross(order.map((i) => sheets[i]), order.map((i) => UNITS[i].unit));
    const plan = buildAppraisalPlanOf(across, { date: parseDate(DATE)! });
    const { mismatches, checked } = await recalculatedPlans(summary, [plan], path.join(dir, "w-tong-hop"));
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  }, 300_000);

  it("refuses to overwrite what is there without --force, and writes over it with --force", async () => {
    const out = path.join(dir, "ra-2");
    await fs.mkdir(out);
    const kept = path.join(out, DOCX[1]);
    await fs.writeFile(kept, "của thư ký");
    const refused = await spawnCli(["appraisal", folder, "-o", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("đã tồn tại");
    expect(refused.stderr).toContain(DOCX[1]);
    // Nothing written at all: every name is checked before the first file.
    expect(await fs.readdir(out)).toEqual([DOCX[1]]);
    expect(await fs.readFile(kept, "utf8")).toBe("của thư ký");
    const forced = await spawnCli(["appraisal", folder, "-o", out, "--force"]);
    expect(forced.code).toBe(0);
    expect((await fs.readdir(out)).length).toBe(4);
    expect((await fs.readFile(kept)).subarray(0, 2).toString()).toBe("PK");
  }, 120_000);

  it("a workbook of several units' sheets, names told apart and kept safe for Windows", async () => {
    const file = path.join(dir, "mot-tep", "xa.xlsx");
    await writeGrids(file, [
      unitScoringGrid("A", 'UBND XÃ "A/B"', 2023, { "1.1.1": 0 }),
      unitScoringGrid("B", "UBND XÃ CON", 2023, {}),
    ]);
    const out = path.join(dir, "ra-3");
    const r = await spawnCli(["appraisal", file, "-o", out]);
    expect(r.code).toBe(0);
    expect((await fs.readdir(out)).sort()).toEqual(["Tong-hop-tham-dinh.xlsx", "UBND XÃ _A_B_.docx", "UBND XÃ CON.docx"].sort());
  }, 120_000);

  it("--template: each file compared with the criteria set; progress on stderr past 10 files", async () => {
    const template = await writeGrids(path.join(dir, "mau", "bo-tieu-chi.xlsx"), [districtGrid({ blankParents: true }, "Bộ tiêu chí")]);
    const many = path.join(dir, "nhieu");
    for (let i = 1; i <= 11; i++) {
      const grid = unitScoringGrid(`Xã ${i}`, `UBND XÃ SỐ ${i}`, 2023, { "1.1.1": 0 });
      // The eleventh unit changed a maximum.
      if (i === 11) grid.values.find((r) => r[0] === "2.3")![2] = 3;
      await writeGrids(path.join(many, `xa-${String(i).padStart(2, "0")}.xlsx`), [grid]);
    }
    const r = await spawnCli(["appraisal", many, "-o", path.join(dir, "ra-nhieu"), "--template", template]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Đang đọc 1/11");
    expect(r.stderr).toContain("Đang đọc 11/11");
    expect(r.stdout.match(/theo đúng bộ tiêu chí/g)).toHaveLength(10);
    const eleventh = r.stdout.slice(r.stdout.indexOf("xa-11.xlsx"));
    expect(eleventh).not.toContain("theo đúng bộ tiêu chí");
    expect(eleventh).toContain("2.3");
    expect(await fs.readdir(path.join(dir, "ra-nhieu"))).toHaveLength(12);
  }, 180_000);

  it("says what is wrong with bad input, with exit 2", async () => {
    const out = path.join(dir, "ra-loi");
    const cases: Array<{ args: string[]; says: string }> = [
      { args: ["appraisal"], says: "Thiếu tệp hoặc thư mục" },
      { args: ["appraisal", folder], says: "Thiếu thư mục kết quả" },
      { args: ["appraisal", folder, "-o", out, "--days", "0"], says: "--days" },
      { args: ["appraisal", folder, "-o", out, "--bogus"], says: "--bogus" },
      { args: ["appraisal", path.join(dir, "khong-co"), "-o", out], says: "Không tìm thấy" },
      { args: ["appraisal", folder, "-o", path.join(folder, UNITS[0].file)], says: "không phải là thư mục" },
    ];
    for (const c of cases) {
      const r = await spawnCli(c.args);
      expect({ args: c.args, code: r.code }).toEqual({ args: c.args, code: 2 });
      expect(r.stderr).toContain(c.says);
    }
    // A workbook without appraised points: named, the other units still written.
    const mixed = path.join(dir, "lan-lon");
    await writeGrids(path.join(mixed, "a.xlsx"), [unitScoringGrid("A", "UBND XÃ A", 2023, {})]);
    const noAppraisal = districtGrid({}, "Chưa thẩm định");
    for (const row of noAppraisal.values) row.splice(4, 1);
    await writeGrids(path.join(mixed, "b.xlsx"), [noAppraisal]);
    const r = await spawnCli(["appraisal", mixed, "-o", path.join(dir, "ra-lan-lon")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("b.xlsx");
    expect(r.stderr).toContain("điểm thẩm định");
    expect(await fs.readdir(path.join(dir, "ra-lan-lon"))).toContain("UBND XÃ A.docx");
  }, 120_000);
});
