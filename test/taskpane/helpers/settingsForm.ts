// The Cài đặt form as the view hands it over with nothing changed, for the settings tests.
import type { MemoryHost } from "../../support/memoryHost";
import { currentSettings } from "../../../src/taskpane/settingsController";
import type { SettingsForm } from "../../../src/taskpane/settingsForm";

/** The host's saved bands, no column map, no last year's sheet, no unit kept out; `extra` over it. */
export function unchangedForm(host: MemoryHost, extra: Partial<SettingsForm> = {}): SettingsForm {
  const settings = currentSettings(host);
  return {
    bands: settings.bands.map((b) => ({ name: b.name, min: String(b.min) })),
    blockBands: {},
    official: "auto",
    mapping: null,
    removeMappings: [],
    previousSheet: "",
    unranked: [],
    ...extra,
  };
}
