// Vietnamese wording helpers for the draft: numbers with a decimal comma, unit names in their
// short and long forms, the place name of a heading.
import { excelRound } from "../core/numbers";
import { foldText, normalizeName } from "../core/text";

/** Points as the report prints them: 2 decimals at most, decimal comma (89,21; 10; 0,5). */
export function pointsText(x: number): string {
  return numberText(x, 2);
}

/** An index as the report prints it: 3 decimals at most (91,969). */
export function indexText(x: number): string {
  return numberText(x, 3);
}

export function numberText(x: number, decimals: number): string {
  return String(excelRound(x, decimals)).replace(".", ",");
}

/** A count with two digits, as administrative texts write them: 1 → "01". */
export function countText(n: number): string {
  return String(n).padStart(2, "0");
}

const PEOPLES_COMMITTEE = /^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+/i;

/** "ỦY BAN NHÂN DÂN HUYỆN KON RẪY" → ["ỦY BAN NHÂN DÂN", "HUYỆN KON RẪY"]; other bodies stay one line. */
export function issuerLines(issuer: string): string[] {
  const name = normalizeName(issuer).toUpperCase();
  const m = PEOPLES_COMMITTEE.exec(name);
  if (!m) return [name];
  const rest = name.slice(m[0].length).trim();
  return rest === "" ? ["ỦY BAN NHÂN DÂN"] : ["ỦY BAN NHÂN DÂN", rest];
}

/** Every word capitalised: "KON RẪY" → "Kon Rẫy". */
function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(" ")
    .map((w) => (w === "" ? w : w[0].toUpperCase() + w.slice(1)))
    .join(" ");
}

/** Administrative levels, folded, longest first. */
const LEVELS = ["thanh pho", "thi tran", "thi xa", "dac khu", "huyen", "tinh", "quan", "phuong", "xa"];

/** Splits "huyện Kon Rẫy" into its level word ("huyện") and the place ("Kon Rẫy"). */
function levelAndPlace(text: string): { level: string; place: string } | null {
  const folded = foldText(text);
  for (const level of LEVELS) {
    if (folded.startsWith(level + " ")) {
      const words = level.split(" ").length;
      const parts = normalizeName(text).split(" ");
      return { level: parts.slice(0, words).join(" ").toLowerCase(), place: titleCase(parts.slice(words).join(" ")) };
    }
  }
  return null;
}

/** "ỦY BAN NHÂN DÂN HUYỆN KON RẪY" → "UBND huyện Kon Rẫy" (as the report's sentences name it). */
export function shortUnitName(unit: string): string {
  const name = normalizeName(unit);
  const m = PEOPLES_COMMITTEE.exec(name);
  if (!m) return name;
  const rest = name.slice(m[0].length);
  const split = levelAndPlace(rest);
  return split ? `UBND ${split.level} ${split.place}` : `UBND ${rest}`;
}

/** "UBND xã Đăk Pnê" → "Ủy ban nhân dân xã Đăk Pnê" (section II writes the name out). */
export function longUnitName(unit: string): string {
  const name = normalizeName(unit);
  const m = PEOPLES_COMMITTEE.exec(name);
  return m ? `Ủy ban nhân dân ${name.slice(m[0].length)}` : name;
}

/** The place named in the heading's date line: "ỦY BAN NHÂN DÂN HUYỆN KON RẪY" → "Kon Rẫy". */
export function placeOf(unit: string): string | null {
  const name = normalizeName(unit);
  const m = PEOPLES_COMMITTEE.exec(name);
  const split = levelAndPlace(m ? name.slice(m[0].length) : name);
  return split && split.place !== "" ? split.place : null;
}

/** "Số: …/BC-UBND": the issuer's abbreviation where it is a People's Committee. */
export function issuerAbbreviation(unit: string | null): string | null {
  return unit !== null && PEOPLES_COMMITTEE.test(normalizeName(unit)) ? "UBND" : null;
}

/** First letter lower-cased unless the word is an abbreviation ("TTHC …" stays). */
export function lowerFirst(text: string): string {
  if (text.length < 2 || text[1] !== text[1].toLowerCase()) return text;
  return text[0].toLowerCase() + text.slice(1);
}

/** "Cải cách thể chế" → "công tác cải cách thể chế"; "Việc chấp hành …" and "Công tác …" keep their own head. */
export function areaTopic(name: string): string {
  const lower = lowerFirst(name);
  return /^(công tác|việc)\s/i.test(lower) ? lower : `công tác ${lower}`;
}

/** A sentence ends with one full stop whatever the cell held ("…hạn." or "…hạn"). */
export function withoutFinalStop(text: string): string {
  return normalizeName(text).replace(/[.;,:\s]+$/, "");
}

/** The area's name as a clerk writes it ("CẢI CÁCH THỂ CHẾ" → "Cải cách thể chế"). */
export function areaName(area: { code: string; name: string }): string {
  return area.name.trim() !== "" ? sentenceCase(withoutFinalStop(area.name)) : `Lĩnh vực ${area.code}`;
}

/** Abbreviations kept in capitals when a name typed in capitals is put in sentence case. */
const ABBREVIATIONS = new Set([
  "CCHC", "TTHC", "UBND", "HĐND", "MTTQ", "CNTT", "KPS", "XHH", "CBCCVC", "CBCC", "VC", "TW", "TP", "PAR", "SIPAS",
  "ISO", "VN", "KT-XH", "KTXH", "NĐ-CP", "QĐ", "TT", "CQĐT", "CSDL", "DVC", "DVCTT", "BHXH", "TN-MT", "TNMT", "LĐ-TB&XH",
  "VH-TT", "VH-TT-DL&TT", "GD&ĐT", "GDĐT", "KH&ĐT", "NN&PTNT", "TC-KH", "VP", "HCC", "MCLT", "QLNN", "ĐCSVN", "UBMTTQ",
]);

/** Level words after which a place's name follows, each of its words with a capital. */
const LEVEL_WORDS = ["thị trấn", "thị xã", "thành phố", "đặc khu", "xã", "phường", "huyện", "quận", "tỉnh"];
/** Bodies whose next word starts their proper name ("Sở Tư pháp", "Phòng Nội vụ"), at a name's start. */
const BODY_WORDS = ["văn phòng", "thanh tra", "trung tâm", "chi cục", "sở", "phòng"];

function upperFirst(word: string): string {
  return word === "" ? word : word[0].toUpperCase() + word.slice(1);
}

/** Whether `text` was typed in capitals (most of its letters upper case). */
export function typedInCapitals(text: string): boolean {
  const letters = [...text].filter((c) => c.toLowerCase() !== c.toUpperCase());
  if (letters.length < 2) return false;
  return letters.filter((c) => c === c.toUpperCase()).length / letters.length > 0.8;
}

/** How many of `words` from `i` spell one of `phrases` (lower case); 0 when none does. */
function phraseAt(words: readonly string[], i: number, phrases: readonly string[]): number {
  for (const p of phrases) {
    const n = p.split(" ").length;
    if (words.slice(i, i + n).join(" ").toLowerCase().replace(/[,;:.]$/, "") === p) return n;
  }
  return 0;
}

/**
 * A name typed in capitals in sentence case, as a clerk writes it: "UBND XÃ ĐĂK KÔI" →
 * "UBND xã Đăk Kôi", "1. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC" → "Công tác chỉ đạo, điều hành CCHC".
 * Abbreviations keep their capitals; a place's name after the body's level word, and a
 * department's name after "Sở"/"Phòng", keep one per word. Text not typed in capitals is
 * returned as it is (without a leading "1. ").
 */
export function sentenceCase(text: string): string {
  const name = normalizeName(text).replace(/^([IVXLC]+|\d+)[.)]\s+/, "");
  if (!typedInCapitals(name)) return name;
  const words = name.split(" ");
  const out: string[] = [];
  let i = 0;
  // "Sở", "Phòng" … at the start: the next word begins the department's own name.
  let capitalNext = false;
  const body = phraseAt(words, 0, BODY_WORDS);
  if (body > 0) {
    out.push(upperFirst(words.slice(0, body).join(" ").toLowerCase()));
    i = body;
    capitalNext = true;
  }
  // Where the name starts with the committee, the level word after it names a place next.
  const committee = words[0] === "UBND" ? 1 : /^(ỦY|UỶ) BAN NHÂN DÂN\b/.test(name) ? 4 : 0;
  let properName = false;
  for (; i < words.length; i++) {
    const raw = words[i];
    const bare = raw.replace(/[.,;:()"]+/g, "");
    if (ABBREVIATIONS.has(bare)) {
      out.push(raw);
      capitalNext = false;
      continue;
    }
    if (capitalNext) {
      out.push(upperFirst(raw.toLowerCase()));
      capitalNext = false;
      continue;
    }
    const afterCommittee = i === 0 || i === committee;
    const level = afterCommittee ? phraseAt(words, i, LEVEL_WORDS) : 0;
    if (level > 0) {
      const phrase = words.slice(i, i + level).join(" ").toLowerCase();
      out.push(i === 0 ? upperFirst(phrase) : phrase);
      i += level - 1;
      properName = true;
      continue;
    }
    out.push(i === 0 || properName ? upperFirst(raw.toLowerCase()) : raw.toLowerCase());
    if (/[,;:()]$/.test(raw)) properName = false;
  }
  return out.join(" ");
}

/** "UBND huyện Kon Rẫy" → "UBND huyện": how sentences name the unit after its first mention. */
export function unitShortForm(unit: string): string {
  const name = shortUnitName(unit);
  const m = /^UBND\s+(.*)$/.exec(name);
  if (!m) return name;
  const split = levelAndPlace(m[1]);
  return split ? `UBND ${split.level}` : name;
}
