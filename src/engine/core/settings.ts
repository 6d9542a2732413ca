// Engine settings with their defaults.
import type { EngineSettings } from "./types";
import { DEFAULT_BANDS } from "./grades";

export const DEFAULT_SETTINGS: Readonly<EngineSettings> = Object.freeze({
  bands: [...DEFAULT_BANDS],
  official: "auto",
  columnMaps: {},
  previousSheet: null,
  blockBands: {},
  unranked: [],
  leadOffices: {},
  issuer: null,
});

export function withDefaults(partial?: Partial<EngineSettings>): EngineSettings {
  return {
    bands: partial?.bands && partial.bands.length > 0 ? partial.bands : [...DEFAULT_BANDS],
    official: partial?.official ?? "auto",
    columnMaps: partial?.columnMaps ?? {},
    previousSheet: partial?.previousSheet ?? null,
    templateSheet: partial?.templateSheet ?? null,
    templateFile: partial?.templateFile ?? null,
    blockBands: partial?.blockBands ?? {},
    unranked: partial?.unranked ?? [],
    leadOffices: partial?.leadOffices ?? {},
    issuer: partial?.issuer ?? null,
  };
}
