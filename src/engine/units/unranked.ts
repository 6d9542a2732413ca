// Units kept out of the ranking: a rank cell "KXH", "không xếp hạng", "-"; a unit or note cell
// "(không xếp hạng)"; or a unit named in the settings. They are listed with their figures and
// take no rank, count in no grade count and shift no one's rank.
import type { CellValue, ColumnMap, EngineSettings } from "../core/types";
import { cellText } from "../core/numbers";
import { foldText } from "../core/text";
import { unitKey } from "../scoring/responsible";
import { noteSaysUnranked } from "./typedRanks";

/** The settings' units kept out, as keys matched like unit names elsewhere (`unitKey`). */
export function unrankedKeys(settings: Pick<EngineSettings, "unranked">): Set<string> {
  return new Set((settings.unranked ?? []).map(unitKey).filter((k) => k !== ""));
}

/** Columns headed as notes ("Ghi chú", "Lưu ý") that no recognised role took. */
export function noteColumns(headerRow: readonly CellValue[], columns: ColumnMap): number[] {
  const known = new Set(Object.values(columns));
  const notes: number[] = [];
  headerRow.forEach((v, col) => {
    if (!known.has(col) && /^(ghi chu|luu y)/.test(foldText(cellText(v)))) notes.push(col);
  });
  return notes;
}

/**
 * Whether a row's own cells keep its unit out: the unit cell's note "(không xếp hạng)", or a
 * note column saying "Không xếp hạng (mới thành lập)" / "KXH". The rank cell is read with the
 * typed ranks. Other columns are not read: a last year's "KXH" there says nothing of this year.
 */
export function rowSaysUnranked(row: readonly CellValue[], unitCol: number, notes: readonly number[]): boolean {
  if (noteSaysUnranked(cellText(row[unitCol]))) return true;
  return notes.some((col) => {
    const text = cellText(row[col]);
    return noteSaysUnranked(text) || /^(khong xep hang|kxh)\b/.test(foldText(text));
  });
}
