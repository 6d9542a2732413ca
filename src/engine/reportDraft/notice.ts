// What the command, the page and the pane say next to a draft: errors in the sheet are not
// printed into the report; the figures come from the leaves, so the clerk fixes the sheet or
// knowingly proceeds.
import { blockSpans, type DraftReport } from "./model";
import { placeholderText } from "./plainText";

/** Lines listing the sheet's errors and the units tables left out; empty when there are none. */
export function draftErrorNotice(report: DraftReport): string[] {
  const leftOut = report.source.leftOut.map((t) => `Bảng đơn vị "${t.sheet}" không được đưa vào báo cáo: ${t.reason}`);
  if (report.errors.length === 0) return leftOut;
  return [
    ...leftOut,
    `Bảng tính có ${report.errors.length} lỗi; các lỗi này không được đưa vào báo cáo. Số liệu trong bản thảo được tính từ điểm ` +
      "các tiêu chí thành phần (không dùng các tổng ghi tay). Hãy sửa bảng tính, hoặc kiểm tra lại nếu vẫn dùng bản thảo này:",
    ...report.errors.map((f) => `${f.sheet}!${f.cell}: ${f.message}`),
  ];
}

/** How many places are left for the clerk to write. */
export function placeholderCount(report: DraftReport): number {
  const spans = [
    ...report.heading.number,
    ...report.heading.placeDate,
    ...report.subject,
    ...report.body.flatMap(blockSpans),
    ...report.recipients.flat(),
    ...report.signature.flat(),
  ];
  return spans.filter((s) => s.kind === "placeholder").length;
}

export const PLACEHOLDER_HINT = `Các chỗ "${placeholderText("…")}" (tô vàng) là phần cán bộ cần viết tiếp.`;
