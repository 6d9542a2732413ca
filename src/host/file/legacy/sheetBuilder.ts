// Cells met one by one while a file is read, laid out as a ReadSheet: values from A1 to the last
// cell holding a value, merges clipped to that range. Memory follows the cells that hold something,
// never a declared extent; the dense grid is refused when it would pass the cell budget.
import type { CellValue, MergedArea } from "../../../engine";
import type { ReadSheet } from "../read/workbookModel";
import { tooManyCells } from "./legacyErrors";

export class SheetBuilder {
  private readonly rows = new Map<number, Map<number, CellValue>>();
  private readonly merges: MergedArea[] = [];
  private readonly formulas: { row: number; col: number; formula: string }[] = [];
  private lastRow = -1;
  private lastCol = -1;

  constructor(
    readonly name: string,
    readonly state: ReadSheet["state"],
    private readonly format: ".xls" | ".ods",
    /** Most cells the dense grid may hold. */
    private readonly budget: number,
  ) {}

  /** Sets a cell; null values are not kept (an empty styled cell is no content). */
  set(row: number, col: number, value: CellValue): void {
    if (value === null) return;
    let cells = this.rows.get(row);
    if (!cells) this.rows.set(row, (cells = new Map()));
    cells.set(col, value);
    if (row > this.lastRow) this.lastRow = row;
    if (col > this.lastCol) this.lastCol = col;
  }

  merge(area: MergedArea): void {
    if (area.rows > 1 || area.cols > 1) this.merges.push(area);
  }

  formula(row: number, col: number, formula: string): void {
    this.formulas.push({ row, col, formula });
  }

  build(): ReadSheet {
    const height = this.lastRow + 1;
    const width = this.lastCol + 1;
    if (height * width > this.budget) throw tooManyCells(this.format, this.name, height * width, this.budget);
    const values: CellValue[][] = [];
    for (let r = 0; r < height; r++) {
      const row: CellValue[] = new Array<CellValue>(width).fill(null);
      const cells = this.rows.get(r);
      if (cells) for (const [c, v] of cells) row[c] = v;
      values.push(row);
    }
    const merges: MergedArea[] = [];
    for (const m of this.merges) {
      if (m.row >= height || m.col >= width) continue;
      const rows = Math.min(m.rows, height - m.row);
      const cols = Math.min(m.cols, width - m.col);
      if (rows > 1 || cols > 1) merges.push({ row: m.row, col: m.col, rows, cols });
    }
    const formulas = this.formulas.filter((f) => f.row < height && f.col < width).sort((a, b) => a.row - b.row || a.col - b.col);
    return { name: this.name, state: this.state, values, merges, formulas };
  }
}
