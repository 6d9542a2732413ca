// What "Cài đặt" saves from its form: the bands (common and per block), the units kept out of
// the ranking, each area's lead office, the column maps. Loaded with the form (its own chunk), not at the pane's start.
import type { EngineSettings, GradeBand, Grid, StoredTemplate, WorkbookAnalysis } from "../engine/core/types";
import { MapFormError, parseColumnMap, type MapChoice } from "../forms/columnMapModel";
import { parseBands, parsePreviousSheet, parseTemplateSheet, type BandInput } from "./settingsController";
import { UserError } from "./messages";
import { issuerLevel, leadOffice } from "../engine/reportDraft/leadOffices";
import { sentenceCase } from "../engine/reportDraft/vietnameseText";

export interface SettingsForm {
  /** The bands of every block without its own. */
  bands: BandInput[];
  /** Each block's bands as typed; all lines empty = the block uses the common bands. */
  blockBands: Record<string, BandInput[]>;
  official: EngineSettings["official"];
  /** Null when no sheet is chosen in the column map. */
  mapping: MapChoice | null;
  /** Sheets whose saved map the clerk asked to remove. */
  removeMappings: string[];
  /** Last year's sheet of this workbook; "" for none. */
  previousSheet: string;
  /** The criteria-set sheet of this workbook; "" for none; absent: unchanged. */
  templateSheet?: string;
  /** The criteria set chosen as a file, in its stored form; null for none; absent: unchanged. */
  templateFile?: StoredTemplate | null;
  /** Units ticked "Không xếp hạng". */
  unranked: string[];
  /** Each shown area's lead office as typed, by area code ("" = the usual one). */
  leadOffices?: Record<string, string>;
  /** The issuing body as typed; "" = read from the title rows. */
  issuer?: string;
}

const blank = (inputs: BandInput[]) => inputs.every((b) => b.name.trim() === "" && b.min.trim() === "");

/** Each block's own bands; a block left empty is left out (it uses the common bands). */
export function parseBlockBands(inputs: Record<string, BandInput[]>): Record<string, GradeBand[]> {
  const out: Record<string, GradeBand[]> = {};
  for (const [block, lines] of Object.entries(inputs)) {
    if (blank(lines)) continue;
    try {
      out[block] = parseBands(lines);
    } catch (err) {
      if (err instanceof UserError) throw new UserError(`Khối "${block}": ${err.message}`);
      throw err;
    }
  }
  return out;
}

/** The blocks of the workbook's units tables, in table order, then those with saved bands. */
export function workbookBlocks(analysis: WorkbookAnalysis, settings: EngineSettings): string[] {
  const found = new Set<string>();
  for (const sheet of analysis.sheets) {
    if (sheet.kind !== "units") continue;
    for (const b of sheet.blocks ?? []) if (b.block) found.add(b.block);
    for (const r of sheet.ranking) if (r.block) found.add(r.block);
  }
  for (const block of Object.keys(settings.blockBands ?? {})) found.add(block);
  return [...found];
}

/** The units of the workbook's units tables, in table order, then those kept out that were not found. */
export function workbookUnits(analysis: WorkbookAnalysis, settings: EngineSettings): string[] {
  const found = new Set<string>();
  for (const sheet of analysis.sheets) if (sheet.kind === "units") for (const row of sheet.rows) found.add(row.unit);
  for (const unit of settings.unranked ?? []) found.add(unit);
  return [...found];
}

/** The areas of the workbook's scoring sheets (first name per code), with the office that leads each when none is set. */
export function workbookAreas(analysis: WorkbookAnalysis): Array<{ code: string; name: string; usual: string | null }> {
  const scoring = analysis.sheets.filter((s) => s.kind === "scoring");
  const level = scoring.map((s) => issuerLevel(s.title ?? null)).find((l) => l !== null) ?? null;
  const areas = new Map<string, string>();
  for (const sheet of scoring) for (const a of sheet.areas) if (!areas.has(a.code)) areas.set(a.code, sentenceCase(a.name));
  // The usual office, not the saved one: what an empty box means.
  return [...areas].map(([code, name]) => ({ code, name, usual: leadOffice(code, name, level) }));
}

/** Saved lead offices with the form's: a box left empty drops the area's setting; areas not shown keep theirs. */
export function leadOfficesFromForm(previous: Readonly<Record<string, string>> | undefined, typed: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [code, office] of Object.entries(previous ?? {})) if (!Object.prototype.hasOwnProperty.call(typed, code)) out[code] = office;
  for (const [code, office] of Object.entries(typed)) if (office.trim() !== "") out[code] = office.trim();
  return out;
}

/** The settings to save; a Vietnamese UserError names what is wrong (nothing is saved then). */
export function settingsFromForm(previous: EngineSettings, form: SettingsForm, grids: Grid[]): EngineSettings {
  const columnMaps = { ...previous.columnMaps };
  for (const sheet of form.removeMappings) delete columnMaps[sheet];
  if (form.mapping) {
    const grid = grids.find((g) => g.name === form.mapping!.sheet);
    if (!grid) throw new UserError(`Không còn sheet "${form.mapping.sheet}" trong bảng tính; hãy chọn lại sheet cần khai báo cột.`);
    try {
      columnMaps[grid.name] = parseColumnMap(form.mapping, grid);
    } catch (err) {
      if (err instanceof MapFormError) throw new UserError(err.message);
      throw err;
    }
  }
  return {
    bands: parseBands(form.bands),
    official: form.official,
    columnMaps,
    previousSheet: parsePreviousSheet(form.previousSheet, grids.map((g) => g.name)),
    templateSheet: form.templateSheet === undefined ? (previous.templateSheet ?? null) : parseTemplateSheet(form.templateSheet, form.previousSheet, grids.map((g) => g.name)),
    // Both may be kept: the sheet is used while it is chosen (the form says so), the file after.
    templateFile: form.templateFile === undefined ? (previous.templateFile ?? null) : form.templateFile,
    blockBands: parseBlockBands(form.blockBands),
    unranked: [...new Set(form.unranked)],
    leadOffices: leadOfficesFromForm(previous.leadOffices, form.leadOffices ?? {}),
    issuer: form.issuer === undefined ? (previous.issuer ?? null) : form.issuer.trim() === "" ? null : form.issuer.trim(),
  };
}
