// Numbers as Vietnamese write them in messages and report text: decimal comma.
import { excelRound } from "./numbers";

/** Points to 2 decimals at most, decimal comma: 54.95 → "54,95". */
export function formatPointsVi(x: number): string {
  return String(excelRound(x, 2)).replace(".", ",");
}

/** What a unit kept out of the ranking shows in place of its rank. */
export const UNRANKED_TEXT = "Không xếp hạng";

/** A rank as shown: "3", "43/63"; "—" when none is known; "không xếp hạng" for a unit kept out. */
export function rankTextVi(e: { rank: number | null; rankOf?: number | null; unranked?: boolean }): string {
  if (e.unranked) return UNRANKED_TEXT.toLowerCase();
  if (e.rank === null) return "—";
  return e.rankOf != null ? `${e.rank}/${e.rankOf}` : String(e.rank);
}

/** A change on last year: "tăng 1,36 điểm; tăng 01 bậc", "giảm 0,5 điểm; không đổi bậc". */
export function changeText(change: { index: number | null; rank: number | null } | null | undefined): string {
  if (!change) return "";
  const parts: string[] = [];
  if (change.index !== null) {
    const d = excelRound(change.index, 2);
    const fixed = Math.abs(d).toFixed(2).replace(".", ",");
    parts.push(d > 0 ? `tăng ${fixed} điểm` : d < 0 ? `giảm ${fixed} điểm` : "không đổi điểm");
  }
  if (change.rank !== null) {
    const n = String(Math.abs(change.rank)).padStart(2, "0");
    parts.push(change.rank > 0 ? `tăng ${n} bậc` : change.rank < 0 ? `giảm ${n} bậc` : "giữ nguyên thứ hạng");
  }
  return parts.join("; ");
}
