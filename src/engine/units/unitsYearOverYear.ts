// Last year's index and rank in a units table, and each unit's change on them. Columns are
// headed "Chỉ số năm trước", "Xếp hạng năm trước", or name the previous year ("Chỉ số năm 2024")
// when the title or another column names the year after it: nothing else is guessed. Detection
// (cells/header.ts) already marks them, years in group rows above the header included; this
// reads them again for a header a clerk mapped.
import type { CellValue, Finding, Grid, HeaderInfo } from "../core/types";
import { cellText, parseNumber } from "../core/numbers";
import { foldText } from "../core/text";
import { excelRound } from "../core/numbers";
import { finding, type SheetPlace } from "../core/findingFactory";
import { roleOf } from "../cells/header";

export interface PreviousColumns {
  index?: number;
  rank?: number;
}

const YEAR = /\bnam (\d{4})\b/g;

function yearsIn(text: string): number[] {
  return [...foldText(text).matchAll(YEAR)].map((m) => Number(m[1]));
}

/**
 * The columns of last year's index and rank, by header ("năm trước") or by year. A column read
 * as this year's index or rank that names last year is last year's ("Chỉ số năm 2022").
 */
export function previousColumns(grid: Grid, header: HeaderInfo): PreviousColumns {
  const c = header.columns;
  const found: PreviousColumns = { index: c.previousIndex, rank: c.previousRank };
  if (found.index !== undefined && found.rank !== undefined) return found;
  // The sheet's year: the latest year its titles or header name.
  const years: number[] = [];
  for (let r = 0; r <= header.row; r++) for (const v of grid.values[r] ?? []) years.push(...yearsIn(cellText(v)));
  if (years.length === 0) return found;
  const current = Math.max(...years);
  const headerRow = grid.values[header.row] ?? [];
  headerRow.forEach((v, col) => {
    const text = cellText(v);
    if (!yearsIn(text).includes(current - 1)) return;
    // The header's own words say index or rank (headerVocabulary.ts): "Kết quả chỉ số năm 2022".
    const role = roleOf(text);
    if (role === "index" && found.index === undefined) found.index = col;
    if (role === "rank" && found.rank === undefined) found.rank = col;
  });
  return found;
}

/** Last year's index and rank of one unit; a rank that is not a whole number is a finding. */
export function readPrevious(
  row: readonly CellValue[],
  r: number,
  cols: PreviousColumns,
  unit: string,
  place: SheetPlace,
  findings: Finding[],
): { index: number | null; rank: number | null } | null {
  if (cols.index === undefined && cols.rank === undefined) return null;
  let index: number | null = null;
  let rank: number | null = null;
  if (cols.index !== undefined) {
    const p = parseNumber(row[cols.index]);
    if (p.kind === "number") index = p.value;
    else if (p.kind === "text" || p.kind === "error") {
      findings.push(finding(place, "not-a-number", r, cols.index, `Chỉ số năm trước của ${unit}: "${cellText(row[cols.index])}" không phải là số.`));
    }
  }
  if (cols.rank !== undefined) {
    // "03/10" is written for third of ten.
    const raw = row[cols.rank];
    const text = typeof raw === "string" ? raw.replace(/\s*\/\s*\d+\s*$/, "") : raw;
    const p = parseNumber(text);
    if (p.kind === "number" && Number.isInteger(p.value) && p.value >= 1) rank = p.value;
    else if (p.kind !== "blank") {
      findings.push(finding(place, "not-a-number", r, cols.rank, `Xếp hạng năm trước của ${unit}: "${cellText(raw)}" không phải là một số nguyên dương.`));
    }
  }
  return index === null && rank === null ? null : { index, rank };
}

/** Index points gained (2 decimals) and places moved up (positive = up). */
export function changeOnPrevious(
  index: number,
  rank: number,
  previous: { index: number | null; rank: number | null } | null,
): { index: number | null; rank: number | null } | null {
  if (previous === null) return null;
  return {
    index: previous.index === null ? null : excelRound(index - previous.index, 2),
    rank: previous.rank === null ? null : previous.rank - rank,
  };
}
