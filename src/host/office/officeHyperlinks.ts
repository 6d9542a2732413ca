// The hyperlinks of the scoring sheets' evidence columns (issue 19 §3), read in the add-in as the
// file host reads them from the package: each cell's target, an address, or "#Sheet2!A1" for a
// place in the workbook. Only the evidence column's data rows are asked for, every sheet's in one
// sync, through Range.getCellProperties (ExcelApi 1.9). Links are only read, never opened.
import { detectHeader, kindOfColumns } from "../../engine/cells/header";
import type { Grid, HeaderInfo } from "../../engine/core/types";

/** The pane's notices when the evidence column's hyperlinks cannot be read. */
export const LINKS_UNSUPPORTED =
  "Phiên bản Excel này chưa cho tiện ích đọc liên kết (hyperlink) gắn vào ô (cần ExcelApi 1.9): " +
  "liên kết ở cột tài liệu kiểm chứng không được liệt kê, và liên kết sai dạng không được cảnh báo. " +
  "Hãy cập nhật Excel, hoặc kiểm tra tệp bằng lệnh cchc hay trang độc lập.";
export const LINKS_UNREADABLE =
  "Excel không trả về các liên kết (hyperlink) ở cột tài liệu kiểm chứng: " +
  "liên kết gắn vào ô không được liệt kê, và liên kết sai dạng không được cảnh báo. " +
  "Hãy bấm lệnh lần nữa, hoặc kiểm tra tệp bằng lệnh cchc hay trang độc lập.";

/** A sheet's evidence cells under its header, in grid coordinates. */
export interface EvidenceCells {
  col: number;
  first: number;
  rows: number;
}

/**
 * The header the engine will read the grid with: the clerk's mapping where one is saved (as
 * analyzeSheet takes it), else the detected one; null where the sheet is not a scoring sheet.
 */
function scoringHeader(grid: Grid, columnMaps: Record<string, HeaderInfo>): HeaderInfo | null {
  // Own properties only, as the engine: a sheet named "constructor" must not find Object's.
  const mapped = Object.prototype.hasOwnProperty.call(columnMaps, grid.name) ? columnMaps[grid.name] : undefined;
  if (mapped) {
    const kind = mapped.kind ?? kindOfColumns(mapped.columns ?? {}) ?? "scoring";
    return kind === "scoring" && typeof mapped.row === "number" ? mapped : null;
  }
  const detected = detectHeader(grid);
  return detected.kind === "scoring" ? detected.header : null;
}

/** The evidence column's data rows, or null: not a scoring sheet, no evidence column, no rows under the header. */
export function evidenceCells(grid: Grid, columnMaps: Record<string, HeaderInfo>): EvidenceCells | null {
  const header = scoringHeader(grid, columnMaps);
  const col = header?.columns?.evidence;
  if (header === null || typeof col !== "number" || col < 0) return null;
  const first = header.row + 1;
  const rows = grid.values.length - first;
  return rows > 0 ? { col, first, rows } : null;
}

/** A cell's hyperlink as the engine wants it: the address, else "#" and the place in the workbook. */
export function linkTarget(link: Excel.RangeHyperlink | null | undefined): string | null {
  const address = typeof link?.address === "string" ? link.address : "";
  if (address.trim() !== "") return address;
  const reference = typeof link?.documentReference === "string" ? link.documentReference : "";
  if (reference.trim() === "") return null;
  return reference.startsWith("#") ? reference : `#${reference}`;
}

/**
 * Sets each scoring sheet's evidence hyperlinks on its grid (`links`), in one sync for all sheets,
 * none when no sheet has an evidence column. `sheets[i]` is the worksheet of `grids[i]`. Returns
 * the notice for the clerk when the links could not be read (the grids are then left without);
 * never throws for them, so a failed links request does not lose the values read.
 */
export async function readEvidenceLinks(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  grids: Grid[],
  // officeWorkbook.ts's RequirementSets, spelled out: that module imports this one.
  requirements: { isSetSupported(name: string, minVersion?: string): boolean },
  columnMaps: Record<string, HeaderInfo> | undefined,
): Promise<string | null> {
  // The clerk's mappings, as saved in the document (absent or of another shape: none).
  const maps = columnMaps !== null && typeof columnMaps === "object" ? columnMaps : {};
  const places = grids.flatMap((grid, i) => {
    const cells = evidenceCells(grid, maps);
    return cells === null ? [] : [{ grid, sheet: sheets[i], cells }];
  });
  if (places.length === 0) return null;
  // The guard sits here, next to the call, so no caller can ask an older Excel for cell properties.
  if (!requirements.isSetSupported("ExcelApi", "1.9")) return LINKS_UNSUPPORTED;
  let results: Array<OfficeExtension.ClientResult<Excel.CellProperties[][]>>;
  try {
    results = places.map(({ grid, sheet, cells }) => {
      const origin = grid.origin ?? { row: 0, col: 0 };
      return sheet.getRangeByIndexes(origin.row + cells.first, origin.col + cells.col, cells.rows, 1).getCellProperties({ hyperlink: true });
    });
    await context.sync();
  } catch {
    return LINKS_UNREADABLE;
  }
  places.forEach(({ grid, cells }, i) => {
    const links: Record<string, string> = {};
    const value: unknown = results[i].value;
    if (!Array.isArray(value)) return;
    (value as Excel.CellProperties[][]).forEach((row, r) => {
      const target = linkTarget(row?.[0]?.hyperlink);
      if (target !== null) links[`${cells.first + r},${cells.col}`] = target;
    });
    if (Object.keys(links).length > 0) grid.links = { ...grid.links, ...links };
  });
  return null;
}
