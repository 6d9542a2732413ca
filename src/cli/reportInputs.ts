// The workbooks `cchc report` drafts from, read as one: a district's scoring sheet in one file
// and its communes' table or sheets in another are analysed together (so the analysis across
// units sees every unit), then compared with --previous. Sheet names that collide across files
// get the file's name added (host/file/combineWorkbooks.ts, shared with the page and the pane).
// Each failure answers with a Vietnamese message.
import { promises as fs } from "fs";
import * as path from "path";
import { analyzeWorkbook } from "../engine/analyze";
import type { EngineSettings, Grid, WorkbookAnalysis } from "../engine/core/types";
import { combineWorkbooks } from "../host/file/combineWorkbooks";
import { openXlsx, type OpenedWorkbook } from "../host/file/xlsxAnalysis";
import { checkFile } from "./checkCommand";
import { escapeControls } from "./checkText";
import { readInputFile } from "./files";
import { loadPrevious, withPrevious } from "./previousOption";
import { MAX_SIZE_OPTION, parseMaxSize, readErrorMessage } from "./sizeOption";
import { givenSettings, settingsLines, settingsReport } from "./settingsOptions";

export interface OpenedFile {
  file: string;
  opened: OpenedWorkbook;
}

export interface ReportInputs {
  /** The user's sheets of every file, in file then tab order, renamed where names collide. */
  grids: Grid[];
  /** Their analysis as one workbook, compared with last year's where --previous was given. */
  analysis: WorkbookAnalysis;
  /** Sheets kept hidden in their workbook (an old year), under their names in `grids`. */
  hidden: string[];
  /** The settings the analysis used: the first file's (saved in it, or given on the command line). */
  settings: EngineSettings;
  /** Which settings each file used and what could not be: lines to print. */
  settingsLines: string[];
}

/** The input OUT would overwrite, if any (OUT is checked against every input before anything else). */
export async function inputAt(inputs: readonly string[], out: string): Promise<string | null> {
  const real = async (p: string) => fs.realpath(p).catch(() => path.resolve(p));
  const target = await real(out);
  for (const input of inputs) if ((await real(input)) === target) return input;
  return null;
}

/** The opened files as one workbook (see host/file/combineWorkbooks.ts). */
export function combineOpened(files: readonly OpenedFile[]): { grids: Grid[]; hidden: string[] } {
  return combineWorkbooks(files.map((f) => ({ name: f.file, grids: f.opened.userSheets, hidden: f.opened.port.hiddenSheets() })));
}

/**
 * Reads and analyses every input (--max-size each), as one workbook, then compares it with
 * --previous. Messages about sheets without a match go to stderr; an unreadable file, no match
 * at all, or an unusable last-year file is an error.
 */
export async function openReportInputs(inputs: readonly string[], options: ReadonlyMap<string, string>): Promise<ReportInputs | { error: string }> {
  const limits = parseMaxSize(options.get(MAX_SIZE_OPTION));
  if ("error" in limits) return { error: limits.error };
  const given = await givenSettings(options);
  if ("error" in given) return { error: escapeControls(given.error) };
  const files: OpenedFile[] = [];
  for (const file of inputs) {
    try {
      files.push({ file, opened: await openXlsx(await readInputFile(file, limits.maxUnpackedBytes), given.settings, limits, { columns: given.columns }) });
    } catch (err) {
      return { error: `${file}: ${readErrorMessage(err)}` };
    }
  }
  const { grids, hidden } = combineOpened(files);
  const lines = files.flatMap((f) => settingsLines(settingsReport(f.opened)).map((l) => escapeControls(files.length > 1 ? `${f.file}: ${l}` : l)));
  // Several files read as one: the first file's settings, with every file's column maps (by sheet name).
  const settings: EngineSettings = { ...files[0].opened.settings, columnMaps: Object.assign({}, ...files.map((f) => f.opened.settings.columnMaps)) };
  const analysis = files.length === 1 ? files[0].opened.analysis : analyzeWorkbook(grids, settings);
  const previous = await loadPrevious(options.get("--previous"), (file) => checkFile(file, limits));
  if (previous && "error" in previous) return { error: escapeControls(previous.error) };
  if (!previous) return { grids, analysis, hidden, settings, settingsLines: lines };
  const compared = withPrevious({ file: inputs.join(", "), analysis }, previous);
  // Unit names come from cells: controls are escaped before they reach the terminal.
  if (!compared.ok) return { error: compared.messages.map(escapeControls).join("\n") };
  for (const m of compared.messages) process.stderr.write(escapeControls(m) + "\n");
  return { grids, analysis: compared.result.analysis ?? analysis, hidden, settings, settingsLines: lines };
}
