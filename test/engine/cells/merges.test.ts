// The merge rule both readers apply (src/engine/cells/merges.ts), on plain grids.
import { applyMergedAreas } from "../../../src/engine/cells/merges";
import type { CellValue, Grid } from "../../../src/engine/core/types";

function grid(values: CellValue[][], origin?: { row: number; col: number }): Grid {
  return { name: "G", values: values.map((r) => [...r]), ...(origin ? { origin } : {}) };
}

describe("applyMergedAreas", () => {
  it("copies text merged down one column into every row, and blanks the rest of other merges", () => {
    const g = grid([
      ["Tên", "I", 5, "x"],
      [null, "lặp", 7, null],
      [null, null, null, null],
    ]);
    applyMergedAreas(g, [
      { row: 0, col: 0, rows: 3, cols: 1 }, // text down one column: copied
      { row: 0, col: 2, rows: 2, cols: 1 }, // a number down one column: counted once
      { row: 0, col: 1, rows: 1, cols: 1 }, // a single cell: nothing to do
      { row: 0, col: 3, rows: 3, cols: 1 },
      { row: 1, col: 1, rows: 1, cols: 1 },
    ]);
    expect(g.values).toEqual([
      ["Tên", "I", 5, "x"],
      ["Tên", "lặp", null, "x"],
      ["Tên", null, null, "x"],
    ]);
  });

  it("keeps a text merged across columns, or over a block, in its top-left cell only", () => {
    const g = grid([
      ["Tiêu đề", "rác", "rác"],
      ["khối", "rác", null],
      ["rác", "rác", null],
    ]);
    applyMergedAreas(g, [
      { row: 0, col: 0, rows: 1, cols: 3 },
      { row: 1, col: 0, rows: 2, cols: 2 },
    ]);
    expect(g.values).toEqual([
      ["Tiêu đề", null, null],
      ["khối", null, null],
      [null, null, null],
    ]);
  });

  it("clips a merge over whole columns to the grid, and follows the grid's origin", () => {
    const g = grid(
      [
        ["Phòng Nội vụ", 1],
        [null, 2],
      ],
      { row: 4, col: 6 },
    );
    // G5:G1048576 and A1:XFD1048576-like areas: only the grid's cells are visited.
    applyMergedAreas(g, [{ row: 4, col: 6, rows: 1_048_572, cols: 1 }]);
    expect(g.values).toEqual([
      ["Phòng Nội vụ", 1],
      ["Phòng Nội vụ", 2],
    ]);
    applyMergedAreas(g, [{ row: 0, col: 0, rows: 1_048_576, cols: 16_384 }]);
    // The top-left cell (A1) lies outside the grid: every cell of the grid is a merged cell.
    expect(g.values).toEqual([
      [null, null],
      [null, null],
    ]);
  });
});
