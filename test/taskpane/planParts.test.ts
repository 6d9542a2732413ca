// Writing a sheet too large for one request: the plan is cut into parts of whole rows, each
// holding its merges and row heights, the sheet's set-up with the first.
import { planParts } from "../../src/host/officeRender";
import { analyzeWorkbook, buildAnalysisPlan } from "../../src/engine";
import { districtGrid } from "../fixtures/seed";

const plan = buildAnalysisPlan(analyzeWorkbook(Array.from({ length: 30 }, (_, i) => districtGrid({}, `Xã ${i + 1}`))), { date: new Date(2024, 0, 15) })!;

test("parts of whole rows cover every cell once, none over the limit", () => {
  const parts = planParts(plan, 500);
  expect(parts.length).toBeGreaterThan(2);
  expect(parts.flatMap((p) => p.cells)).toEqual(plan.cells);
  for (const p of parts) expect(p.cells.length).toBeLessThanOrEqual(500);
  // No row is split between two parts.
  const rowsOf = parts.map((p) => new Set(p.cells.map((c) => c.row)));
  for (let i = 1; i < rowsOf.length; i++) for (const r of rowsOf[i]) expect(rowsOf[i - 1].has(r)).toBe(false);
  expect(parts.flatMap((p) => p.merges).sort()).toEqual([...plan.merges].sort());
  expect(Object.assign({}, ...parts.map((p) => p.rowHeights))).toEqual(plan.rowHeights);
});

test("a plan within the limit is written whole", () => {
  expect(planParts(plan, plan.cells.length)).toEqual([plan]);
});
