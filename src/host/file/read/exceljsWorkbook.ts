// Reading an ExcelJS workbook as the engine's grids, with the markers of the sheets this project
// generated and the active sheet. Read only: sheets are written into the original package by
// src/host/file/xlsxWorkbook.ts, so nothing ExcelJS cannot carry is lost. No file I/O here.
import type { Workbook } from "exceljs";
import type { WorkbookSnapshot } from "../../port";
import { worksheetToGrid } from "./xlsxCells";
import { readMarkers } from "./exceljsMarkers";

export class ExcelJsWorkbook {
  constructor(readonly workbook: Workbook) {}

  async read(): Promise<WorkbookSnapshot> {
    const sheets = this.workbook.worksheets.map(worksheetToGrid);
    const activeTab = this.workbook.views?.[0]?.activeTab;
    const active = typeof activeTab === "number" ? this.workbook.worksheets[activeTab] : undefined;
    return { sheets, generated: readMarkers(this.workbook), activeSheet: active ? active.name : null };
  }
}
