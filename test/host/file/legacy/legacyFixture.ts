// Test support: one .xlsx workbook built from the seed (the district's scoring sheet with SUM
// formulas and merged titles, the communes' table, a sheet of dates, errors, texts and common
// formulas, 2,000 texts, a hidden sheet, a defined name), and LibreOffice turning it into .xls and .ods with
// a fresh profile that recalculates on load (so cached results are LibreOffice's own).
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as path from "path";
import { promisify } from "util";
import { Workbook, type CellValue as ExcelValue } from "exceljs";
import { addGridSheet } from "../../../cli/helpers/xlsxFiles";
import { communesGrid, DISTRICT_CRITERIA, districtGrid, seedSum } from "../../../fixtures/seed";
import { SOFFICE } from "../../../support/libreoffice";
import type { CellValue } from "../../../../src/engine";

export const DISTRICT = "Huyện Kon Rẫy";
export const COMMUNES_SHEET = "Xếp loại xã";
export const OTHER = "Dữ liệu khác";
export const HIDDEN = "Năm trước";
export const LIST = "Danh sách";

/**
 * 2,000 distinct texts, plain ASCII and Vietnamese in turn and of growing length, so the shared
 * strings run over many CONTINUE records and some string is cut by one (the 8/16-bit case).
 */
export function listTexts(): string[] {
  return Array.from({ length: 2000 }, (_, i) =>
    i % 2 === 0 ? `Unit ${i} ${"x".repeat(i % 37)}` : `Phòng Nội vụ huyện Kon Rẫy, hồ sơ số ${i} ${"ữ".repeat(i % 41)}`,
  );
}

/** Why LibreOffice cannot run, or null; throws on CI (a missing LibreOffice must fail there, not skip). */
export function libreOfficeMissing(what: string): boolean {
  if (existsSync(SOFFICE)) return false;
  if (process.env.CI === "true") throw new Error(`Không chạy được kiểm thử ${what}: LibreOffice không có ở ${SOFFICE}.`);
  process.stdout.write(`BỎ QUA kiểm thử ${what}: LibreOffice không có ở ${SOFFICE}.\n`);
  return true;
}

function isLeaf(code: string): boolean {
  return !DISTRICT_CRITERIA.some((c) => c.code.startsWith(code + "."));
}

/** The formulas written: "Sheet!A1" → text without "=". */
export type FormulaMap = Map<string, string>;

/** The district sheet: parents whose children are all leaves get SUM formulas in D and E. */
function districtSheet(wb: Workbook, formulas: FormulaMap): void {
  addGridSheet(wb, districtGrid());
  const ws = wb.getWorksheet(DISTRICT)!;
  ws.mergeCells("A1:G1");
  ws.mergeCells("A2:G2");
  DISTRICT_CRITERIA.forEach((c, i) => {
    if (isLeaf(c.code)) return;
    const children = DISTRICT_CRITERIA.map((k, j) => ({ k, j })).filter(({ k }) => k.code.startsWith(c.code + ".") && k.code.split(".").length === c.code.split(".").length + 1);
    if (!children.every(({ k }) => isLeaf(k.code))) return;
    const first = children[0].j + 5;
    const last = children[children.length - 1].j + 5;
    if (last - first + 1 !== children.length || first !== i + 6) return;
    for (const [col, kind] of [["D", "self"], ["E", "appraised"]] as const) {
      const formula = `SUM(${col}${first}:${col}${last})`;
      ws.getCell(`${col}${i + 5}`).value = { formula, result: seedSum(c.code, kind) };
      formulas.set(`${DISTRICT}!${col}${i + 5}`, formula);
    }
  });
}

/** Cells of the "other" sheet: [address, value or formula with its result]. */
const OTHER_CELLS: [string, ExcelValue][] = [
  ["A1", "Ngày lập"], ["B1", new Date(Date.UTC(2023, 11, 15))],
  ["A2", "Lỗi"], ["B2", { error: "#N/A" } as ExcelValue], ["C2", { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelValue],
  ["A3", "Chữ số"], ["B3", "3,89"],
  ["A4", "Nhiều dòng"], ["B4", "Dòng một\nDòng hai"],
  ["A5", "Đúng, sai"], ["B5", true], ["C5", false],
  ["A9", "Số"], ["B9", 1.5], ["C9", 2.25],
];

/** Common formulas and their results: [address, formula, result]. */
export const OTHER_FORMULAS: [string, string, number | string][] = [
  ["B6", "ROUND(B9/3,2)", 0.5],
  ["C6", 'IF(B9>1,"lớn","nhỏ")', "lớn"],
  ["D6", `COUNTIF('${COMMUNES_SHEET}'!D3:D9,">86")`, 4],
  ["E6", `VLOOKUP("UBND xã Tân Lập",'${COMMUNES_SHEET}'!B3:E9,3,FALSE)`, 86.34],
  ["F6", "IFERROR(1/0,0)", 0],
  ["G6", "AVERAGE(B9:C9)", 1.875],
  ["H6", "RANK(B9,B9:C9)", 2],
  ["I6", "SUMPRODUCT(B9:C9,B9:C9)", 7.3125],
  ["J6", `'${HIDDEN}'!A1*2`, 176.64],
  ["K6", "LEN(A1)", 8],
  ["L6", 'CONCATENATE("a","b")', "ab"],
  ["M6", "IF(AND(TRUE,B9>0),1,0)", 1],
  ["N6", "MAX(B9:C9)-MIN(B9:C9)", 0.75],
  ["O6", "INDEX(B9:C9,1,2)", 2.25],
  ["P6", "MATCH(2.25,B9:C9,0)", 2],
  ["Q6", 'LEFT("abc",2)&MID("abc",2,1)&RIGHT("abc",1)', "abbc"],
  ["R6", 'VALUE("12")+ABS(-1)', 13],
  ["S6", "SUMIF(B9:C9,\">2\")+COUNT(B9:C9)+COUNTA(A1:A5)+OR(B9>2,C9>2)", 10.25],
];

/** A function the .xls reader's table does not hold (SLN, index 142): its cell keeps only its value. */
export const UNKNOWN_TO_XLS: [string, string, number] = ["T6", "SLN(1000,100,5)", 180];

/** Writes the fixture workbook; returns the formulas it holds, by "Sheet!A1". */
export async function writeLegacyFixture(file: string): Promise<FormulaMap> {
  const formulas: FormulaMap = new Map();
  const wb = new Workbook();
  districtSheet(wb, formulas);
  addGridSheet(wb, communesGrid());
  wb.getWorksheet(COMMUNES_SHEET)!.mergeCells("A1:H1");
  const other = wb.addWorksheet(OTHER);
  for (const [at, v] of OTHER_CELLS) other.getCell(at).value = v;
  for (const [at, formula, result] of OTHER_FORMULAS) {
    other.getCell(at).value = { formula, result } as ExcelValue;
    formulas.set(`${OTHER}!${at}`, formula);
  }
  formulas.set(`${OTHER}!C2`, "1/0");
  const [at, formula, result] = UNKNOWN_TO_XLS;
  other.getCell(at).value = { formula, result } as ExcelValue;
  formulas.set(`${OTHER}!${at}`, formula);
  const list = wb.addWorksheet(LIST);
  listTexts().forEach((t, i) => (list.getCell(i + 1, 1).value = t));
  const hidden = wb.addWorksheet(HIDDEN, { state: "hidden" });
  hidden.getCell("A1").value = 88.32;
  hidden.getCell("A2").value = "Dữ liệu năm 2022";
  wb.definedNames.add(`'${DISTRICT}'!$E$${DISTRICT_CRITERIA.length + 5}`, "tong_tham_dinh");
  await wb.xlsx.writeFile(file);
  return formulas;
}

/** Converts `file` to `format` ("xls", "ods") in `outDir` with a fresh profile that recalculates on load. */
export async function convert(file: string, format: string, outDir: string): Promise<string> {
  const profile = path.join(outDir, `profile-${format}`);
  await fs.mkdir(path.join(profile, "user"), { recursive: true });
  await fs.writeFile(
    path.join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  try {
    await promisify(execFile)(SOFFICE, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, file], {
      timeout: 150_000,
    });
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
  const out = path.join(outDir, `${path.basename(file).replace(/\.[^.]+$/, "")}.${format}`);
  if (!existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}

/** Values to compare across formats: numbers to 12 digits, dates as text, "" as blank, trailing blanks cut. */
export function comparable(values: CellValue[][]): unknown[][] {
  const rows = values.map((r) => {
    // An empty text (the fixture writes "" in a blank title row) is a blank cell once LibreOffice has saved it.
    const row = r.map((v) => (typeof v === "number" ? Number(v.toPrecision(12)) : v instanceof Date ? `date:${v.toISOString()}` : v === "" ? null : v));
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}
