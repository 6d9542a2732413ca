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
  evidence: ["tai lieu kiem chung", "tai lieu minh chung", "ho so kiem chung", "minh chung", "tai lieu chung minh", "kiem chung"],
  afterExplanation: ["sau giai trinh", "tham dinh lai"],
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

/**
 * "Sở" and "Bộ" alone fold to "so"/"bo", which are "số" and "bó" too: as the whole header they
 * name the unit column only when typed with their marks, read before folding.
 */
export const MARKED_UNIT_ALONE: readonly string[] = ["sở", "bộ"];

function markedUnitAlone(text: string): boolean {
  const whole = text.normalize("NFC").toLowerCase().replace(/\([^)]*\)/g, " ").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  return MARKED_UNIT_ALONE.includes(whole);
}

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
 * "Điểm điều tra xã hội học" a survey, "Tổng điểm thẩm định" appraised, "Nhóm tiêu chí" a name,
 * "Điểm thẩm định lại" points after explanation, "Tài liệu kiểm chứng điểm tự chấm" evidence.
 */
export const ROLE_PRIORITY: readonly ColumnRole[] = [
  "evidence",
  "afterExplanation",
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
export function headerWords(text: string): readonly string[] {
  return foldText(text)
    .replace(/\([^)]*\)/g, " ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
}

type Tag = ColumnRole | "previous" | "none";

/** Every phrase of the table by its first word, so a header is read in one pass over its words. */
const BY_FIRST_WORD: Map<string, Array<{ tag: Tag; words: readonly string[] }>> = (() => {
  const index = new Map<string, Array<{ tag: Tag; words: readonly string[] }>>();
  const add = (tag: Tag, phrase: string) => {
    const words = phrase.split(" ");
    const list = index.get(words[0]) ?? [];
    list.push({ tag, words });
    index.set(words[0], list);
  };
  for (const [role, phrases] of Object.entries(ROLE_WORDS) as Array<[ColumnRole, readonly string[]]>) for (const p of phrases) add(role, p);
  for (const p of PREVIOUS_WORDS) add("previous", p);
  for (const p of NO_ROLE_PHRASES) add("none", p);
  return index;
})();

function standsAt(words: readonly string[], i: number, phrase: readonly string[]): boolean {
  if (i + phrase.length > words.length) return false;
  for (let j = 1; j < phrase.length; j++) if (words[i + j] !== phrase[j]) return false;
  return true;
}

/** Where each role's (and "năm trước"'s) words first stand, phrases that name no role left out. */
function positions(words: readonly string[]): Map<Tag, number> {
  // Words inside a phrase that names no role ("đơn vị tính") lend no role.
  let blocked: boolean[] | null = null;
  for (let i = 0; i < words.length; i++) {
    for (const { tag, words: p } of BY_FIRST_WORD.get(words[i]) ?? []) {
      if (tag !== "none" || !standsAt(words, i, p)) continue;
      blocked ??= new Array<boolean>(words.length).fill(false);
      for (let j = 0; j < p.length; j++) blocked[i + j] = true;
    }
  }
  const at = new Map<Tag, number>();
  for (let i = 0; i < words.length; i++) {
    for (const { tag, words: p } of BY_FIRST_WORD.get(words[i]) ?? []) {
      if (tag === "none" || at.has(tag) || !standsAt(words, i, p)) continue;
      if (blocked && p.some((_, j) => blocked![i + j])) continue;
      at.set(tag, i);
    }
  }
  // Weak unit words: two different ones side by side, or "quận"/"tỉnh" alone.
  if (!at.has("unit")) {
    const free = words.filter((_, i) => !blocked?.[i]);
    for (let i = 0; i + 1 < free.length; i++) {
      if (free[i] !== free[i + 1] && WEAK_UNIT_WORDS.includes(free[i]) && WEAK_UNIT_WORDS.includes(free[i + 1])) at.set("unit", i);
    }
    if (free.length === 1 && WEAK_UNIT_ALONE.includes(free[0])) at.set("unit", 0);
  }
  return at;
}

/** The role a header's words name, by the rules above; null when none. */
export function roleOfWords(words: readonly string[]): ColumnRole | null {
  const whole = words.join(" ");
  for (const [role, headers] of Object.entries(WHOLE_HEADERS) as Array<[ColumnRole, readonly string[]]>) {
    if (headers.includes(whole)) return role;
  }
  const at = positions(words);
  const indexAt = at.get("index") ?? -1;
  const rankAt = at.get("rank") ?? -1;
  if (at.has("previous") && (indexAt >= 0 || rankAt >= 0)) {
    return rankAt >= 0 && (indexAt < 0 || rankAt < indexAt) ? "previousRank" : "previousIndex";
  }
  if (at.has("max") && at.has("survey")) return "surveyMax";
  for (const role of ROLE_PRIORITY) {
    if (role === "index") {
      let first: ColumnRole | null = null;
      let firstAt = -1;
      for (const r of BY_POSITION) {
        const p = at.get(r) ?? -1;
        if (p >= 0 && (firstAt < 0 || p < firstAt)) [first, firstAt] = [r, p];
      }
      if (first) return first;
      continue;
    }
    if (at.has(role)) return role;
  }
  return null;
}

/** The role a header text names; null when none. */
export const roleOfHeader = memoize((text: string): ColumnRole | null => {
  const words = headerWords(text);
  // Only a header of one such word is looked at again with its marks.
  if (words.length === 1 && (words[0] === "so" || words[0] === "bo") && markedUnitAlone(text)) return "unit";
  return roleOfWords(words);
});
