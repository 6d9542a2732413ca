// Charts of the generated sheets, derived from a finished plan's own cells: on "Xếp hạng" the
// index of each unit, one chart per block section; on "Tổng hợp trách nhiệm" the points lost by
// area. The data ranges are the cells the plan wrote, so the charts follow any edit of the sheet.
import type { ChartPlan, PlanCell, SheetPlan } from "./plan";
import { columnLetters } from "../core/address";
import { POINTS_FORMAT } from "./planBuilder";
import { localRange, onSheet, quoteSheetName } from "./chartRanges";

export { localRange, onSheet, quoteSheetName };

const UNIT_HEADER = "Đơn vị";
const INDEX_HEADERS = ["Chỉ số", "Chỉ số (hai phần)"];
const AREA_HEADER = "Lĩnh vực";
const LOST_HEADER = "Điểm bị mất";
const TOTAL_LABEL = "Tổng cộng";

/** Width in characters of a column the plan leaves at Excel's default. */
const DEFAULT_WIDTH = 8.43;
/** About the width of an A4 landscape page's table, in characters: the charts' width. */
const CHART_WIDTH_CHARS = 90;
const MIN_CHART_ROWS = 12;

function columnRange(sheet: string, col: number, first: number, last: number): string {
  const c = columnLetters(col);
  return `${quoteSheetName(sheet)}!$${c}$${first + 1}:$${c}$${last + 1}`;
}

class CellIndex {
  private readonly byPos = new Map<string, PlanCell>();
  readonly lastRow: number;
  readonly lastCol: number;

  constructor(cells: readonly PlanCell[]) {
    let lastRow = -1;
    let lastCol = -1;
    for (const c of cells) {
      this.byPos.set(`${c.row},${c.col}`, c);
      lastRow = Math.max(lastRow, c.row);
      lastCol = Math.max(lastCol, c.col);
    }
    this.lastRow = lastRow;
    this.lastCol = lastCol;
  }

  at(row: number, col: number): PlanCell | undefined {
    return this.byPos.get(`${row},${col}`);
  }

  /** A constant text (not a formula's result), or null. */
  text(row: number, col: number): string | null {
    const c = this.at(row, col);
    return c && c.formula === undefined && typeof c.value === "string" && c.value.trim() !== "" ? c.value : null;
  }

  /** The number the cell shows: a formula's result or a constant. */
  number(row: number, col: number): number | null {
    const c = this.at(row, col);
    if (!c) return null;
    const v = c.formula !== undefined ? c.result : c.value;
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  }

  /** Header rows: rows holding every one of `titles` (any one of each alternative), with their columns. */
  headerRows(titles: ReadonlyArray<readonly string[]>): Array<{ row: number; cols: number[] }> {
    const found: Array<{ row: number; cols: number[] }> = [];
    for (let row = 0; row <= this.lastRow; row++) {
      const cols = titles.map((alternatives) => {
        for (let col = 0; col <= this.lastCol; col++) {
          const t = this.text(row, col);
          if (t !== null && alternatives.includes(t.trim())) return col;
        }
        return -1;
      });
      if (cols.every((c) => c >= 0)) found.push({ row, cols });
    }
    return found;
  }
}

/** Columns from A wide enough together for a chart; the plan's widths where it sets them. */
function chartColumns(plan: SheetPlan): number {
  let chars = 0;
  let cols = 0;
  while (chars < CHART_WIDTH_CHARS) chars += plan.columnWidths[cols++] || DEFAULT_WIDTH;
  return cols;
}

/** Rows a chart of `n` bars needs (an area's long name wraps on two lines), plus its title and axis. */
const chartRows = (n: number, kind: ChartPlan["kind"]) => Math.max(MIN_CHART_ROWS, Math.ceil(n * (kind === "areaLoss" ? 2.5 : 1.6)) + 5);

interface Series {
  title: string;
  nameCol: number;
  valueCol: number;
  first: number;
  last: number;
}

/** Runs of rows under a header where the name column holds text and the value column a number. */
function runsUnder(index: CellIndex, header: number, end: number, nameCol: number, valueCol: number, stopAt?: string): Array<{ first: number; last: number }> {
  const runs: Array<{ first: number; last: number }> = [];
  let open: { first: number; last: number } | null = null;
  for (let row = header + 1; row <= end; row++) {
    const name = index.text(row, nameCol);
    if (stopAt !== undefined && name?.trim() === stopAt) break;
    if (name !== null && index.number(row, valueCol) !== null) {
      if (open && open.last === row - 1) open.last = row;
      else runs.push((open = { first: row, last: row }));
    } else if (stopAt !== undefined && runs.length > 0) break;
  }
  return runs;
}

/** The unit-index series of "Xếp hạng": each run of unit rows under each header, titled by its block. */
function unitIndexSeries(index: CellIndex): Series[] {
  const headers = index.headerRows([[UNIT_HEADER], INDEX_HEADERS]);
  const series: Series[] = [];
  headers.forEach((h, i) => {
    const end = i + 1 < headers.length ? headers[i + 1].row - 1 : index.lastRow;
    const [nameCol, valueCol] = h.cols;
    const runs = runsUnder(index, h.row, end, nameCol, valueCol);
    runs.forEach((run, j) => {
      // A block's heading sits alone in column A on the row above its units.
      const block = run.first - 1 > h.row ? index.text(run.first - 1, 0) : null;
      const table = headers.length > 1 ? ` (bảng ${i + 1})` : "";
      const part = block === null && runs.length > 1 ? ` (phần ${j + 1})` : "";
      const title = `Chỉ số CCHC của các đơn vị${block !== null ? ` – ${block.trim()}` : ""}${table}${part}`;
      series.push({ title, nameCol, valueCol, ...run });
    });
  });
  return series;
}

/** The area table of "Tổng hợp trách nhiệm": the rows between its header and "Tổng cộng". */
function areaLossSeries(index: CellIndex): Series[] {
  const header = index.headerRows([[AREA_HEADER], [LOST_HEADER]])[0];
  if (!header) return [];
  const [nameCol, valueCol] = header.cols;
  const run = runsUnder(index, header.row, index.lastRow, nameCol, valueCol, TOTAL_LABEL)[0];
  return run ? [{ title: "Điểm bị mất theo lĩnh vực", nameCol, valueCol, ...run }] : [];
}

/**
 * The charts of a finished plan, each below the plan's cells (one under the other), or [] for a
 * sheet without a chart. An area chart where no area lost a point is left out: nothing to show.
 */
export function chartsOfPlan(plan: SheetPlan): ChartPlan[] {
  const index = new CellIndex(plan.cells);
  const kind: ChartPlan["kind"] | null = plan.marker === "CCHC_GEN_RANKING" ? "unitIndex" : plan.marker === "CCHC_GEN_SUMMARY" ? "areaLoss" : null;
  if (kind === null) return [];
  const series = kind === "unitIndex" ? unitIndexSeries(index) : areaLossSeries(index);
  const cols = chartColumns(plan);
  const charts: ChartPlan[] = [];
  let top = index.lastRow + 2;
  for (const s of series) {
    const rows: number[] = [];
    for (let row = s.first; row <= s.last; row++) rows.push(row);
    const values = rows.map((row) => index.number(row, s.valueCol)!);
    if (kind === "areaLoss" && values.every((v) => v === 0)) continue;
    const height = chartRows(rows.length, kind);
    charts.push({
      kind,
      title: s.title,
      type: "bar",
      seriesName: kind === "unitIndex" ? "Chỉ số CCHC" : "Điểm bị mất",
      categoryRange: columnRange(plan.name, s.nameCol, s.first, s.last),
      valueRange: columnRange(plan.name, s.valueCol, s.first, s.last),
      categories: rows.map((row) => index.text(row, s.nameCol)!.trim()),
      values,
      format: POINTS_FORMAT,
      anchor: { row: top, col: 0, rows: height, cols },
    });
    top += height + 1;
  }
  return charts;
}

/** The plans with their charts attached (plans without a chart are returned as they are). */
export function withCharts(plans: readonly SheetPlan[]): SheetPlan[] {
  return plans.map((plan) => {
    const charts = chartsOfPlan(plan);
    return charts.length > 0 ? { ...plan, charts } : plan;
  });
}
