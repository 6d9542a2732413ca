// The index as a published table types it, where the table gives no points ("Tỉnh, thành phố |
// Chỉ số (%) | Xếp hạng"): "86,14", "86.471", 86.14. It must be a number from 0 to 100.
import type { CellValue, Finding } from "../core/types";
import { cellText, parseNumber } from "../core/numbers";
import { finding, type SheetPlace } from "../core/findingFactory";
import { formatPointsVi } from "../core/viText";

/** The typed index of one unit, or null (blank, not a number, outside 0–100: the last two with a finding). */
export function readTypedIndex(v: CellValue | undefined, r: number, col: number, unit: string, place: SheetPlace, findings: Finding[]): number | null {
  const p = parseNumber(typeof v === "string" ? v.replace(/\s*%\s*$/, "") : v);
  if (p.kind === "blank") {
    findings.push(finding(place, "not-a-number", r, col, `Chỉ số của ${unit} đang để trống: đơn vị này chưa được xếp hạng.`));
    return null;
  }
  if (p.kind !== "number") {
    findings.push(finding(place, "not-a-number", r, col, `Chỉ số của ${unit}: "${cellText(v)}" không phải là số: đơn vị này chưa được xếp hạng.`));
    return null;
  }
  if (p.value < 0 || p.value > 100) {
    findings.push(finding(place, "index-out-of-range", r, col, `Chỉ số của ${unit} là ${formatPointsVi(p.value)}: chỉ số phải từ 0 đến 100. Đơn vị này chưa được xếp hạng.`));
    return null;
  }
  return p.value;
}
