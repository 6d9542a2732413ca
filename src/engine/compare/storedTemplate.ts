// A criteria set kept in the settings (chosen as a file in Cài đặt, issue 19 §1): the read
// template turned into its stored form, and back into a template through the same reader, so a
// stored set compares exactly as the file it came from.
import type { CellValue, NumberParse, ScoringSheet, StoredTemplate } from "../core/types";
import { parseCode } from "../cells/codes";
import { readTemplate } from "./templateSheet";

/** The stored form of a template read from `file`. */
export function storeTemplate(template: ScoringSheet, file: string): StoredTemplate {
  const criteria = template.nodes.map((n) => ({
    // The code as typed ("II", relative "1" under it) reads back as it was read; a code Excel kept
    // as a number with binary noise is stored as read.
    code: parseCode(n.rawCode) ? n.rawCode : n.code,
    name: n.name,
    max: storedMax(n.max),
  }));
  return { file, sheet: template.sheet, criteria };
}

function storedMax(p: NumberParse): number | string | null {
  switch (p.kind) {
    case "number":
      return p.value;
    case "blank":
      return null;
    case "kps":
      return "KPS";
    case "text":
      return p.text;
    case "error":
      return p.code;
  }
}

/**
 * The template a stored set stands for: a sheet "STT | Nội dung | Điểm tối đa" of its rows, read by
 * `readTemplate`. An empty row under the header keeps the first criterion from being taken for a
 * row of column numbers. Null when nothing reads as a criterion.
 */
export function storedTemplateSheet(stored: StoredTemplate): ScoringSheet | null {
  const values: CellValue[][] = [["STT", "Nội dung", "Điểm tối đa"], [], ...stored.criteria.map((c) => [c.code, c.name, c.max])];
  const read = readTemplate([{ name: stored.sheet, values }], stored.sheet);
  return read.ok ? read.template : null;
}

/** How many criteria the set has and its total maximum (its leaves' maxima). */
export function templateSize(template: ScoringSheet): { criteria: number; max: number } {
  const max = template.nodes.reduce((sum, n) => sum + (n.isLeaf && n.max.kind === "number" ? n.max.value : 0), 0);
  return { criteria: template.nodes.length, max };
}
