// The result of "Tính điểm": per area achieved / maximum, total, index and grade for both
// scores, and the offer to fill parent sub-total cells with SUM formulas.
import type { ScoreSummary } from "../engine/core/types";
import type { ScoreResult } from "./computeController";
import { formatPoints } from "./messages";
import { el, button } from "./dom";

export interface ScoresActions {
  /** Fill the empty sub-total cells. */
  onFillEmpty: () => void;
  /** Ask (list the cells) before overwriting the filled ones as well. */
  onAskOverwrite: () => void;
}

function summaryRows(doc: Document, label: string, s: ScoreSummary | null): HTMLElement[] {
  if (!s) return [el(doc, "tr", {}, [el(doc, "th", { text: label, attrs: { scope: "row" } }), el(doc, "td", { text: "không có điểm", attrs: { colspan: "3" } })])];
  return [
    el(doc, "tr", { attrs: { "data-score": label } }, [
      el(doc, "th", { text: label, attrs: { scope: "row" } }),
      el(doc, "td", { text: `${formatPoints(s.achieved)}/${formatPoints(s.max)}`, className: "num" }),
      el(doc, "td", { text: formatPoints(s.index, 2), className: "num index" }),
      el(doc, "td", { text: s.grade ?? "–", className: "grade" }),
    ]),
  ];
}

export function scoresView(doc: Document, result: ScoreResult, actions: ScoresActions): HTMLElement {
  const root = el(doc, "div", { className: "scores", attrs: { id: "scores" } });
  root.appendChild(el(doc, "h2", { text: `Điểm của sheet "${result.sheet}"` }));
  if (result.title) root.appendChild(el(doc, "p", { className: "unit", text: result.title }));

  const table = el(doc, "table", { className: "grid", attrs: { id: "area-table" } });
  table.appendChild(el(doc, "caption", { text: "Điểm theo lĩnh vực (đạt/tối đa)" }));
  table.appendChild(el(doc, "thead", {}, [el(doc, "tr", {}, ["Lĩnh vực", "Tối đa", "Tự đánh giá", "Thẩm định"].map((h) => el(doc, "th", { text: h, attrs: { scope: "col" } })))]));
  const body = el(doc, "tbody");
  for (const a of result.areas) {
    body.appendChild(el(doc, "tr", { attrs: { "data-area": a.code } }, [
      el(doc, "th", { attrs: { scope: "row", title: a.name } }, [el(doc, "span", { className: "code", text: a.code }), " ", el(doc, "span", { className: "area-name", text: a.name })]),
      el(doc, "td", { className: "num", text: formatPoints(a.max) }),
      el(doc, "td", { className: "num self", text: formatPoints(a.self) }),
      el(doc, "td", { className: "num appraised", text: formatPoints(a.appraised) }),
    ]));
  }
  table.appendChild(body);
  root.appendChild(table);

  const totals = el(doc, "table", { className: "grid totals", attrs: { id: "total-table" } });
  totals.appendChild(el(doc, "caption", { text: "Tổng điểm, chỉ số và xếp loại" }));
  totals.appendChild(el(doc, "thead", {}, [el(doc, "tr", {}, ["", "Tổng điểm", "Chỉ số", "Xếp loại"].map((h) => el(doc, "th", { text: h, attrs: { scope: "col" } })))]));
  const tbody = el(doc, "tbody");
  for (const row of summaryRows(doc, "Tự đánh giá", result.self)) tbody.appendChild(row);
  for (const row of summaryRows(doc, "Thẩm định", result.appraised)) tbody.appendChild(row);
  totals.appendChild(tbody);
  root.appendChild(totals);
  root.appendChild(el(doc, "p", { className: "note", text: `Điểm chính thức: ${result.official === "appraised" ? "điểm thẩm định" : "điểm tự đánh giá"}.` }));
  // Last year's comparison and the appraisal round are drawn here by a chunk (scoresDetails.ts).
  const s = result.scoring;
  if (result.comparison || s.template || (s.hasSelf && s.hasAppraised) || s.evidence || s.explanation) {
    root.appendChild(el(doc, "div", { attrs: { id: "scores-details", "aria-busy": "true" } }));
  }

  const offer = el(doc, "section", { className: "offer", attrs: { id: "subtotal-offer", "aria-label": "Công thức tổng phụ" } });
  const { empty, filled } = result.offer;
  const differing = filled.filter((f) => f.differs).length;
  if (empty.length === 0 && filled.length === 0) {
    offer.appendChild(el(doc, "p", { text: "Sheet không có dòng tổng phụ nào cần công thức." }));
  } else {
    offer.appendChild(el(doc, "p", {
      text:
        `Có ${empty.length} ô tổng phụ đang trống và ${filled.length} ô tổng phụ đã có số` +
        (differing > 0 ? `, trong đó ${differing} ô khác tổng các ô con` : "") +
        ". Công thức SUM giúp các dòng tổng luôn khớp với các tiêu chí con.",
    }));
    if (result.offer.textNumbers.length > 0) {
      const list = result.offer.textNumbers;
      const shown = list.slice(0, 8).join(", ") + (list.length > 8 ? ", …" : "");
      offer.appendChild(el(doc, "p", {
        className: "warning-note",
        attrs: { id: "text-numbers", role: "note" },
        text: `Chú ý: ${list.length} ô đang lưu số dưới dạng chữ (${shown}); công thức SUM của Excel bỏ qua các ô này. Hãy đổi chúng thành số trước khi điền công thức.`,
      }));
    }
    const actionsRow = el(doc, "div", { className: "actions" });
    if (empty.length > 0) actionsRow.appendChild(button(doc, `Điền công thức SUM vào ${empty.length} ô trống`, actions.onFillEmpty, { attrs: { id: "fill-empty" } }));
    if (filled.length > 0) actionsRow.appendChild(button(doc, `Ghi đè cả ${filled.length} ô đã có số…`, actions.onAskOverwrite, { className: "secondary", attrs: { id: "ask-overwrite" } }));
    offer.appendChild(actionsRow);
  }
  root.appendChild(offer);
  return root;
}
