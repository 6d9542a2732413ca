// Builds assets/mau-chi-so-cchc.xlsx, the sample workbook the standalone page and the README use:
// the seed's district scoring sheet (a SOUND sheet: area values are the sums of their
// sub-criteria) and the seven communes' table, from test/fixtures/seed.ts.
//
// Regenerate (test/cli/sample.test.ts checks the committed file matches this script):
//   npx tsc --outDir node_modules/.cache/make-sample --rootDir . --module commonjs --target es2020 \
//     --esModuleInterop --skipLibCheck --types node scripts/make-sample.ts \
//   && node node_modules/.cache/make-sample/scripts/make-sample.js
import * as path from "path";
import { Workbook, type Worksheet } from "exceljs";
import type { Grid } from "../src/engine/core/types";
import { communesGrid, districtGrid } from "../test/fixtures/seed";

export const SAMPLE_FILE = "mau-chi-so-cchc.xlsx";

/** A fixed date, so the file's metadata does not change at every run. */
const CREATED = new Date(Date.UTC(2024, 0, 15));

interface Layout {
  headerRow: number;
  widths: number[];
  /** Columns (0-based) holding points, shown with 2 decimals. */
  pointColumns: number[];
}

function writeGrid(ws: Worksheet, grid: Grid, layout: Layout): void {
  grid.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v as string | number;
      if (r > layout.headerRow) {
        cell.alignment = { vertical: "top", wrapText: c > 0 };
        if (layout.pointColumns.includes(c) && typeof v === "number") cell.numFmt = "0.00";
      }
    });
  });
  const width = layout.widths.length;
  // Titles centred over the table, header bold on a light fill, borders around the table.
  for (let r = 0; r < layout.headerRow; r++) {
    if (grid.values[r]?.[0]) {
      ws.mergeCells(r + 1, 1, r + 1, width);
      const cell = ws.getCell(r + 1, 1);
      cell.font = { bold: true, size: 13 };
      cell.alignment = { horizontal: "center" };
    }
  }
  const header = ws.getRow(layout.headerRow + 1);
  header.font = { bold: true };
  header.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  for (let c = 1; c <= width; c++) {
    header.getCell(c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  }
  for (let r = layout.headerRow + 1; r <= grid.values.length; r++) {
    for (let c = 1; c <= width; c++) {
      const thin = { style: "thin" as const };
      ws.getCell(r, c).border = { top: thin, left: thin, bottom: thin, right: thin };
    }
  }
  layout.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: layout.headerRow + 1 }];
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

export function buildSampleWorkbook(): Workbook {
  const wb = new Workbook();
  wb.creator = "cchc-addin";
  wb.created = CREATED;
  wb.modified = CREATED;
  const district = districtGrid();
  const districtSheet = wb.addWorksheet(district.name);
  writeGrid(districtSheet, district, { headerRow: 3, widths: [8, 60, 10, 12, 12, 40, 40], pointColumns: [2, 3, 4] });
  // Area and total rows in bold, as clerks lay them out.
  district.values.forEach((row, r) => {
    const code = row[0];
    if (r > 3 && ((typeof code === "string" && /^\d+$/.test(code)) || code === null)) districtSheet.getRow(r + 1).font = { bold: true };
  });
  const communes = communesGrid();
  writeGrid(wb.addWorksheet(communes.name), communes, {
    headerRow: 1,
    widths: [6, 30, 12, 12, 10, 10, 12, 10],
    pointColumns: [2, 3, 4],
  });
  return wb;
}

async function main(): Promise<void> {
  // Run from the repository's root; an explicit path may be given instead.
  const target = path.resolve(process.argv[2] ?? path.join("assets", SAMPLE_FILE));
  await buildSampleWorkbook().xlsx.writeFile(target);
  process.stdout.write(`Đã ghi ${target}\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(String(err) + "\n");
    process.exitCode = 1;
  });
}
