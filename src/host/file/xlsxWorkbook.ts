// The report port of `cchc summary` and the standalone page over .xlsx bytes: grids are read by
// the project's own reader (read/), sheets are written into the original package
// (write/xlsxPackage.ts), so the output is the input plus the new sheets and nothing of the
// clerk's workbook is lost.
import { fingerprintOfCells, fingerprintOfPlan, judgeGenerated, type KeptSheet } from "../../engine/plans/generatedFingerprint";
import type { SheetPlan } from "../../engine/plans/plan";
import { resolveSheetName } from "../../engine/plans/sheetNames";
import { readXlsx, type ReadOptions } from "./read/readXlsx";
import { sheetContent, snapshotOf } from "./read/readSnapshot";
import type { ReadWorkbook } from "./read/workbookModel";
import { DEFAULT_LIMITS, type PackageLimits } from "./package/xlsxPackageCheck";
import type { ReportPort, WorkbookSnapshot } from "../port";
import { fingerprintFormula, fingerprintName, markerReference, markersOf, storedFingerprint } from "../generatedMarkers";
import { XlsxPackage } from "./write/xlsxPackage";
import { printTitlesReference, sheetXml } from "./write/xlsxSheetXml";
import { appendStyles } from "./write/xlsxStylesAppend";
import { PackageFormatError, quoteSheet, sheetNameProblem, type SheetEntry } from "./write/xlsxWorkbookParts";

export class XlsxWorkbook implements ReportPort {
  private pkg: XlsxPackage | null = null;
  /** Fingerprints of the sheets written through this object, by lower-case name. */
  private readonly written = new Map<string, string>();

  /** `workbook` is `bytes` as read by readXlsx; it is only read. */
  constructor(
    private readonly bytes: Uint8Array,
    readonly workbook: ReadWorkbook,
  ) {}

  /** Reads the bytes (throws XlsxReadError with a Vietnamese message). */
  static async open(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS, options?: ReadOptions): Promise<XlsxWorkbook> {
    return new XlsxWorkbook(bytes, await readXlsx(bytes, limits, options));
  }

  async read(): Promise<WorkbookSnapshot> {
    return snapshotOf(this.workbook);
  }

  /** Names of the hidden sheets (an old year kept hidden is not the default to summarise). */
  hiddenSheets(): Set<string> {
    return new Set(this.workbook.sheets.filter((s) => s.state !== "visible").map((s) => s.name));
  }

  /** Whether the workbook holds macros, so the result must be saved as .xlsm. */
  async hasMacros(): Promise<boolean> {
    return (await this.package()).hasMacros;
  }

  async writeSheets(plans: SheetPlan[], kept?: KeptSheet[]): Promise<string[]> {
    const pkg = await this.package();
    // A copy would carry the name into a file Excel has to repair: said before anything is written.
    for (const sheet of pkg.sheets) {
      const problem = sheetNameProblem(sheet.name);
      if (problem !== null) {
        throw new PackageFormatError(
          `sheet "${sheet.name}" trong xl/workbook.xml có tên Excel không chấp nhận (${problem}); bản sao sẽ bị Excel báo lỗi và phải sửa. Hãy đổi tên sheet trong Excel rồi chạy lại.`,
        );
      }
    }
    const styles = await pkg.styles();
    const appended = appendStyles(styles.xml, plans.flatMap((p) => p.cells));
    pkg.setPart(styles.path, appended.xml);
    const used: string[] = [];
    for (const plan of plans) {
      const names = pkg.names.filter((n) => n.localSheetId === undefined);
      const sheets = pkg.sheets;
      const markedName = markersOf(names, sheets.map((s) => s.name))[plan.marker];
      const marked = sheets.find((s) => s.name === markedName);
      let replaces: SheetEntry | undefined;
      let verdict: ReturnType<typeof judgeGenerated> | undefined;
      if (marked) {
        verdict = judgeGenerated(storedFingerprint(names, plan.marker), this.fingerprintOf(marked.name));
        if (verdict === "replace") replaces = marked;
      }
      const { name } = resolveSheetName(plan.name, sheets.map((s) => s.name), replaces?.name);
      await pkg.addSheet(name, sheetXml(plan, (key) => appended.indexOf.get(key) ?? 0), replaces, plan.charts);
      const fingerprint = fingerprintOfPlan(plan);
      pkg.setDefinedName(plan.marker, markerReference(name));
      pkg.setDefinedName(fingerprintName(plan.marker), fingerprintFormula(fingerprint));
      const titles = printTitlesReference(plan, quoteSheet(name));
      if (titles !== null) pkg.setDefinedName("_xlnm.Print_Titles", titles, pkg.sheets.findIndex((s) => s.name === name));
      if (marked && verdict !== undefined && verdict !== "replace") kept?.push({ marker: plan.marker, sheet: marked.name, replacement: name, reason: verdict });
      this.written.set(name.toLowerCase(), fingerprint);
      used.push(name);
    }
    return used;
  }

  /** The package with the sheets written so far. */
  async save(): Promise<Uint8Array> {
    return (await this.package()).save();
  }

  private async package(): Promise<XlsxPackage> {
    this.pkg ??= await XlsxPackage.load(this.bytes);
    return this.pkg;
  }

  /** The fingerprint of what a sheet holds now ("" for a sheet that cannot be read: never a match). */
  private fingerprintOf(sheet: string): string {
    const written = this.written.get(sheet.toLowerCase());
    if (written !== undefined) return written;
    const read = this.workbook.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    return read ? fingerprintOfCells(sheetContent(read)) : "";
  }
}
