// Responsible units named in a cell, and what each answers for.
import type { LostItem, ResponsibleEntry, UnitResponsibility } from "../core/types";
import { normalizeName, foldText } from "../core/text";
import { excelRound } from "../core/numbers";

/** "(06 hồ sơ)" at the end of a unit, with or without diacritics. */
const RECORDS = /\(\s*(\d+)\s*(hồ sơ|ho so|hs)\s*\)\s*$/i;

/**
 * Units are separated by ";" or line breaks only: "Phòng Văn hóa và Thông tin" and
 * "UBND các xã, thị trấn" are single units.
 */
export function parseResponsible(text: string | null | undefined): ResponsibleEntry[] {
  if (!text) return [];
  const entries: ResponsibleEntry[] = [];
  for (const part of text.normalize("NFC").split(/;|\r?\n|\r/)) {
    // List marks are dropped: "- ", "+ ", "1. ", "a) ".
    let unit = normalizeName(part).replace(/^([-+•*]|\d{1,2}[.)]|[a-zđ][.)])\s*/i, "").replace(/[.]+$/, "").trim();
    let records: number | null = null;
    const m = RECORDS.exec(unit);
    if (m) {
      records = Number(m[1]);
      unit = unit.slice(0, m.index).trim();
    }
    if (unit !== "") entries.push({ unit, records });
  }
  return entries;
}

/** Key under which two spellings are the same unit: NFC, folded spaces, case ignored. */
export function unitKey(name: string): string {
  return normalizeName(name).toLowerCase(); // Vietnamese has no locale-specific casing
}

/** Per unit: the criteria it answers for, the points lost on them, the records. Most lost first. */
export function unitsOf(lost: readonly LostItem[]): UnitResponsibility[] {
  const byKey = new Map<string, UnitResponsibility>();
  for (const item of lost) {
    for (const entry of item.responsible) {
      const key = unitKey(entry.unit);
      let unit = byKey.get(key);
      if (!unit) {
        unit = { unit: entry.unit, criteria: [], lost: 0, records: null };
        byKey.set(key, unit);
      }
      if (!unit.criteria.includes(item.code)) {
        unit.criteria.push(item.code);
        unit.lost = excelRound(unit.lost + item.lost, 10);
      }
      if (entry.records !== null) unit.records = (unit.records ?? 0) + entry.records;
    }
  }
  return [...byKey.values()].sort((a, b) => b.lost - a.lost || a.unit.localeCompare(b.unit, "vi"));
}

/** Groups of names that are equal once diacritics are ignored but are spelled differently. */
export function similarNameGroups(names: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const folded = foldText(name);
    const group = groups.get(folded) ?? [];
    if (!group.some((n) => unitKey(n) === unitKey(name))) group.push(name);
    groups.set(folded, group);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}
