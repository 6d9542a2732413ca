// The .xlsx fixtures of the parity tests: every layout the tests use, written by ExcelJS, plus the
// sample workbook in assets/. Shared by the two-adapters parity test and the reader parity test.
import { promises as fs } from "fs";
import * as path from "path";
import { Workbook } from "exceljs";
import { analyzeWorkbook, buildReportPlans } from "../../../src/engine";
import type { CellValue, Grid } from "../../../src/engine/core/types";
import { XlsxWorkbook } from "../../../src/host/file/xlsxWorkbook";
import { saveWorkbook } from "../../../src/host/file/read/xlsxLoad";
import { communesGrid, districtGrid } from "../../fixtures/seed";
import { kpsGrid, misprintGrid } from "../../cli/helpers/layouts";
import { addGridSheet } from "../../cli/helpers/xlsxFiles";

export const SAMPLE = path.join(__dirname, "..", "..", "..", "assets", "mau-chi-so-cchc.xlsx");

export function workbookOf(grids: Grid[]): Workbook {
  const wb = new Workbook();
  for (const g of grids) addGridSheet(wb, g);
  return wb;
}

/** Roman areas with criteria numbered from 1 under each (as some provinces lay them out). */
function romanGrid(): Grid {
  return {
    name: "La Mã",
    values: [
      ["TT", "Nội dung", "Điểm tối đa", "Thẩm định", "Nguyên nhân", "Trách nhiệm"],
      ["I", "Chỉ đạo", 3, 3, null, null],
      ["1", "Kế hoạch", 1, 1, null, null],
      ["2", "Báo cáo", 2, 2, null, null],
      ["II", "Thể chế", 2, 1, null, null],
      ["1", "Văn bản", 2, 1, null, null],
      ["1.1", "Ban hành", 1, 0, "Ban hành trễ", "Phòng Tư pháp"],
      ["1.2", "Rà soát", 1, 1, null, null],
    ],
  };
}

const HEADER = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Nguyên nhân", "Trách nhiệm thuộc về"];

/**
 * Merges as clerks make them: a title over A1:G1, an area name over B3:E3, a cause and a unit
 * merged down F5:F7 and G5:G7 over three sub-criteria, a maximum merged down C9:C10, a note
 * merged over a block H5:I6, and a unit merged down past the last row with values (G11:G14).
 */
export function mergedWorkbook(): Workbook {
  const wb = new Workbook();
  const ws = wb.addWorksheet("Gộp ô");
  const rows: CellValue[][] = [
    ["BẢNG ĐIỂM CHỈ SỐ CCHC"],
    HEADER,
    ["I", "CÔNG TÁC CHỈ ĐẠO"],
    ["1", "Lĩnh vực 1", 3, 3, 1.5],
    ["1.1", "Tiêu chí 1.1", 1, 1, 0.5, "Chưa hoàn thành đúng hạn", "Phòng Nội vụ\nVăn phòng HĐND-UBND"],
    ["1.2", "Tiêu chí 1.2", 1, 1, 0.5, null, null, "ghi chú"],
    ["1.3", "Tiêu chí 1.3", 1, 1, 0.5],
    ["2", "Lĩnh vực 2", 2, 2, 1.5],
    ["2.1", "Tiêu chí 2.1", 1, 1, 1],
    ["2.2", "Tiêu chí 2.2", null, 1, 0.5],
    ["2.3", "Tiêu chí 2.3", 0, 0, 0, "Không phát sinh", "Phòng Tư pháp"],
  ];
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v as string | number;
    }),
  );
  ws.getCell("C9").value = 2;
  for (const range of ["A1:G1", "B3:E3", "F5:F7", "G5:G7", "C9:C10", "H5:I6", "G11:G14"]) ws.mergeCells(range);
  return wb;
}

/** The seed's sheets with the communes' table hidden and a very hidden sheet of notes. */
function hiddenWorkbook(): Workbook {
  const wb = workbookOf([districtGrid(), communesGrid(), { name: "Ghi chú", values: [["STT", "Ghi chú"], [1, "nội bộ"]] }]);
  wb.getWorksheet("Xếp loại xã")!.state = "hidden";
  wb.getWorksheet("Ghi chú")!.state = "veryHidden";
  return wb;
}

/** A table far from A1 (titles merged above it), with an error value and the third sheet active. */
function offsetWorkbook(): Workbook {
  const wb = workbookOf([communesGrid(), districtGrid({}, "Huyện A")]);
  const ws = wb.addWorksheet("Lệch");
  ws.getCell("D3").value = "BẢNG ĐIỂM";
  ws.mergeCells("D3:H3");
  const grid = districtGrid({ titleRows: 0 });
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 5, c + 4).value = v as string | number;
    }),
  );
  ws.getCell(7, 8).value = { error: "#N/A" };
  wb.views = [{ activeTab: 2, x: 0, y: 0, width: 10000, height: 10000, firstSheet: 0, visibility: "visible" }];
  return wb;
}

/** A workbook the summary command wrote into: generated sheets marked by defined names. */
export async function generatedWorkbook(): Promise<Uint8Array> {
  const bytes = await saveWorkbook(workbookOf([districtGrid(), communesGrid()]));
  const port = await XlsxWorkbook.open(bytes);
  const { sheets } = await port.read();
  await port.writeSheets(buildReportPlans(analyzeWorkbook(sheets), { date: new Date(2024, 0, 15) }));
  return port.save();
}

export const FIXTURES: Array<[string, () => Promise<Uint8Array>]> = [
  ["the seed: district and communes", () => saveWorkbook(workbookOf([districtGrid(), communesGrid()]))],
  ["no title rows", () => saveWorkbook(workbookOf([districtGrid({ titleRows: 0 })]))],
  ["five title rows", () => saveWorkbook(workbookOf([districtGrid({ titleRows: 5 })]))],
  ["headers without diacritics", () => saveWorkbook(workbookOf([districtGrid({ plainHeaders: true })]))],
  ["decimal commas in text", () => saveWorkbook(workbookOf([districtGrid({ commaText: true })]))],
  ["codes stored as numbers", () => saveWorkbook(workbookOf([districtGrid({ numericCodes: true })]))],
  ["parents left blank", () => saveWorkbook(workbookOf([districtGrid({ blankParents: true })]))],
  ["a KPS criterion", () => saveWorkbook(workbookOf([kpsGrid("1.5")]))],
  ["the misprinted area 6", () => saveWorkbook(workbookOf([misprintGrid()]))],
  ["Roman area codes", () => saveWorkbook(workbookOf([romanGrid()]))],
  ["merged cells", () => saveWorkbook(mergedWorkbook())],
  ["hidden and very hidden sheets", () => saveWorkbook(hiddenWorkbook())],
  ["a table far from A1, an error value, another active sheet", () => saveWorkbook(offsetWorkbook())],
  ["generated sheets marked by defined names", generatedWorkbook],
  ["the sample workbook in assets/", async () => new Uint8Array(await fs.readFile(SAMPLE))],
];

