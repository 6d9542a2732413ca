// Test helpers: real .xlsx files written with ExcelJS into a temporary folder.
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { Workbook } from "exceljs";
import type { Grid } from "../../../src/engine/core/types";

export async function makeTempDir(prefix = "cchc-test-"): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/** Copies a grid's values into a new worksheet (A1 = values[0][0]). */
export function addGridSheet(wb: Workbook, grid: Grid): void {
  const ws = wb.addWorksheet(grid.name);
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v as string | number | boolean | Date;
    }),
  );
}

/** Writes a workbook holding these grids, one sheet each, and returns the file's path. */
export async function writeGrids(file: string, grids: Grid[]): Promise<string> {
  const wb = new Workbook();
  for (const g of grids) addGridSheet(wb, g);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}

export async function readWorkbook(file: string): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A hash-like fingerprint of a file's bytes, to prove it was not touched. */
export async function fileBytes(file: string): Promise<Buffer> {
  return fs.readFile(file);
}
