// A worksheet shown as a table, with the cells that carry findings marked. Cell text goes in
// through textContent only.
import { columnLetters, parseA1, toA1 } from "../engine/core/address";
import type { Finding, Grid } from "../engine/core/types";
import { displayValue } from "./cellDisplay";
import { el } from "./dom";

/** What the grid needs from the worksheet besides values: merged ranges and number formats. */
export interface SheetLayout {
  /** A1 ranges, "A1:G1". */
  merges: string[];
  /** Number format of the cell at 0-based sheet row and column, if any. */
  formatOf(row: number, col: number): string | undefined;
}

const NO_LAYOUT: SheetLayout = { merges: [], formatOf: () => undefined };

/**
 * Per cell key "r,c" (0-based, sheet): the span of a merge's top-left cell, or "hidden". Only
 * cells before `rows` × `cols` (sheet positions) are listed: those are all the table draws.
 */
function mergeSpans(merges: string[], rows: number, cols: number): Map<string, { rows: number; cols: number } | "hidden"> {
  const spans = new Map<string, { rows: number; cols: number } | "hidden">();
  for (const range of merges) {
    const [a, b] = range.split(":").map((x) => parseA1(x));
    if (!a || !b) continue;
    for (let r = a.row; r <= Math.min(b.row, rows - 1); r++) {
      for (let c = a.col; c <= Math.min(b.col, cols - 1); c++) spans.set(`${r},${c}`, "hidden");
    }
    spans.set(`${a.row},${a.col}`, { rows: b.row - a.row + 1, cols: b.col - a.col + 1 });
  }
  return spans;
}

/** Rows shown at most; a 10,000-row sheet would make the page sluggish for no benefit. */
export const MAX_ROWS = 1000;

/** Columns shown at most (A…AX); a scoring sheet uses about ten, a 16,384-column one froze the page. */
export const MAX_COLUMNS = 50;

/** Findings whose cell lies outside the drawn part: they are listed above the grid but not marked. */
function findingsOutside(findings: Finding[], origin: { row: number; col: number }, rows: number, cols: number): number {
  return findings.filter((f) => {
    const at = parseA1(f.cell);
    return at !== null && (at.row - origin.row >= rows || at.col - origin.col >= cols);
  }).length;
}

export function renderGrid(grid: Grid, findings: Finding[], layout: SheetLayout = NO_LAYOUT): HTMLElement {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byCell.get(f.cell) ?? [];
    list.push(f);
    byCell.set(f.cell, list);
  }
  const origin = grid.origin ?? { row: 0, col: 0 };
  const width = grid.values.reduce((w, r) => Math.max(w, r.length), 0);
  if (grid.values.length === 0 || width === 0) return el("p", { className: "more", text: "Sheet trống." });
  const shown = Math.min(grid.values.length, MAX_ROWS);
  const shownCols = Math.min(width, MAX_COLUMNS);
  const spans = mergeSpans(layout.merges, origin.row + shown, origin.col + shownCols);

  const headRow = el("tr", {}, [el("th", { className: "row-head", text: "" })]);
  for (let c = 0; c < shownCols; c++) headRow.appendChild(el("th", { text: columnLetters(origin.col + c) }));
  const body = el("tbody");
  for (let r = 0; r < shown; r++) {
    const row = grid.values[r];
    const tr = el("tr", {}, [el("th", { className: "row-head", text: String(origin.row + r + 1) })]);
    for (let c = 0; c < shownCols; c++) {
      const v = row[c] ?? null;
      const sheetRow = origin.row + r;
      const sheetCol = origin.col + c;
      // Merged cells: the top-left one spans the range, the others are not drawn.
      const span = spans.get(`${sheetRow},${sheetCol}`);
      if (span === "hidden") continue;
      const address = toA1(sheetRow, sheetCol);
      const td = el("td", { text: displayValue(v, layout.formatOf(sheetRow, sheetCol)), attrs: { "data-cell": address } });
      if (span) {
        if (span.rows > 1) td.rowSpan = Math.min(span.rows, shown - r);
        if (span.cols > 1) td.colSpan = Math.min(span.cols, shownCols - c);
      }
      if (typeof v === "number") td.classList.add("num");
      const marks = byCell.get(address);
      if (marks) {
        td.classList.add(marks.some((f) => f.severity === "error") ? "error" : "warning");
        td.title = marks.map((f) => f.message).join("\n");
      }
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
  const table = el("table", { className: "sheet" }, [el("thead", {}, [headRow]), body]);
  const wrapper = el("div", {}, [table]);
  if (grid.values.length > shown) {
    wrapper.appendChild(
      el("p", { className: "more", text: `Chỉ hiện ${shown} dòng đầu trong ${grid.values.length} dòng; phần kiểm tra vẫn tính cả sheet.` }),
    );
  }
  if (width > shownCols) {
    const last = columnLetters(origin.col + shownCols - 1);
    wrapper.appendChild(
      el("p", {
        className: "more",
        text: `Chỉ hiện ${shownCols} cột đầu (đến cột ${last}) trong ${width} cột; phần kiểm tra vẫn tính cả sheet.`,
      }),
    );
  }
  const hidden = findingsOutside(findings, origin, shown, shownCols);
  if (hidden > 0) {
    wrapper.appendChild(el("p", { className: "more", text: `${hidden} phát hiện nằm ở ô không hiện trong bảng (xem danh sách phát hiện).` }));
  }
  return wrapper;
}
