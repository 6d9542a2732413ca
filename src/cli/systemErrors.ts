// The one place that says in Vietnamese why the operating system refused a file operation, so no
// system code ("ENOENT", "EISDIR") or English text reaches the clerk on its own.

const REASONS: Record<string, string> = {
  ENOENT: "không tồn tại",
  ENOTDIR: "một phần của đường dẫn không phải thư mục",
  EISDIR: "đó là một thư mục, không phải tệp",
  EACCES: "không có quyền",
  EPERM: "không có quyền",
  EROFS: "ổ đĩa chỉ cho đọc",
  ENOSPC: "ổ đĩa đã đầy",
  EDQUOT: "đã hết hạn mức dung lượng",
  ELOOP: "liên kết tượng trưng vòng lặp",
  ENAMETOOLONG: "tên hoặc đường dẫn quá dài",
  EMFILE: "mở quá nhiều tệp cùng lúc",
  EBUSY: "tệp đang được chương trình khác dùng",
  ETXTBSY: "tệp đang được chương trình khác dùng",
  EEXIST: "đã có tệp trùng tên",
  EINVAL: "tên tệp không hợp lệ",
  EIO: "lỗi đọc ghi của ổ đĩa",
  EPIPE: "nơi nhận đã đóng trước khi nhận hết",
  EXDEV: "không chuyển được tệp giữa hai ổ đĩa",
};

/** The system code of an error, where it has one. */
export function systemCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Why, in Vietnamese: "không tồn tại", "ổ đĩa đã đầy"; an unknown code is named as a system error. */
export function systemReason(err: unknown): string {
  const code = systemCode(err);
  if (code !== undefined) return REASONS[code] ?? `lỗi hệ thống mã ${code}`;
  return "lỗi không xác định của hệ thống";
}
