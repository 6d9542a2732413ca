// Section II: the units' results, by block where the table has blocks: counts per grade, the
// best and the last, each unit's index, grade, rank and change in a table (the seed's sentences
// for a district's few communes), the units that rose or fell most; then the weaknesses many
// units share, from the units' own scoring sheets when the workbook holds them.
import type { AcrossUnitsAnalysis, RankingEntry, UnitsSheet } from "../core/types";
import type { Block, Span } from "./model";
import type { DraftContext } from "./context";
import { bold, placeholder, text } from "./spans";
import { countText, longUnitName, lowerFirst, pointsText, sentenceCase, shortUnitName, withoutFinalStop } from "./vietnameseText";
import { foldText } from "../core/text";
import { UNRANKED_TEXT } from "../core/viText";
import { inRankOrder, noRankText, rankOf, rankedOnly } from "./ranks";

/** How many shared weaknesses are listed at most. */
const MAX_WEAKNESSES = 10;
/** A table without blocks and with at most this many units is also written out unit by unit. */
const MAX_SENTENCES = 15;
/** How many units that rose (fell) most are named. */
const MAX_MOVERS = 3;

/** The ranked units section II is drafted from: a units table, or the units' own scoring sheets. */
export type RankedTable = Pick<UnitsSheet, "sheet" | "official" | "ranking" | "blocks">;

/** A unit's name as the report writes it in a sentence: "Ủy ban nhân dân xã Đăk Kôi". */
function unitLong(e: RankingEntry): string {
  return longUnitName(sentenceCase(e.unit));
}

/** A unit's name as a table cell: "UBND xã Đăk Kôi". */
function unitShort(name: string): string {
  return shortUnitName(sentenceCase(name));
}

/** "Ủy ban nhân dân xã Đăk Pnê: điểm tự đánh giá 91,16 điểm; thẩm định 87,23/94,5 điểm, chỉ số đạt 92,31%, xếp loại Xuất sắc." */
export function unitSentence(e: RankingEntry, official: UnitsSheet["official"]): string {
  const parts: string[] = [];
  // A table that gives only the index (max null) has no points to tell.
  if (e.max !== null) {
    if (official === "appraised") {
      if (e.self !== null) parts.push(`điểm tự đánh giá ${pointsText(e.self)} điểm`);
      parts.push(`thẩm định ${pointsText(e.appraised ?? 0)}/${pointsText(e.max)} điểm`);
    } else {
      parts.push(`điểm tự đánh giá ${pointsText(e.self ?? 0)}/${pointsText(e.max)} điểm`);
    }
  }
  if (e.survey) parts.push(`điều tra xã hội học ${pointsText(e.survey.achieved)}/${pointsText(e.survey.max)} điểm`);
  const figures = parts.length > 0 ? `${parts.join("; ")}, chỉ số đạt` : "chỉ số đạt";
  let sentence = `${unitLong(e)}: ${figures} ${pointsText(e.index)}%, xếp loại ${e.grade}`;
  const rank = rankOf(e);
  if (e.unranked) sentence += ` (${UNRANKED_TEXT.toLowerCase()})`;
  else if (rank !== null && e.rankOf != null) sentence += `, xếp hạng ${rank}/${e.rankOf}`;
  const change = changeText(e);
  if (change !== null) sentence += `; ${change} so với năm trước`;
  return `${sentence}.`;
}

/** "tăng 1,36 điểm, tăng 01 bậc"; null when last year is unknown. */
function changeText(e: RankingEntry): string | null {
  const parts: string[] = [];
  const index = e.change?.index ?? null;
  const rank = e.change?.rank ?? null;
  if (index !== null) parts.push(index > 0 ? `tăng ${pointsText(index)} điểm` : index < 0 ? `giảm ${pointsText(-index)} điểm` : "giữ nguyên chỉ số");
  if (rank !== null) parts.push(rank > 0 ? `tăng ${countText(rank)} bậc` : rank < 0 ? `giảm ${countText(-rank)} bậc` : "giữ nguyên thứ hạng");
  return parts.length > 0 ? parts.join(", ") : null;
}

/** Level words of People's Committees, folded, with how the report names a group of them. */
const LEVELS: Array<[string, string]> = [
  ["thi tran", "thị trấn"],
  ["thi xa", "thị xã"],
  ["thanh pho", "thành phố"],
  ["xa", "xã"],
  ["phuong", "phường"],
  ["huyen", "huyện"],
  ["quan", "quận"],
];

/** The order a group of levels is named in: "xã, phường, thị trấn", "huyện, thị xã, thành phố". */
const NOUN_ORDER = ["xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố"];

function levelOf(unit: string): string | null {
  const m = /^(?:ubnd|uy ban nhan dan)\s+(.*)$/.exec(foldText(unit));
  if (!m) return null;
  return LEVELS.find(([folded]) => m[1].startsWith(`${folded} `))?.[1] ?? null;
}

/** How a count of these units is named: "xã", "xã, thị trấn", else "đơn vị". */
export function unitNoun(entries: readonly RankingEntry[]): string {
  const levels = entries.map((e) => levelOf(e.unit));
  if (levels.length === 0 || levels.some((l) => l === null)) return "đơn vị";
  return NOUN_ORDER.filter((name) => levels.includes(name)).join(", ");
}

/** "CỦA UBND CÁC XÃ, THỊ TRẤN" when every unit is a commune or town, else "CỦA CÁC ĐƠN VỊ". */
function whose(entries: readonly RankingEntry[]): string {
  const communes = entries.every((e) => /^(ubnd|uy ban nhan dan)\s+(xa|thi tran)\s/.test(foldText(e.unit)));
  return entries.length > 0 && communes ? "UBND CÁC XÃ, THỊ TRẤN" : "CÁC ĐƠN VỊ";
}

/** "05/07 xã xếp loại Xuất sắc, 02/07 xã xếp loại Tốt": grades from the best index down. */
function gradeCounts(all: readonly RankingEntry[]): string {
  const members = rankedOnly(all);
  const best = new Map<string, { count: number; top: number }>();
  for (const e of members) {
    const g = best.get(e.grade) ?? { count: 0, top: e.index };
    best.set(e.grade, { count: g.count + 1, top: Math.max(g.top, e.index) });
  }
  const noun = unitNoun(members);
  return [...best.entries()]
    .sort((a, b) => b[1].top - a[1].top)
    .map(([grade, g]) => `${countText(g.count)}/${countText(members.length)} ${noun} xếp loại ${grade}`)
    .join(", ");
}

/** "dẫn đầu là UBND xã Ngọk Bay (96%), đứng cuối là UBND xã Đăk Pnê (73%)". */
function bestAndLast(members: readonly RankingEntry[], summary: { best: string | null; last: string | null } | undefined): string | null {
  const ordered = inRankOrder(rankedOnly(members)).filter((e) => rankOf(e) !== null);
  const find = (name: string | null | undefined, fallback: RankingEntry | undefined) =>
    (name ? members.find((e) => e.unit === name) : undefined) ?? fallback;
  const best = find(summary?.best, ordered[0]);
  const last = find(summary?.last, ordered[ordered.length - 1]);
  if (!best || !last || best === last) return null;
  const named = (e: RankingEntry) => `${unitShort(e.unit)} (${pointsText(e.index)}%)`;
  return `dẫn đầu là ${named(best)}, đứng cuối là ${named(last)}`;
}

/** Each unit's index, grade, rank and change on last year, one row per unit in rank order. */
/** The one maximum every unit shares, or null when they differ. */
function sharedMax(values: readonly number[]): number | null {
  return values.length > 0 && values.every((v) => v === values[0]) ? values[0] : null;
}

/** "Điểm thẩm định (tối đa 61,5)" when every unit has that maximum (cells then hold the points alone). */
function pointsHeader(name: string, max: number | null): Span[] {
  return [text(max === null ? name : `${name} (tối đa ${pointsText(max)})`)];
}

/** Each unit's index, grade, rank and change on last year, one row per unit in rank order. */
function rankingTable(members: readonly RankingEntry[], official: UnitsSheet["official"]): Block {
  const survey = members.some((e) => e.survey);
  const change = members.some((e) => changeText(e) !== null);
  const max = sharedMax(members.map((e) => e.max ?? -1));
  const surveyMax = sharedMax(members.map((e) => e.survey?.max ?? -1));
  const points = (achieved: number, of: number | null, shared: number | null) =>
    of === null ? "–" : shared === null ? `${pointsText(achieved)}/${pointsText(of)}` : pointsText(achieved);
  const header: Span[][] = [[text("TT")], [text("Đơn vị")], pointsHeader(official === "appraised" ? "Điểm thẩm định" : "Điểm tự đánh giá", max)];
  const widths = [6, 25, 12];
  if (survey) {
    header.push(pointsHeader("Điểm điều tra XHH", surveyMax));
    widths.push(12);
  }
  header.push([text("Chỉ số (%)")], [text("Xếp loại")], [text("Xếp hạng")]);
  widths.push(9, 11, 9);
  if (change) {
    header.push([text("So với năm trước")]);
    widths.push(18);
  }
  const rows = inRankOrder(members).map((e, i) => {
    const score = official === "appraised" ? e.appraised : e.self;
    const rank = rankOf(e);
    const row: Span[][] = [[text(String(i + 1))], [text(unitShort(e.unit))], [text(points(score ?? 0, e.max, max))]];
    if (survey) row.push([text(e.survey ? points(e.survey.achieved, e.survey.max, surveyMax) : "–")]);
    const missing = noRankText(e);
    row.push([text(pointsText(e.index))], [text(e.grade)], [rank !== null ? text(countText(rank)) : missing !== null ? text(missing) : placeholder("thứ hạng")]);
    if (change) row.push([text(changeText(e) ?? "–")]);
    return row;
  });
  return { kind: "table", header, rows, widths };
}

/** One block's (or a whole table's) results: grade counts, best and last, the units. */
function groupBlocks(members: RankingEntry[], table: RankedTable, summary: { best: string | null; last: string | null } | undefined, withSentences: boolean): Block[] {
  const blocks: Block[] = [];
  const ends = bestAndLast(members, summary);
  blocks.push({ kind: "paragraph", spans: [text(`Kết quả xếp loại: ${gradeCounts(members)}${ends === null ? "" : `; ${ends}`}.`)] });
  if (withSentences) for (const e of inRankOrder(members)) blocks.push({ kind: "bullet", spans: [text(unitSentence(e, table.official))] });
  blocks.push(rankingTable(members, table.official));
  return blocks;
}

function resultBlocks(table: RankedTable): Block[] {
  const hasBlocks = table.ranking.some((e) => (e.block ?? null) !== null);
  if (!hasBlocks) {
    const summary = table.blocks?.find((b) => b.block === null);
    return groupBlocks([...table.ranking], table, summary, table.ranking.length <= MAX_SENTENCES);
  }
  const order = (table.blocks ?? []).map((b) => b.block);
  for (const e of table.ranking) if (!order.includes(e.block ?? null)) order.push(e.block ?? null);
  const blocks: Block[] = [];
  for (const block of order) {
    const members = table.ranking.filter((e) => (e.block ?? null) === block);
    if (members.length === 0) continue;
    blocks.push({ kind: "paragraph", spans: [bold(`${block ?? "Chưa xếp khối"} (${countText(members.length)} đơn vị):`)] });
    blocks.push(...groupBlocks(members, table, table.blocks?.find((b) => b.block === block), false));
  }
  return blocks;
}

/** The two parts of the index, where the table has a survey part. */
function twoPartBlocks(tables: readonly RankedTable[], ctx: DraftContext): Block[] {
  const table = tables.find((t) => t.ranking.some((e) => e.survey));
  const e = table?.ranking.find((x) => x.survey && x.max !== null);
  if (!table || !e?.survey || e.max === null) return [];
  const part = table.official === "appraised" ? "điểm thẩm định" : "điểm tự đánh giá";
  return [
    {
      kind: "paragraph",
      spans: [
        text(
          `Chỉ số cải cách hành chính năm ${ctx.year} của mỗi đơn vị gồm hai phần: ${part} các tiêu chí (tối đa ${pointsText(e.max)} điểm) ` +
            `và điểm điều tra xã hội học (tối đa ${pointsText(e.survey.max)} điểm); chỉ số là tổng điểm hai phần chia cho tổng điểm tối đa ` +
            `(${pointsText(e.max + e.survey.max)} điểm), tính theo tỷ lệ phần trăm.`,
        ),
      ],
    },
  ];
}

/** The units that rose and fell most on last year's index. */
function moverBlocks(entries: readonly RankingEntry[]): Block[] {
  const moved = entries.filter((e) => (e.change?.index ?? null) !== null);
  const named = (e: RankingEntry) => `${unitShort(e.unit)} (${changeText(e)})`;
  const rose = moved.filter((e) => e.change!.index! > 0).sort((a, b) => b.change!.index! - a.change!.index!).slice(0, MAX_MOVERS);
  const fell = moved.filter((e) => e.change!.index! < 0).sort((a, b) => a.change!.index! - b.change!.index!).slice(0, MAX_MOVERS);
  const blocks: Block[] = [];
  if (rose.length > 0) blocks.push({ kind: "paragraph", spans: [text(`Các đơn vị tăng chỉ số nhiều nhất so với năm trước: ${rose.map(named).join("; ")}.`)] });
  if (fell.length > 0) blocks.push({ kind: "paragraph", spans: [text(`Các đơn vị giảm chỉ số nhiều nhất so với năm trước: ${fell.map(named).join("; ")}.`)] });
  return blocks;
}

/** "1. Kết quả đạt được": one table's units as they are; several tables each under its sheet's name. */
function resultsOfTables(tables: readonly RankedTable[], ctx: DraftContext): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 2, spans: [text("1. Kết quả đạt được")] }, ...twoPartBlocks(tables, ctx)];
  if (tables.length === 1) blocks.push(...resultBlocks(tables[0]));
  else {
    for (const table of tables) {
      blocks.push({ kind: "paragraph", spans: [bold(`Bảng "${table.sheet}" (${countText(table.ranking.length)} đơn vị):`)] });
      blocks.push(...resultBlocks(table));
    }
  }
  blocks.push(...moverBlocks(tables.flatMap((t) => t.ranking)));
  return blocks;
}

/** The sub-criteria lost by two or more units, most units first. */
function weaknessBlocks(across: AcrossUnitsAnalysis | null | undefined, label: string): Block[] {
  const head: Span = bold(`${label} Tồn tại, hạn chế: `);
  const shared = (across?.criteria ?? []).filter((c) => c.unitsLosing >= 2).slice(0, MAX_WEAKNESSES);
  if (!across || shared.length === 0) {
    return [{ kind: "paragraph", spans: [head, placeholder("nêu những nội dung nhiều đơn vị còn bị mất điểm")] }];
  }
  const blocks: Block[] = [
    { kind: "paragraph", spans: [head, text("Nhiều đơn vị vẫn còn bị mất điểm ở các tiêu chí thành phần sau:")] },
  ];
  for (const c of shared) {
    const who = c.lostBy.map((l) => unitShort(l.unit)).join("; ");
    blocks.push({
      kind: "bullet",
      spans: [
        text(`Tiêu chí thành phần ${c.code} về ${lowerFirst(sentenceCase(withoutFinalStop(c.name)))} (tối đa ${pointsText(c.max)} điểm): `),
        text(`${countText(c.unitsLosing)}/${countText(across.units.length)} đơn vị bị mất điểm, tổng cộng ${pointsText(c.lostTotal)} điểm (${who}).`),
      ],
    });
  }
  return blocks;
}

/**
 * Section II, always present: the units' results where the workbook has ranked units (a units
 * table, or several units' scoring sheets), else its heading and a marked blank.
 */
export function unitsSection(tables: readonly RankedTable[], across: AcrossUnitsAnalysis | null | undefined, ctx: DraftContext): Block[] {
  const entries = tables.flatMap((t) => t.ranking);
  const blocks: Block[] = [
    {
      kind: "heading",
      level: 1,
      spans: [text(`II. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM ${ctx.year} CỦA ${whose(entries)}`)],
    },
  ];
  if (tables.length === 0 && !across) {
    blocks.push({
      kind: "paragraph",
      spans: [placeholder("kết quả đánh giá, xếp loại công tác cải cách hành chính của các đơn vị (tệp chưa có bảng xếp loại các đơn vị)")],
    });
    return blocks;
  }
  if (tables.length > 0) blocks.push(...resultsOfTables(tables, ctx));
  const n = tables.length > 0 ? 2 : 1;
  blocks.push({ kind: "heading", level: 2, spans: [text(`${n}. Nhận xét, đánh giá chung`)] });
  blocks.push({ kind: "paragraph", spans: [bold(`${n}.1. Ưu điểm: `), placeholder("nêu những kết quả nổi bật của các đơn vị")] });
  blocks.push(...weaknessBlocks(across, `${n}.2.`));
  return blocks;
}
