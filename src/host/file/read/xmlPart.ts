// One XML part of the package, parsed as it inflates: bytes are decoded as strict UTF-8 and fed
// to an incremental, namespace-aware parser (saxes), so a part is never held whole. Elements are
// told apart by namespace URI and local name, never by their literal tag text (the Open XML SDK
// writes <x:c>). Any fault (invalid UTF-8, malformed XML, a DOCTYPE) becomes an XlsxReadError
// naming the part. Works in Node and in the browser.
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from "saxes";
import { XlsxReadError } from "../package/xlsxReadError";
import { firstInvalidUtf8 } from "./utf8";

/** SpreadsheetML's main namespace: Transitional (what Excel writes) and Strict. */
export const SML = new Set(["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"]);
/** The namespace of r:id attributes, Transitional and Strict. */
export const OFFICE_REL = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);
/** The namespace of relationship parts (.rels). */
export const PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export type XmlTag = SaxesTagNS;

/** What a part's reader does with the parser's events. */
export interface XmlHandler {
  open(tag: XmlTag): void;
  close(tag: XmlTag): void;
  text?(text: string): void;
  /**
   * Asked after each chunk: a consumer of the rest of the part's text, when the handler needs it no
   * longer parsed (the parser is then dropped; the text is still decoded as strict UTF-8).
   */
  detach?(): ((text: string) => void) | null;
  /** Called at the end of a detached part. */
  endDetached?(): void;
}

/** An attribute without a namespace (the usual case: r, t, s, ref, name…). */
export function attr(tag: XmlTag, local: string): string | undefined {
  const a = tag.attributes[local] as SaxesAttributeNS | undefined;
  return a === undefined || a.uri !== "" ? undefined : a.value;
}

/** An attribute in one of these namespaces, whatever its prefix (r:id, rel:id…). */
export function attrIn(tag: XmlTag, uris: ReadonlySet<string>, local: string): string | undefined {
  for (const key in tag.attributes) {
    const a = tag.attributes[key] as SaxesAttributeNS;
    if (a.local === local && uris.has(a.uri)) return a.value;
  }
  return undefined;
}

/** A SpreadsheetML element of this local name. */
export function isSml(tag: XmlTag, local: string): boolean {
  return tag.local === local && SML.has(tag.uri);
}

/** The Vietnamese refusal for a part that is not sound XML. */
export function notXml(part: string, why: string, detail: string): XlsxReadError {
  return new XlsxReadError(`Tệp .xlsx bị hỏng: phần ${part} không phải XML hợp lệ (${why}).`, `${part}: ${detail}`);
}

/** The position saxes puts at the start of its messages ("file:line:column: message"). */
function positionOf(message: string): { line: string; column: string } | null {
  const m = /^(?:[^:\d][^:]*:)?(\d+):(\d+): /.exec(message);
  return m ? { line: m[1], column: m[2] } : null;
}

/** Feeds one part's bytes, chunk by chunk, to a handler. */
export class XmlPartReader {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private readonly parser = new SaxesParser({ xmlns: true, position: true });
  /** Bytes fed so far, for the position of an invalid byte. */
  private fed = 0;
  /** The last bytes of the previous chunk that may begin a character split across chunks. */
  private tail: Uint8Array = new Uint8Array(0);
  private raw: ((text: string) => void) | null = null;

  constructor(
    readonly part: string,
    private readonly handler: XmlHandler,
  ) {
    this.parser.on("opentag", (tag) => handler.open(tag));
    this.parser.on("closetag", (tag) => handler.close(tag));
    if (handler.text) {
      const text = handler.text.bind(handler);
      this.parser.on("text", text);
      this.parser.on("cdata", text);
    }
    this.parser.on("doctype", () => {
      throw notXml(part, "có khai báo DOCTYPE, phần của tệp .xlsx không bao giờ có", "DOCTYPE in part");
    });
  }

  feed(bytes: Uint8Array): void {
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: true });
    } catch {
      throw this.invalidUtf8(bytes);
    }
    this.tail = bytes.subarray(Math.max(0, bytes.length - 3));
    this.fed += bytes.length;
    this.write(text);
  }

  end(): void {
    let text: string;
    try {
      text = this.decoder.decode();
    } catch {
      throw this.invalidUtf8(new Uint8Array(0));
    }
    this.write(text);
    if (this.raw) this.handler.endDetached?.();
    else this.guard(() => this.parser.close());
  }

  private write(text: string): void {
    if (text.length === 0) return;
    if (this.raw) return this.raw(text);
    this.guard(() => this.parser.write(text));
    this.raw = this.handler.detach?.() ?? null;
  }

  /** Runs a parser call, turning its errors (not the handler's own refusals) into the part's refusal. */
  private guard(run: () => void): void {
    try {
      run();
    } catch (err) {
      if (err instanceof XlsxReadError) throw err;
      const message = err instanceof Error ? err.message : String(err);
      const at = positionOf(message);
      throw notXml(this.part, at ? `lỗi cú pháp ở dòng ${at.line}, cột ${at.column}` : "lỗi cú pháp", message);
    }
  }

  private invalidUtf8(bytes: Uint8Array): XlsxReadError {
    const joined = new Uint8Array(this.tail.length + bytes.length);
    joined.set(this.tail);
    joined.set(bytes, this.tail.length);
    const at = firstInvalidUtf8(joined);
    const position = at < 0 ? this.fed + bytes.length : this.fed - this.tail.length + at;
    return notXml(this.part, `byte không phải UTF-8 ở vị trí ${position}`, `invalid UTF-8 at byte ${position}`);
  }
}
