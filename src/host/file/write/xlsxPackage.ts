// An .xlsx/.xlsm package opened for adding sheets: the output is the input package plus the new
// sheets. Parts nobody edits are never parsed nor rewritten (the zip entries are passed on as
// they are); only xl/workbook.xml, its relationships, [Content_Types].xml and xl/styles.xml
// (by appending) change, and the parts of a replaced generated sheet are the only ones removed.
import JSZip from "jszip";
import {
  addContentTypeOverride,
  contentTypeOverrides,
  appendRelationship,
  appendSheetElement,
  definedNames,
  freeRelationshipId,
  PackageFormatError,
  relationships,
  relsPathOf,
  removeContentTypeOverride,
  removeDefinedNames,
  replaceElement,
  resolveTarget,
  setDefinedName,
  sheetElement,
  sheetEntries,
  WORKSHEET_CONTENT_TYPE,
  WORKSHEET_TYPE,
  type DefinedName,
  type SheetEntry,
} from "./xlsxWorkbookParts";
import { DEFAULT_STYLES_XML } from "./xlsxStylesAppend";
import { elementsOf, setAttribute } from "./xlsxXml";
import type { ChartPlan } from "../../../engine/plans/plan";
import { CHART_CONTENT_TYPE, CHART_REL_TYPE, DRAWING_CONTENT_TYPE, DRAWING_REL_TYPE, chartPartXml, drawingXml, relsXml } from "./xlsxCharts";

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const CONTENT_TYPES = "[Content_Types].xml";
const STYLES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const STYLES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const CALC_CHAIN_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain";
/** The part that holds an .xlsm's macros. */
export const VBA_PROJECT = "xl/vbaProject.bin";

/** Excel writes no folder entries into a package; neither do we. */
const NO_FOLDERS = { createFolders: false } as const;

async function text(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  return file ? file.async("string") : null;
}

export class XlsxPackage {
  /** Parts removed, so a new sheet never takes the path of one just removed. */
  private readonly removed = new Set<string>();

  private constructor(
    private readonly zip: JSZip,
    private workbookXml: string,
    private relsXml: string,
    private typesXml: string,
  ) {}

  static async load(bytes: Uint8Array): Promise<XlsxPackage> {
    const zip = await JSZip.loadAsync(bytes);
    const [workbook, rels, types] = await Promise.all([text(zip, WORKBOOK), text(zip, WORKBOOK_RELS), text(zip, CONTENT_TYPES)]);
    if (workbook === null || rels === null || types === null) {
      throw new PackageFormatError("Tệp .xlsx thiếu phần bắt buộc (xl/workbook.xml, quan hệ của nó hoặc [Content_Types].xml).");
    }
    return new XlsxPackage(zip, workbook, rels, types);
  }

  get sheets(): SheetEntry[] {
    return sheetEntries(this.workbookXml);
  }

  get names(): DefinedName[] {
    return definedNames(this.workbookXml);
  }

  /** Whether the package holds macros (then it must be saved as .xlsm). */
  get hasMacros(): boolean {
    return this.zip.file(VBA_PROJECT) !== null;
  }

  /** The zip path of a sheet's worksheet part. */
  sheetPart(entry: SheetEntry): string {
    const rel = relationships(this.relsXml).find((r) => r.id === entry.relId);
    if (!rel) throw new PackageFormatError(`Tệp hỏng: không tìm thấy phần dữ liệu của sheet "${entry.name}".`);
    return resolveTarget(WORKBOOK, rel.target);
  }

  /** The styles part's path and text; a workbook without one gets Excel's defaults. */
  async styles(): Promise<{ path: string; xml: string }> {
    const rel = relationships(this.relsXml).find((r) => r.type === STYLES_TYPE);
    if (rel) {
      const path = resolveTarget(WORKBOOK, rel.target);
      const xml = await text(this.zip, path);
      if (xml !== null) return { path, xml };
      // Related but missing: Excel's defaults where the relationship points, declared once.
      if (!contentTypeOverrides(this.typesXml).includes(`/${path}`.toLowerCase())) {
        this.typesXml = addContentTypeOverride(this.typesXml, path, STYLES_CONTENT_TYPE);
      }
      return { path, xml: DEFAULT_STYLES_XML };
    }
    const path = "xl/styles.xml";
    this.relsXml = appendRelationship(this.relsXml, freeRelationshipId(this.relsXml), STYLES_TYPE, "styles.xml");
    this.typesXml = addContentTypeOverride(this.typesXml, path, STYLES_CONTENT_TYPE);
    return { path, xml: DEFAULT_STYLES_XML };
  }

  setPart(path: string, xml: string): void {
    this.zip.file(path, xml, NO_FOLDERS);
  }

  /**
   * Adds a worksheet part at the end of the tabs, or in place of `replaces` (whose parts go).
   * `charts` (the plan's) get a drawing and a part each; `xml` then holds the `<drawing>` element.
   */
  async addSheet(name: string, xml: string, replaces?: SheetEntry, charts: readonly ChartPlan[] = []): Promise<void> {
    const part = this.freeSheetPart();
    if (charts.length > 0) this.addCharts(part, name, charts);
    const relId = freeRelationshipId(this.relsXml);
    this.relsXml = appendRelationship(this.relsXml, relId, WORKSHEET_TYPE, part.slice("xl/".length));
    this.typesXml = addContentTypeOverride(this.typesXml, part, WORKSHEET_CONTENT_TYPE);
    this.zip.file(part, xml, NO_FOLDERS);
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    const element = sheetElement(this.workbookXml, name, sheetId, relId);
    if (replaces) {
      // Same tab position, so every other sheet keeps its index (sheet-level names, active tab).
      const index = this.sheets.findIndex((s) => s.element === replaces.element);
      await this.removeSheetParts(replaces);
      this.workbookXml = removeDefinedNames(this.workbookXml, (d) => d.localSheetId === index);
      this.workbookXml = replaceElement(this.workbookXml, replaces.element, element);
    } else {
      this.workbookXml = appendSheetElement(this.workbookXml, element);
    }
  }

  /** Hides a sheet ("hidden", or "veryHidden": shown again only by a macro). */
  setSheetState(name: string, state: "visible" | "hidden" | "veryHidden"): void {
    const entry = this.sheets.find((s) => s.name === name);
    if (!entry) throw new PackageFormatError(`Không tìm thấy sheet "${name}" trong tệp.`);
    this.workbookXml = replaceElement(this.workbookXml, entry.element, setAttribute(entry.element, "state", state));
  }

  /** The tab shown on opening (0-based). */
  setActiveTab(index: number): void {
    const view = elementsOf(this.workbookXml, "workbookView")[0];
    if (!view) return;
    const open = view.text.slice(0, view.text.indexOf(">") + 1);
    this.workbookXml = replaceElement(this.workbookXml, open, setAttribute(open, "activeTab", String(index)));
  }

  setDefinedName(name: string, formula: string, localSheetId?: number): void {
    this.workbookXml = setDefinedName(this.workbookXml, name, formula, localSheetId);
  }

  async save(): Promise<Uint8Array> {
    this.zip.file(WORKBOOK, this.workbookXml, NO_FOLDERS);
    this.zip.file(WORKBOOK_RELS, this.relsXml, NO_FOLDERS);
    this.zip.file(CONTENT_TYPES, this.typesXml, NO_FOLDERS);
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  }

  private freeSheetPart(): string {
    return this.freePart("xl/worksheets/sheet", ".xml");
  }

  private freePart(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const path = `${prefix}${n}${suffix}`;
      if (this.zip.file(path) === null && !this.removed.has(path)) return path;
    }
  }

  /** The drawing of worksheet `part` and its charts, with their relationships and content types. */
  private addCharts(part: string, sheetName: string, charts: readonly ChartPlan[]): void {
    const drawing = this.freePart("xl/drawings/drawing", ".xml");
    const chartParts: string[] = [];
    for (const chart of charts) {
      const path = this.freePart("xl/charts/chart", ".xml");
      this.zip.file(path, chartPartXml(chart, sheetName), NO_FOLDERS);
      this.typesXml = addContentTypeOverride(this.typesXml, path, CHART_CONTENT_TYPE);
      chartParts.push(path);
    }
    this.zip.file(drawing, drawingXml(charts), NO_FOLDERS);
    this.typesXml = addContentTypeOverride(this.typesXml, drawing, DRAWING_CONTENT_TYPE);
    this.zip.file(relsPathOf(drawing), relsXml(CHART_REL_TYPE, chartParts.map((p) => `../charts/${p.slice(p.lastIndexOf("/") + 1)}`)), NO_FOLDERS);
    this.zip.file(relsPathOf(part), relsXml(DRAWING_REL_TYPE, [`../drawings/${drawing.slice(drawing.lastIndexOf("/") + 1)}`]), NO_FOLDERS);
  }

  private removePart(path: string): void {
    this.zip.remove(path);
    this.removed.add(path);
    this.typesXml = removeContentTypeOverride(this.typesXml, path);
  }

  /**
   * Removes a sheet's part, its relationships part and the parts only it refers to (the printer
   * settings Excel keeps per sheet). The calculation chain lists cells of every sheet; Excel
   * rebuilds it when it is missing, so it goes rather than being left pointing at a lost sheet.
   */
  private async removeSheetParts(entry: SheetEntry): Promise<void> {
    const part = this.sheetPart(entry);
    const rel = relationships(this.relsXml).find((r) => r.id === entry.relId)!;
    this.relsXml = replaceElement(this.relsXml, rel.element, "");
    const relsPath = relsPathOf(part);
    const own = await text(this.zip, relsPath);
    this.removePart(part);
    if (own !== null) {
      this.removePart(relsPath);
      await this.removeOwnedParts(part, own);
    }
    const chain = relationships(this.relsXml).find((r) => r.type === CALC_CHAIN_TYPE);
    if (chain) {
      this.relsXml = replaceElement(this.relsXml, chain.element, "");
      this.removePart(resolveTarget(WORKBOOK, chain.target));
    }
  }

  /**
   * Removes the parts `source`'s relationships point at and no other part does, and theirs in
   * turn (a sheet's drawing, then the drawing's charts).
   */
  private async removeOwnedParts(source: string, rels: string): Promise<void> {
    const elsewhere = await this.referencedParts();
    for (const r of relationships(rels)) {
      const target = resolveTarget(source, r.target);
      if (r.external || elsewhere.has(target) || this.zip.file(target) === null) continue;
      const targetRels = await text(this.zip, relsPathOf(target));
      this.removePart(target);
      if (targetRels !== null) {
        this.removePart(relsPathOf(target));
        await this.removeOwnedParts(target, targetRels);
      }
    }
  }

  /** Every part some relationships part of the package points at. */
  private async referencedParts(): Promise<Set<string>> {
    const found = new Set<string>();
    for (const name of Object.keys(this.zip.files).filter((n) => n.endsWith(".rels"))) {
      const xml = name === WORKBOOK_RELS ? this.relsXml : await text(this.zip, name);
      // dir/_rels/name.rels describes dir/name.
      const source = name.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
      for (const r of relationships(xml ?? "")) if (!r.external) found.add(resolveTarget(source, r.target));
    }
    return found;
  }
}
