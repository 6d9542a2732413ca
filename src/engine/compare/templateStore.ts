// A read criteria set turned into the form kept in the settings (`templateFile`, issue 19 §1), and
// its size for the clerk. Read back by `storedTemplate.ts`.
import type { NumberParse, ScoringSheet, StoredTemplate } from "../core/types";
import { parseCode } from "../cells/codes";

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

/** How many criteria the set has and its total maximum (its leaves' maxima). */
export function templateSize(template: ScoringSheet): { criteria: number; max: number } {
  const max = template.nodes.reduce((sum, n) => sum + (n.isLeaf && n.max.kind === "number" ? n.max.value : 0), 0);
  return { criteria: template.nodes.length, max };
}
