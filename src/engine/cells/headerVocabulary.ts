// The words that name each column role, and what wins when a header names two roles. Headers
// are read as words (folded: no diacritics, lower case; punctuation and line breaks are spaces;
// parenthesised parts left out), so words around a known phrase do not hide it.
import type { ColumnRole } from "../core/types";
import { foldText } from "../core/text";
import { memoize } from "../core/memo";

/**
 * Each role's phrases, folded. A phrase names its role wherever its words stand together in the
 * header ("Tổng số điểm đạt được của đơn vị" holds "tong so diem").
 */
export const ROLE_WORDS: Record<ColumnRole, readonly string[]> = {
  code: ["stt", "tt", "ma", "ma tieu chi", "ma so", "so tt", "so thu tu", "ky hieu"],
  name: ["tieu chi", "noi dung", "linh vuc"],
  max: ["toi da", "diem chuan", "thang diem"],
  self: ["tu danh gia", "tu cham", "tu dg"],
  appraised: ["tham dinh"],
  cause: ["nguyen nhan"],
  responsible: ["trach nhiem"],
  // Names of the kind of unit: "Tỉnh, thành phố", "Sở, ban, ngành", "Phường, xã, đặc khu" ...
  unit: ["don vi", "co quan", "dia phuong", "ubnd", "uy ban nhan dan", "huyen", "xa", "phuong", "thi tran", "thi xa", "thanh pho", "dac khu", "nganh"],
  index: ["chi so", "index", "par index"],
  grade: ["xep loai", "phan loai"],
  rank: ["xep hang", "thu hang", "hang"],
  block: ["khoi", "nhom", "loai don vi", "cum"],
  survey: ["dieu tra", "xa hoi hoc", "xhh", "tac dong"],
  // Formed from other roles' words (see `roleOfWords`), never named alone.
  surveyMax: [],
  previousIndex: [],
  previousRank: [],
  achieved: ["tong diem", "tong so diem", "diem dat", "so diem dat", "diem dat duoc"],
};

/** Whole headers that name a role only when nothing else is written ("Đạt" under "Điểm thẩm định"). */
export const WHOLE_HEADERS: Partial<Record<ColumnRole, readonly string[]>> = {
  achieved: ["dat", "dat duoc"],
};

/**
 * Unit words that are other words too ("sở"/"số", "bộ", "ban"/"bản", "quận"/"quan", "tỉnh"/
 * "tính"): two different ones side by side name the unit column ("Sở, ban"), and "quận" or "tỉnh"
 * does as the whole header.
 */
export const WEAK_UNIT_WORDS: readonly string[] = ["so", "ban", "bo", "quan", "tinh"];
export const WEAK_UNIT_ALONE: readonly string[] = ["quan", "tinh"];

/** Words that say the column is last year's: "Chỉ số năm trước", "Xếp hạng năm trước". */
export const PREVIOUS_WORDS: readonly string[] = ["nam truoc", "ky truoc", "nam ngoai"];

/** Phrases that hold role words but name no role ("Đơn vị tính", "Cộng hòa xã hội chủ nghĩa"). */
export const NO_ROLE_PHRASES: readonly string[] = [
  "don vi tinh",
  "so don vi",
  "so co quan",
  "tinh den",
  "cong hoa xa hoi chu nghia",
  "phuong phap",
  "phuong thuc",
  "phuong an",
  "cach tinh",
  "tinh diem",
  "tinh theo",
  "tinh toan",
  "quan ly",
];

/**
 * What wins when a header names several roles, first first. Explicit rules come before it:
 * maximum + survey → surveyMax; index or rank + "năm trước" → last year's. Among index, rank
 * and grade the one written first wins ("Xếp hạng chỉ số" is a rank, "Chỉ số xếp hạng" an
 * index). So "Đơn vị chịu trách nhiệm" is responsible, "Mã đơn vị" a code, "Loại đơn vị" a block,
 * "Điểm điều tra xã hội học" a survey, "Tổng điểm thẩm định" appraised, "Nhóm tiêu chí" a name.
 */
export const ROLE_PRIORITY: readonly ColumnRole[] = [
  "survey",
  "responsible",
  "cause",
  "self",
  "appraised",
  "max",
  // index, rank and grade: by position (see above), at this rank.
  "index",
  "code",
  "achieved",
  "name",
  "block",
  "unit",
];
const BY_POSITION: readonly ColumnRole[] = ["index", "rank", "grade"];

/** A header's words: folded, parenthesised parts left out, punctuation and line breaks as spaces. */
export const headerWords = memoize((text: string): readonly string[] => {
  const words = foldText(text)
    .replace(/\([^)]*\)/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  return words === "" ? [] : words.split(" ");
});

const PHRASES = new Map<string, readonly string[]>();
function phraseWords(phrase: string): readonly string[] {
  let w = PHRASES.get(phrase);
  if (!w) PHRASES.set(phrase, (w = phrase.split(" ")));
  return w;
}

/** Where a phrase's words first stand together in `words`, or -1. */
function findPhrase(words: readonly string[], phrase: string): number {
  const p = phraseWords(phrase);
  outer: for (let i = 0; i + p.length <= words.length; i++) {
    for (let j = 0; j < p.length; j++) if (words[i + j] !== p[j]) continue outer;
    return i;
  }
  return -1;
}

/** The earliest position at which any of `phrases` stands, or -1. */
function firstOf(words: readonly string[], phrases: readonly string[]): number {
  let best = -1;
  for (const phrase of phrases) {
    const at = findPhrase(words, phrase);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

/** The words with the phrases that name no role blanked out. */
function withoutNoRolePhrases(words: readonly string[]): readonly string[] {
  let out = words;
  for (const phrase of NO_ROLE_PHRASES) {
    let at = findPhrase(out, phrase);
    while (at >= 0) {
      const len = phraseWords(phrase).length;
      out = [...out.slice(0, at), ...Array<string>(len).fill(""), ...out.slice(at + len)];
      at = findPhrase(out, phrase);
    }
  }
  return out;
}

function namesUnit(words: readonly string[]): boolean {
  if (firstOf(words, ROLE_WORDS.unit) >= 0) return true;
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i] !== words[i + 1] && WEAK_UNIT_WORDS.includes(words[i]) && WEAK_UNIT_WORDS.includes(words[i + 1])) return true;
  }
  const filled = words.filter((w) => w !== "");
  return filled.length === 1 && WEAK_UNIT_ALONE.includes(filled[0]);
}

/** The role a header's words name, by the rules above; null when none. */
export function roleOfWords(allWords: readonly string[]): ColumnRole | null {
  const whole = allWords.join(" ");
  for (const [role, headers] of Object.entries(WHOLE_HEADERS) as Array<[ColumnRole, readonly string[]]>) {
    if (headers.includes(whole)) return role;
  }
  const words = withoutNoRolePhrases(allWords);
  const at = (role: ColumnRole) => firstOf(words, ROLE_WORDS[role]);
  const previous = firstOf(words, PREVIOUS_WORDS) >= 0;
  const indexAt = at("index");
  const rankAt = at("rank");
  if (previous && (indexAt >= 0 || rankAt >= 0)) {
    return rankAt >= 0 && (indexAt < 0 || rankAt < indexAt) ? "previousRank" : "previousIndex";
  }
  if (at("max") >= 0 && at("survey") >= 0) return "surveyMax";
  for (const role of ROLE_PRIORITY) {
    if (role === "index") {
      let first: ColumnRole | null = null;
      let firstAt = -1;
      for (const r of BY_POSITION) {
        const p = r === "index" ? indexAt : r === "rank" ? rankAt : at(r);
        if (p >= 0 && (firstAt < 0 || p < firstAt)) [first, firstAt] = [r, p];
      }
      if (first) return first;
      continue;
    }
    if (role === "unit" ? namesUnit(words) : at(role) >= 0) return role;
  }
  return null;
}

/** The role a header text names; null when none. */
export const roleOfHeader = memoize((text: string): ColumnRole | null => roleOfWords(headerWords(text)));
