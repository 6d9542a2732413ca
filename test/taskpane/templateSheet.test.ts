// Cài đặt → "Bộ tiêu chí mẫu": a sheet of this workbook holding the criteria set the province
// issued; Kiểm tra then finds each unit sheet's differences from it at their cells (issue 19 §1).
import { toA1, type Grid } from "../../src/engine";
import { districtGrid } from "../fixtures/seed";
import { criteriaSet } from "../fixtures/criteriaSet";
import { unchangedForm } from "./helpers/settingsForm";
import { MemoryHost } from "../support/memoryHost";
import { runValidation } from "../../src/taskpane/validateController";
import { currentSettings, parseTemplateSheet } from "../../src/taskpane/settingsController";
import { settingsFromForm } from "../../src/taskpane/settingsForm";
import { UserError } from "../../src/taskpane/messages";

function unitWithChangedMax(): { grid: Grid; row: number } {
  const grid = districtGrid();
  const row = grid.values.findIndex((r) => r[0] === "2.1.1");
  grid.values[row][2] = 2;
  return { grid, row };
}

test("the criteria set chosen in Cài đặt is saved, and Kiểm tra finds the changed maximum at its cell", async () => {
  const { grid, row } = unitWithChangedMax();
  const host = new MemoryHost([criteriaSet(), grid]);
  host.settings = settingsFromForm(currentSettings(host), unchangedForm(host, { templateSheet: "Bộ tiêu chí" }), host.sheets);
  expect(host.settings.templateSheet).toBe("Bộ tiêu chí");
  for (const scope of ["all", "active"] as const) {
    host.active = grid.name;
    const report = await runValidation(host, { scope, highlight: false });
    const found = report.groups.flatMap((g) => g.findings).filter((f) => f.rule.startsWith("template-"));
    expect(found.map((f) => [f.sheet, f.rule, f.cell])).toEqual([[grid.name, "template-max", toA1(row, 2)]]);
    // The criteria set itself is not checked as a unit's sheet.
    expect(report.groups.map((g) => g.sheet)).not.toContain("Bộ tiêu chí");
  }
});

test("a sheet cannot be both last year's and the criteria set; a missing one is named", () => {
  expect(() => parseTemplateSheet("Bộ tiêu chí", "Bộ tiêu chí", ["Bộ tiêu chí"])).toThrow(UserError);
  expect(() => parseTemplateSheet("Đã xóa", "", ["Bộ tiêu chí"])).toThrow('Không còn sheet "Đã xóa" trong bảng tính; hãy chọn lại bộ tiêu chí mẫu.');
  expect(parseTemplateSheet("", "", [])).toBeNull();
});
