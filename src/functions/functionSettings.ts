// Settings the custom functions read: the grade bands CCHC.GRADE uses when called without
// its own bands. The task pane calls setFunctionBands() after loading the workbook settings;
// until it has (the pane not opened yet), the bands saved in the workbook's document settings
// are read directly, so a reopened workbook grades by its own bands from the start.
//
// The task pane and the functions are separate bundles loaded into one shared-runtime page,
// so a module-level variable would exist twice; the bands live in one global slot instead.
import type { GradeBand } from "../engine/core/types";
import { DEFAULT_BANDS, sortBands } from "../engine/core/grades";

/**
 * The document-settings key of the pane's settings: SETTINGS_KEY of src/host/office/officeSettings.ts
 * (not imported: this file is also compiled for the command line, without Office's types).
 */
export const DOCUMENT_SETTINGS_KEY = "CCHC_SETTINGS";

/** The part of Office.js read here, looked up on globalThis: undefined in Node. */
type OfficeGlobal = { Office?: { context?: { document?: { settings?: { get(name: string): unknown } } } } };

const SLOT = Symbol.for("cchc.functionBands");

type BandsHolder = { [SLOT]?: readonly GradeBand[] };

/** Sets the default bands of CCHC.GRADE; an empty list restores DEFAULT_BANDS. */
export function setFunctionBands(bands: readonly GradeBand[]): void {
  for (const band of bands) {
    if (!Number.isFinite(band.min) || typeof band.name !== "string" || band.name.trim() === "") {
      throw new RangeError(`Bảng xếp loại không hợp lệ: ${JSON.stringify(band)}`);
    }
  }
  const copy = bands.map((b) => Object.freeze({ min: b.min, name: b.name.trim() }));
  (globalThis as BandsHolder)[SLOT] = Object.freeze(copy.length > 0 ? copy : [...DEFAULT_BANDS]);
}

function validBand(band: unknown): band is GradeBand {
  const b = band as Partial<GradeBand> | null;
  return b !== null && typeof b === "object" && typeof b.min === "number" && Number.isFinite(b.min) && typeof b.name === "string" && b.name.trim() !== "";
}

/**
 * The bands saved by "Lưu cài đặt" in Office.context.document.settings; null outside Office
 * (Node, the command line), before Office is ready, or when none valid are saved.
 */
function savedBands(): readonly GradeBand[] | null {
  try {
    const settings = (globalThis as OfficeGlobal).Office?.context?.document?.settings;
    if (!settings || typeof settings.get !== "function") return null;
    const saved = settings.get(DOCUMENT_SETTINGS_KEY) as { bands?: unknown } | null;
    const bands = saved?.bands;
    if (!Array.isArray(bands) || bands.length === 0 || !bands.every(validBand)) return null;
    return sortBands(bands.map((b) => ({ min: b.min, name: b.name.trim() })));
  } catch {
    // Office not ready yet: the defaults, as before.
    return null;
  }
}

/** The bands CCHC.GRADE uses by default: as handed by the pane, else as saved in the workbook. */
export function getFunctionBands(): readonly GradeBand[] {
  return (globalThis as BandsHolder)[SLOT] ?? savedBands() ?? DEFAULT_BANDS;
}
