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

/**
 * A column of indices typed as fractions in a percent-formatted cell (0,8614 shown as 86,14%):
 * when every number is from 0 to 1 and one is above 0, each is read as its percent. No real index
 * is under 1 point, so a whole column under 1 can only be fractions. Other columns are as given.
 */
export function fromPercentFractions(values: ReadonlyArray<number | null>): Array<number | null> {
  const numbers = values.filter((v): v is number => v !== null);
  if (numbers.length === 0 || numbers.some((v) => v < 0 || v > 1) || !numbers.some((v) => v > 0)) return [...values];
  // toPrecision drops the binary noise of the product (0.8614 * 100 = 86.14000000000001).
  return values.map((v) => (v === null ? null : Number((v * 100).toPrecision(12))));
}
