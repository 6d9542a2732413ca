// A units table (one row per unit: name, self-assessed, appraised, maximum): index, grade, rank.
// Blocks, the two-part index and last year are read by their own modules.
import type { EngineSettings, Finding, Grid, HeaderInfo, UnitRow, UnitsSheet } from "../core/types";
import { cellText, hasMoreDecimalsThan, parseNumber } from "../core/numbers";
import type { NumberParse, ScoreKind } from "../core/types";
import { foldText, normalizeName } from "../core/text";
import { bandsOfBlock } from "../core/grades";
import { finding, sortFindings, type SheetPlace } from "../core/findingFactory";
import { similarNameGroups, unitKey } from "../scoring/responsible";
import { officialScore } from "../scoring/scoringSheet";
import { blockHeading, blockSummaries } from "./unitBlocks";
import { indexMaxima, surveyPart, twoPartIndex } from "./twoPartIndex";
import { previousColumns, readPrevious } from "./unitsYearOverYear";
import { parseTypedRank, withoutUnrankedNote, type TypedRank } from "./typedRanks";
import { rankUnits } from "./unitRanking";
import { noteColumns, rowSaysUnranked, unrankedKeys } from "./unranked";
import { fromPercentFractions, readTypedIndex } from "./typedIndex";

const LABELS = { self: "Điểm tự đánh giá", appraised: "Điểm thẩm định", max: "Điểm tối đa", survey: "Điểm điều tra xã hội học" } as const;

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

/** A unit row as read, with what the ranking needs beyond UnitRow. */
interface ReadUnit extends UnitRow {
  block: string | null;
  surveyPoints: number | null;
  /** The rank cell as typed; null without a rank column. */
  typed: TypedRank | null;
  unranked: boolean;
  /** The index as typed, in a table that gives no points; null elsewhere or when unusable. */
  typedIndex: number | null;
}

export function readUnitsSheet(grid: Grid, detected: HeaderInfo, settings: EngineSettings): UnitsSheet {
  const prevCols = previousColumns(grid, detected);
  // This year's result columns are where results are written: never last year's.
  const header: HeaderInfo = { ...detected, columns: { ...detected.columns } };
  if (header.columns.index !== undefined && header.columns.index === prevCols.index) delete header.columns.index;
  if (header.columns.rank !== undefined && header.columns.rank === prevCols.rank) delete header.columns.rank;
  // The header says which columns were taken as last year's, whichever way they were recognised.
  if (prevCols.index !== undefined) header.columns.previousIndex = prevCols.index;
  if (prevCols.rank !== undefined) header.columns.previousRank = prevCols.rank;
  const origin = grid.origin ?? { row: 0, col: 0 };
  const place = { sheet: grid.name, origin };
  const c = header.columns;
  const findings: Finding[] = [];
  const rows: ReadUnit[] = [];
  const seen = new Map<string, number>();
  // A published table may give only the index ("Chỉ số (%)"): it is then the unit's index.
  const indexOnly = c.self === undefined && c.appraised === undefined && c.achieved === undefined && c.index !== undefined;
  const figureRoles = indexOnly ? (["index"] as const) : (["self", "appraised", "max", "survey", "surveyMax"] as const);
  const figureCols = figureRoles.map((k) => c[k]).filter((x): x is number => x !== undefined);
  const keptOut = unrankedKeys(settings);
  const notes = noteColumns(grid.values[header.row] ?? [], c);
  // Block heading rows: the block they open, where, and how many units followed.
  let heading: { block: string; row: number; units: number } | null = null;
  const headings: Array<{ block: string; row: number; units: number }> = [];
  let columnBlock: string | null = null;
  for (let r = header.row + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const written = normalizeName(cellText(row[c.unit!]));
    const unit = withoutUnrankedNote(written);
    if (unit === "") {
      // Figures with no unit to give them to: said, never dropped in silence.
      const figures = figureCols.filter((col) => parseNumber(row[col]).kind === "number");
      if (figures.length > 0) {
        findings.push(finding(place, "unnamed-unit", r, c.unit!, `Dòng ${origin.row + r + 1} có điểm nhưng không có tên đơn vị: dòng này không được tính. Hãy ghi tên đơn vị.`));
      }
      continue;
    }
    // Summary rows of the table are no units.
    if (/^(tong|cong|binh quan|trung binh|toan huyen|toan tinh|toan thanh pho)\b/.test(foldText(unit))) continue;
    const opened = blockHeading(row, c.unit!, figureCols, c.code);
    if (opened !== null) {
      heading = { block: opened, row: r, units: 0 };
      headings.push(heading);
      continue;
    }
    const prev = seen.get(unitKey(unit));
    if (prev !== undefined) {
      findings.push(finding(place, "duplicate-code", r, c.unit!, `Đơn vị "${unit}" bị trùng: đã có ở dòng ${origin.row + prev + 1}. Dòng này không được tính.`));
      continue;
    }
    seen.set(unitKey(unit), r);
    if (c.block !== undefined) {
      // A blank block cell continues the block above (merged cells are read into their first cell).
      const own = normalizeName(cellText(row[c.block]));
      if (own !== "") columnBlock = own;
    }
    const block = c.block !== undefined ? columnBlock : (heading?.block ?? null);
    if (heading) heading.units++;
    const read = (role: "self" | "appraised" | "max" | "survey") =>
      c[role] === undefined ? null : readCell(place, findings, parseNumber(row[c[role]!]), r, c[role]!, LABELS[role], unit);
    const typed = c.rank === undefined ? null : parseTypedRank(row[c.rank]);
    if (typed?.kind === "invalid") {
      findings.push(finding(place, "not-a-number", r, c.rank!, `Xếp hạng của ${unit}: "${typed.text}" không phải là thứ hạng (ví dụ 3, "43/63", "Hạng 2", "KXH"): thứ hạng được tính theo chỉ số.`));
    }
    const unranked = typed?.kind === "unranked" || unit !== written || rowSaysUnranked(row, c.unit!, notes) || keptOut.has(unitKey(unit));
    const typedIndex = indexOnly ? readTypedIndex(row[c.index!], r, c.index!, unit, place, findings) : null;
    rows.push({ unit, row: r, self: read("self"), appraised: read("appraised"), max: read("max"), block, surveyPoints: read("survey"), typed, unranked, typedIndex });
  }
  for (const h of headings) {
    if (h.units === 0) {
      findings.push(finding(place, "empty-block", h.row, c.unit!, `Dòng tiêu đề khối "${h.block}" không có đơn vị nào ở dưới.`));
    }
  }
  for (const group of similarNameGroups(rows.map((u) => u.unit))) {
    for (const other of group.slice(1)) {
      const at = rows.find((u) => u.unit === other)!;
      findings.push(finding(place, "similar-unit-names", at.row, c.unit!, `"${other}" và "${group[0]}" chỉ khác nhau ở dấu: có phải cùng một đơn vị?`));
    }
  }
  const official = officialScore(settings, rows.some((u) => u.self !== null), rows.some((u) => u.appraised !== null));
  const maxima = indexMaxima(grid, header, official, place, findings);
  if (maxima.officialHeaderMax !== null) for (const u of rows) u.max = maxima.officialHeaderMax;
  for (const u of rows) {
    for (const role of ["self", "appraised"] as const) {
      const v = u[role];
      if (v !== null && u.max !== null && v > u.max + 1e-9) {
        findings.push(finding(place, "over-max", u.row, c[role]!, `${LABELS[role]} của ${u.unit} (${v}) vượt điểm tối đa (${u.max}).`));
      }
    }
    // A unit that cannot be indexed is named, never silently dropped from the ranking.
    const blank = (role: "max" | ScoreKind) => c[role] !== undefined && parseNumber(grid.values[u.row]?.[c[role]!]).kind === "blank";
    for (const role of ["max", official] as const) {
      if (blank(role)) {
        findings.push(finding(place, "not-a-number", u.row, c[role]!, `${LABELS[role]} của ${u.unit} đang để trống: đơn vị này chưa được xếp hạng.`));
      }
    }
  }
  if (indexOnly) {
    const scaled = fromPercentFractions(rows.map((u) => u.typedIndex));
    rows.forEach((u, i) => (u.typedIndex = scaled[i]));
  }
  const indexed = indexOnly ? rows.filter((u) => u.typedIndex !== null) : rows.filter((u) => u[official] !== null && u.max !== null && u.max > 0);
  const surveys = indexOnly ? indexed.map(() => null) : indexed.map((u) => surveyPart(grid.values[u.row] ?? [], u.row, header, maxima, u.surveyPoints, u.unit, place, findings));
  const indices = indexed.map((u, i) => (indexOnly ? u.typedIndex! : twoPartIndex(u[official]!, u.max!, surveys[i])!));
  const shownByBlock = new Map<string | null, number>();
  for (const u of rows) shownByBlock.set(u.block, (shownByBlock.get(u.block) ?? 0) + 1);
  const previous = indexed.map((u) => readPrevious(grid.values[u.row] ?? [], u.row, prevCols, u.unit, place, findings));
  const previousIndices = fromPercentFractions(previous.map((p) => p?.index ?? null));
  const { ranking, extract } = rankUnits(
    indexed.map((u, i) => ({
      ...u,
      max: indexOnly ? null : u.max,
      index: indices[i],
      survey: surveys[i],
      previous: previous[i] && { ...previous[i], index: previousIndices[i] },
    })),
    shownByBlock,
    rows.length,
    settings,
    { place, headerRow: header.row, rankCol: c.rank, unitCol: c.unit! },
    findings,
  );
  const unitRows: UnitRow[] = rows.map((u) => ({ unit: u.unit, row: u.row, self: u.self, appraised: u.appraised, max: u.max }));
  return {
    kind: "units",
    sheet: grid.name,
    origin,
    header,
    rows: unitRows,
    official,
    ranking,
    ...(extract ? { extract: true } : {}),
    blocks: blockSummaries(ranking, (block) => bandsOfBlock(settings, block)),
    findings: sortFindings(findings),
  };
}
