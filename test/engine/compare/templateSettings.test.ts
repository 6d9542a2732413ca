// Issue 19 §1: a sheet of this workbook named in the settings as the criteria set.
import { analyzeWorkbook, toA1 } from "../../../src/engine";
import { districtGrid } from "../../fixtures/seed";
import { criteriaSet } from "../../fixtures/criteriaSet";

describe("settings.templateSheet", () => {
  test("the template sheet is left out and every unit sheet is compared with it", () => {
    const unit = districtGrid();
    const row = unit.values.findIndex((r) => r[0] === "2.1.1");
    unit.values[row][2] = 2;
    const a = analyzeWorkbook([criteriaSet(), unit], { templateSheet: "Bộ tiêu chí" });
    expect(a.sheets.map((s) => s.sheet)).toEqual([unit.name]);
    const s = a.sheets[0];
    if (s.kind !== "scoring") throw new Error(s.kind);
    expect(s.template).toMatchObject({ file: null, sheet: "Bộ tiêu chí", conforms: false });
    expect(s.findings.filter((f) => f.rule.startsWith("template-")).map((f) => [f.rule, f.cell])).toEqual([["template-max", toA1(row, 2)]]);
  });

  test("without the setting the same sheets are read as before, with no template", () => {
    const a = analyzeWorkbook([criteriaSet(), districtGrid()]);
    expect(a.sheets).toHaveLength(2);
    expect(a.sheets.every((s) => s.kind !== "scoring" || s.template === undefined)).toBe(true);
  });
});
