// Criterion names compared as the criteria set means them, not as they were typed.
import { memoize } from "../core/memo";

/** The five Vietnamese tone marks as combining characters (grave, acute, tilde, hook, dot below). */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * A name's key: equal for names that differ only in case, Unicode form (NFC/NFD), where the tone
 * mark sits ("hoà"/"hòa", "thuý"/"thúy"), spacing and punctuation. Which tone and which vowel
 * marks a word carries still count: "Đăk" and "Đắk" differ.
 */
export const criterionNameKey = memoize((name: string): string =>
  name
    .normalize("NFD")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, " ")
    .split(/\s+/)
    .filter((w) => w !== "")
    // Each word's tone moved to its end: the key no longer says which vowel carries it.
    .map((w) => w.replace(TONES, "") + (w.match(TONES) ?? []).join(""))
    .join(" ")
    .normalize("NFC"),
);

/** True when two names say the same thing, as criterionNameKey reads them. */
export function sameCriterionName(a: string, b: string): boolean {
  return criterionNameKey(a) === criterionNameKey(b);
}
