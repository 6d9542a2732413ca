// "Xếp hạng": the ranking of the units, one table per block (in the order blocks first appear),
// each with its heading and grade counts. Index, grade, rank (RANK over the block's own range),
// grade counts and the change on last year are native formulas; `result` carries the engine's
// value of each.
import type { EngineSettings, RankingEntry, ScoreKind, ScoringSheet, UnitsSheet, WorkbookAnalysis } from "../core/types";
import type { SheetPlan } from "./plan";
import type { ReportOptions } from "./reportOptions";
import { PlanBuilder, POINTS_FORMAT, STYLES } from "./planBuilder";
import { withDefaults } from "../core/settings";
import { bandsOfBlock, byRank, sortBands } from "../core/grades";
import { rankScoringSheets } from "../compare/scoringRanking";
import { UNRANKED_TEXT, changeText } from "../core/viText";
import { SCORE_NAME, dateText, gradeCountFormula, gradeFormula } from "./planText";
import { columnLetters } from "../core/address";

export const RANKING_SHEET_NAME = "Xếp hạng";

interface RankingSource {
  label: string;
  official: ScoreKind;
  entries: RankingEntry[];
  /** Scoring sheets left out, with why (no official score). */
  skipped: string[];
  /** An extract of a larger table: its typed ranks are written as values, not RANK formulas. */
  extract: boolean;
}

/** Why a units table gives no ranking section (said in the sheet, never dropped in silence). */
const NO_RANKED_UNIT = "không có đơn vị nào đủ điểm và điểm tối đa để tính chỉ số (xem các lỗi của sheet này)";

/**
 * The units to rank: every units table, one section each (a table with no unit to rank is named
 * with why); without a units table, every scoring sheet when there are several.
 */
function rankingSources(analysis: WorkbookAnalysis, settings: EngineSettings): { sources: RankingSource[]; leftOut: string[] } {
  const tables = analysis.sheets.filter((s): s is UnitsSheet => s.kind === "units");
  if (tables.length > 0) {
    return {
      sources: tables.filter((t) => t.ranking.length > 0).map((t) => ({ label: t.sheet, official: t.official, entries: t.ranking, skipped: [], extract: t.extract === true })),
      leftOut: tables.filter((t) => t.ranking.length === 0).map((t) => `Bảng "${t.sheet}" không được xếp hạng: ${NO_RANKED_UNIT}.`),
    };
  }
  const scoring = analysis.sheets.filter((s): s is ScoringSheet => s.kind === "scoring");
  if (scoring.length < 2) return { sources: [], leftOut: [] };
  const ranked = rankScoringSheets(scoring, settings);
  const label = ranked.sheets.map((s) => s.sheet).join(", ");
  return { sources: [{ label, official: ranked.official, entries: ranked.entries, skipped: ranked.skipped.map((s) => s.sheet), extract: false }], leftOut: [] };
}

/** Which optional column groups the table needs, and where each column sits. */
function columnsOf(entries: readonly RankingEntry[]) {
  const survey = entries.some((e) => e.survey);
  const previous = entries.some((e) => e.previous);
  let next = 5;
  const col = { surveyPoints: -1, surveyMax: -1, index: 0, grade: 0, rank: 0, prevIndex: -1, prevRank: -1, changeIndex: -1, changeRank: -1, changeText: -1 };
  if (survey) {
    col.surveyPoints = next++;
    col.surveyMax = next++;
  }
  col.index = next++;
  col.grade = next++;
  col.rank = next++;
  if (previous) {
    col.prevIndex = next++;
    col.prevRank = next++;
    col.changeIndex = next++;
    col.changeRank = next++;
    col.changeText = next++;
  }
  const headers = ["STT", "Đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm tối đa"];
  if (survey) headers.push("Điểm điều tra XHH", "Điểm tối đa XHH");
  headers.push(survey ? "Chỉ số (hai phần)" : "Chỉ số", "Xếp loại", "Xếp hạng");
  if (previous) headers.push("Chỉ số năm trước", "Xếp hạng năm trước", "Tăng/giảm chỉ số", "Tăng/giảm bậc", "So với năm trước");
  const widths = [6, 36, 12, 12, 10, ...(survey ? [12, 10] : []), 10, 12, 10, ...(previous ? [11, 11, 11, 10, 30] : [])];
  return { survey, previous, col, headers, widths, last: next - 1 };
}

/** The blocks in the order they first appear, each with its units by rank (units kept out last). */
function byBlock(entries: readonly RankingEntry[]): Array<{ block: string | null; entries: RankingEntry[] }> {
  const groups: Array<{ block: string | null; entries: RankingEntry[] }> = [];
  for (const e of entries) {
    const block = e.block ?? null;
    let g = groups.find((x) => x.block === block);
    if (!g) groups.push((g = { block, entries: [] }));
    g.entries.push(e);
  }
  for (const g of groups) g.entries.sort(byRank);
  return groups;
}

/**
 * "Xếp hạng" when the workbook holds a units table or several scoring sheets; else null. Several
 * units tables give one section each, one under the other, each with its own header row.
 */
export function buildRankingPlan(analysis: WorkbookAnalysis, opts: ReportOptions): SheetPlan | null {
  const settings = withDefaults(opts.settings);
  const { sources, leftOut } = rankingSources(analysis, settings);
  if (sources.length === 0 && leftOut.length === 0) return null;
  const layouts = sources.map((source) => columnsOf(source.entries));
  const widest = layouts.reduce((a, l) => (l.last > a.last ? l : a), layouts[0] ?? columnsOf([]));
  const b = new PlanBuilder();
  b.put(0, { value: "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH VÀ XẾP HẠNG CÁC ĐƠN VỊ", style: STYLES.title });
  b.merge(0, widest.last);
  b.next();
  const headerRows = sources.map((source, i) => writeSource(b, source, layouts[i], settings, opts));
  for (const line of leftOut) {
    b.put(0, { value: line, style: STYLES.note });
    b.merge(0, widest.last);
    b.next();
  }
  // One table: its header repeats on each printed page and stays in view; several: the first's.
  const headerRow = headerRows[0] ?? b.row;
  return b.toPlan(RANKING_SHEET_NAME, "CCHC_GEN_RANKING", widest.widths, sources.length === 1 ? { rows: headerRow + 1, cols: 0 } : { rows: 0, cols: 0 }, {
    paper: "A4",
    orientation: layouts.some((l) => l.previous || l.survey) ? "landscape" : "portrait",
    fitToWidth: true,
    ...(sources.length === 1 ? { repeatRows: { first: headerRow, last: headerRow } } : {}),
  });
}

/** One source's section: where it comes from, what it left out, its header and its units by block. Returns its header row. */
function writeSource(b: PlanBuilder, source: RankingSource, layout: ReturnType<typeof columnsOf>, settings: EngineSettings, opts: ReportOptions): number {
  const { col } = layout;
  const basis = source.entries.every((e) => e.max === null) ? "Chỉ số như bảng ghi" : `Chỉ số tính theo điểm ${SCORE_NAME[source.official]}`;
  b.put(0, { value: `Nguồn: ${source.label} · ${basis} · Ngày lập: ${dateText(opts.date)}`, style: STYLES.subtitle });
  b.merge(0, layout.last);
  b.next();
  if (source.skipped.length > 0) {
    b.put(0, { value: `Chưa xếp hạng (không có điểm ${SCORE_NAME[source.official]}): ${source.skipped.join(", ")}`, style: STYLES.note });
    b.merge(0, layout.last);
  }
  b.next();
  const headerRow = b.row;
  b.headerRow(layout.headers);
  const scoreCol = source.official === "appraised" ? 3 : 2;
  let number = 0;
  for (const group of byBlock(source.entries)) {
    if (group.block !== null) {
      b.put(0, { value: group.block, style: STYLES.section });
      b.merge(0, layout.last);
      b.next();
    }
    // Ranks and grade counts are over the block's ranked units; units kept out come after them.
    const ranked = group.entries.filter((e) => !e.unranked);
    const bands = bandsOfBlock(settings, group.block);
    const first = b.row;
    const last = first + ranked.length - 1;
    const column = (c: number) => `$${columnLetters(c)}$${first + 1}:$${columnLetters(c)}$${last + 1}`;
    for (const e of group.entries) {
      b.put(0, { value: ++number, style: STYLES.center });
      b.put(1, { value: e.unit, style: STYLES.text });
      b.put(2, { value: e.self ?? "", format: POINTS_FORMAT, style: STYLES.number });
      b.put(3, { value: e.appraised ?? "", format: POINTS_FORMAT, style: STYLES.number });
      b.put(4, { value: e.max ?? "", format: POINTS_FORMAT, style: STYLES.number });
      let indexFormula = `=IF(${b.at(4)}>0,${b.at(scoreCol)}/${b.at(4)}*100,0)`;
      if (layout.survey) {
        // Empty cells (no survey part for this unit) count as 0 in the sums.
        b.put(col.surveyPoints, { value: e.survey?.achieved ?? null, format: POINTS_FORMAT, style: STYLES.number });
        b.put(col.surveyMax, { value: e.survey?.max ?? null, format: POINTS_FORMAT, style: STYLES.number });
        const maxSum = `(${b.at(4)}+${b.at(col.surveyMax)})`;
        indexFormula = `=IF(${maxSum}>0,(${b.at(scoreCol)}+${b.at(col.surveyPoints)})/${maxSum}*100,0)`;
      }
      // A table that gives only the index: the index as typed.
      if (e.max === null) b.put(col.index, { value: e.index, format: POINTS_FORMAT, style: STYLES.number });
      else b.put(col.index, { formula: indexFormula, result: e.index, format: POINTS_FORMAT, style: STYLES.number });
      b.put(col.grade, { formula: `=${gradeFormula(b.at(col.index), bands)}`, result: e.grade, style: STYLES.center });
      if (e.unranked) b.put(col.rank, { value: UNRANKED_TEXT, style: STYLES.center });
      // An extract's ranks are the typed ones: a RANK over the rows shown would be wrong.
      else if (source.extract || e.rank === null) b.put(col.rank, { value: e.rank ?? "—", style: STYLES.center });
      else b.put(col.rank, { formula: `=RANK(${b.at(col.index)},${column(col.index)},0)`, result: e.rank, style: STYLES.center });
      if (layout.previous) {
        const prev = e.previous ?? null;
        b.put(col.prevIndex, { value: prev?.index ?? null, format: POINTS_FORMAT, style: STYLES.number });
        b.put(col.prevRank, { value: prev?.rank ?? null, style: STYLES.center });
        if (prev?.index != null) {
          b.put(col.changeIndex, { formula: `=ROUND(${b.at(col.index)}-${b.at(col.prevIndex)},2)`, result: e.change!.index!, format: POINTS_FORMAT, style: STYLES.number });
        } else b.put(col.changeIndex, { value: null, style: STYLES.number });
        if (prev?.rank != null && e.rank !== null && !e.unranked) {
          b.put(col.changeRank, { formula: `=${b.at(col.prevRank)}-${b.at(col.rank)}`, result: e.change!.rank!, style: STYLES.center });
        } else b.put(col.changeRank, { value: null, style: STYLES.center });
        b.put(col.changeText, { value: changeText(e.change), style: STYLES.text });
      }
      b.next();
    }
    // Grade counts of the block's ranked units, on its own bands: "Xuất sắc: 3/5".
    if (ranked.length > 0) {
      sortBands(bands).forEach((band, i) => {
        const count = ranked.filter((e) => e.grade === band.name).length;
        const { formula, result } = gradeCountFormula(column(col.grade), band.name, count, ranked.length);
        b.put(1 + i, { formula, result, style: STYLES.note });
      });
    }
    b.next(2);
  }
  return headerRow;
}
