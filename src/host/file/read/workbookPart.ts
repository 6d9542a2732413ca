// xl/workbook.xml: the sheets in tab order (name, state, relationship id), the workbook-level
// defined names, the active tab and the 1904 date system.
import { XlsxReadError } from "../package/xlsxReadError";
import { attr, attrIn, isSml, OFFICE_REL, type XmlHandler, type XmlTag } from "./xmlPart";

export interface SheetEntry {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** The relationship id of the sheet's part (r:id). */
  relId: string;
}

export class WorkbookReader implements XmlHandler {
  readonly sheets: SheetEntry[] = [];
  readonly definedNames: { name: string; formula: string }[] = [];
  activeTab: number | null = null;
  date1904 = false;
  private root = false;
  private inName: { name: string; text: string } | null = null;
  private views = 0;
  private sawSheets = false;

  constructor(private readonly part: string) {}

  open(tag: XmlTag): void {
    if (!this.root) {
      if (!isSml(tag, "workbook")) {
        throw new XlsxReadError(
          `Tệp .xlsx bị hỏng: phần ${this.part} không phải phần sổ làm việc của bảng tính (gốc là <${tag.name}>).`,
          `${this.part}: root ${tag.uri} ${tag.local}`,
        );
      }
      this.root = true;
      return;
    }
    if (isSml(tag, "sheet")) this.sheet(tag);
    else if (isSml(tag, "sheets")) this.sawSheets = true;
    else if (isSml(tag, "definedName")) {
      // Names local to one sheet (print titles, filters) are not the workbook's.
      const name = attr(tag, "name");
      this.inName = name !== undefined && attr(tag, "localSheetId") === undefined ? { name, text: "" } : null;
    } else if (isSml(tag, "workbookView")) {
      // The first view is the one Excel opens with.
      if (this.views++ === 0) {
        const tab = attr(tag, "activeTab");
        this.activeTab = tab !== undefined && /^\d+$/.test(tab) ? Number(tab) : null;
      }
    } else if (isSml(tag, "workbookPr")) {
      const v = attr(tag, "date1904");
      this.date1904 = v === "1" || v === "true";
    }
  }

  text(text: string): void {
    if (this.inName) this.inName.text += text;
  }

  close(tag: XmlTag): void {
    if (isSml(tag, "definedName") && this.inName) {
      this.definedNames.push({ name: this.inName.name, formula: this.inName.text });
      this.inName = null;
    }
  }

  /**
   * Refuses a workbook whose <sheets> names no sheet (Excel cannot have one). A workbook without
   * any <sheets> element (what ExcelJS writes for a workbook with no sheet) reads as having none,
   * as it always has: `cchc check` then says the workbook has no sheet.
   */
  finish(): void {
    if (this.sawSheets && this.sheets.length === 0) {
      throw new XlsxReadError(`Tệp .xlsx bị hỏng: phần ${this.part} không có sheet nào (bảng tính nào cũng có ít nhất một sheet).`, `${this.part}: no sheet`);
    }
  }

  private sheet(tag: XmlTag): void {
    const name = attr(tag, "name");
    const relId = attrIn(tag, OFFICE_REL, "id");
    if (name === undefined || relId === undefined) {
      throw new XlsxReadError(
        `Tệp .xlsx bị hỏng: phần ${this.part} khai báo một sheet thiếu ${name === undefined ? "tên" : `liên kết tới phần dữ liệu (sheet "${name}")`}.`,
        `${this.part}: sheet without ${name === undefined ? "name" : "r:id"}`,
      );
    }
    const s = attr(tag, "state");
    const state = s === "hidden" || s === "veryHidden" ? s : "visible";
    this.sheets.push({ name, state, relId });
  }
}
