// A units table (one row per unit: name, self-assessed, appraised, maximum): index, grade, rank.
import type { EngineSettings, Finding, Grid, HeaderInfo, RankingEntry, UnitRow, UnitsSheet } from "./types";
import { cellText, hasMoreDecimalsThan, parseNumber } from "./numbers";
import type { NumberParse, ScoreKind } from "./types";
import { foldText, normalizeName } from "./text";
import { computeIndex, competitionRanks, gradeOf } from "./grades";
import { finding, sortFindings, type SheetPlace } from "./findingFactory";
import { similarNameGroups, unitKey } from "./responsible";
import { officialScore } from "./scoringSheet";

/** Maximum assumed when the table has no maximum column: scores out of 100. */
const DEFAULT_MAX = 100;

const LABELS = { self: "Điểm tự đánh giá", appraised: "Điểm thẩm định", max: "Điểm tối đa" } as const;

function readCell(place: SheetPlace, findings: Finding[], p: NumberParse, row: number, col: number, what: string, unit: string): number | null {
  if (p.kind === "text" || p.kind === "error") {
    const shown = p.kind === "text" ? `"${p.text}"` : `lỗi ${p.code}`;
    findings.push(finding(place, "not-a-number", row, col, `${what} của ${unit}: ${shown} không phải là số.`));
    return null;
  }
  if (p.kind !== "number") return null;
  if (p.value < 0) findings.push(finding(place, "negative", row, col, `${what} của ${unit} là số âm.`));
  if (hasMoreDecimalsThan(p.value, 2)) findings.push(finding(place, "too-many-decimals", row, col, `${what} của ${unit} có quá 2 chữ số thập phân.`));
  return p.value;
}

export function readUnitsSheet(grid: Grid, header: HeaderInfo, settings: EngineSettings): UnitsSheet {
  const origin = grid.origin ?? { row: 0, col: 0 };
  const place = { sheet: grid.name, origin };
  const c = header.columns;
  const findings: Finding[] = [];
  const rows: UnitRow[] = [];
  const seen = new Map<string, number>();
  for (let r = header.row + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const unit = normalizeName(cellText(row[c.unit!]));
    // Summary rows of the table are no units.
    if (unit === "" || /^(tong|cong|binh quan|trung binh|toan huyen|toan tinh|toan thanh pho)\b/.test(foldText(unit))) continue;
    const prev = seen.get(unitKey(unit));
    if (prev !== undefined) {
      findings.push(finding(place, "duplicate-code", r, c.unit!, `Đơn vị "${unit}" bị trùng: đã có ở dòng ${origin.row + prev + 1}. Dòng này không được tính.`));
      continue;
    }
    seen.set(unitKey(unit), r);
    const read = (role: "self" | "appraised" | "max") =>
      c[role] === undefined ? null : readCell(place, findings, parseNumber(row[c[role]!]), r, c[role]!, LABELS[role], unit);
    const entry: UnitRow = { unit, row: r, self: read("self"), appraised: read("appraised"), max: c.max === undefined ? DEFAULT_MAX : read("max") };
    for (const role of ["self", "appraised"] as const) {
      const v = entry[role];
      if (v !== null && entry.max !== null && v > entry.max + 1e-9) {
        findings.push(finding(place, "over-max", r, c[role]!, `${LABELS[role]} của ${unit} (${v}) vượt điểm tối đa (${entry.max}).`));
      }
    }
    rows.push(entry);
  }
  for (const group of similarNameGroups(rows.map((u) => u.unit))) {
    for (const other of group.slice(1)) {
      const at = rows.find((u) => u.unit === other)!;
      findings.push(finding(place, "similar-unit-names", at.row, c.unit!, `"${other}" và "${group[0]}" chỉ khác nhau ở dấu: có phải cùng một đơn vị?`));
    }
  }
  const official = officialScore(settings, rows.some((u) => u.self !== null), rows.some((u) => u.appraised !== null));
  for (const u of rows) {
    // A unit that cannot be indexed is named, never silently dropped from the ranking.
    const blank = (role: "max" | ScoreKind) => c[role] !== undefined && parseNumber(grid.values[u.row]?.[c[role]!]).kind === "blank";
    for (const role of ["max", official] as const) {
      if (blank(role)) {
        findings.push(finding(place, "not-a-number", u.row, c[role]!, `${LABELS[role]} của ${u.unit} đang để trống: đơn vị này chưa được xếp hạng.`));
      }
    }
  }
  const ranked = rows.filter((u) => u[official] !== null && u.max !== null && u.max > 0);
  const indices = ranked.map((u) => computeIndex(u[official]!, u.max!)!);
  const ranks = competitionRanks(indices);
  const ranking: RankingEntry[] = ranked.map((u, i) => ({
    unit: u.unit,
    row: u.row,
    self: u.self,
    appraised: u.appraised,
    max: u.max!,
    index: indices[i],
    grade: gradeOf(indices[i], settings.bands),
    rank: ranks[i],
  }));
  return { kind: "units", sheet: grid.name, origin, header, rows, official, ranking, findings: sortFindings(findings) };
}
