// Page and type of the Word draft under the rules for administrative documents (Nghị định
// 30/2020/NĐ-CP): A4; margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New
// Roman; body 13–14 pt. A document whose table has many columns (the request for explanation)
// is set on A4 landscape with the same margins. Word measures pages in twips (1/1440 inch) and
// type in half-points.
import type { PageLayout } from "../engine/reportDraft/model";
import { boldTextWidth } from "./textWidth";

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (x: number): number => Math.round(x * TWIPS_PER_MM);

export interface Page {
  width: number;
  height: number;
  margin: { top: number; bottom: number; left: number; right: number };
  /** The width text may use, in twips. */
  textWidth: number;
}

const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };

function page(width: number, height: number): Page {
  return { width, height, margin: MARGIN, textWidth: width - MARGIN.left - MARGIN.right };
}

const PAGES: Record<PageLayout, Page> = { portrait: page(mm(210), mm(297)), landscape: page(mm(297), mm(210)) };

/** The page a document is set on; portrait unless it asks for landscape. */
export function pageOf(layout: PageLayout | undefined): Page {
  return PAGES[layout ?? "portrait"];
}

/** The portrait page of the report. */
export const PAGE = PAGES.portrait;

/** The width text may use on the portrait page, in twips. */
export const TEXT_WIDTH = PAGE.textWidth;

export const FONT = "Times New Roman";
/** Half-points: body 14 pt; the heading block and the signature's lower lines 13 pt; footnotes 12 pt. */
export const SIZE = { body: 28, heading: 26, small: 24, recipients: 22 };
/** First-line indent of body paragraphs, 1 cm. */
export const FIRST_LINE = mm(10);
/** Left and right margin inside a cell of a bordered table. */
export const TABLE_CELL_MARGIN = mm(1);
/** Room a header word keeps beyond its measured width (the renderer's rounding, the borders). */
const WORD_SLACK = mm(1.5);

/**
 * Column widths in twips summing to `width`: the shares asked for, except that no column is
 * narrower than the longest word of its header (bold, as headers are set), so no header word
 * is broken inside a word. What a column gains is taken from the others in proportion to their
 * room above their own minimum. When the minima alone overflow, the shares as asked.
 */
export function tableColumnWidths(shares: readonly number[], header: readonly string[], width: number): number[] {
  const total = shares.reduce((a, b) => a + b, 0) || 1;
  const asked = shares.map((s) => (width * s) / total);
  const least = asked.map((_, i) => {
    const words = (header[i] ?? "").split(/\s+/).filter((w) => w !== "");
    const longest = Math.max(0, ...words.map((w) => boldTextWidth(w, SIZE.small)));
    return longest === 0 ? 0 : longest + 2 * TABLE_CELL_MARGIN + WORD_SLACK;
  });
  let widths = asked;
  if (least.reduce((a, b) => a + b, 0) <= width) {
    const short = asked.map((w, i) => Math.max(0, least[i] - w));
    const need = short.reduce((a, b) => a + b, 0);
    if (need > 0) {
      const room = asked.map((w, i) => (short[i] > 0 ? 0 : w - least[i]));
      const spare = room.reduce((a, b) => a + b, 0);
      widths = asked.map((w, i) => (short[i] > 0 ? least[i] : w - (need * room[i]) / spare));
    }
  }
  const whole = widths.map((w) => Math.floor(w));
  whole[whole.length - 1] += width - whole.reduce((a, b) => a + b, 0);
  return whole;
}
