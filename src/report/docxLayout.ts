// Page and type of the Word draft under the rules for administrative documents (Nghị định
// 30/2020/NĐ-CP): A4 portrait; margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm;
// Times New Roman; body 13–14 pt. Word measures pages in twips (1/1440 inch) and type in half-points.

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (x: number): number => Math.round(x * TWIPS_PER_MM);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
};

/** The width text may use, in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

export const FONT = "Times New Roman";
/** Half-points: body 14 pt; the heading block and the signature's lower lines 13 pt; footnotes 12 pt. */
export const SIZE = { body: 28, heading: 26, small: 24, recipients: 22 };
/** First-line indent of body paragraphs, 1 cm. */
export const FIRST_LINE = mm(10);
