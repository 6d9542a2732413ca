// A tiny evaluator for the formulas the appraisal sheets write (=ROUND(C5-D5,2), =SUM(E5:E9)),
// over the plan's own cells: proves each formula refers to the cells it should, without Excel.
import type { PlanCell, SheetPlan } from "../../src/engine";
import { excelRound, parseA1 } from "../../src/engine";

function valueAt(plan: SheetPlan, row: number, col: number): number {
  const cell = plan.cells.find((c) => c.row === row && c.col === col);
  if (!cell) return 0;
  if (cell.formula !== undefined) return evaluatePlanFormula(plan, cell);
  return typeof cell.value === "number" ? cell.value : 0;
}

function at(plan: SheetPlan, a1: string): number {
  const { row, col } = parseA1(a1)!;
  return valueAt(plan, row, col);
}

/** The value of a plan cell's formula; throws on a formula of another shape. */
export function evaluatePlanFormula(plan: SheetPlan, cell: PlanCell): number {
  const f = cell.formula ?? "";
  const round = /^=ROUND\(([A-Z]+\d+)-([A-Z]+\d+),2\)$/.exec(f);
  if (round) return excelRound(at(plan, round[1]) - at(plan, round[2]), 2);
  const sum = /^=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(f);
  if (sum && sum[1] === sum[3]) {
    let total = 0;
    for (let r = Number(sum[2]); r <= Number(sum[4]); r++) total += at(plan, `${sum[1]}${r}`);
    return total;
  }
  throw new Error(`formula not understood: ${f}`);
}
