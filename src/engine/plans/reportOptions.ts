// What every generated sheet plan is given: the date and unit in its header and the settings.
// A module of its own so the plans that use it do not import the module that gathers them.
import type { EngineSettings } from "../core/types";

export interface ReportOptions {
  /** Date printed in the header. */
  date: Date;
  /** Unit name printed in the header; defaults to the sheet's title or name. */
  unit?: string;
  settings?: Partial<EngineSettings>;
}
