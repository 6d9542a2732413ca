// What every section of the draft needs to know about the report being drafted.
import type { Footnotes } from "./spans";
import type { IssuerLevel } from "./leadOffices";

export interface DraftContext {
  /** "2023", or "…" when neither the sheet nor the settings say. */
  year: string;
  /** The unit the report is about, in full as sentences name it: "UBND huyện Kon Rẫy". */
  unit: string;
  /** Its short form after the first mention in the body: "UBND huyện". */
  short: string;
  /** Whether the body has named the unit in full already. */
  named: boolean;
  level: IssuerLevel;
  footnotes: Footnotes;
}

/** The unit as the next sentence of the body names it: in full the first time, then short. */
export function unitName(ctx: DraftContext): string {
  if (ctx.named) return ctx.short;
  ctx.named = true;
  return ctx.unit;
}
