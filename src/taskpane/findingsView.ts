// The findings of "Kiểm tra", listed by sheet, errors first, with counts. Each finding is a
// button that selects its cell in the workbook.
import type { Finding } from "../engine/core/types";
import type { ValidationReport } from "./validateController";
import { countLabel, severityLabel, TEXT } from "./messages";
import { el } from "./dom";

export function findingsView(doc: Document, report: ValidationReport, onSelect: (f: Finding) => void): HTMLElement {
  const root = el(doc, "div", { className: "findings", attrs: { id: "findings" } });
  const summary = [`Đã kiểm tra ${report.checkedSheets} sheet: ${countLabel(report.errors, report.warnings)}.`];
  if (report.highlighted > 0) summary.push(`Đã tô màu ${report.highlighted} ô; bấm "Xóa đánh dấu" để trả lại màu cũ.`);
  root.appendChild(el(doc, "p", { className: "summary", text: summary.join(" "), attrs: { id: "findings-summary" } }));
  if (report.checkedSheets > 0 && report.errors + report.warnings === 0) root.appendChild(el(doc, "p", { className: "ok", text: TEXT.noFindings }));
  for (const group of report.groups) {
    const section = el(doc, "section", { className: "sheet-group", attrs: { "data-sheet": group.sheet } });
    const heading = el(doc, "h2", {}, [
      el(doc, "span", { className: "sheet-name", text: group.sheet }),
      el(doc, "span", { className: "counts", text: ` — ${countLabel(group.errors, group.warnings)}` }),
    ]);
    section.appendChild(heading);
    if (group.findings.length > 0) {
      const list = el(doc, "ul", { className: "finding-list" });
      for (const f of group.findings) {
        const label = `${severityLabel(f.severity)} tại ô ${f.cell}: ${f.message}`;
        const item = el(doc, "button", {
          className: `finding sev-${f.severity}`,
          attrs: { type: "button", "data-cell": f.cell, "data-rule": f.rule, "aria-label": `${label}. Bấm để chọn ô.` },
          onClick: () => onSelect(f),
        }, [
          el(doc, "span", { className: `badge sev-${f.severity}`, text: severityLabel(f.severity) }),
          el(doc, "span", { className: "cell", text: f.cell }),
          el(doc, "span", { className: "message", text: f.message }),
        ]);
        list.appendChild(el(doc, "li", {}, [item]));
      }
      section.appendChild(list);
    }
    root.appendChild(section);
  }
  if (report.skipped.length > 0) {
    const details = el(doc, "details", { className: "skipped" }, [
      el(doc, "summary", { text: `${report.skipped.length} sheet không phải bảng điểm` }),
    ]);
    const list = el(doc, "ul");
    for (const s of report.skipped) list.appendChild(el(doc, "li", {}, [el(doc, "strong", { text: s.sheet }), `: ${s.reason}`]));
    details.appendChild(list);
    root.appendChild(details);
  }
  return root;
}
