// "Yêu cầu giải trình": the request for explanation sent to one unit. The criteria the council
// cut, with code, name, maximum, self-assessed and appraised points, the points cut (a formula
// over the row) and the council's note, then two empty columns for the unit to fill: its
// explanation and the evidence it adds. A4 landscape, the table's header on every page.
import type { ScoringSheet } from "../core/types";
import type { SheetPlan } from "./plan";
import type { ReportOptions } from "./reportOptions";
import { PlanBuilder, POINTS_FORMAT, STYLES } from "./planBuilder";
import { dateText } from "./planText";
import { points } from "../core/numbers";
import { appraisalCuts, type AppraisalCut } from "../scoring/appraisalCuts";

export const EXPLANATION_SHEET_NAME = "Yêu cầu giải trình";

export const EXPLANATION_HEADERS = [
  "STT",
  "Mã",
  "Tiêu chí, tiêu chí thành phần",
  "Điểm tối đa",
  "Điểm tự đánh giá",
  "Điểm thẩm định",
  "Điểm bị cắt",
  "Ghi chú của hội đồng thẩm định",
  "Giải trình của đơn vị",
  "Tài liệu bổ sung",
] as const;

const LAST_COL = EXPLANATION_HEADERS.length - 1;

/** An empty bordered cell the unit writes in: wrapped, top-aligned. */
const TO_FILL = { wrap: true, valign: "top", border: true } as const;

/**
 * The request for explanation of one unit's scoring sheet; null unless the sheet carries both
 * self-assessed and appraised points. A sheet with nothing cut gets a request saying so.
 */
export function buildExplanationPlan(sheet: ScoringSheet, opts: ReportOptions): SheetPlan | null {
  const appraisal = appraisalCuts(sheet);
  if (appraisal === null) return null;
  const b = new PlanBuilder();
  const line = (value: string, style: SheetPlan["cells"][number]["style"]) => {
    b.put(0, { value, style });
    b.merge(0, LAST_COL);
    b.next();
  };
  line("YÊU CẦU GIẢI TRÌNH KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", STYLES.title);
  line(`Đơn vị: ${opts.unit ?? sheet.unit ?? sheet.title ?? sheet.sheet}`, STYLES.subtitle);
  line(`Bảng điểm: ${sheet.sheet} · Ngày lập: ${dateText(opts.date)}`, STYLES.subtitle);
  line(
    "Đơn vị giải trình từng tiêu chí bị cắt điểm vào cột \"Giải trình của đơn vị\" và ghi tài liệu kiểm chứng bổ sung (số, ngày văn bản, đường dẫn) vào cột \"Tài liệu bổ sung\".",
    STYLES.note,
  );
  b.next();
  const headerRow = b.row;
  b.headerRow(EXPLANATION_HEADERS);
  if (appraisal.cuts.length === 0) {
    line("Hội đồng thẩm định không cắt điểm tiêu chí nào: không có nội dung cần giải trình.", STYLES.note);
  } else {
    const first = b.row;
    appraisal.cuts.forEach((c, i) => {
      b.put(0, { value: i + 1, style: STYLES.center });
      b.put(1, { value: c.code, style: STYLES.center });
      b.put(2, { value: c.name, style: STYLES.text });
      b.put(3, { value: c.max, format: POINTS_FORMAT, style: STYLES.number });
      b.put(4, { value: c.self, format: POINTS_FORMAT, style: STYLES.number });
      b.put(5, { value: c.appraised, format: POINTS_FORMAT, style: STYLES.number });
      b.put(6, { formula: `=ROUND(${b.at(4)}-${b.at(5)},2)`, result: c.cut, format: POINTS_FORMAT, style: STYLES.number });
      b.put(7, { value: c.note ?? "", style: STYLES.text });
      b.put(8, { value: "", style: TO_FILL });
      b.put(9, { value: "", style: TO_FILL });
      b.next();
    });
    const sumOf = (col: number) => `=SUM(${b.at(col, first)}:${b.at(col, b.row - 1)})`;
    const cuts = appraisal.cuts;
    const total = (pick: (c: AppraisalCut) => number) => points(cuts.reduce((s, c) => s + pick(c), 0));
    for (const col of [0, 1, 7, 8, 9]) b.put(col, { value: "", style: STYLES.total });
    b.put(2, { value: `Tổng cộng (${appraisal.cuts.length} tiêu chí)`, style: STYLES.total });
    b.put(3, { formula: sumOf(3), result: total((c) => c.max), format: POINTS_FORMAT, style: STYLES.totalNumber });
    b.put(4, { formula: sumOf(4), result: total((c) => c.self), format: POINTS_FORMAT, style: STYLES.totalNumber });
    b.put(5, { formula: sumOf(5), result: total((c) => c.appraised), format: POINTS_FORMAT, style: STYLES.totalNumber });
    b.put(6, { formula: sumOf(6), result: appraisal.total, format: POINTS_FORMAT, style: STYLES.totalNumber });
    b.next();
  }
  return b.toPlan(EXPLANATION_SHEET_NAME, "CCHC_GEN_EXPLANATION", [5, 8, 40, 9, 10, 10, 9, 35, 45, 35], { rows: headerRow + 1, cols: 0 }, {
    paper: "A4",
    orientation: "landscape",
    fitToWidth: true,
    repeatRows: { first: headerRow, last: headerRow },
  });
}
