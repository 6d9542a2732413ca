// Every sentence the pane shows that is not built from data, and the translation of errors
// into Vietnamese sentences that say what to do.
import { UserError } from "../host/hostErrors";

// The errors the host throws are defined in the host layer; re-exported for the pane's modules.
export { ChangedCellsError, UserError, type ChangedCell } from "../host/hostErrors";

export const TEXT = {
  reading: "Đang đọc bảng tính…",
  analysing: "Đang kiểm tra số liệu…",
  highlighting: "Đang tô màu các ô có vấn đề…",
  computing: "Đang tính điểm…",
  buildingReport: "Đang lập các sheet báo cáo…",
  writing: "Đang ghi vào bảng tính…",
  done: "Xong.",
  noScoringSheet:
    "Không tìm thấy bảng điểm nào. Bảng điểm cần một dòng tiêu đề có cột mã (STT), cột điểm tối đa và ít nhất một cột điểm; nếu tiêu đề của bạn khác, hãy khai báo cột trong Cài đặt.",
  noReportSource:
    "Không có bảng điểm hay bảng tổng hợp đơn vị nào để lập báo cáo. Hãy mở bảng tính có bảng điểm, hoặc khai báo cột trong Cài đặt.",
  noFindings: "Không phát hiện vấn đề nào.",
  settingsSaved: "Đã lưu cài đặt vào bảng tính.",
  outsideExcel: "Tiện ích này chỉ chạy trong Excel. Hãy mở bảng tính bằng Excel (trên máy tính hoặc trên web).",
  outsideExcelStatus: "Không dùng được ở đây: các lệnh chỉ hoạt động trong Excel.",
  approximatedFills:
    "Excel không cho phép add-in đặt lại kiểu tô chuyển sắc (gradient), nên các ô sau được trả lại màu nền đơn sắc cùng màu chính; nếu cần, hãy tô lại chuyển sắc (Format Cells → Fill → Fill Effects):",
} as const;

/** TEXT.approximatedFills with the cells named (the first 8, then "…"). */
export function approximatedFillsSentence(cells: ReadonlyArray<{ sheet: string; address: string }>): string {
  const shown = cells.slice(0, 8).map((c) => `${c.sheet}!${c.address}`).join(", ") + (cells.length > 8 ? `, … (${cells.length} ô)` : "");
  return `${TEXT.approximatedFills} ${shown}.`;
}

/** Office.js error codes the clerk can do something about, with what to do. */
const OFFICE_ERRORS: Record<string, string> = {
  InvalidArgument: "Excel không nhận một giá trị gửi tới. Hãy kiểm tra lại bảng tính rồi thử lại.",
  ItemNotFound: "Không tìm thấy sheet hoặc ô cần dùng; có thể sheet vừa bị đổi tên hay xóa. Hãy bấm lại lệnh.",
  ItemAlreadyExists: "Đã có một sheet cùng tên. Hãy bấm lại lệnh để chọn tên khác.",
  AccessDenied: "Excel không cho phép thay đổi: bảng tính hoặc sheet đang được bảo vệ. Hãy bỏ bảo vệ rồi thử lại.",
  InvalidOperationInCellEditMode: "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.",
  EditModeCellEditing: "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.",
  RequestPayloadSizeLimitExceeded: "Bảng tính quá lớn để gửi một lần. Hãy thử lại với ít sheet hơn.",
  ResponsePayloadSizeLimitExceeded: "Bảng tính quá lớn để đọc một lần. Hãy thử lại với ít sheet hơn.",
  GeneralException: "Excel báo lỗi khi thực hiện lệnh. Hãy lưu bảng tính, mở lại rồi thử lại.",
};

/** A Vietnamese sentence for any error thrown while a command ran. */
export function errorSentence(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === "string" && OFFICE_ERRORS[code]) return OFFICE_ERRORS[code];
  if (err instanceof UserError) return err.message;
  const detail = err instanceof Error ? err.message : String(err);
  return `Đã xảy ra lỗi không mong đợi (${detail}). Hãy lưu bảng tính, mở lại rồi thử lại; nếu vẫn lỗi, hãy báo cho người quản trị.`;
}

/** Vietnamese label of a finding's severity. */
export function severityLabel(severity: "error" | "warning"): string {
  return severity === "error" ? "Lỗi" : "Cảnh báo";
}

/** "2 lỗi, 5 cảnh báo" */
export function countLabel(errors: number, warnings: number): string {
  return `${errors} lỗi, ${warnings} cảnh báo`;
}

/** Points as the clerk writes them: decimal comma, 2 decimals ("89,21"). */
export function formatPoints(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return value.toLocaleString("vi-VN", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** Said at the top of "Bản thảo báo cáo" and in the pane where no file can be saved. */
export const HOW_TO_COPY =
  "Excel trên máy tính không cho tiện ích lưu tệp, nên bản thảo được ghi vào sheet này. Để chuyển sang Word: chọn cột A " +
  "(bấm vào chữ A), nhấn Ctrl+C, mở Word rồi dán bằng Ctrl+Shift+V (chỉ giữ văn bản); sau đó chọn phông Times New Roman cỡ 14, " +
  "khổ A4, lề trên và dưới 20 mm, trái 30 mm, phải 15 mm. Muốn có ngay tệp Word: mở bảng tính bằng Excel trên web rồi bấm lại, " +
  "hoặc dùng trang kiểm tra độc lập (nút \"Tải báo cáo (Word)\") hay lệnh cchc report.";
