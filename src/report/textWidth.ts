// How wide a line of Times New Roman Bold is, from the font's advance widths (per 1000 units of
// the em; Liberation Serif, which LibreOffice uses for it, has the same metrics). Used to size
// the short rules the decree draws under the issuer and the subject: the rule is a paragraph
// border, so its length must be set, not taken from the text. Vietnamese letters are as wide as
// their base letter (the marks sit above or below).

const UPPER: Record<string, number> = {
  A: 722, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 778, I: 389, J: 500, K: 778, L: 667, M: 944,
  N: 722, O: 778, P: 611, Q: 778, R: 722, S: 556, T: 667, U: 722, V: 722, W: 1000, X: 722, Y: 722, Z: 667,
};
const LOWER: Record<string, number> = {
  a: 500, b: 556, c: 444, d: 556, e: 444, f: 333, g: 500, h: 556, i: 278, j: 333, k: 556, l: 278, m: 833,
  n: 556, o: 500, p: 556, q: 556, r: 444, s: 389, t: 333, u: 556, v: 500, w: 722, x: 500, y: 500, z: 444,
};
const OTHER: Record<string, number> = { " ": 250, ",": 250, ".": 250, "-": 333, ":": 333, ";": 333, "(": 333, ")": 333, "/": 278 };
/** Digits and anything not listed. */
const DEFAULT_WIDTH = 500;

function advance(ch: string): number {
  const base = ch === "Đ" ? "D" : ch === "đ" ? "d" : ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return UPPER[base] ?? LOWER[base] ?? OTHER[base] ?? DEFAULT_WIDTH;
}

/** Width in twips of `text` set in Times New Roman Bold at `halfPoints` (Word's size unit). */
export function boldTextWidth(text: string, halfPoints: number): number {
  let units = 0;
  for (const ch of text) units += advance(ch);
  // 1 pt = 20 twips; the size is in half-points.
  return (units / 1000) * (halfPoints / 2) * 20;
}
