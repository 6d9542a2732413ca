// `cchc check FOLDER --template TEMPLATE.xlsx` (issue 19 §1), run as the built command: a folder
// holding the criteria set and three units' workbooks, in text and in --json, with exit codes.
import * as path from "path";
import type { CheckJson, JsonSheet } from "../../src/cli/checkJson";
import { toA1, type Grid } from "../../src/engine";
import { districtGrid } from "../fixtures/seed";
import { spawnCli } from "./helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";

let dir: string;
let templateFile: string;
const files: Record<"a" | "b" | "c", string> = { a: "", b: "", c: "" };

/** The seed sheet emptied of points, causes and responsible units: the criteria set. */
function criteriaSet(): Grid {
  const grid = districtGrid({}, "Bộ tiêu chí");
  const header = grid.values.findIndex((r) => r[0] === "STT");
  for (let r = header + 1; r < grid.values.length; r++) for (const c of [3, 4, 5, 6]) grid.values[r][c] = null;
  return grid;
}

function rowOf(grid: Grid, code: string): number {
  return grid.values.findIndex((r) => r[0] === code);
}

const changedMax = districtGrid({}, "Huyện B");
changedMax.values[rowOf(changedMax, "2.1.1")][2] = 2;
const renamed = districtGrid({}, "Huyện C");
renamed.values[rowOf(renamed, "1.2")][1] = "Báo cáo định kỳ về cải cách hành chính";

beforeAll(async () => {
  dir = await makeTempDir("cchc-template-");
  templateFile = await writeGrids(path.join(dir, "bo-tieu-chi.xlsx"), [criteriaSet()]);
  files.a = await writeGrids(path.join(dir, "a-dung.xlsx"), [districtGrid({}, "Huyện A")]);
  files.b = await writeGrids(path.join(dir, "b-diem-toi-da.xlsx"), [changedMax]);
  files.c = await writeGrids(path.join(dir, "c-ten.xlsx"), [renamed]);
});

afterAll(async () => removeDir(dir));

function scoring(json: CheckJson, file: string): JsonSheet {
  const f = json.files.find((x) => x.file === file);
  if (!f) throw new Error(`${file} not in the output`);
  const s = f.sheets[0];
  expect(s.kind).toBe("scoring");
  return s;
}

describe("a folder of a template and three units", () => {
  test("text: per file conforms or the differences, the template file left out, the closing table; exit 1", async () => {
    const r = await spawnCli(["check", dir, "--template", templateFile]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Bỏ qua ${templateFile}: đây là tệp bộ tiêu chí mẫu`);
    expect(r.stdout).not.toContain(`Tệp ${templateFile}`);
    const where = `(${templateFile}, sheet "Bộ tiêu chí")`;
    expect(r.stdout).toContain(`Đối chiếu bộ tiêu chí mẫu ${where}:\n    Sheet "Huyện A": theo đúng bộ tiêu chí.`);
    expect(r.stdout).toContain('Sheet "Huyện B": khác bộ tiêu chí ở 1 điểm (1 lỗi, 0 cảnh báo): điểm tối đa khác 2.1.1.');
    expect(r.stdout).toContain('Sheet "Huyện C": khác bộ tiêu chí ở 1 điểm (0 lỗi, 1 cảnh báo): tên khác 1.2.');
    expect(r.stdout).toContain(`[LỖI] ô ${toA1(rowOf(changedMax, "2.1.1"), 2)} (template-max): Điểm tối đa của 2.1.1: bộ tiêu chí ghi 1,5, bảng này ghi 2.`);
    expect(r.stdout).toContain(
      `[Cảnh báo] ô ${toA1(rowOf(renamed, "1.2"), 1)} (template-name): Tên tiêu chí 1.2 khác bộ tiêu chí: bộ tiêu chí ghi "Báo cáo cải cách hành chính", bảng này ghi "Báo cáo định kỳ về cải cách hành chính".`,
    );
    expect(r.stdout).toContain(
      `Đối chiếu bộ tiêu chí mẫu ${where}: 1/3 đơn vị theo đúng bộ tiêu chí.\nKhác biệt thường gặp:\n  Số đơn vị | Khác biệt\n          1 | điểm tối đa khác 2.1.1\n          1 | tên khác 1.2\n`,
    );
    expect(r.stdout).toMatch(/Tổng cộng: 3 tệp, /);
  });

  test("--json: each scoring sheet's template, the run's tally at the top; exit 1", async () => {
    const r = await spawnCli(["check", dir, "--json", "--template", templateFile]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(json.files.map((f) => path.basename(f.file))).toEqual(["a-dung.xlsx", "b-diem-toi-da.xlsx", "c-ten.xlsx"]);
    const ref = { file: templateFile, sheet: "Bộ tiêu chí" };
    expect(scoring(json, files.a).template).toEqual({ ...ref, conforms: true, differences: [] });
    expect(scoring(json, files.b).template).toEqual({ ...ref, conforms: false, differences: [{ rule: "template-max", code: "2.1.1" }] });
    expect(scoring(json, files.c).template).toEqual({ ...ref, conforms: false, differences: [{ rule: "template-name", code: "1.2" }] });
    expect(Object.keys(scoring(json, files.a))).toEqual(["sheet", "kind", "totals", "areas", "lost", "units", "unit", "comparison", "template", "appraisal", "findings"]);
    const max = scoring(json, files.b).findings.filter((f) => f.rule.startsWith("template-"));
    expect(max).toEqual([
      { rule: "template-max", severity: "error", cell: toA1(rowOf(changedMax, "2.1.1"), 2), message: "Điểm tối đa của 2.1.1: bộ tiêu chí ghi 1,5, bảng này ghi 2." },
    ]);
    expect(json.template).toEqual({
      ...ref,
      units: 3,
      conforming: 1,
      differences: [
        { rule: "template-max", code: "2.1.1", units: 1 },
        { rule: "template-name", code: "1.2", units: 1 },
      ],
    });
  });

  test("only a name warning: exit 0; without --template no template anywhere", async () => {
    const r = await spawnCli(["check", files.a, files.c, "--json", "--template", templateFile]);
    expect(r.code).toBe(0);
    const plain = await spawnCli(["check", files.b, "--json"]);
    const json = JSON.parse(plain.stdout) as CheckJson;
    expect(json.template).toBeUndefined();
    expect(scoring(json, files.b).template).toBeUndefined();
    expect(plain.code).toBe(1); // the sheet's own rule: 2.1 is no longer its children's sum
    expect(scoring(json, files.b).findings.some((f) => f.rule.startsWith("template-"))).toBe(false);
  });

  test("a single file: its lines, no closing table", async () => {
    const r = await spawnCli(["check", files.a, "--template", templateFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sheet "Huyện A": theo đúng bộ tiêu chí.');
    expect(r.stdout).not.toContain("Khác biệt thường gặp");
    expect(r.stdout).not.toMatch(/\d+\/\d+ đơn vị theo đúng/);
  });
});

describe("choosing and refusing the template", () => {
  test("FILE#SHEET picks a sheet of a workbook that holds others; a sheet not there is exit 2", async () => {
    const notes: Grid = { name: "Hướng dẫn", values: [["Hướng dẫn chấm điểm"], ["Xem sheet Bộ tiêu chí"]] };
    const book = await writeGrids(path.join(dir, "mau", "nhieu-sheet.xlsx"), [notes, districtGrid({}, "Năm trước"), criteriaSet()]);
    const r = await spawnCli(["check", files.b, "--json", "--template", `${book}#Bộ tiêu chí`]);
    expect(r.code).toBe(1);
    expect(scoring(JSON.parse(r.stdout) as CheckJson, files.b).template?.sheet).toBe("Bộ tiêu chí");
    // The workbook itself checked against its own sheet: that sheet is the set, not a unit.
    const self = await spawnCli(["check", book, "--json", "--template", `${book}#Bộ tiêu chí`]);
    const sheets = (JSON.parse(self.stdout) as CheckJson).files[0].sheets;
    expect(sheets.map((s) => [s.sheet, s.template?.conforms])).toEqual([
      ["Hướng dẫn", undefined],
      ["Năm trước", true],
      ["Bộ tiêu chí", undefined],
    ]);
    const wrong = await spawnCli(["check", files.a, "--template", `${book}#Không có`]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Không có sheet "Không có" trong tệp bộ tiêu chí mẫu');
    expect(wrong.stdout).toBe("");
  });

  test("a template with errors of its own: each named on stderr, the check goes on", async () => {
    const flawed = criteriaSet();
    flawed.values[rowOf(flawed, "1.1")][2] = 3;
    const book = await writeGrids(path.join(dir, "mau", "sai.xlsx"), [flawed]);
    const r = await spawnCli(["check", files.a, "--template", book]);
    expect(r.stderr).toContain(`Bộ tiêu chí mẫu ${book}, sheet "Bộ tiêu chí", ô ${toA1(rowOf(flawed, "1.1"), 2)}: Điểm tối đa của 1.1 là 3`);
    // The unit keeps 1.1 at 2, the sum of its sub-criteria as the set gives them: no difference.
    expect(r.stdout).toContain('Sheet "Huyện A": theo đúng bộ tiêu chí.');
    expect(r.code).toBe(0);
  });

  test("a template without any criteria set, or missing: a Vietnamese message, exit 2", async () => {
    const notes = await writeGrids(path.join(dir, "mau", "ghi-chu.xlsx"), [{ name: "Ghi chú", values: [["Danh sách"], ["Xã A"]] }]);
    const r = await spawnCli(["check", files.a, "--template", notes]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Tệp bộ tiêu chí mẫu ${notes}: Tệp bộ tiêu chí mẫu không có bảng tiêu chí nào`);
    const missing = await spawnCli(["check", files.a, "--template", path.join(dir, "khong-co.xlsx")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Tệp bộ tiêu chí mẫu");
  });
});
