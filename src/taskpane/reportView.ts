// What "Tạo báo cáo" wrote.
import { keptSheetMessage } from "../engine/generatedFingerprint";
import type { ReportResult } from "./reportController";
import { el } from "./dom";

export function reportView(doc: Document, result: ReportResult): HTMLElement {
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
  return root;
}
