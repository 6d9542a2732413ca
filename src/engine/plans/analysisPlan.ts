// "Phân tích tiêu chí": the analysis across units as a sheet. Each unit's points on a
// sub-criterion refer to its own scoring sheet; units losing points and points lost are COUNTIF
// and SUMIF over those cells; component indices and ranks are formulas (RANK over the area's
// rows). Printed on A4 landscape.
import type { AcrossUnitsAnalysis, CriterionNode, ScoringSheet, WorkbookAnalysis } from "../core/types";
import type { PlanCell, SheetPlan } from "./plan";
import type { ReportOptions } from "./reportOptions";
import { PlanBuilder, POINTS_FORMAT, STYLES } from "./planBuilder";
import { withDefaults } from "../core/settings";
import { SCORE_NAME, dateText, gradeFormula, sheetRef } from "./planText";
import { formatPointsVi } from "../core/viText";

export const ANALYSIS_SHEET_NAME = "Phân tích tiêu chí";

type CellContent = Omit<PlanCell, "row" | "col">;

/**
 * A unit's points on a row of its scoring sheet: a reference to the cell where it holds the
 * number the engine read (a blank reads as 0, as the engine counts it), else the engine's value
 * as a constant ("KPS"; "3,89" typed as text, which COUNTIF and SUMIF would skip).
 */
function pointsCell(sheet: ScoringSheet, node: CriterionNode | undefined, expected: number | null, excluded: boolean): CellContent {
  const style = STYLES.number;
  if (!node || excluded) return { value: "KPS", style: STYLES.center };
  const col = sheet.header.columns[sheet.official];
  const p = node[sheet.official];
  const isNumber = node.numberCells?.[sheet.official] === true;
  const refersTo = (isNumber && p.kind === "number" && expected !== null && Math.abs(p.value - expected) < 0.005) || (p.kind === "blank" && node.isLeaf);
  if (col !== undefined && refersTo) {
    return { formula: `=${sheetRef(sheet.sheet, sheet.origin.row + node.row, sheet.origin.col + col)}`, result: p.kind === "number" ? p.value : 0, format: POINTS_FORMAT, style };
  }
  return { value: expected, format: POINTS_FORMAT, style };
}

/** The leaf's points on the official score as the engine counts them; null when excluded (KPS). */
function leafPoints(sheet: ScoringSheet, node: CriterionNode | undefined): number | null {
  if (!node) return null;
  const t = sheet.nodeTotals[node.code]?.[sheet.official];
  return t && t.max > 0 ? t.achieved : null;
}

export function buildAnalysisPlan(analysis: WorkbookAnalysis, opts: ReportOptions): SheetPlan | null {
  const across: AcrossUnitsAnalysis | null | undefined = analysis.acrossUnits;
  if (!across) return null;
  const settings = withDefaults(opts.settings);
  const byName = new Map(analysis.sheets.filter((s): s is ScoringSheet => s.kind === "scoring").map((s) => [s.sheet, s]));
  const sheets = across.sheets.map((name) => byName.get(name)!);
  const nodesOf = sheets.map((s) => new Map(s.nodes.map((n) => [n.code, n])));
  const n = across.units.length;
  const firstUnitCol = 3;
  const countCol = firstUnitCol + n;
  const lastCol = countCol + 2;
  const b = new PlanBuilder();
  b.put(0, { value: "PHÂN TÍCH KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH THEO TIÊU CHÍ CỦA CÁC ĐƠN VỊ", style: STYLES.title });
  b.merge(0, Math.max(lastCol, 6));
  b.next();
  b.put(0, { value: `${n} đơn vị · Điểm ${SCORE_NAME[across.official]} · Ngày lập: ${dateText(opts.date)}`, style: STYLES.subtitle });
  b.merge(0, Math.max(lastCol, 6));
  const headerLast = b.row;
  b.next(2);

  // 1. Sub-criteria lost by at least one unit, most units first.
  b.put(0, { value: "1. Tiêu chí thành phần bị mất điểm (tồn tại, hạn chế)", style: STYLES.section });
  b.next();
  b.headerRow(["Mã", "Tiêu chí thành phần", "Điểm tối đa", ...across.units, "Số đơn vị mất điểm", "Tổng điểm bị mất", "Các đơn vị mất điểm"]);
  if (across.criteria.length === 0) {
    b.put(0, { value: "Không đơn vị nào bị mất điểm ở tiêu chí thành phần nào.", style: STYLES.note });
    b.next();
  }
  for (const c of across.criteria) {
    b.put(0, { value: c.code, style: STYLES.center });
    b.put(1, { value: c.name, style: STYLES.text });
    b.put(2, { value: c.max, format: POINTS_FORMAT, style: STYLES.number });
    sheets.forEach((s, i) => {
      const node = nodesOf[i].get(c.code);
      const pts = leafPoints(s, node);
      b.put(firstUnitCol + i, pointsCell(s, node, pts, pts === null));
    });
    const range = `${b.at(firstUnitCol)}:${b.at(countCol - 1)}`;
    const below = `"<"&${b.at(2)}`;
    b.put(countCol, { formula: `=COUNTIF(${range},${below})`, result: c.unitsLosing, style: STYLES.center });
    b.put(countCol + 1, {
      formula: `=ROUND(COUNTIF(${range},${below})*${b.at(2)}-SUMIF(${range},${below}),2)`,
      result: c.lostTotal,
      format: POINTS_FORMAT,
      style: STYLES.number,
    });
    b.put(countCol + 2, { value: c.lostBy.map((l) => `${l.unit} (${formatPointsVi(l.lost)})`).join("\n"), style: STYLES.text });
    b.next();
  }
  b.next();

  // 2. Each area: each unit's points, component index and rank within the area.
  b.put(0, { value: "2. Kết quả từng lĩnh vực", style: STYLES.section });
  b.next();
  b.headerRow(["Mã", "Đơn vị", "Điểm đạt", "Điểm tối đa", "Chỉ số thành phần", "Xếp hạng"]);
  for (const area of across.areas) {
    b.put(0, { value: area.code, style: STYLES.total });
    b.put(1, { value: `${area.name} (tối đa ${formatPointsVi(area.max)})`, style: STYLES.total });
    b.next();
    const first = b.row;
    const last = first + area.units.length - 1;
    area.units.forEach((u, i) => {
      const s = sheets[i];
      const own = s.areas.find((a) => a.code === area.code);
      b.put(0, { value: area.code, style: STYLES.center });
      b.put(1, { value: u.unit, style: STYLES.text });
      b.put(2, pointsCell(s, nodesOf[i].get(area.code), u.achieved, false));
      b.put(3, { value: own?.max ?? 0, format: POINTS_FORMAT, style: STYLES.number });
      b.put(4, { formula: `=IF(${b.at(3)}>0,${b.at(2)}/${b.at(3)}*100,0)`, result: u.index ?? 0, format: POINTS_FORMAT, style: STYLES.number });
      b.put(5, { formula: `=RANK(${b.at(4)},$E$${first + 1}:$E$${last + 1},0)`, result: u.rank, style: STYLES.center });
      b.next();
    });
  }
  b.next();

  // 3. The units ranked on their totals.
  b.put(0, { value: "3. Xếp hạng các đơn vị", style: STYLES.section });
  b.next();
  b.headerRow(["STT", "Đơn vị", "Điểm đạt", "Điểm tối đa", "Chỉ số", "Xếp loại", "Xếp hạng"]);
  const first = b.row;
  const last = first + across.ranking.length - 1;
  across.ranking.forEach((e, i) => {
    b.put(0, { value: i + 1, style: STYLES.center });
    b.put(1, { value: e.unit, style: STYLES.text });
    b.put(2, { value: e[across.official] ?? 0, format: POINTS_FORMAT, style: STYLES.number });
    b.put(3, { value: e.max, format: POINTS_FORMAT, style: STYLES.number });
    b.put(4, { formula: `=IF(${b.at(3)}>0,${b.at(2)}/${b.at(3)}*100,0)`, result: e.index, format: POINTS_FORMAT, style: STYLES.number });
    b.put(5, { formula: `=${gradeFormula(b.at(4), settings.bands)}`, result: e.grade, style: STYLES.center });
    b.put(6, { formula: `=RANK(${b.at(4)},$E$${first + 1}:$E$${last + 1},0)`, result: e.rank ?? "", style: STYLES.center });
    b.next();
  });

  const columnWidths = [7, 40, 10, ...across.units.map(() => 12), 10, 10, 40];
  while (columnWidths.length < 7) columnWidths.push(12);
  return b.toPlan(ANALYSIS_SHEET_NAME, "CCHC_GEN_ANALYSIS", columnWidths, { rows: headerLast + 1, cols: 0 }, { paper: "A4", orientation: "landscape", fitToWidth: true, repeatRows: { first: 0, last: headerLast } });
}
