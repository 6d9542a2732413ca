// A ReadWorkbook as the command line and the standalone page use it: the snapshot every adapter
// gives (grids with the merge rule applied, generated sheets found by their markers, the active
// sheet), and what a sheet holds for its fingerprint. No I/O.
import { applyMergedAreas, toA1, type CellValue, type ContentCell } from "../../../engine";
import type { WorkbookSnapshot } from "../../port";
import { markersOf } from "../../generatedMarkers";
import type { ReadSheet, ReadWorkbook } from "./workbookModel";

export function snapshotOf(book: ReadWorkbook): WorkbookSnapshot {
  const sheets = book.sheets.map((s) =>
    applyMergedAreas(
      // Copied only where merges change it: the sheet's own values stay as read (for sheetContent).
      { name: s.name, values: s.merges.length > 0 ? s.values.map((row) => row.slice()) : s.values, origin: { row: 0, col: 0 } },
      s.merges,
    ),
  );
  // Hyperlinks ride along as the grid's links ("row,col" → target), for the evidence column.
  book.sheets.forEach((s, i) => {
    if (s.links && s.links.length > 0) sheets[i].links = Object.fromEntries(s.links.map((l) => [`${l.row},${l.col}`, l.target]));
  });
  const names = sheets.map((g) => g.name);
  const snapshot: WorkbookSnapshot = {
    sheets,
    generated: markersOf(book.definedNames, names),
    activeSheet: book.activeSheet === null ? null : (book.sheets[book.activeSheet]?.name ?? null),
  };
  if (book.notices.length > 0) snapshot.notices = [...book.notices];
  return snapshot;
}

function contentOf(v: CellValue): ContentCell["content"] {
  if (v instanceof Date) return v.toISOString();
  if (v !== null && typeof v === "object") return v.error;
  return v;
}

/** What a sheet holds, for its fingerprint: formulas as "=…", constants as values, row by row. */
export function sheetContent(sheet: ReadSheet): ContentCell[] {
  const cells: ContentCell[] = sheet.formulas.map((f) => ({ row: f.row, col: f.col, content: `=${f.formula}` }));
  const isFormula = new Set(sheet.formulas.map((f) => `${f.row},${f.col}`));
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && !isFormula.has(`${r},${c}`)) cells.push({ row: r, col: c, content: contentOf(v) });
    }),
  );
  return cells.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** The sheet's merges as A1 ranges ("A1:G1"), as a display wants them. */
export function mergeRanges(sheet: ReadSheet): string[] {
  return sheet.merges.map((m) => `${toA1(m.row, m.col)}:${toA1(m.row + m.rows - 1, m.col + m.cols - 1)}`);
}

/** The number format of a cell (0-based), for display; undefined for General. */
export function numberFormatLookup(sheet: ReadSheet): (row: number, col: number) => string | undefined {
  const byCell = new Map((sheet.numberFormats ?? []).map((f) => [`${f.row},${f.col}`, f.format] as const));
  return (row, col) => byCell.get(`${row},${col}`);
}
