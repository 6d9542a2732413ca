// Small constructors for spans, and the footnotes collected while drafting.
import type { DraftFootnote, Span } from "./model";

export const text = (t: string): Span => ({ kind: "text", text: t });
export const bold = (t: string): Span => ({ kind: "text", text: t, bold: true });
export const italic = (t: string): Span => ({ kind: "text", text: t, italic: true });
export const boldItalic = (t: string): Span => ({ kind: "text", text: t, bold: true, italic: true });
export const placeholder = (t: string): Span => ({ kind: "placeholder", text: t });

/** Footnotes numbered in the order their marks appear. */
export class Footnotes {
  readonly list: DraftFootnote[] = [];

  /** Adds a footnote and returns its mark. */
  add(spans: Span[]): Span {
    const id = this.list.length + 1;
    this.list.push({ id, spans });
    return { kind: "footnote", id };
  }
}
