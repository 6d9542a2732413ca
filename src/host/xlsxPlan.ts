// Rendering a SheetPlan (src/engine/plan.ts) into an ExcelJS worksheet: values, native formulas
// with their cached results, number formats, styles, merges, column widths, row heights, frozen panes and
// the page setup. The Office.js adapter renders the same plans in Excel.
import type * as ExcelJS from "exceljs";
import type { PlanCell, PlanStyle, SheetPlan } from "../engine/plan";
import { toA1 } from "../engine/address";

/** OOXML paper size code of A4. */
const PAPER_A4 = 9;

/** Worksheet options (page setup, frozen panes) for addWorksheet(). */
export function worksheetOptions(plan: SheetPlan): Partial<ExcelJS.AddWorksheetOptions> {
  const { print, freeze } = plan;
  const pageSetup: Partial<ExcelJS.PageSetup> = {
    paperSize: PAPER_A4 as ExcelJS.PaperSize,
    orientation: print.orientation,
  };
  if (print.fitToWidth) {
    // One page wide, as many pages tall as needed.
    pageSetup.fitToPage = true;
    pageSetup.fitToWidth = 1;
    pageSetup.fitToHeight = 0;
  }
  if (print.repeatRows) pageSetup.printTitlesRow = `${print.repeatRows.first + 1}:${print.repeatRows.last + 1}`;
  const views: Partial<ExcelJS.WorksheetView>[] = [];
  if (freeze.rows > 0 || freeze.cols > 0) {
    views.push({ state: "frozen", xSplit: freeze.cols, ySplit: freeze.rows, topLeftCell: toA1(freeze.rows, freeze.cols) });
  }
  return { pageSetup, views };
}

/** Writes the plan's cells, widths and merges into a fresh worksheet. */
export function renderPlan(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.columnWidths.forEach((width, col) => {
    if (width > 0) ws.getColumn(col + 1).width = width;
  });
  for (const [row, height] of Object.entries(plan.rowHeights)) ws.getRow(Number(row) + 1).height = height;
  for (const pc of plan.cells) writePlanCell(ws.getCell(pc.row + 1, pc.col + 1), pc);
  // Merges last: merging keeps the top-left value and gives its style to the other cells.
  for (const range of plan.merges) ws.mergeCells(range);
}

function writePlanCell(cell: ExcelJS.Cell, pc: PlanCell): void {
  if (pc.formula !== undefined) {
    // ExcelJS takes formulas without the leading "=" and writes `result` as the cached value.
    const formula = pc.formula.replace(/^=/, "");
    cell.value = pc.result === undefined ? { formula } : { formula, result: pc.result };
  } else if (pc.value !== undefined && pc.value !== null) {
    cell.value = pc.value;
  }
  if (pc.format) cell.numFmt = pc.format;
  if (pc.style) applyStyle(cell, pc.style);
}

function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}

export function applyStyle(cell: ExcelJS.Cell, style: PlanStyle): void {
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.size) font.size = style.size;
  if (style.color) font.color = { argb: argb(style.color) };
  if (Object.keys(font).length > 0) cell.font = font;
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.align) alignment.horizontal = style.align;
  if (style.valign) alignment.vertical = style.valign;
  if (style.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length > 0) cell.alignment = alignment;
  if (style.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin" };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}
