// A criteria set kept in the settings (`templateFile`, chosen as a file in Cài đặt, issue 19 §1)
// read back into a template through the same reader as the file, so a stored set compares exactly
// as the file it came from. Kept apart from its storing (`templateStore.ts`): the pane loads this
// one at its start, that one only with the settings form.
import type { CellValue, ScoringSheet, StoredTemplate } from "../core/types";
import { readTemplate } from "./templateSheet";

/**
 * The template a stored set stands for: a sheet "STT | Nội dung | Điểm tối đa" of its rows, read by
 * `readTemplate`. An empty row under the header keeps the first criterion from being taken for a
 * row of column numbers. Null when nothing reads as a criterion.
 */
export function storedTemplateSheet(stored: StoredTemplate): ScoringSheet | null {
  const values: CellValue[][] = [["STT", "Nội dung", "Điểm tối đa"], [], ...stored.criteria.map((c) => [c.code, c.name, c.max])];
  const read = readTemplate([{ name: stored.sheet, values }], stored.sheet);
  return read.ok ? read.template : null;
}
