// What the engine found in a sheet, in a few Vietnamese lines, and the list of findings.
import type { Finding, ScoreSummary, ScoringSheet, SheetResult } from "../engine/core/types";
import { el } from "./dom";
import { byRank } from "../engine/core/grades";
import { rankTextVi } from "../engine/core/viText";
import { formatIndex, formatPoints } from "./format";
import { appraisalLines, evidenceLine, explanationLine, templateLine } from "../forms/roundText";

/** The appraisal round of a scoring sheet (issue 19), each part with its id, where the sheet has it. */
function roundParts(result: ScoringSheet): HTMLElement[] {
  const parts: HTMLElement[] = [];
  if (result.template) parts.push(el("p", { attrs: { id: "template-result" }, text: templateLine(result.template) }));
  const cut = appraisalLines(result);
  if (cut.length > 0) {
    const [total, ...areas] = cut;
    const box = el("div", { attrs: { id: "appraisal-info" } }, [el("p", { text: total })]);
    if (areas.length > 0) box.appendChild(el("ul", {}, areas.map((line) => el("li", { text: line }))));
    parts.push(box);
  }
  const evidence = evidenceLine(result);
  if (evidence !== null) parts.push(el("p", { attrs: { id: "evidence-info" }, text: evidence }));
  const explanation = explanationLine(result);
  if (explanation !== null) parts.push(el("p", { attrs: { id: "explanation-info" }, text: explanation }));
  return parts;
}

function scoreLine(label: string, s: ScoreSummary): HTMLElement {
  const index = s.index === null ? "không tính được chỉ số" : `chỉ số ${formatIndex(s.index)}`;
  const grade = s.grade ? `, xếp loại ${s.grade}` : "";
  return el("p", { text: `${label}: ${formatPoints(s.achieved)}/${formatPoints(s.max)} điểm, ${index}${grade}` });
}

export function renderSheetInfo(result: SheetResult | undefined, generated: boolean): HTMLElement {
  const box = el("div");
  if (generated) {
    box.appendChild(el("p", { text: "Sheet do công cụ CCHC tạo; lần tạo sau sẽ thay sheet này." }));
    return box;
  }
  if (!result) return box;
  if (result.kind === "scoring") {
    box.appendChild(el("p", { text: `Bảng điểm${result.title ? ` (${result.title})` : ""}.` }));
    if (result.totals.self) box.appendChild(scoreLine("Tự đánh giá", result.totals.self));
    if (result.totals.appraised) box.appendChild(scoreLine("Thẩm định", result.totals.appraised));
    box.appendChild(
      el("p", {
        text:
          result.lost.length === 0
            ? "Không có tiêu chí nào bị mất điểm."
            : `${result.lost.length} tiêu chí bị mất điểm; ${result.units.length} đơn vị chịu trách nhiệm.`,
      }),
    );
    const c = result.comparison;
    if (c) {
      const sign = (x: number) => (x > 0 ? `tăng ${formatPoints(x)}` : x < 0 ? `giảm ${formatPoints(-x)}` : "không đổi");
      box.appendChild(
        el("p", {
          attrs: { id: "comparison" },
          text:
            `So với năm trước (${c.previous.file ?? ""}, sheet "${c.previous.sheet}"): ${formatPoints(c.previous.achieved)}/${formatPoints(c.previous.max)} điểm` +
            `${c.previous.grade ? `, xếp loại ${c.previous.grade}` : ""}; điểm ${sign(c.change.achieved)}. ` +
            `Mới bị mất điểm: ${c.newlyLost.join(", ") || "không có"}; đã khắc phục: ${c.recovered.join(", ") || "không có"}.`,
        }),
      );
    }
    for (const part of roundParts(result)) box.appendChild(part);
  } else if (result.kind === "units") {
    box.appendChild(el("p", { text: `Bảng kết quả các đơn vị (${result.ranking.length} đơn vị).` }));
    const list = el("ol");
    for (const r of [...result.ranking].sort(byRank)) {
      const rank = r.unranked ? rankTextVi(r) : `hạng ${rankTextVi(r)}`;
      list.appendChild(el("li", { text: `${r.unit}: chỉ số ${formatIndex(r.index)}, ${r.grade} (${rank})` }));
    }
    box.appendChild(list);
  } else {
    box.appendChild(el("p", { text: `Không phải bảng điểm: ${result.reason}` }));
  }
  return box;
}

/** The findings as a list; clicking an address shows that cell in the grid. */
export function renderFindings(findings: Finding[], onCell: (address: string) => void): HTMLElement {
  const box = el("div");
  if (findings.length === 0) {
    box.appendChild(el("p", { text: "Không có phát hiện nào." }));
    return box;
  }
  const errors = findings.filter((f) => f.severity === "error").length;
  box.appendChild(el("h2", { text: `Phát hiện: ${errors} lỗi, ${findings.length - errors} cảnh báo` }));
  const list = el("ul");
  for (const f of findings) {
    const link = el("button", { className: "cell-link", text: f.cell, attrs: { type: "button" } });
    link.addEventListener("click", () => onCell(f.cell));
    const label = f.severity === "error" ? "Lỗi" : "Cảnh báo";
    list.appendChild(
      el("li", { className: f.severity, attrs: { "data-rule": f.rule } }, [
        document.createTextNode(`${label} ô `),
        link,
        document.createTextNode(`: ${f.message}`),
      ]),
    );
  }
  box.appendChild(list);
  return box;
}
