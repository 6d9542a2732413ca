// What every section of the draft needs to know about the report being drafted.
import type { Footnotes } from "./spans";

export interface DraftContext {
  /** "2023", or "…" when neither the sheet nor the settings say. */
  year: string;
  /** The unit section I is about, as sentences name it: "UBND huyện Kon Rẫy". */
  unit: string;
  footnotes: Footnotes;
}
