// A small cursor for laying out sheet plans row by row.
import type { PlanCell, PlanStyle } from "./plan";
import { toA1 } from "./address";

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
}
