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
