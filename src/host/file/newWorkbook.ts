// A new workbook holding only generated sheets (`cchc appraisal`'s summary), written by the same
// writer as `cchc summary` into an empty package (as a converted .xls starts from one).
import type { SheetPlan } from "../../engine/plans/plan";
import { XlsxWorkbook } from "./xlsxWorkbook";
import { emptyPackage } from "./write/convertedPackage";
import { DEFAULT_STYLES_XML } from "./write/xlsxStylesAppend";

/** The .xlsx bytes of a workbook with `plans` as its sheets, and the names they got. */
export async function newWorkbookOf(plans: readonly SheetPlan[]): Promise<{ bytes: Uint8Array; names: string[] }> {
  const empty = await emptyPackage(DEFAULT_STYLES_XML);
  const port = new XlsxWorkbook(empty, { format: "xlsx", sheets: [], definedNames: [], activeSheet: null, notices: [] });
  const names = await port.writeSheets([...plans]);
  return { bytes: await port.save(), names };
}
