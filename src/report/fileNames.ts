// The names of the files the clerk opens and gets back, the same on the page, in the pane and in
// `cchc`. No DOM here: the command line uses it too.

/** Workbooks the page and the command line open: .xlsx, .xlsm, and old .xls and .ods (converted). */
export const WORKBOOK_FILE = /\.(xlsx|xlsm|xls|ods)$/i;

/**
 * "Bảng điểm.xlsx" → "Bảng điểm - tổng hợp.xlsx" (an .xlsm stays .xlsm; an .xls or .ods becomes
 * .xlsx, as its summary is a new .xlsx).
 */
export function resultFileName(source: string): string {
  const ext = /\.xlsm$/i.test(source) ? "xlsm" : "xlsx";
  const base = source.replace(WORKBOOK_FILE, "") || "bang-diem";
  return `${base} - tổng hợp.${ext}`;
}

/** "Bảng điểm.xlsx" → "Bảng điểm - báo cáo.docx" (the Word draft). */
export function reportFileName(source: string): string {
  const base = source.replace(WORKBOOK_FILE, "") || "bang-diem";
  return `${base} - báo cáo.docx`;
}

/** Names Windows keeps for devices, whatever the extension ("CON.docx" cannot be created). */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A unit's name as a file name any system accepts: characters Windows forbids and control
 * characters become "_", no trailing dot or space, no device name, at most `max` characters.
 */
export function safeFileBase(name: string, max = 100): string {
  let base = name.normalize("NFC").replace(/\s+/g, " ").replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, "_").trim();
  base = [...base].slice(0, max).join("").replace(/[. ]+$/, "");
  if (base === "" || /^_+$/.test(base)) base = "don-vi";
  return RESERVED.test(base.split(".")[0]) ? `${base}_` : base;
}

/**
 * File names `base.ext` for each base, numbered " (2)", " (3)" … where two would be the same on a
 * file system that ignores case, and never one of `taken`.
 */
export function distinctFileNames(bases: readonly string[], ext: string, taken: readonly string[] = []): string[] {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  return bases.map((b) => {
    let name = `${b}.${ext}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${b} (${n}).${ext}`;
    used.add(name.toLowerCase());
    return name;
  });
}
