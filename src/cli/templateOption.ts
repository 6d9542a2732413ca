// `--template TEMPLATE.xlsx[#SHEET]` for `cchc check`: the official criteria set, read once, and
// every scoring sheet of every input compared with it (issue 19 §1).
import { promises as fs } from "fs";
import * as path from "path";
import { applyTemplate, readTemplate } from "../engine/compare/templateSheet";
import type { ScoringSheet, WorkbookAnalysis } from "../engine/core/types";
import { openXlsx } from "../host/file/xlsxAnalysis";
import type { PackageLimits } from "../host/file/package/xlsxPackageCheck";
import type { FileCheck } from "./checkJson";
import { readInputFile } from "./files";
import { readErrorMessage } from "./sizeOption";

export const TEMPLATE_OPTION = "--template";

export interface LoadedTemplate {
  /** The file as given (without "#SHEET"). */
  file: string;
  /** Its real path, to know it among the inputs. */
  realPath: string;
  /** The sheet named after "#", if any. */
  sheetGiven: string | null;
  template: ScoringSheet;
  /** For stderr: the template's own errors (a maximum not its children's sum …), which every comparison inherits. */
  notes: string[];
}

const realPathOf = async (file: string) => fs.realpath(file).catch(() => path.resolve(file));

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * "mau.xlsx#Bộ tiêu chí" names a sheet; a file whose own name holds "#" is taken whole when it
 * exists under the full text.
 */
export async function splitTemplateValue(value: string): Promise<{ file: string; sheet: string | null }> {
  const hash = value.lastIndexOf("#");
  if (hash <= 0 || hash === value.length - 1 || (await exists(value))) return { file: value, sheet: null };
  return { file: value.slice(0, hash), sheet: value.slice(hash + 1) };
}

/** The template, or a Vietnamese message naming it; undefined without the option. */
export async function loadTemplate(value: string | undefined, limits: PackageLimits): Promise<LoadedTemplate | { error: string } | undefined> {
  if (value === undefined) return undefined;
  const { file, sheet } = await splitTemplateValue(value);
  let grids;
  try {
    grids = (await openXlsx(await readInputFile(file, limits.maxUnpackedBytes), undefined, limits)).userSheets;
  } catch (err) {
    return { error: `Tệp bộ tiêu chí mẫu ${file}: ${readErrorMessage(err)}` };
  }
  const read = readTemplate(grids, sheet);
  if (!read.ok) return { error: `Tệp bộ tiêu chí mẫu ${file}: ${read.error}` };
  const errors = read.template.findings.filter((f) => f.severity === "error");
  const notes = errors.map((f) => `Bộ tiêu chí mẫu ${file}, sheet "${read.template.sheet}", ô ${f.cell}: ${f.message}`);
  return { file, realPath: await realPathOf(file), sheetGiven: sheet, template: read.template, notes };
}

/**
 * Whether an input is the template's own file taken whole: it is the criteria set, no unit, and is
 * left out of the check. A file whose one sheet was named (#SHEET) is checked, less that sheet.
 */
export async function isTemplateFile(file: string, loaded: LoadedTemplate): Promise<boolean> {
  return loaded.sheetGiven === null && (await realPathOf(file)) === loaded.realPath;
}

/**
 * The analysis less its comparison with a criteria set the workbook's settings name (a set stored
 * from a file, a sheet): `--template` overrides it, so no sheet is compared twice.
 */
function withoutSavedTemplate(analysis: WorkbookAnalysis): WorkbookAnalysis {
  const sheets = analysis.sheets.map((s) => {
    if (s.kind !== "scoring" || !s.template) return s;
    const { template: _saved, ...rest } = s;
    return { ...rest, findings: s.findings.filter((f) => !f.rule.startsWith("template-")) };
  });
  return { ...analysis, sheets };
}

/** The input with each scoring sheet compared with the template (its findings joined). */
export async function withTemplate(input: FileCheck, loaded: LoadedTemplate): Promise<FileCheck> {
  if (!input.analysis) return input;
  const same = (await realPathOf(input.file)) === loaded.realPath;
  const skip = same ? loaded.template.sheet : null;
  const analysis = applyTemplate(withoutSavedTemplate(input.analysis), loaded.template, { file: loaded.file, sheet: loaded.template.sheet }, skip);
  return { ...input, analysis };
}

/** The inputs less the template's own file, and a note on stderr's behalf for each one left out. */
export async function withoutTemplateFile<T extends { file: string; error?: string }>(inputs: readonly T[], loaded: LoadedTemplate): Promise<{ inputs: T[]; notes: string[] }> {
  const kept: T[] = [];
  const notes: string[] = [];
  for (const input of inputs) {
    if (input.error === undefined && (await isTemplateFile(input.file, loaded))) notes.push(`Bỏ qua ${input.file}: đây là tệp bộ tiêu chí mẫu (--template), không phải bảng điểm của đơn vị.`);
    else kept.push(input);
  }
  return { inputs: kept, notes };
}
