// Cài đặt → the criteria set chosen as a file (issue 19 §1): read in the browser by the project's
// .xlsx reader (the "xlsx-reader" chunk, loaded only when a file is chosen) and the template
// reader, then kept in the settings in its stored form. Part of the settings form's chunk.
import { storedTemplateSheet } from "../engine/compare/storedTemplate";
import { storeTemplate, templateSize } from "../engine/compare/templateStore";
import { readTemplate, readTemplates } from "../engine/compare/templateSheet";
import type { StoredTemplate } from "../engine/core/types";
import { formatPointsVi } from "../engine/core/viText";
import { UserError } from "./messages";
import type { ChosenFile } from "./secondWorkbook";

/**
 * The criteria sets in `file`, one per sheet that reads as one, in tab order (the first is used
 * unless the clerk chooses another). A Vietnamese UserError naming the file when there is none.
 */
export async function readTemplateFile(file: ChosenFile): Promise<StoredTemplate[]> {
  const { openXlsx } = await import(/* webpackChunkName: "xlsx-reader" */ "../host/file/xlsxAnalysis");
  const refuse = (why: string) => new UserError(`Không dùng được tệp "${file.name}" làm bộ tiêu chí mẫu: ${why}`);
  let grids;
  try {
    grids = (await openXlsx(await file.arrayBuffer())).userSheets;
  } catch (err) {
    throw refuse(err instanceof Error ? err.message : String(err));
  }
  const sets = readTemplates(grids);
  if (sets.length === 0) {
    const read = readTemplate(grids);
    throw refuse(read.ok ? "" : read.error);
  }
  return sets.map((t) => storeTemplate(t, file.name));
}

/** 'Bộ tiêu chí: mau.xlsx, sheet "Bộ tiêu chí" (85 tiêu chí, tổng điểm tối đa 97)'. */
export function templateFileSummary(stored: StoredTemplate): string {
  const template = storedTemplateSheet(stored);
  const size = template ? templateSize(template) : { criteria: 0, max: 0 };
  return `Bộ tiêu chí: ${stored.file}, sheet "${stored.sheet}" (${size.criteria} tiêu chí, tổng điểm tối đa ${formatPointsVi(size.max)})`;
}

/**
 * What the form says when both a sheet of this workbook and a file are chosen: the sheet is used
 * (as the engine does), the file is kept for when no sheet is chosen. Null when not both.
 */
export function templateChoiceNote(sheet: string, file: StoredTemplate | null): string | null {
  if (sheet === "" || !file) return null;
  return `Đang chọn cả sheet "${sheet}" và tệp "${file.file}": sheet "${sheet}" của bảng tính này được dùng để đối chiếu; tệp chỉ được dùng khi ô sheet để "(không dùng sheet nào)".`;
}
