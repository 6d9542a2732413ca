// xl/sharedStrings.xml: the shared strings in order, rich text runs flattened to their text, the
// phonetic runs (<rPh>, furigana) left out, _xHHHH_ escapes decoded as Excel writes them.
import { isSml, type XmlHandler, type XmlTag } from "./xmlPart";

/** Excel's escape for characters XML cannot hold: _x000D_ is a carriage return. */
export function decodeEscapes(text: string): string {
  return text.indexOf("_x") < 0 ? text : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Collects the text of a string item (<si>, or a cell's <is>): the <t> directly under it, or the
 * <t> of each run <r>, never the text inside <rPh>.
 */
export class StringItem {
  private inText = false;
  private phonetic = 0;
  private parts: string[] = [];
  private sawText = false;

  /** Call for every element opened inside the item (the item's own tag excluded). */
  open(tag: XmlTag): void {
    if (isSml(tag, "rPh")) this.phonetic++;
    else if (isSml(tag, "t") && this.phonetic === 0) this.inText = this.sawText = true;
  }

  close(tag: XmlTag): void {
    if (isSml(tag, "rPh")) this.phonetic--;
    else if (isSml(tag, "t")) this.inText = false;
  }

  text(text: string): void {
    if (this.inText) this.parts.push(text);
  }

  /** The item's text (null when it had no <t> at all), and starts a new item. */
  take(): string | null {
    const s = this.sawText ? decodeEscapes(this.parts.length === 1 ? this.parts[0] : this.parts.join("")) : null;
    this.parts = [];
    this.sawText = false;
    this.inText = false;
    this.phonetic = 0;
    return s;
  }
}

export class SharedStringsReader implements XmlHandler {
  readonly strings: string[] = [];
  private readonly item = new StringItem();
  private inItem = false;

  open(tag: XmlTag): void {
    if (this.inItem) this.item.open(tag);
    else if (isSml(tag, "si")) this.inItem = true;
  }

  close(tag: XmlTag): void {
    if (!this.inItem) return;
    if (isSml(tag, "si")) {
      this.strings.push(this.item.take() ?? "");
      this.inItem = false;
    } else this.item.close(tag);
  }

  text(text: string): void {
    if (this.inItem) this.item.text(text);
  }
}
