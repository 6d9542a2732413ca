// Text normalisation for matching Vietnamese headers and unit names.

/** Unicode NFC with runs of white space folded to one space and trimmed. */
export function normalizeName(s: string): string {
  return s.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** For matching without regard to diacritics, case or spacing: "Điểm Tối  đa" → "diem toi da". */
export function foldText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
