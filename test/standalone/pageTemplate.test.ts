// The page's criteria set replaces the one the workbook's settings name, whichever kind it is: a
// sheet of the workbook or a set stored from a file (Cài đặt). No sheet is compared twice.
import { analyzeWorkbook, readTemplate, storeTemplate, type ScoringSheet } from "../../src/engine";
import { applyPageTemplate, withoutSavedTemplate } from "../../src/standalone/templateFile";
import { withDefaults } from "../../src/engine/core/settings";
import { criteriaSet, rowOf } from "../fixtures/criteriaSet";
import { districtGrid } from "../fixtures/seed";

function template(change?: (max: number) => number) {
  const grid = criteriaSet();
  if (change) grid.values[rowOf(grid, "2.1.1")][2] = change(grid.values[rowOf(grid, "2.1.1")][2] as number);
  const read = readTemplate([grid]);
  if (!read.ok) throw new Error(read.error);
  return read.template;
}

describe("withoutSavedTemplate", () => {
  const unit = districtGrid({}, "Huyện B");
  // The saved set says 2.1.1's maximum is 2: compared with it, the unit differs there.
  const saved = storeTemplate(template(() => 2), "da-luu.xlsx");
  const set = template();
  const page = { fileName: "mau.xlsx", template: set, sets: [set] };

  test("the saved set alone finds its difference", () => {
    const s = analyzeWorkbook([unit], { templateFile: saved }).sheets[0] as ScoringSheet;
    expect(s.findings.filter((f) => f.rule === "template-max")).toHaveLength(1);
  });

  test.each([
    ["a set stored from a file", { templateFile: saved }, [unit]],
    ["a sheet of the workbook", { templateSheet: "Bộ tiêu chí" }, [criteriaSet(), unit]],
  ])("with %s saved, only the page's set is compared with", (_, savedSettings, grids) => {
    const analysis = applyPageTemplate(withoutSavedTemplate(grids, withDefaults(savedSettings)), page);
    expect(analysis.sheets.map((s) => s.sheet)).toEqual(["Huyện B"]);
    const s = analysis.sheets[0] as ScoringSheet;
    expect(s.template).toMatchObject({ file: "mau.xlsx", conforms: true });
    expect(s.findings.filter((f) => f.rule.startsWith("template-"))).toEqual([]);
  });
});
