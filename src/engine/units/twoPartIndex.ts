// The maxima of a units table's index: the official score's (a column, or written in its header
// "Điểm thẩm định (tối đa 61,5)", else assumed 100 with a finding) and, for a two-part index,
// the sociological survey's (XHH). Index = (official + survey) ÷ (both maxima) × 100.
import type { CellValue, Finding, Grid, HeaderInfo, ScoreKind } from "../core/types";
import { cellText, parseNumber } from "../core/numbers";
import { maxInHeader } from "../cells/header";
import { computeIndex } from "../core/grades";
import { finding, type SheetPlace } from "../core/findingFactory";
import { formatPointsVi } from "../core/viText";

/** Maximum assumed when neither a column nor the header gives one: scores out of 100. */
export const DEFAULT_MAX = 100;

export interface IndexMaxima {
  /**
   * The official score's maximum from its header (0 or below when the header says so, with an
   * error: no unit is then indexed); DEFAULT_MAX when assumed; null with a max column.
   */
  officialHeaderMax: number | null;
  /** The survey's maximum from its header, when the table has a survey and no survey max column. */
  surveyHeaderMax: number | null;
}

/** A header cell's text, the row above included (two-row headers put "(tối đa …)" either place). */
function headerText(grid: Grid, header: HeaderInfo, col: number): string {
  const own = cellText(grid.values[header.row]?.[col]);
  return maxInHeader(own) !== null || header.row === 0 ? own : `${cellText(grid.values[header.row - 1]?.[col])} ${own}`;
}

/** Reads the maxima stated in headers and reports the ones assumed or unusable, at the header cell. */
export function indexMaxima(grid: Grid, header: HeaderInfo, official: ScoreKind, place: SheetPlace, findings: Finding[]): IndexMaxima {
  const c = header.columns;
  let officialHeaderMax: number | null = null;
  if (c.max === undefined && c[official] !== undefined) {
    const stated = maxInHeader(headerText(grid, header, c[official]!));
    if (stated !== null && stated > 0) officialHeaderMax = stated;
    else if (stated !== null) {
      // Stated, but no scale: no unit can be indexed on it (and none is put on an assumed 100).
      officialHeaderMax = stated;
      findings.push(
        finding(place, "zero-max", header.row, c[official]!,
          `Tiêu đề cột ghi điểm tối đa là ${formatPointsVi(stated)}: không tính được chỉ số của đơn vị nào. Hãy sửa "(tối đa …)" thành thang điểm đúng.`),
      );
    } else {
      officialHeaderMax = DEFAULT_MAX;
      findings.push(
        finding(place, "assumed-max", header.row, c[official]!,
          `Bảng không có cột điểm tối đa và tiêu đề cột không ghi "(tối đa …)": chỉ số đang tính trên thang ${DEFAULT_MAX} điểm. ` +
            `Nếu thang điểm khác, hãy ghi vào tiêu đề, ví dụ "Điểm thẩm định (tối đa 61,5)".`),
      );
    }
  }
  let surveyHeaderMax: number | null = null;
  if (c.survey !== undefined && c.surveyMax === undefined) {
    const stated = maxInHeader(headerText(grid, header, c.survey));
    if (stated === null) {
      findings.push(
        finding(place, "assumed-max", header.row, c.survey,
          `Không biết điểm tối đa của phần điều tra xã hội học: hãy thêm cột "Điểm tối đa XHH" hoặc ghi "(tối đa …)" vào tiêu đề. ` +
            `Chỉ số đang tính không có phần điều tra xã hội học.`),
      );
    } else if (stated <= 0) {
      findings.push(finding(place, "zero-max", header.row, c.survey, `Điểm tối đa của phần điều tra xã hội học là ${formatPointsVi(stated)}: chỉ số không tính được phần này.`));
    } else surveyHeaderMax = stated;
  }
  return { officialHeaderMax, surveyHeaderMax };
}

/**
 * A unit's survey part, or null: its points and maximum (a column or the header's). A maximum of
 * 0 or less, a survey above its maximum: findings at the cell.
 */
export function surveyPart(
  row: readonly CellValue[],
  r: number,
  header: HeaderInfo,
  maxima: IndexMaxima,
  achieved: number | null,
  unit: string,
  place: SheetPlace,
  findings: Finding[],
): { achieved: number; max: number } | null {
  const c = header.columns;
  if (c.survey === undefined || achieved === null) return null;
  let max = maxima.surveyHeaderMax;
  if (c.surveyMax !== undefined) {
    const p = parseNumber(row[c.surveyMax]);
    max = p.kind === "number" ? p.value : null;
    if (max !== null && max <= 0) {
      findings.push(finding(place, "zero-max", r, c.surveyMax, `Điểm tối đa điều tra xã hội học của ${unit} là ${formatPointsVi(max)}: phần này không được tính vào chỉ số.`));
      return null;
    }
  }
  if (max === null) return null;
  if (achieved > max + 1e-9) {
    findings.push(finding(place, "over-max", r, c.survey, `Điểm điều tra xã hội học của ${unit} (${formatPointsVi(achieved)}) vượt điểm tối đa (${formatPointsVi(max)}).`));
  }
  return { achieved, max };
}

/** (official + survey) ÷ (official max + survey max) × 100; a one-part index without a survey. */
export function twoPartIndex(official: number, max: number, survey: { achieved: number; max: number } | null): number | null {
  return survey === null ? computeIndex(official, max) : computeIndex(official + survey.achieved, max + survey.max);
}
