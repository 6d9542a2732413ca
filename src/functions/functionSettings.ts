// Settings the custom functions read: the grade bands CCHC.GRADE uses when called without
// its own bands. The task pane calls setFunctionBands() after loading the workbook settings.
//
// The task pane and the functions are separate bundles loaded into one shared-runtime page,
// so a module-level variable would exist twice; the bands live in one global slot instead.
import type { GradeBand } from "../engine/types";
import { DEFAULT_BANDS } from "../engine/grades";

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

/** The bands CCHC.GRADE uses by default. */
export function getFunctionBands(): readonly GradeBand[] {
  return (globalThis as BandsHolder)[SLOT] ?? DEFAULT_BANDS;
}
