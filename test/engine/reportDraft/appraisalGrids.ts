// The seed district's sheet with the appraisal round's later columns added: points after
// explanation, evidence. Shared by the draft's engine tests and its Word tests.
import type { CellValue, Grid } from "../../../src/engine";
import { districtGrid } from "../../fixtures/seed";

/** `grid` with column `col` headed `header` and filled by criterion code (the seed's columns end at G). */
export function withColumn(header: string, fill: (code: string) => CellValue, grid: Grid = districtGrid(), col = 7): Grid {
  const headerRow = grid.values.findIndex((r) => r[0] === "STT");
  grid.values.forEach((row, r) => {
    const code = row[0];
    while (row.length < col) row.push(null);
    row[col] = r === headerRow ? header : typeof code === "string" && r > headerRow ? fill(code) : null;
  });
  return grid;
}
