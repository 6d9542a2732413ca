// A SheetPlan (src/engine/plans/plan.ts) as a worksheet part: inline strings (no shared-strings table
// to merge), formulas with their cached results, cell formats by index into the appended styles,
// merges (the other cells of a merge take the top-left cell's format, so borders are drawn),
// column widths, row heights, frozen panes and the page setup (A4, fit to width). Print titles
// are a workbook-level defined name, written by xlsxWorkbookParts.ts.
import type { PlanCell, SheetPlan } from "../../../engine/plans/plan";
import { parseA1, toA1 } from "../../../engine/core/address";
import { escapeXml } from "./xlsxXml";
import { lookKey } from "./xlsxStylesAppend";
import { DRAWING_ELEMENT } from "./xlsxCharts";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** OOXML paper size code of A4. */
const PAPER_A4 = 9;

/** `<t>` text, keeping leading and trailing blanks and line breaks. */
function textElement(text: string): string {
  const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<t${preserve}>${escapeXml(text)}</t>`;
}

function cellXml(pc: PlanCell, address: string, style: number): string {
  const s = style > 0 ? ` s="${style}"` : "";
  if (pc.formula !== undefined) {
    const f = `<f>${escapeXml(pc.formula.replace(/^=/, ""))}</f>`;
    const r = pc.result;
    if (typeof r === "number" && Number.isFinite(r)) return `<c r="${address}"${s}>${f}<v>${r}</v></c>`;
    if (typeof r === "string") return `<c r="${address}"${s} t="str">${f}<v>${escapeXml(r)}</v></c>`;
    return `<c r="${address}"${s}>${f}</c>`;
  }
  const v = pc.value;
  if (typeof v === "number" && Number.isFinite(v)) return `<c r="${address}"${s}><v>${v}</v></c>`;
  if (typeof v === "string" && v !== "") return `<c r="${address}"${s} t="inlineStr"><is>${textElement(v)}</is></c>`;
  return `<c r="${address}"${s}/>`;
}

/** The cells to write: the plan's, plus the covered cells of merges with the top-left's look. */
function cellsWithMerges(plan: SheetPlan): PlanCell[] {
  const byPos = new Map<string, PlanCell>(plan.cells.map((c) => [`${c.row},${c.col}`, c]));
  for (const range of plan.merges) {
    const [from, to] = range.split(":").map(parseA1);
    if (!from || !to) continue;
    const master = byPos.get(`${from.row},${from.col}`);
    for (let row = from.row; row <= to.row; row++) {
      for (let col = from.col; col <= to.col; col++) {
        const key = `${row},${col}`;
        if (!byPos.has(key)) byPos.set(key, { row, col, style: master?.style, format: master?.format });
      }
    }
  }
  return [...byPos.values()].sort((a, b) => a.row - b.row || a.col - b.col);
}

function paneXml(freeze: SheetPlan["freeze"]): string {
  const { rows, cols } = freeze;
  if (rows === 0 && cols === 0) return "";
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const split = `${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""}`;
  return `<pane${split} topLeftCell="${toA1(rows, cols)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/>`;
}

/** The worksheet part of the plan; `styleOf` gives the cell format index of a look key. */
export function sheetXml(plan: SheetPlan, styleOf: (key: string) => number): string {
  const cells = cellsWithMerges(plan);
  const rows = new Map<number, PlanCell[]>();
  for (const c of cells) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
  for (const row of Object.keys(plan.rowHeights)) if (!rows.has(Number(row))) rows.set(Number(row), []);

  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`];
  if (plan.print.fitToWidth) parts.push(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
  if (cells.length > 0) {
    const lastRow = Math.max(...cells.map((c) => c.row));
    const lastCol = Math.max(...cells.map((c) => c.col));
    parts.push(`<dimension ref="A1:${toA1(lastRow, lastCol)}"/>`);
  }
  parts.push(`<sheetViews><sheetView workbookViewId="0">${paneXml(plan.freeze)}</sheetView></sheetViews>`);
  parts.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  const cols = plan.columnWidths
    .map((width, col) => (width > 0 ? `<col min="${col + 1}" max="${col + 1}" width="${width}" customWidth="1"/>` : ""))
    .join("");
  if (cols) parts.push(`<cols>${cols}</cols>`);
  parts.push("<sheetData>");
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const height = plan.rowHeights[row];
    const ht = height !== undefined ? ` ht="${height}" customHeight="1"` : "";
    const inner = rows.get(row)!.map((c) => cellXml(c, toA1(c.row, c.col), styleOf(lookKey(c)))).join("");
    parts.push(`<row r="${row + 1}"${ht}>${inner}</row>`);
  }
  parts.push("</sheetData>");
  if (plan.merges.length > 0) {
    parts.push(`<mergeCells count="${plan.merges.length}">${plan.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`);
  }
  parts.push(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  const fit = plan.print.fitToWidth ? ` fitToWidth="1" fitToHeight="0"` : "";
  parts.push(`<pageSetup paperSize="${PAPER_A4}" orientation="${plan.print.orientation}"${fit}/>`);
  // The charts' drawing (its relationship is written by XlsxPackage.addSheet).
  if (plan.charts && plan.charts.length > 0) parts.push(DRAWING_ELEMENT);
  parts.push("</worksheet>");
  return parts.join("");
}

/** The print titles' reference for the workbook's `_xlnm.Print_Titles` name, e.g. 'Xếp hạng'!$3:$4. */
export function printTitlesReference(plan: SheetPlan, quotedSheet: string): string | null {
  const repeat = plan.print.repeatRows;
  return repeat ? `${quotedSheet}!$${repeat.first + 1}:$${repeat.last + 1}` : null;
}
