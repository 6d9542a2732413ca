// WorkbookPort over an ExcelJS workbook: the command line and the standalone page read grids and
// write sheet plans through it, exactly as the add-in does through Office.js. No file I/O here.
import type { Workbook, Worksheet } from "exceljs";
import type { SheetPlan } from "../engine/plan";
import { resolveSheetName } from "../engine/sheetNames";
import type { CellWrite, WorkbookPort, WorkbookSnapshot } from "./port";
import { worksheetToGrid } from "./xlsxCells";
import { readMarkers, setMarker } from "./xlsxMarkers";
import { renderPlan, worksheetOptions } from "./xlsxPlan";

/** ExcelJS keeps the tab position in `orderNo`, which its typings do not declare. */
type Ordered = Worksheet & { orderNo: number };

export class ExcelJsWorkbook implements WorkbookPort {
  constructor(readonly workbook: Workbook) {}

  async read(): Promise<WorkbookSnapshot> {
    const sheets = this.workbook.worksheets.map(worksheetToGrid);
    const activeTab = this.workbook.views?.[0]?.activeTab;
    const active = typeof activeTab === "number" ? this.workbook.worksheets[activeTab] : undefined;
    return { sheets, generated: readMarkers(this.workbook), activeSheet: active ? active.name : null };
  }

  async writeSheets(plans: SheetPlan[]): Promise<string[]> {
    const used: string[] = [];
    for (const plan of plans) {
      const names = this.workbook.worksheets.map((ws) => ws.name);
      const own = readMarkers(this.workbook)[plan.marker];
      const { name, replaces } = resolveSheetName(plan.name, names, own);
      // Our earlier sheet is replaced in place: same tab position, never a user's sheet.
      let position: number | undefined;
      if (replaces !== null) {
        const old = this.findSheet(replaces);
        if (old) {
          position = (old as Ordered).orderNo;
          this.workbook.removeWorksheet(old.id);
        }
      }
      const ws = this.workbook.addWorksheet(name, worksheetOptions(plan));
      if (position !== undefined) (ws as Ordered).orderNo = position;
      renderPlan(ws, plan);
      setMarker(this.workbook, plan.marker, name);
      used.push(name);
    }
    return used;
  }

  async writeCells(cells: CellWrite[]): Promise<void> {
    let formulas = false;
    for (const c of cells) {
      const ws = this.findSheet(c.sheet);
      if (!ws) throw new Error(`Không tìm thấy sheet "${c.sheet}" trong bảng tính.`);
      const cell = ws.getCell(c.address);
      if (c.formula !== undefined) {
        cell.value = { formula: c.formula.replace(/^=/, "") };
        formulas = true;
      } else {
        cell.value = c.value ?? null;
      }
    }
    // Formulas written without a cached value: ask Excel to calculate everything on open.
    if (formulas) this.workbook.calcProperties = { ...this.workbook.calcProperties, fullCalcOnLoad: true };
  }

  private findSheet(name: string): Worksheet | undefined {
    const lower = name.toLowerCase();
    return this.workbook.worksheets.find((ws) => ws.name.toLowerCase() === lower);
  }
}
