// `--previous PREV` for `cchc check`, `cchc summary` and `cchc report`: last year's workbook, read once, and
// each input's scoring sheets compared with the sheets of the same units in it.
import { compareWithPrevious } from "../engine/compare/previousYear";
import type { WorkbookAnalysis } from "../engine/core/types";
import type { FileCheck } from "./checkJson";

export interface PreviousWorkbook {
  file: string;
  analysis: WorkbookAnalysis;
}

/** Last year's workbook, or a Vietnamese message naming it; undefined without the option. */
export async function loadPrevious(
  file: string | undefined,
  readFile: (file: string) => Promise<FileCheck>,
): Promise<PreviousWorkbook | { error: string } | undefined> {
  if (file === undefined) return undefined;
  const read = await readFile(file);
  if (read.error !== undefined || !read.analysis) return { error: `Tệp năm trước ${file}: ${read.error ?? "không đọc được."}` };
  if (!read.analysis.sheets.some((s) => s.kind === "scoring")) {
    return { error: `Tệp năm trước ${file} không có bảng chấm điểm nào để so sánh.` };
  }
  return { file, analysis: read.analysis };
}

/**
 * The input compared with last year; `ok` is false when the input has scoring sheets and none of
 * them found last year's sheet (the messages say which).
 */
export function withPrevious(input: FileCheck, previous: PreviousWorkbook): { result: FileCheck; messages: string[]; ok: boolean } {
  if (!input.analysis) return { result: input, messages: [], ok: true };
  const { analysis, messages } = compareWithPrevious(input.analysis, previous.analysis, previous.file);
  const scoring = analysis.sheets.filter((s) => s.kind === "scoring");
  const ok = scoring.length === 0 || scoring.some((s) => s.kind === "scoring" && s.comparison);
  return { result: { ...input, analysis }, messages: messages.map((m) => `${input.file}: ${m}`), ok };
}
