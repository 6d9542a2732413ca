// The draft report as a plain document model: what the Word renderer (src/report/) and the
// printable sheet both draw. No layout here beyond what the text itself needs.
import type { Finding } from "../core/types";

/** A run of text inside a paragraph. */
export type Span =
  | { kind: "text"; text: string; bold?: boolean; italic?: boolean }
  /** Left for the clerk to write; rendered visibly marked ("[Cần bổ sung: …]", highlighted). */
  | { kind: "placeholder"; text: string }
  /** The mark of footnote `id` (see DraftReport.footnotes). */
  | { kind: "footnote"; id: number };

export type Block =
  /** Level 1: "I. …" sections; level 2: "1. Kết quả đạt được"; level 3: one area of section III. */
  | { kind: "heading"; level: 1 | 2 | 3; spans: Span[] }
  | { kind: "paragraph"; spans: Span[] }
  /** An item of numbered list `list`; `number` is the label the text needs ("1." for area 1). */
  | { kind: "numbered"; list: string; number: number; spans: Span[] }
  | { kind: "bullet"; spans: Span[] }
  /**
   * A bordered table the width of the text: a header row (repeated on each page) and rows of
   * cells, each cell a run of spans; `widths` are the columns' relative shares; `left` the columns
   * read from the left (texts; default: the second, a unit's name), the others centred.
   */
  | { kind: "table"; header: Span[][]; rows: Span[][][]; widths: number[]; left?: number[] };

/** Every span of a block, a table's cells included. */
export function blockSpans(block: Block): Span[] {
  return block.kind === "table" ? [...block.header.flat(), ...block.rows.flat(2)] : block.spans;
}

export interface DraftHeading {
  /** The issuing body, one line each: ["ỦY BAN NHÂN DÂN", "HUYỆN KON RẪY"]; empty when unknown. */
  issuer: string[];
  /** "Số: …/BC-UBND". */
  number: Span[];
  /** The national motto block, two lines. */
  motto: [string, string];
  /** "Kon Rẫy, ngày … tháng … năm …". */
  placeDate: Span[];
}

export interface DraftFootnote {
  id: number;
  spans: Span[];
}

/** How the page is turned: the report is portrait; a document led by a wide table, landscape. */
export type PageLayout = "portrait" | "landscape";

export interface DraftReport {
  /** The page's orientation (A4 either way); portrait when absent. */
  layout?: PageLayout;
  heading: DraftHeading;
  title: string;
  subject: Span[];
  body: Block[];
  footnotes: DraftFootnote[];
  /** "Nơi nhận:" lines. */
  recipients: Span[][];
  /** Signature block lines, top to bottom (the name last). */
  signature: Span[][];
  /**
   * The scoring sheet section I is drafted from, the units tables of section II, and the units
   * tables left out of it with why (said next to the draft, never dropped in silence).
   */
  source: { scoring: string | null; units: string[]; leftOut: Array<{ sheet: string; reason: string }> };
  /** Findings with severity error: not printed; the caller lists them (the figures come from the leaves). */
  errors: Finding[];
}
