// Loading and saving .xlsx bytes with ExcelJS, with Vietnamese messages for files that are not
// workbooks, are damaged or too large. Works in Node and in the browser (bytes in, bytes out).
import { Workbook } from "exceljs";
import { refuseNonWorkbook } from "./xlsxGate";
import { clipMergesToUsedRange, type WorksheetMergeModel } from "./xlsxCells";
import { checkPackage, DEFAULT_LIMITS, type PackageLimits } from "../package/xlsxPackageCheck";
import { XlsxReadError } from "../package/xlsxReadError";

export { XlsxReadError, XlsxTooLargeError } from "../package/xlsxReadError";

/** The hook ExcelJS calls between parsing the parts and building the workbook from them. */
interface Reconciling {
  reconcile(model: { worksheets: WorksheetMergeModel[] }, options: unknown): void;
}

/** Has `wb` bound every worksheet's merges to its used range before building its cells. */
function clipMergesOnLoad(wb: Workbook): void {
  const xlsx = wb.xlsx as unknown as Reconciling;
  const reconcile = xlsx.reconcile.bind(xlsx);
  xlsx.reconcile = (model, options) => {
    reconcile(model, options);
    for (const ws of model.worksheets) clipMergesToUsedRange(ws);
  };
}

/** Throws XlsxReadError unless the bytes are a sound .xlsx package within `limits`. */
async function refuseUnreadable(bytes: Uint8Array, limits: PackageLimits): Promise<void> {
  refuseNonWorkbook(bytes);
  await checkPackage(bytes, limits);
}

export async function loadWorkbook(data: ArrayBuffer | Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): Promise<Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  await refuseUnreadable(bytes, limits);
  const wb = new Workbook();
  clipMergesOnLoad(wb);
  try {
    // ExcelJS's typings ask for a Node Buffer; it accepts any ArrayBuffer view (JSZip underneath).
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new XlsxReadError(`Tệp .xlsx bị hỏng hoặc không đầy đủ, không đọc được (${detail}).`, detail);
  }
  return wb;
}

/** The workbook as .xlsx bytes. */
export async function saveWorkbook(wb: Workbook): Promise<Uint8Array> {
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
