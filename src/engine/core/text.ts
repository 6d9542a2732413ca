// Text normalisation for matching Vietnamese headers and unit names.
import { memoize } from "./memo";

/** Unicode NFC with runs of white space folded to one space and trimmed. */
export const normalizeName = memoize((s: string): string => s.normalize("NFC").replace(/\s+/g, " ").trim());

/** For matching without regard to diacritics, case or spacing: "Điểm Tối  đa" → "diem toi da". */
export const foldText = memoize((s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim(),
);
