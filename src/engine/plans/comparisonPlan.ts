// Section 4 of "Tổng hợp trách nhiệm": the comparison with last year's sheet of the same unit.
// This year's figures refer to the cells of section 1; the changes are formulas.
import type { ScoringComparison } from "../core/types";
import { PlanBuilder, POINTS_FORMAT, STYLES } from "./planBuilder";
import { points } from "../core/numbers";

export interface ThisYearCells {
  /** Section 1's cell of an area's points, or null for an area this year's sheet lacks. */
  areaCell: (code: string) => string | null;
  totalCell: string;
  indexCell: string;
  gradeCell: string;
  current: { achieved: number; index: number; grade: string };
}

export function putComparison(b: PlanBuilder, c: ScoringComparison, here: ThisYearCells): void {
  const p = c.previous;
  const source = `${p.file === null ? "" : `${p.file}, `}sheet "${p.sheet}"${p.year !== null ? `, năm ${p.year}` : ""}`;
  b.put(0, { value: `4. So sánh với năm trước (${source})`, style: STYLES.section });
  b.next();
  b.headerRow(["Mã", "Lĩnh vực", "Năm nay", "Năm trước", "Tăng/giảm"]);
  const change = (digits: number, result: number | null) => {
    if (result === null) b.put(4, { value: null, style: STYLES.number });
    else b.put(4, { formula: `=ROUND(${b.at(2)}-${b.at(3)},${digits})`, result, format: digits === 2 ? POINTS_FORMAT : "0.000", style: STYLES.number });
  };
  for (const a of c.areas) {
    const cell = here.areaCell(a.code);
    b.put(0, { value: a.code, style: STYLES.center });
    b.put(1, { value: a.name, style: STYLES.text });
    if (cell !== null && a.current !== null) b.put(2, { formula: `=${cell}`, result: a.current, format: POINTS_FORMAT, style: STYLES.number });
    else b.put(2, { value: a.current, format: POINTS_FORMAT, style: STYLES.number });
    b.put(3, { value: a.previous, format: POINTS_FORMAT, style: STYLES.number });
    change(2, a.change);
    b.next();
  }
  b.put(1, { value: "Tổng điểm", style: STYLES.total });
  b.put(2, { formula: `=${here.totalCell}`, result: here.current.achieved, format: POINTS_FORMAT, style: STYLES.totalNumber });
  b.put(3, { value: p.achieved, format: POINTS_FORMAT, style: STYLES.totalNumber });
  change(2, points(here.current.achieved - p.achieved));
  b.next();
  b.put(1, { value: "Chỉ số CCHC", style: STYLES.total });
  b.put(2, { formula: `=${here.indexCell}`, result: here.current.index, format: "0.000", style: STYLES.totalNumber });
  b.put(3, { value: p.index, format: "0.000", style: STYLES.totalNumber });
  change(3, c.change.index);
  b.next();
  b.put(1, { value: "Xếp loại", style: STYLES.total });
  b.put(2, { formula: `=${here.gradeCell}`, result: here.current.grade, style: STYLES.total });
  b.put(3, { value: p.grade ?? "", style: STYLES.total });
  b.next();
  b.put(0, { value: `Tiêu chí thành phần mới bị mất điểm: ${c.newlyLost.length > 0 ? c.newlyLost.join(", ") : "không có"}.`, style: STYLES.note });
  b.next();
  b.put(0, { value: `Tiêu chí thành phần đã khắc phục: ${c.recovered.length > 0 ? c.recovered.join(", ") : "không có"}.`, style: STYLES.note });
  b.next();
}
