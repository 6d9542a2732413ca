// "Tính điểm"'s section on the appraisal round (issue 19): the sheet against the criteria set, what
// the appraisal cut, the evidence and the points after explanation, in the lines the standalone
// page shows. A chunk loaded only for a sheet that carries any of these.
import type { ScoringSheet } from "../engine/core/types";
import { appraisalLines, evidenceLine, explanationLine, templateLine } from "../forms/roundText";
import { el } from "./dom";

/** The section's lines, in the order of the round: criteria set, appraisal, evidence, explanation. */
export function roundLines(sheet: ScoringSheet): string[] {
  const lines = [sheet.template ? templateLine(sheet.template) : null, ...appraisalLines(sheet), evidenceLine(sheet), explanationLine(sheet)];
  return lines.filter((line): line is string => line !== null);
}

/** Fills the placeholder scoresView left (`#round`); an empty round removes it. */
export function fillRound(doc: Document, section: HTMLElement, sheet: ScoringSheet): void {
  const lines = roundLines(sheet);
  if (lines.length === 0) {
    section.remove();
    return;
  }
  section.replaceChildren(
    el(doc, "h3", { text: "Thẩm định, tài liệu kiểm chứng và giải trình" }),
    el(doc, "ul", { className: "round-lines" }, lines.map((line) => el(doc, "li", { text: line }))),
  );
  section.removeAttribute("aria-busy");
}
