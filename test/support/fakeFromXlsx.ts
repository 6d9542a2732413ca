// A fake Excel workbook (test/support/fakeExcel.js) holding what Excel would hold after opening an
// .xlsx file: each sheet's cell values (formulas by their cached results, dates as serial numbers,
// rich text as its text), errors, merged areas with their value in the top-left cell only, number
// formats and solid fills, cells' hyperlinks, the sheets' visibility, the defined names and the active sheet.
// Loaded with ExcelJS directly, not through the project's reader, so the two adapters are compared
// over the same file rather than one over the other's output.
import { Workbook as ExcelJsWorkbook, type Cell, type Worksheet } from "exceljs";
import type { CellValue } from "../../src/engine/core/types";
import * as FakeExcel from "./fakeExcel.js";

/** ExcelJS ValueType code of a merged cell other than the top-left one. */
const MERGE = 1;

/** Excel's serial number of a date (days since 1899-12-30, the time as a fraction). */
function serialOf(date: Date): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function resultValue(cell: Cell): CellValue {
  // Excel would calculate a formula saved without a result; the fake cannot, so no fixture may hold one.
  if (cell.result === undefined) throw new Error(`${cell.worksheet.name}!${cell.address}: formula without a cached result`);
  const r: unknown = cell.result;
  if (r instanceof Date) return serialOf(r);
  if (r && typeof r === "object" && typeof (r as { error?: unknown }).error === "string") return { error: (r as { error: string }).error };
  return r as CellValue;
}

/** What Excel holds in the cell (null: empty). */
function excelValue(cell: Cell): CellValue {
  const v: unknown = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return serialOf(v);
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return { error: o.error };
  if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((r) => r.text).join("");
  if ("formula" in o || "sharedFormula" in o) return resultValue(cell);
  if ("text" in o) return String(o.text);
  throw new Error(`${cell.worksheet.name}!${cell.address}: a value the fake does not know`);
}

const VISIBILITY: Record<string, "Visible" | "Hidden" | "VeryHidden"> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

function sheetInit(ws: Worksheet): FakeExcel.FakeSheetInit {
  const values: CellValue[][] = [];
  const numberFormats: Record<string, string> = {};
  const fills: Record<string, string> = {};
  const hyperlinks: Record<string, FakeExcel.FakeHyperlink> = {};
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.numFmt && cell.numFmt !== "General") numberFormats[cell.address] = cell.numFmt;
      const fill = cell.fill;
      if (fill?.type === "pattern" && fill.pattern === "solid" && fill.fgColor?.argb) fills[cell.address] = `#${fill.fgColor.argb.slice(-6)}`;
      // Excel holds a merge's value in its top-left cell only.
      if (cell.type === MERGE && cell.master !== cell) return;
      // Office.js gives a place in the workbook as documentReference ("Sheet2!A1"), ExcelJS as "#Sheet2!A1".
      const link = cell.hyperlink;
      if (typeof link === "string" && link !== "") {
        hyperlinks[cell.address] = link.startsWith("#") ? { documentReference: link.slice(1), textToDisplay: cell.text } : { address: link, textToDisplay: cell.text };
      }
      const v = excelValue(cell);
      if (v === null) return;
      (values[r - 1] ??= [])[c - 1] = v;
    });
  });
  // Dense rows: the fake's constructor walks them with forEach.
  for (let r = 0; r < values.length; r++) values[r] = Array.from(values[r] ?? [], (v) => v ?? null);
  return {
    name: ws.name,
    values,
    merges: ws.model.merges ?? [],
    numberFormats,
    fills,
    hyperlinks,
    visibility: VISIBILITY[ws.state] ?? "Visible",
  };
}

/** A fake Excel workbook as Excel would open these .xlsx bytes. */
export async function fakeFromXlsx(bytes: Uint8Array): Promise<FakeExcel.Workbook> {
  const wb = new ExcelJsWorkbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const names = wb.definedNames.model.flatMap((n) => (n.ranges.length > 0 ? [{ name: n.name, formula: `=${n.ranges[0]}` }] : []));
  const activeTab = wb.views?.[0]?.activeTab;
  const active = typeof activeTab === "number" ? wb.worksheets[activeTab]?.name : undefined;
  return new FakeExcel.Workbook({ sheets: wb.worksheets.map(sheetInit), names, ...(active ? { active } : {}) });
}
