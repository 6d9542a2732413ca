// `cchc summary FILE --previous PREV -o OUT`: last year's comparison in "Tổng hợp trách nhiệm",
// "Phân tích tiêu chí" for one sheet per unit; bad last-year input writes nothing.
import { existsSync, promises as fs } from "fs";
import * as path from "path";
import { districtGrid } from "../fixtures/seed";
import { unitScoringGrid } from "../fixtures/units";
import { runCli } from "./helpers/runCli";
import { makeTempDir, readWorkbook, removeDir, writeGrids } from "./helpers/xlsxFiles";
import { expectValidOoxml } from "../support/ooxmlCheck";

let dir: string;
let current: string;
let previous: string;
beforeAll(async () => {
  dir = await makeTempDir("cchc-prev-");
  current = await writeGrids(path.join(dir, "2023.xlsx"), [
    unitScoringGrid("Đăk Kôi", "UBND XÃ ĐĂK KÔI", 2023, { "1.1.1": 0.5 }),
    unitScoringGrid("Tân Lập", "UBND XÃ TÂN LẬP", 2023, { "1.1.1": 0, "2.3": 1 }),
  ]);
  previous = await writeGrids(path.join(dir, "2022.xlsx"), [unitScoringGrid("ĐK 2022", "UBND XÃ ĐĂK KÔI", 2022, { "1.6.1": 4 })]);
});
afterAll(async () => removeDir(dir));

function columnTexts(ws: import("exceljs").Worksheet, col: number): string[] {
  const out: string[] = [];
  ws.getColumn(col).eachCell((c) => out.push(String(c.value)));
  return out;
}

it("adds last year's comparison to the summary and writes Phân tích tiêu chí", async () => {
  const out = path.join(dir, "ra.xlsx");
  const r = await runCli(["summary", current, "-o", out, "--previous", previous, "--date", "2024-01-15"]);
  expect(r.stderr).toContain(`Sheet "Tân Lập" (UBND XÃ TÂN LẬP): không tìm thấy sheet cùng đơn vị trong tệp năm trước ${previous}`);
  expect(r.code).toBe(0);
  const wb = await readWorkbook(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Đăk Kôi", "Tân Lập", "Tổng hợp trách nhiệm", "Xếp hạng", "Phân tích tiêu chí", "Kết quả thẩm định"]);
  const summary = columnTexts(wb.getWorksheet("Tổng hợp trách nhiệm")!, 1);
  expect(summary).toContain(`4. So sánh với năm trước (${previous}, sheet "ĐK 2022", năm 2022)`);
  expect(summary).toContain("Tiêu chí thành phần mới bị mất điểm: 1.1.1, 1.6.1.");
  const analysis = wb.getWorksheet("Phân tích tiêu chí")!;
  expect(columnTexts(analysis, 1)).toContain("1.1.1");
  expect(analysis.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape" });
  await expectValidOoxml(out, { base: current });
});

it.each([
  ["not a workbook", async () => {
    const f = path.join(dir, "hong.xlsx");
    await fs.writeFile(f, "không phải tệp Excel");
    return f;
  }, ""],
  ["without a sheet of either unit", async () => writeGrids(path.join(dir, "khac.xlsx"), [districtGrid({ titleRows: 0 }, "A"), districtGrid({ titleRows: 0 }, "B")]), "không tìm thấy sheet cùng đơn vị"],
  ["missing", async () => path.join(dir, "khong-co.xlsx"), "Không đọc được tệp"],
])("last year's file %s: a message naming it, exit 2, nothing written", async (_what, make, says) => {
  const prev = await make();
  const out = path.join(dir, `ra-${path.basename(prev)}`);
  const r = await runCli(["summary", current, "-o", out, "--previous", prev]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(prev);
  expect(r.stderr).toContain(says);
  expect(r.stdout).toBe("");
  expect(existsSync(out)).toBe(false);
});

it("never writes over last year's file, even with --force", async () => {
  const before = await fs.readFile(previous);
  const r = await runCli(["summary", current, "--previous", previous, "-o", previous, "--force"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("trùng với tệp năm trước");
  expect(await fs.readFile(previous)).toEqual(before);
});
