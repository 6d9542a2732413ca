// Several workbooks read as one (a district's scoring sheet in one file, its communes' table or
// sheets in another): `cchc report`, the standalone page and the task pane combine them alike.
// Sheet names that collide across files get the file's name added.
import type { Grid } from "../../engine/core/types";

/** One workbook's user sheets: the file's name, its grids in tab order, the sheets it keeps hidden. */
export interface WorkbookSheets {
  name: string;
  grids: readonly Grid[];
  hidden: Iterable<string>;
}

/** "C:\\docs\\xa-2023.xlsx" or "/tmp/xa-2023.xlsx" → "xa-2023.xlsx" (a browser gives the name alone). */
export function fileBaseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}

/** "Sheet1" of xa-2023.xlsx, when another file has a "Sheet1" too: "Sheet1 (xa-2023.xlsx)". */
export function combineWorkbooks(files: readonly WorkbookSheets[]): { grids: Grid[]; hidden: string[] } {
  // Excel compares sheet names without regard to case.
  const key = (name: string) => name.toLowerCase();
  const count = new Map<string, number>();
  for (const f of files) for (const g of f.grids) count.set(key(g.name), (count.get(key(g.name)) ?? 0) + 1);
  const grids: Grid[] = [];
  const hidden: string[] = [];
  const taken = new Set<string>();
  for (const f of files) {
    const hiddenHere = new Set(f.hidden);
    const base = fileBaseName(f.name);
    for (const g of f.grids) {
      let name = (count.get(key(g.name)) ?? 0) > 1 ? `${g.name} (${base})` : g.name;
      // The same file given twice, or a file name that does not tell them apart: a number does.
      for (let n = 2; taken.has(key(name)); n++) name = `${g.name} (${base} ${n})`;
      taken.add(key(name));
      grids.push(name === g.name ? g : { ...g, name });
      if (hiddenHere.has(g.name)) hidden.push(name);
    }
  }
  return { grids, hidden };
}
