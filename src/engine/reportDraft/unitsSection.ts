// Section II: each unit's result in rank order (by block where the table has blocks), then the
// weaknesses many units share, from the units' own scoring sheets when the workbook holds them.
import type { AcrossUnitsAnalysis, RankingEntry, UnitsSheet } from "../core/types";
import type { Block, Span } from "./model";
import type { DraftContext } from "./context";
import { bold, placeholder, text } from "./spans";
import { countText, longUnitName, lowerFirst, pointsText, withoutFinalStop } from "./vietnameseText";
import { foldText } from "../core/text";
import { byRank } from "../core/grades";
import { UNRANKED_TEXT } from "../core/viText";

/** How many shared weaknesses are listed at most. */
const MAX_WEAKNESSES = 10;

/** "Ủy ban nhân dân xã Đăk Pnê: điểm tự đánh giá 91,16 điểm; thẩm định 87,23/94,5 điểm, chỉ số đạt 92,31%, xếp loại Xuất sắc." */
export function unitSentence(e: RankingEntry, official: UnitsSheet["official"]): string {
  const parts: string[] = [];
  // A table that gives only the index has no points to tell.
  if (e.max !== null && official === "appraised") {
    if (e.self !== null) parts.push(`điểm tự đánh giá ${pointsText(e.self)} điểm`);
    parts.push(`thẩm định ${pointsText(e.appraised ?? 0)}/${pointsText(e.max)} điểm`);
  } else if (e.max !== null) {
    parts.push(`điểm tự đánh giá ${pointsText(e.self ?? 0)}/${pointsText(e.max)} điểm`);
  }
  if (e.survey) parts.push(`điều tra xã hội học ${pointsText(e.survey.achieved)}/${pointsText(e.survey.max)} điểm`);
  const figures = parts.length > 0 ? `${parts.join("; ")}, chỉ số đạt` : "chỉ số đạt";
  let sentence = `${longUnitName(e.unit)}: ${figures} ${pointsText(e.index)}%, xếp loại ${e.grade}`;
  if (e.unranked) sentence += ` (${UNRANKED_TEXT.toLowerCase()})`;
  else if (e.rank !== null && e.rankOf != null) sentence += `, xếp hạng ${e.rank}/${e.rankOf}`;
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

/** "CỦA UBND CÁC XÃ, THỊ TRẤN" when every unit is a commune or town, else "CỦA CÁC ĐƠN VỊ". */
function whose(entries: readonly RankingEntry[]): string {
  const communes = entries.every((e) => /^(ubnd|uy ban nhan dan)\s+(xa|thi tran)\s/.test(foldText(e.unit)));
  return entries.length > 0 && communes ? "UBND CÁC XÃ, THỊ TRẤN" : "CÁC ĐƠN VỊ";
}

function inRankOrder(entries: readonly RankingEntry[]): RankingEntry[] {
  return entries.map((e, i) => ({ e, i })).sort((a, b) => byRank(a.e, b.e) || a.i - b.i).map((x) => x.e);
}

/** "1. Kết quả đạt được": one table's units as they are; several tables each under its sheet's name. */
function resultsOfTables(tables: readonly UnitsSheet[]): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 2, spans: [text("1. Kết quả đạt được")] }];
  if (tables.length === 1) return [...blocks, ...resultBlocks(tables[0])];
  for (const table of tables) {
    blocks.push({ kind: "paragraph", spans: [bold(`Bảng "${table.sheet}" (${countText(table.ranking.length)} đơn vị):`)] });
    blocks.push(...resultBlocks(table));
  }
  return blocks;
}

function resultBlocks(table: UnitsSheet): Block[] {
  const blocks: Block[] = [];
  const hasBlocks = table.ranking.some((e) => (e.block ?? null) !== null);
  if (!hasBlocks) {
    for (const e of inRankOrder(table.ranking)) blocks.push({ kind: "bullet", spans: [text(unitSentence(e, table.official))] });
    return blocks;
  }
  const order = (table.blocks ?? []).map((b) => b.block);
  for (const e of table.ranking) if (!order.includes(e.block ?? null)) order.push(e.block ?? null);
  for (const block of order) {
    const members = table.ranking.filter((e) => (e.block ?? null) === block);
    if (members.length === 0) continue;
    blocks.push({ kind: "paragraph", spans: [bold(`${block ?? "Chưa xếp khối"} (${countText(members.length)} đơn vị):`)] });
    for (const e of inRankOrder(members)) blocks.push({ kind: "bullet", spans: [text(unitSentence(e, table.official))] });
  }
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
    const who = c.lostBy.map((l) => l.unit).join("; ");
    blocks.push({
      kind: "bullet",
      spans: [
        text(`Tiêu chí thành phần ${c.code} về ${lowerFirst(withoutFinalStop(c.name))} (tối đa ${pointsText(c.max)} điểm): `),
        text(`${countText(c.unitsLosing)}/${countText(across.units.length)} đơn vị bị mất điểm, tổng cộng ${pointsText(c.lostTotal)} điểm (${who}).`),
      ],
    });
  }
  return blocks;
}

/** Section II, or nothing when the workbook has neither a units table nor several units' sheets. */
export function unitsSection(tables: readonly UnitsSheet[], across: AcrossUnitsAnalysis | null | undefined, ctx: DraftContext): Block[] {
  if (tables.length === 0 && !across) return [];
  const entries = tables.flatMap((t) => t.ranking);
  const blocks: Block[] = [
    {
      kind: "heading",
      level: 1,
      spans: [text(`II. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM ${ctx.year} CỦA ${whose(entries)}`)],
    },
  ];
  if (tables.length > 0) blocks.push(...resultsOfTables(tables));
  const n = tables.length > 0 ? 2 : 1;
  blocks.push({ kind: "heading", level: 2, spans: [text(`${n}. Nhận xét, đánh giá chung`)] });
  blocks.push({ kind: "paragraph", spans: [bold(`${n}.1. Ưu điểm: `), placeholder("nêu những kết quả nổi bật của các đơn vị")] });
  blocks.push(...weaknessBlocks(across, `${n}.2.`));
  return blocks;
}
