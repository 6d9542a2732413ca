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
  // Settings come from the document as saved, whatever wrote them: a wrong shape is no set, not a failure.
  const unknown = stored as unknown as { sheet?: unknown; criteria?: unknown };
  if (typeof unknown !== "object" || unknown === null || typeof unknown.sheet !== "string" || !Array.isArray(unknown.criteria)) return null;
  const cell = (v: unknown): CellValue => (typeof v === "string" || typeof v === "number" ? v : null);
  const rows = (unknown.criteria as unknown[]).map((c): CellValue[] => {
    const r = typeof c === "object" && c !== null ? (c as Record<string, unknown>) : {};
    return [cell(r.code), cell(r.name), cell(r.max)];
  });
  const values: CellValue[][] = [["STT", "Nội dung", "Điểm tối đa"], [], ...rows];
  const read = readTemplate([{ name: stored.sheet, values }], stored.sheet);
  return read.ok ? read.template : null;
}
