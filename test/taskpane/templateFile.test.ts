// Cài đặt → "Tệp bộ tiêu chí mẫu (.xlsx)" (issue 19 §1): the criteria set read from a real .xlsx,
// kept in the settings in its stored form; Kiểm tra then finds each unit sheet's differences at
// their cells. A sheet of this workbook chosen beside it is used first, and the form says so.
import { promises as fs } from "fs";
import * as path from "path";
import { toA1, type Grid, type StoredTemplate } from "../../src/engine";
import { DISTRICT_CRITERIA, districtGrid, seedSum } from "../fixtures/seed";
import { criteriaSet, rowOf } from "../fixtures/criteriaSet";
import { unchangedForm } from "./helpers/settingsForm";
import { makeTempDir, removeDir, writeGrids } from "../cli/helpers/xlsxFiles";
import { MemoryHost } from "../support/memoryHost";
import { runValidation } from "../../src/taskpane/validateController";
import { currentSettings } from "../../src/taskpane/settingsController";
import { settingsFromForm } from "../../src/taskpane/settingsForm";
import { readTemplateFile, templateChoiceNote, templateFileSummary } from "../../src/taskpane/templateFile";
import { UserError } from "../../src/taskpane/messages";
import type { ChosenFile } from "../../src/taskpane/secondWorkbook";

function unitWithChangedMax(): { grid: Grid; row: number } {
  const grid = districtGrid();
  const row = rowOf(grid, "2.1.1");
  grid.values[row][2] = 2;
  return { grid, row };
}

let dir: string;

/** A file as the browser's file input gives it, over a real .xlsx written with ExcelJS. */
async function chosen(name: string, grids: Grid[]): Promise<ChosenFile> {
  const file = await writeGrids(path.join(dir, name), grids);
  const bytes = await fs.readFile(file);
  return { name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
}

beforeAll(async () => {
  dir = await makeTempDir("cchc-pane-template-");
});
afterAll(async () => removeDir(dir));

describe("the criteria set chosen as a file", () => {
  test("is read from the file's first criteria sheet, and summed up for the clerk", async () => {
    const notes: Grid = { name: "Hướng dẫn", values: [["Hướng dẫn chấm điểm"], ["Xem sheet bên cạnh."]] };
    const [stored, ...others] = await readTemplateFile(await chosen("mau.xlsx", [notes, criteriaSet()]));
    expect(others).toEqual([]);
    expect(stored.file).toBe("mau.xlsx");
    expect(stored.sheet).toBe("Bộ tiêu chí");
    expect(templateFileSummary(stored)).toBe(`Bộ tiêu chí: mau.xlsx, sheet "Bộ tiêu chí" (${DISTRICT_CRITERIA.length} tiêu chí, tổng điểm tối đa ${seedSum("", "max")})`);
  });

  test("a file with a criteria set per level gives each, in tab order, the first used unless another is chosen", async () => {
    const communes = criteriaSet("Cấp xã");
    communes.values[rowOf(communes, "2.1.1")][2] = 2;
    const sets = await readTemplateFile(await chosen("mau-hai-cap.xlsx", [criteriaSet("Cấp huyện"), { name: "Ghi chú", values: [["…"]] }, communes]));
    expect(sets.map((t) => [t.file, t.sheet])).toEqual([
      ["mau-hai-cap.xlsx", "Cấp huyện"],
      ["mau-hai-cap.xlsx", "Cấp xã"],
    ]);
    const max211 = (t: StoredTemplate) => t.criteria.find((c) => c.code === "2.1.1")?.max;
    expect(sets.map(max211)).toEqual([1.5, 2]);
  });

  test("a file that is no workbook, or has no criteria table, is refused naming the file", async () => {
    const broken: ChosenFile = { name: "hong.xlsx", arrayBuffer: async () => new TextEncoder().encode("không phải xlsx").buffer as ArrayBuffer };
    await expect(readTemplateFile(broken)).rejects.toThrow(UserError);
    await expect(readTemplateFile(broken)).rejects.toThrow(/^Không dùng được tệp "hong.xlsx" làm bộ tiêu chí mẫu: /);
    const empty = await chosen("trong.xlsx", [{ name: "Ghi chú", values: [["Chỉ có ghi chú"]] }]);
    await expect(readTemplateFile(empty)).rejects.toThrow('Không dùng được tệp "trong.xlsx" làm bộ tiêu chí mẫu: Tệp bộ tiêu chí mẫu không có bảng tiêu chí nào');
  });

  test("saved with Lưu, Kiểm tra finds the changed maximum at its cell, for all sheets and the active one", async () => {
    const [stored] = await readTemplateFile(await chosen("mau.xlsx", [criteriaSet()]));
    const { grid, row } = unitWithChangedMax();
    const host = new MemoryHost([grid]);
    host.settings = settingsFromForm(currentSettings(host), unchangedForm(host, { templateSheet: "", templateFile: stored }), host.sheets);
    // Kept as JSON by the host, as Office does.
    host.settings = JSON.parse(JSON.stringify(host.settings)) as typeof host.settings;
    expect(host.settings.templateFile).toEqual(stored);
    for (const scope of ["all", "active"] as const) {
      const report = await runValidation(host, { scope, highlight: false });
      const found = report.groups.flatMap((g) => g.findings).filter((f) => f.rule.startsWith("template-"));
      expect(found.map((f) => [f.sheet, f.rule, f.cell])).toContainEqual([grid.name, "template-max", toA1(row, 2)]);
      expect(found.find((f) => f.rule === "template-max")!.message).toBe("Điểm tối đa của 2.1.1: bộ tiêu chí ghi 1,5, bảng này ghi 2.");
    }
    // Other settings left as they were keep it; "Bỏ tệp bộ tiêu chí" (null) removes it.
    expect(settingsFromForm(currentSettings(host), unchangedForm(host, {}), host.sheets).templateFile).toEqual(stored);
    host.settings = settingsFromForm(currentSettings(host), unchangedForm(host, { templateFile: null }), host.sheets);
    expect(host.settings.templateFile).toBeNull();
    const after = await runValidation(host, { scope: "all", highlight: false });
    expect(after.groups.flatMap((g) => g.findings).filter((f) => f.rule.startsWith("template-"))).toEqual([]);
  });

  test("with a template sheet chosen too, both are kept, the form says the sheet is used, and Kiểm tra uses it", async () => {
    // The file agrees with the unit's changed maximum; the sheet does not.
    const agreeing = criteriaSet();
    agreeing.values[rowOf(agreeing, "2.1.1")][2] = 2;
    const [stored]: StoredTemplate[] = await readTemplateFile(await chosen("mau-khac.xlsx", [agreeing]));
    const { grid, row } = unitWithChangedMax();
    const host = new MemoryHost([criteriaSet(), grid], grid.name);
    host.settings = settingsFromForm(currentSettings(host), unchangedForm(host, { templateSheet: "Bộ tiêu chí", templateFile: stored }), host.sheets);
    expect(host.settings).toMatchObject({ templateSheet: "Bộ tiêu chí", templateFile: stored });
    expect(templateChoiceNote("Bộ tiêu chí", stored)).toBe(
      'Đang chọn cả sheet "Bộ tiêu chí" và tệp "mau-khac.xlsx": sheet "Bộ tiêu chí" của bảng tính này được dùng để đối chiếu; tệp chỉ được dùng khi ô sheet để "(không dùng sheet nào)".',
    );
    expect(templateChoiceNote("", stored)).toBeNull();
    expect(templateChoiceNote("Bộ tiêu chí", null)).toBeNull();
    const report = await runValidation(host, { scope: "active", highlight: false });
    const found = report.groups.flatMap((g) => g.findings).filter((f) => f.rule === "template-max");
    expect(found.map((f) => [f.sheet, f.cell])).toEqual([[grid.name, toA1(row, 2)]]);
  });
});
