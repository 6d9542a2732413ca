// Issue 19 §1: a criteria set chosen as a file, kept in the settings in its stored form
// (templateFile), compares exactly as the file it came from.
import {
  analyzeWorkbook,
  applyTemplate,
  readTemplate,
  storeTemplate,
  storedTemplateSheet,
  templateSize,
  toA1,
  type Grid,
  type ScoringSheet,
  type StoredTemplate,
  type WorkbookAnalysis,
} from "../../../src/engine";
import { districtGrid } from "../../fixtures/seed";
import { criteriaSet, rowOf } from "../../fixtures/criteriaSet";

function read(grid: Grid): ScoringSheet {
  const r = readTemplate([grid]);
  if (!r.ok) throw new Error(r.error);
  return r.template;
}

/** Ten units, each with one kind of difference (and one conforming). */
function units(): Grid[] {
  const out: Grid[] = [];
  const make = (name: string, change: (g: Grid) => void) => {
    const g = districtGrid({}, name);
    change(g);
    out.push(g);
  };
  make("Đúng", () => undefined);
  make("Điểm tối đa", (g) => (g.values[rowOf(g, "2.1.1")][2] = 2));
  make("Tên", (g) => (g.values[rowOf(g, "1.2")][1] = "Báo cáo định kỳ về cải cách hành chính"));
  make("Thiếu", (g) => g.values.splice(rowOf(g, "3.1.1"), 1));
  make("Thừa", (g) => g.values.splice(rowOf(g, "1.2") + 1, 0, ["1.2.9", "Tiêu chí thêm", 0.5, 0.5, 0.5, null, null]));
  make("Mã số", (g) => (g.values[rowOf(g, "5.6")][0] = 5.6));
  return out;
}

const templateFindings = (a: WorkbookAnalysis) =>
  a.sheets.map((s) => ({
    sheet: s.sheet,
    template: s.kind === "scoring" ? s.template : undefined,
    findings: s.findings.filter((f) => f.rule.startsWith("template-")),
  }));

describe("the stored criteria set", () => {
  test("compares every unit exactly as the file does: the same findings at the same cells", () => {
    const template = read(criteriaSet());
    const stored = storeTemplate(template, "mau.xlsx");
    expect(stored.file).toBe("mau.xlsx");
    expect(stored.sheet).toBe("Bộ tiêu chí");
    expect(stored.criteria).toHaveLength(template.nodes.length);
    // JSON is how the settings keep it.
    const kept = JSON.parse(JSON.stringify(stored)) as StoredTemplate;
    const grids = units();
    const fromFile = applyTemplate(analyzeWorkbook(grids), template, { file: "mau.xlsx", sheet: "Bộ tiêu chí" });
    const fromSettings = analyzeWorkbook(grids, { templateFile: kept });
    expect(templateFindings(fromSettings)).toEqual(templateFindings(fromFile));
    // Each kind of difference is there, and the conforming unit has none.
    const rules = templateFindings(fromSettings).map((s) => [s.sheet, s.findings.map((f) => f.rule)]);
    expect(rules).toEqual([
      ["Đúng", []],
      ["Điểm tối đa", ["template-max"]],
      ["Tên", ["template-name"]],
      ["Thiếu", ["template-missing"]],
      ["Thừa", ["template-extra"]],
      ["Mã số", []],
    ]);
    const changed = grids[1];
    expect(fromSettings.sheets[1].findings.find((f) => f.rule === "template-max")!.cell).toBe(toA1(rowOf(changed, "2.1.1"), 2));
    expect(fromSettings.sheets[1]).toMatchObject({ template: { file: "mau.xlsx", sheet: "Bộ tiêu chí", conforms: false } });
  });

  test("reads back the same codes, names and maxima", () => {
    const template = read(criteriaSet());
    const back = storedTemplateSheet(storeTemplate(template, "mau.xlsx"))!;
    const essentials = (t: ScoringSheet) => t.nodes.map((n) => [n.code, n.name, n.max, n.parent, n.children, n.isLeaf]);
    expect(essentials(back)).toEqual(essentials(template));
    expect(templateSize(back)).toEqual(templateSize(template));
    expect(templateSize(back).max).toBeCloseTo(97, 9);
  });

  test("Roman areas with criteria numbered again under each, KPS and a blank maximum read back as typed", () => {
    const grid: Grid = {
      name: "Mẫu",
      values: [
        ["STT", "Nội dung", "Điểm tối đa"],
        ["I", "Công tác chỉ đạo", 3],
        ["1", "Kế hoạch", 1],
        ["2", "Báo cáo", 2],
        ["II", "Cải cách thể chế", null],
        ["1", "Xây dựng văn bản", "KPS"],
        ["2", "Rà soát văn bản", 2.5],
      ],
    };
    const template = read(grid);
    expect(template.nodes.map((n) => n.code)).toEqual(["1", "1.1", "1.2", "2", "2.1", "2.2"]);
    const stored = storeTemplate(template, "mau.xlsx");
    expect(stored.criteria.map((c) => c.code)).toEqual(["I", "1", "2", "II", "1", "2"]);
    expect(stored.criteria.map((c) => c.max)).toEqual([3, 1, 2, null, "KPS", 2.5]);
    const back = storedTemplateSheet(stored)!;
    expect(back.nodes.map((n) => [n.code, n.rawCode, n.max])).toEqual(template.nodes.map((n) => [n.code, n.rawCode, n.max]));
  });

  test("a criterion whose name and maximum look like column numbers is still read", () => {
    const stored: StoredTemplate = { file: "a.xlsx", sheet: "S", criteria: [{ code: "1", name: "2", max: 3 }, { code: "1.1", name: "x", max: 3 }] };
    expect(storedTemplateSheet(stored)!.nodes.map((n) => n.code)).toEqual(["1", "1.1"]);
  });

  test("the template sheet of this workbook wins over a stored set", () => {
    const unit = districtGrid();
    unit.values[rowOf(unit, "2.1.1")][2] = 2;
    const other = criteriaSet();
    other.values[rowOf(other, "2.1.1")][2] = 2;
    const stored = storeTemplate(read(other), "khac.xlsx");
    const a = analyzeWorkbook([criteriaSet(), unit], { templateSheet: "Bộ tiêu chí", templateFile: stored });
    expect(a.sheets.map((s) => s.sheet)).toEqual([unit.name]);
    const s = a.sheets[0] as ScoringSheet;
    expect(s.template).toMatchObject({ file: null, sheet: "Bộ tiêu chí" });
    expect(s.findings.filter((f) => f.rule === "template-max")).toHaveLength(1);
    // Without the sheet, the stored set (where 2.1.1's maximum is 2) is used: 2.1.1 agrees with it.
    const b = analyzeWorkbook([unit], { templateFile: stored }).sheets[0] as ScoringSheet;
    expect(b.template).toMatchObject({ file: "khac.xlsx", sheet: "Bộ tiêu chí" });
    expect(b.template!.differences.map((d) => d.rule)).not.toContain("template-max");
  });

  test("a stored set with no criterion that reads is not applied", () => {
    const a = analyzeWorkbook([districtGrid()], { templateFile: { file: "rong.xlsx", sheet: "S", criteria: [{ code: "abc", name: "x", max: 1 }] } });
    expect((a.sheets[0] as ScoringSheet).template).toBeUndefined();
  });

  test("a stored set of a wrong shape (as another program might save it) is no set, and nothing fails", () => {
    const wrong: unknown[] = [null, "mau.xlsx", { file: "a.xlsx", sheet: "S" }, { file: "a.xlsx", sheet: "S", criteria: "1;2" }, { file: "a.xlsx", sheet: 3, criteria: [] }];
    for (const templateFile of wrong) {
      const a = analyzeWorkbook([districtGrid()], { templateFile: templateFile as StoredTemplate });
      expect((a.sheets[0] as ScoringSheet).template).toBeUndefined();
    }
    // Rows of the wrong shape are blank rows; the rest still read.
    const mixed = { file: "a.xlsx", sheet: "S", criteria: [null, 5, { code: "1", name: "Chỉ đạo", max: 4 }, { code: {}, name: [], max: true }] };
    expect(storedTemplateSheet(mixed as unknown as StoredTemplate)!.nodes.map((n) => [n.code, n.max])).toEqual([["1", { kind: "number", value: 4 }]]);
  });
});
