// The rest of a sheet that is no longer kept (a large sheet that is neither a scoring sheet nor a
// units table): not parsed any more, only scanned for what the reader still reports, the number
// of rows and the merged ranges (merges starting in the kept rows still shape them). The element
// names are the ones the sheet used so far ("row", or "x:row" under a prefix). The part's size,
// CRC and UTF-8 are still checked as it inflates; its XML past the cut is not.

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The longest text kept between chunks: an element's start cut at a chunk's end. */
const MAX_CARRY = 64 * 1024;

export class TailScanner {
  /** 0-based index of the last row met. */
  lastRow: number;
  readonly mergeRefs: string[] = [];
  private carry = "";
  private readonly row: RegExp;
  private readonly merge: RegExp;

  constructor(rowName: string, lastRow: number) {
    this.lastRow = lastRow;
    const prefix = rowName.includes(":") ? rowName.slice(0, rowName.indexOf(":") + 1) : "";
    this.row = new RegExp(`<${escapeRegExp(rowName)}(?=[\\s/>])([^>]*)>`, "g");
    this.merge = new RegExp(`<${escapeRegExp(prefix)}mergeCell(?=[\\s/>])([^>]*)>`, "g");
  }

  feed(text: string): void {
    const all = this.carry + text;
    // Whole elements only: what follows the last "<" waits for the next chunk.
    const cut = all.lastIndexOf("<");
    const upTo = cut < 0 || all.length - cut > MAX_CARRY ? all.length : cut;
    this.scan(all.slice(0, upTo));
    this.carry = all.slice(upTo);
  }

  end(): void {
    this.scan(this.carry);
    this.carry = "";
  }

  private scan(text: string): void {
    this.row.lastIndex = 0;
    for (let m = this.row.exec(text); m !== null; m = this.row.exec(text)) {
      const r = /(?:^|\s)r\s*=\s*["'](\d+)["']/.exec(m[1]);
      this.lastRow = r ? Number(r[1]) - 1 : this.lastRow + 1;
    }
    if (text.indexOf("mergeCell") < 0) return;
    this.merge.lastIndex = 0;
    for (let m = this.merge.exec(text); m !== null; m = this.merge.exec(text)) {
      const ref = /(?:^|\s)ref\s*=\s*["']([^"']*)["']/.exec(m[1]);
      if (ref) this.mergeRefs.push(ref[1]);
    }
  }
}
