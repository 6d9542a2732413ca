// The second file a clerk adds for the Word draft (the communes' ranking beside the district's
// own sheet): read in the browser by the project's .xlsx reader, a chunk loaded only when a
// file is chosen, so the pane's start stays small and free of ExcelJS.
import type { EngineSettings, Grid } from "../engine/core/types";
import { combineWorkbooks } from "../host/file/combineWorkbooks";
import { UserError } from "./messages";

export interface SecondWorkbook {
  name: string;
  /** Its user sheets (not those this project generated in it), in tab order. */
  grids: Grid[];
  hidden: string[];
  /** Its column maps, by sheet name (saved in it by the add-in). */
  columnMaps: NonNullable<EngineSettings["columnMaps"]>;
}

/** What a file input gives: a name and the bytes. */
export interface ChosenFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export async function readSecondWorkbook(file: ChosenFile): Promise<SecondWorkbook> {
  const { openXlsx } = await import(/* webpackChunkName: "xlsx-reader" */ "../host/file/xlsxAnalysis");
  try {
    const opened = await openXlsx(await file.arrayBuffer());
    return { name: file.name, grids: opened.userSheets, hidden: [...opened.port.hiddenSheets()], columnMaps: opened.settings.columnMaps };
  } catch (err) {
    throw new UserError(`Không đọc được tệp "${file.name}": ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** How the open workbook is named where a sheet name collides with the second file's. */
export const THIS_WORKBOOK = "bảng tính đang mở";

/** This workbook's sheets and the second file's, as one workbook; settings with both files' column maps. */
export function withSecondWorkbook(
  grids: Grid[],
  settings: Partial<EngineSettings>,
  second: SecondWorkbook | null | undefined,
): { grids: Grid[]; hidden: string[]; settings: Partial<EngineSettings> } {
  if (!second) return { grids, hidden: [], settings };
  const combined = combineWorkbooks([{ name: THIS_WORKBOOK, grids, hidden: [] }, second]);
  return { ...combined, settings: { ...settings, columnMaps: { ...second.columnMaps, ...settings.columnMaps } } };
}
