// Units kept out of the ranking: a rank cell "KXH", "không xếp hạng", "-"; a unit or note cell
// "(không xếp hạng)"; or a unit named in the settings. They are listed with their figures and
// take no rank, count in no grade count and shift no one's rank.
import type { CellValue, ColumnMap, EngineSettings } from "../core/types";
import { cellText } from "../core/numbers";
import { unitKey } from "../scoring/responsible";
import { noteSaysUnranked, saysUnranked } from "./typedRanks";

/** The settings' units kept out, as keys matched like unit names elsewhere (`unitKey`). */
export function unrankedKeys(settings: Pick<EngineSettings, "unranked">): Set<string> {
  return new Set((settings.unranked ?? []).map(unitKey).filter((k) => k !== ""));
}

/**
 * Whether a row's own cells keep its unit out: the unit cell's note, or a text cell outside the
 * recognised columns (a note column) saying "không xếp hạng" / "KXH". The rank cell is read
 * with the typed ranks.
 */
export function rowSaysUnranked(row: readonly CellValue[], columns: ColumnMap): boolean {
  if (columns.unit !== undefined && noteSaysUnranked(cellText(row[columns.unit]))) return true;
  const known = new Set(Object.values(columns));
  return row.some((v, col) => !known.has(col) && typeof v === "string" && (saysUnranked(v) || noteSaysUnranked(v)) && v.trim().length > 1);
}
