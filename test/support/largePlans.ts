// Large workbooks and plans for the request-size tests (test/taskpane/officeWorkbook.test.ts
// over the fake, test/browser/officePayload.test.ts over the real office.js).
import { communesGrid } from "../fixtures/seed";
import type { Grid } from "../../src/engine/core/types";
import type { SheetPlan } from "../../src/engine";

/** The seed's communes table grown to `n` units (names numbered, the seed's scores repeated). */
export function unitsGrid(n: number): Grid {
  const grid = communesGrid();
  const units = grid.values.slice(2);
  const values = grid.values.slice(0, 2);
  for (let i = 0; i < n; i++) {
    const u = units[i % units.length];
    values.push([i + 1, `${String(u[1])} ${i + 1}`, u[2], u[3], u[4], null, null, null]);
  }
  return { ...grid, values };
}

/**
 * A plan of `rows` rows: a merged title, rows of 8 cells (text, numbers with a format, a SUM
 * formula) that alternate two bordered styles, so no two consecutive rows join into one style
 * range (the most a plan of that size can weigh), and a note merged over its last two rows.
 */
export function stripedPlan(rows: number): SheetPlan {
  const cells: SheetPlan["cells"] = [{ row: 0, col: 0, value: "BẢNG SỌC", style: { bold: true, size: 14, align: "center" } }];
  for (let row = 1; row < rows - 2; row++) {
    for (let col = 0; col < 8; col++) {
      cells.push({
        row,
        col,
        ...(col === 1 ? { value: `Đơn vị ${row + 1}` } : col === 7 ? { formula: `=SUM(C${row + 1}:G${row + 1})` } : { value: row + col / 8, format: "0.00" }),
        style: row % 2 === 0 ? { border: true, valign: "top", align: "right" } : { border: true, bold: true, fill: "#F2F2F2", valign: "top" },
      });
    }
  }
  cells.push({ row: rows - 2, col: 0, value: "Ghi chú: số liệu thử.", style: { italic: true, wrap: true } });
  return {
    name: "Sọc",
    marker: "CCHC_GEN_ANALYSIS",
    cells,
    columnWidths: [6, 30, 10, 10, 10, 10, 10, 12],
    rowHeights: { 3: 30, [rows - 1]: 30 },
    merges: ["A1:H1", `A${rows - 1}:H${rows}`],
    freeze: { rows: 1, cols: 0 },
    print: { paper: "A4", orientation: "landscape", fitToWidth: true, repeatRows: { first: 0, last: 0 } },
  };
}
