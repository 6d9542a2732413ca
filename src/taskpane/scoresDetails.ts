// "Tính điểm"'s details, loaded as a chunk only for a sheet that has them: last year's sheet
// beside this year's (chosen in Cài đặt), and the appraisal round (issue 19): the sheet against
// the criteria set, what the appraisal cut, the evidence and the points after explanation, in the
// lines the standalone page shows.
import type { ScoringComparison, ScoringSheet } from "../engine/core/types";
import type { ScoreResult } from "./computeController";
import { appraisalLines, evidenceLine, explanationLine, templateLine } from "../forms/roundText";
import { formatPoints } from "./messages";
import { el } from "./dom";

/** The round's lines, in its order: criteria set, appraisal, evidence, explanation. */
export function roundLines(sheet: ScoringSheet): string[] {
  const lines = [sheet.template ? templateLine(sheet.template) : null, ...appraisalLines(sheet), evidenceLine(sheet), explanationLine(sheet)];
  return lines.filter((line): line is string => line !== null);
}

function roundView(doc: Document, lines: readonly string[]): HTMLElement {
  return el(doc, "section", { attrs: { id: "round", "aria-label": "Thẩm định" } }, [
    el(doc, "h3", { text: "Thẩm định, tài liệu kiểm chứng và giải trình" }),
    el(doc, "ul", { className: "round-lines" }, lines.map((line) => el(doc, "li", { text: line }))),
  ]);
}

/** Last year's sheet (chosen in Cài đặt) beside this year's: totals, index, areas, sub-criteria. */
function comparisonView(doc: Document, c: ScoringComparison): HTMLElement {
  const signed = (x: number | null, digits = 2) => (x === null ? "–" : `${x > 0 ? "+" : ""}${formatPoints(x, digits)}`);
  const table = el(doc, "table", { className: "grid", attrs: { id: "comparison-table" } });
  table.appendChild(el(doc, "caption", { text: `So với năm trước (sheet "${c.previous.sheet}")` }));
  table.appendChild(el(doc, "thead", {}, [el(doc, "tr", {}, ["", "Năm trước", "Tăng/giảm"].map((h) => el(doc, "th", { text: h, attrs: { scope: "col" } })))]));
  const body = el(doc, "tbody");
  const row = (label: string, before: string, change: string) =>
    body.appendChild(el(doc, "tr", {}, [el(doc, "th", { text: label, attrs: { scope: "row" } }), el(doc, "td", { className: "num", text: before }), el(doc, "td", { className: "num", text: change })]));
  row("Tổng điểm", `${formatPoints(c.previous.achieved)}/${formatPoints(c.previous.max)}`, signed(c.change.achieved));
  row("Chỉ số", c.previous.index === null ? "–" : formatPoints(c.previous.index, 2), signed(c.change.index));
  row("Xếp loại", c.previous.grade ?? "–", "");
  for (const a of c.areas) row(`Lĩnh vực ${a.code}`, a.previous === null ? "–" : formatPoints(a.previous), signed(a.change));
  table.appendChild(body);
  const list = (label: string, codes: string[]) => el(doc, "p", { className: "note", text: `${label}: ${codes.length > 0 ? codes.join(", ") : "không có"}.` });
  return el(doc, "section", { attrs: { id: "comparison", "aria-label": "So với năm trước" } }, [
    table,
    list("Tiêu chí thành phần mới bị mất điểm", c.newlyLost),
    list("Đã khắc phục", c.recovered),
  ]);
}

/** Fills the place scoresView left (`#scores-details`); with nothing to show, removes it. */
export function fillDetails(doc: Document, place: HTMLElement, result: ScoreResult): void {
  const lines = roundLines(result.scoring);
  const parts = [result.comparison ? comparisonView(doc, result.comparison) : null, lines.length > 0 ? roundView(doc, lines) : null];
  const shown = parts.filter((p): p is HTMLElement => p !== null);
  if (shown.length === 0) {
    place.remove();
    return;
  }
  place.replaceChildren(...shown);
  place.removeAttribute("aria-busy");
}
