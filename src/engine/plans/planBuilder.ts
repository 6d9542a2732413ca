// A small cursor for laying out sheet plans row by row.
import type { PlanCell, PlanMarker, PlanStyle, PrintSetup, SheetPlan } from "./plan";
import { toA1 } from "../core/address";

export const STYLES = {
  title: { bold: true, size: 14, align: "center", valign: "middle", wrap: true } as PlanStyle,
  subtitle: { italic: true, align: "center" } as PlanStyle,
  section: { bold: true, size: 12 } as PlanStyle,
  header: { bold: true, fill: "#DDEBF7", align: "center", valign: "middle", wrap: true, border: true } as PlanStyle,
  text: { wrap: true, valign: "top", border: true } as PlanStyle,
  center: { align: "center", valign: "top", border: true } as PlanStyle,
  number: { align: "right", valign: "top", border: true } as PlanStyle,
  total: { bold: true, fill: "#F2F2F2", border: true, valign: "top" } as PlanStyle,
  totalNumber: { bold: true, fill: "#F2F2F2", border: true, align: "right", valign: "top" } as PlanStyle,
  note: { italic: true } as PlanStyle,
};

export const POINTS_FORMAT = "0.00";

export class PlanBuilder {
  readonly cells: PlanCell[] = [];
  readonly merges: string[] = [];
  row = 0;

  put(col: number, cell: Omit<PlanCell, "row" | "col">): void {
    this.cells.push({ row: this.row, col, ...cell });
  }

  /** A1 address of a column in the current row. */
  at(col: number, row = this.row): string {
    return toA1(row, col);
  }

  merge(fromCol: number, toCol: number): void {
    this.merges.push(`${toA1(this.row, fromCol)}:${toA1(this.row, toCol)}`);
  }

  next(count = 1): void {
    this.row += count;
  }

  /** The sheet plan of what was laid out, with the row heights its wrapped text needs. */
  toPlan(name: string, marker: PlanMarker, columnWidths: number[], freeze: SheetPlan["freeze"], print: PrintSetup): SheetPlan {
    const rowHeights = wrappedRowHeights(this.cells, columnWidths, this.merges);
    return { name, marker, cells: this.cells, columnWidths, rowHeights, merges: this.merges, freeze, print };
  }

  /** A table's column headings in the current row, then the next row. */
  headerRow(titles: readonly string[]): void {
    titles.forEach((title, col) => this.put(col, { value: title, style: STYLES.header }));
    this.next();
  }
}

/** Points per line of 11-point text, and the default height of a row. */
const LINE_HEIGHT = 15;

/**
 * Row heights for wrapped text: the lines each cell needs at its column's width (breaking at
 * line feeds), the tallest cell of a row setting its height.
 * Merged cells span their own width and are left out.
 */
export function wrappedRowHeights(cells: readonly PlanCell[], widths: readonly number[], merges: readonly string[]): Record<number, number> {
  const mergedStarts = new Set(merges.map((m) => m.split(":")[0]));
  const heights: Record<number, number> = {};
  for (const cell of cells) {
    if (!cell.style?.wrap || typeof cell.value !== "string" || mergedStarts.has(toA1(cell.row, cell.col))) continue;
    // A width unit is one digit; average text runs a little narrower.
    const perLine = Math.max(1, Math.floor((widths[cell.col] ?? 10) * 1.15) - 1);
    const lines = cell.value.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    if (lines > 1) heights[cell.row] = Math.max(heights[cell.row] ?? 0, lines * LINE_HEIGHT);
  }
  return heights;
}
