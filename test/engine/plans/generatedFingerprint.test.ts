// The fingerprint of a generated sheet: the same for what a plan writes and for what either
// adapter reads back, different as soon as a cell's content differs.
import {
  fingerprintOfCells,
  fingerprintOfPlan,
  judgeGenerated,
  keptSheetMessage,
  normalizeFormula,
  type ContentCell,
} from "../../../src/engine/plans/generatedFingerprint";
import { analyzeWorkbook, buildReportPlans } from "../../../src/engine";
import { communesGrid, districtGrid } from "../../fixtures/seed";

const plans = buildReportPlans(analyzeWorkbook([districtGrid(), communesGrid()]), { date: new Date(2024, 0, 15) });

/** The plan's cells as Office.js reads them back through `formulas`: "=…" or the constant. */
function officeReadBack(plan: (typeof plans)[number]): ContentCell[] {
  return plan.cells.map((c) => ({ row: c.row, col: c.col, content: c.formula ?? c.value ?? "" }));
}

describe("generated sheets' fingerprints", () => {
  it("normalises formulas as Office.js and ExcelJS give them", () => {
    expect(normalizeFormula("=SUM(c5:c12)")).toBe("SUM(C5:C12)");
    expect(normalizeFormula("SUM( C5:C12 )")).toBe("SUM(C5:C12)");
    expect(normalizeFormula('=IF(B6>2,"Nhiều  ý","ít")')).toBe('IF(B6>2,"Nhiều  ý","ít")');
    expect(normalizeFormula("_xlfn.IFS(A1>1,1,TRUE,0)")).toBe("IFS(A1>1,1,TRUE,0)");
  });

  it("is the same for the plan, its Office.js read-back and another reader's spelling of it", () => {
    for (const plan of plans) {
      const fp = fingerprintOfPlan(plan);
      expect(fp).toMatch(/^v1:[0-9a-f]{16}$/);
      expect(fingerprintOfCells(officeReadBack(plan))).toBe(fp);
      // Another reader's spelling: references in lower case (outside text literals), binary noise
      // on numbers, any order.
      const other = plan.cells.map((c) => {
        const formula = c.formula === undefined || c.formula.includes('"') ? c.formula : c.formula.toLowerCase();
        const value = typeof c.value === "number" ? c.value * (1 + 1e-15) : (c.value ?? null);
        return { row: c.row, col: c.col, content: formula ?? value };
      });
      expect(fingerprintOfCells(other.reverse())).toBe(fp);
    }
    expect(fingerprintOfPlan(plans[0])).not.toBe(fingerprintOfPlan(plans[1]));
  });

  it("ignores the control characters the package writer cannot keep (XML forbids them)", () => {
    const plan = plans[0];
    const text = plan.cells.find((c) => typeof c.value === "string" && c.formula === undefined)!;
    const withEsc = { ...plan, cells: plan.cells.map((c) => (c === text ? { ...c, value: `\u001b${String(c.value)}\u0007` } : c)) };
    // What the .xlsx holds after writing: the same text without them.
    expect(fingerprintOfCells(officeReadBack(plan))).toBe(fingerprintOfPlan(withEsc));
  });

  it("changes when a cell is added, changed or moved", () => {
    const cells = officeReadBack(plans[0]);
    const fp = fingerprintOfCells(cells);
    expect(fingerprintOfCells([...cells, { row: 90, col: 0, content: "ghi chú" }])).not.toBe(fp);
    expect(fingerprintOfCells(cells.map((c, i) => (i === 5 ? { ...c, content: "khác" } : c)))).not.toBe(fp);
    expect(fingerprintOfCells(cells.map((c) => ({ ...c, row: c.row + 1 })))).not.toBe(fp);
    // Empty cells do not count (Excel reads blanks back as "").
    expect(fingerprintOfCells([...cells, { row: 95, col: 3, content: "" }, { row: 96, col: 3, content: null }])).toBe(fp);
  });

  it("replaces only with a matching fingerprint; without one the sheet is not provably ours", () => {
    expect(judgeGenerated("v1:0011223344556677", "v1:0011223344556677")).toBe("replace");
    expect(judgeGenerated("v1:0011223344556677", "v1:7766554433221100")).toBe("edited");
    expect(judgeGenerated(undefined, "v1:7766554433221100")).toBe("unproven");
    expect(judgeGenerated("v0:x", "v0:x")).toBe("unproven");
    expect(keptSheetMessage({ marker: "CCHC_GEN_SUMMARY", sheet: "Báo cáo gửi tỉnh", replacement: "Tổng hợp trách nhiệm", reason: "edited" })).toBe(
      'Giữ nguyên sheet "Báo cáo gửi tỉnh" vì sheet này đã được sửa sau khi tạo (nội dung khác với lúc công cụ ghi); sheet mới được ghi thành "Tổng hợp trách nhiệm".',
    );
  });
});
