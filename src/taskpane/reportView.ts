// What "Tạo báo cáo" wrote (and which earlier sheets were kept), the offer of the Word draft,
// and where the draft went.
import { keptSheetMessage } from "../engine/plans/generatedFingerprint";
import type { ReportResult, WordDraftResult } from "./reportController";
import { HOW_TO_COPY } from "./messages";
import { draftSourceText } from "../report/draftSource";
import { button, el } from "./dom";

/** onWordDraft gets the second file the clerk chose beside the Word button, if any. */
export function reportView(
  doc: Document,
  result: ReportResult,
  onWordDraft?: (second: File | null) => void,
  onExplanation?: () => void,
): HTMLElement {
  const root = el(doc, "div", { className: "report", attrs: { id: "report" } });
  const intro = result.sheet ? `Đã lập báo cáo từ sheet "${result.sheet}":` : "Đã lập báo cáo:";
  root.appendChild(el(doc, "p", { text: intro }));
  const list = el(doc, "ul", { attrs: { id: "report-sheets" } });
  for (const w of result.written) {
    const item = el(doc, "li", { attrs: { "data-sheet": w.name } }, [el(doc, "strong", { text: w.name })]);
    const kept = result.kept.find((k) => k.replacement === w.name);
    if (kept) item.appendChild(doc.createTextNode(` — ${keptSheetMessage(kept)}`));
    else if (w.name !== w.desired) {
      item.appendChild(doc.createTextNode(` — bảng tính đã có sheet "${w.desired}" do người dùng tạo; sheet đó được giữ nguyên.`));
    }
    list.appendChild(item);
  }
  root.appendChild(list);
  root.appendChild(el(doc, "p", { className: "note", text: "Bấm lại \"Tạo báo cáo\" sẽ thay thế các sheet này nếu chưa bị sửa; sheet đã sửa được giữ nguyên." }));
  if (onWordDraft) {
    const from = result.sheet ? "từ bảng điểm này" : "từ các bảng xếp hạng đơn vị này";
    root.appendChild(el(doc, "p", { text: `Bản thảo văn bản báo cáo (như báo cáo gửi cấp trên) có thể lập ngay ${from}:` }));
    const second = el(doc, "input", { attrs: { type: "file", id: "word-second-file", accept: ".xlsx,.xlsm,.xls,.ods" } });
    root.appendChild(el(doc, "label", { className: "field", attrs: { for: "word-second-file" } }, [
      el(doc, "span", { text: "Thêm tệp thứ hai (ví dụ bảng xếp hạng các xã): " }),
      second,
    ]));
    root.appendChild(button(doc, "Tạo bản thảo báo cáo (Word)", () => onWordDraft(second.files?.[0] ?? null), { attrs: { id: "word-draft" } }));
  }
  if (onExplanation && result.sheet) {
    // The appraisal round: the unit's cut criteria, with columns for its explanation.
    root.appendChild(el(doc, "p", { text: `Phiếu đề nghị giải trình các tiêu chí bị cắt điểm của sheet "${result.sheet}":` }));
    root.appendChild(button(doc, "Tạo phiếu đề nghị giải trình", onExplanation, { attrs: { id: "explanation" } }));
  }
  return root;
}

export function wordDraftView(doc: Document, result: WordDraftResult): HTMLElement {
  const root = el(doc, "div", { className: "report", attrs: { id: "word-draft-result" } });
  if (result.kind === "file") {
    root.appendChild(el(doc, "p", { text: `Đã lập bản thảo báo cáo ${draftSourceText({ scoring: result.sheet, units: result.units })} và tải tệp "${result.fileName}" về máy.` }));
  } else {
    root.appendChild(el(doc, "p", { text: `Đã ghi bản thảo báo cáo ${draftSourceText({ scoring: result.sheet, units: result.units })} vào sheet "${result.written}".` }));
    for (const kept of result.kept) root.appendChild(el(doc, "p", { className: "note", text: keptSheetMessage(kept) }));
    root.appendChild(el(doc, "p", { className: "note", attrs: { id: "how-to-copy" }, text: HOW_TO_COPY }));
  }
  if (result.blanks > 0) {
    root.appendChild(el(doc, "p", { text: `Còn ${result.blanks} chỗ đánh dấu "[Cần bổ sung: …]" để cán bộ viết tiếp (nhiệm vụ, người ký …).` }));
  }
  if (result.notice.length > 0) {
    const [head, ...errors] = result.notice;
    root.appendChild(el(doc, "p", { className: "error-box", text: head }));
    const list = el(doc, "ul", { attrs: { id: "word-draft-errors" } });
    for (const line of errors) list.appendChild(el(doc, "li", { text: line }));
    root.appendChild(list);
  }
  return root;
}
