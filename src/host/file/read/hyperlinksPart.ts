// A sheet's hyperlinks as the engine wants them: each cell with its target, the address from the
// sheet's relationships (an external link) or its `location` (a place in the workbook, given as
// "#Sheet2!A1"). Links are only read: nothing here opens or fetches them.
import { cellRef } from "./sheetPart";
import type { Relationship } from "./relsPart";

/** At most this many linked cells per sheet: a range over the whole grid is not laid out. */
export const MAX_LINKED_CELLS = 50_000;

/** The relationships part of a sheet part: "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function sheetRelsName(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function resolveHyperlinks(
  hyperlinks: readonly { ref: string; relId: string | null; location: string | null }[],
  rels: ReadonlyMap<string, Relationship>,
): { row: number; col: number; target: string }[] {
  const links: { row: number; col: number; target: string }[] = [];
  for (const h of hyperlinks) {
    const external = h.relId === null ? undefined : rels.get(h.relId)?.external;
    const target = external ?? (h.location !== null && h.location !== "" ? `#${h.location}` : null);
    if (target === null) continue;
    const [a, b] = h.ref.split(":").map((x) => cellRef(x.trim()));
    if (!a) continue;
    const end = b ?? a;
    for (let r = Math.min(a.row, end.row); r <= Math.max(a.row, end.row); r++) {
      for (let c = Math.min(a.col, end.col); c <= Math.max(a.col, end.col); c++) {
        if (links.length >= MAX_LINKED_CELLS) return links;
        links.push({ row: r, col: c, target });
      }
    }
  }
  return links;
}
