// "Cài đặt": grade bands, the official score column, and column mappings for sheets whose
// headers are not recognised. Saved in the workbook; the custom functions get the bands too.
import { checkBands, type BandInput } from "../engine/core/bandsInput";
import { withDefaults } from "../engine/core/settings";
import type { ColumnMap, ColumnRole, EngineSettings, GradeBand, HeaderInfo } from "../engine/core/types";
import type { PaneHost } from "./paneHost";
import { UserError } from "./messages";

export type { BandInput };

/** Roles a mapping may name, with their Vietnamese labels, in form order. */
export const MAPPABLE_ROLES: Array<{ role: ColumnRole; label: string; required: boolean }> = [
  { role: "code", label: "Cột mã (STT)", required: true },
  { role: "name", label: "Cột nội dung", required: false },
  { role: "max", label: "Cột điểm tối đa", required: true },
  { role: "self", label: "Cột điểm tự đánh giá", required: false },
  { role: "appraised", label: "Cột điểm thẩm định", required: false },
  { role: "cause", label: "Cột nguyên nhân", required: false },
  { role: "responsible", label: "Cột trách nhiệm", required: false },
];

export interface MappingInput {
  sheet: string;
  /** 1-based header row as shown in Excel. */
  headerRow: string;
  /** Column letters by role, as typed ("A", "c"); blank = not present. */
  columns: Partial<Record<ColumnRole, string>>;
}

/** Bands from the form; a Vietnamese UserError names the first bad line. */
export function parseBands(inputs: BandInput[]): GradeBand[] {
  const checked = checkBands(inputs);
  if (!checked.ok) throw new UserError(checked.message);
  return checked.bands;
}

function columnIndex(letters: string): number | null {
  const t = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(t)) return null;
  let n = 0;
  for (const ch of t) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A column mapping from the form; a Vietnamese UserError says what is missing. */
export function parseMapping(input: MappingInput): HeaderInfo {
  const row = Number(input.headerRow.trim());
  if (!Number.isInteger(row) || row < 1) {
    throw new UserError(`Sheet "${input.sheet}": dòng tiêu đề phải là số dòng trong Excel (1, 2, 3…).`);
  }
  const columns: ColumnMap = {};
  for (const { role, label, required } of MAPPABLE_ROLES) {
    const typed = input.columns[role]?.trim() ?? "";
    if (typed === "") {
      if (required) throw new UserError(`Sheet "${input.sheet}": hãy nhập chữ cái của ${label.toLowerCase()}.`);
      continue;
    }
    const index = columnIndex(typed);
    if (index === null) throw new UserError(`Sheet "${input.sheet}": "${typed}" không phải là chữ cái cột (A, B, …) cho ${label.toLowerCase()}.`);
    columns[role] = index;
  }
  if (columns.self === undefined && columns.appraised === undefined) {
    throw new UserError(`Sheet "${input.sheet}": hãy nhập ít nhất một cột điểm (tự đánh giá hoặc thẩm định).`);
  }
  return { row: row - 1, columns };
}

/** The saved settings with the engine's defaults for what is not saved. */
export function currentSettings(host: PaneHost): EngineSettings {
  return withDefaults(host.loadSettings());
}

/** Last year's sheet as chosen in the form ("" = none); it must be a sheet of this workbook. */
export function parsePreviousSheet(chosen: string, sheets: readonly string[]): string | null {
  if (chosen === "") return null;
  if (!sheets.includes(chosen)) throw new UserError(`Không còn sheet "${chosen}" trong bảng tính; hãy chọn lại sheet năm trước.`);
  return chosen;
}

/** The criteria-set sheet chosen in the form ("" = none): a sheet of this workbook, not last year's. */
export function parseTemplateSheet(chosen: string, previousSheet: string, sheets: readonly string[]): string | null {
  if (chosen === "") return null;
  if (!sheets.includes(chosen)) throw new UserError(`Không còn sheet "${chosen}" trong bảng tính; hãy chọn lại bộ tiêu chí mẫu.`);
  if (chosen === previousSheet) throw new UserError(`Sheet "${chosen}" không thể vừa là sheet năm trước vừa là bộ tiêu chí mẫu.`);
  return chosen;
}

/**
 * Saves the settings in the workbook, hands the bands to the custom functions (`applyBands`,
 * setFunctionBands in the add-in), then has the workbook recalculated so CCHC.GRADE cells show
 * grades by the new bands.
 */
export async function saveSettings(
  host: PaneHost,
  settings: EngineSettings,
  applyBands: (bands: GradeBand[]) => void,
): Promise<void> {
  await host.saveSettings(settings);
  applyBands(settings.bands);
  await host.recalculate?.();
}
