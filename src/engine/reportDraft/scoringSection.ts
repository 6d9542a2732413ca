// Section I: the unit's own result, area by area, each lost sub-criterion with its cause and
// the units responsible. Figures are the engine's totals over the leaves, never typed subtotals.
import type { AreaSummary, LostItem, ScoringComparison, ScoringSheet } from "../core/types";
import type { Block, Span } from "./model";
import { unitName, type DraftContext } from "./context";
import { bold, italic, placeholder, text } from "./spans";
import { areaName, countText, indexText, lowerFirst, pointsText, sentenceCase, withoutFinalStop } from "./vietnameseText";
import { appraisalParagraph } from "./appraisalParagraph";

/** Where the issuer stands in the ranking of the level above: "01" of "10" "huyện, thành phố". */
export interface IssuerRank {
  rank: number | null;
  of: number | null;
  group: string;
}

export const MISSING_CAUSE = "chưa ghi nguyên nhân";
export const MISSING_RESPONSIBLE = "chưa ghi đơn vị chịu trách nhiệm";

/** "Tăng 5,5 điểm so với năm 2022 (năm 2022 đạt 86,471 điểm, xếp loại Tốt)." */
export function comparisonSentence(c: ScoringComparison, year: string): string {
  const previousYear = c.previous.year !== null ? String(c.previous.year) : /^\d+$/.test(year) ? String(Number(year) - 1) : "trước";
  const byIndex = c.change.index !== null && c.previous.index !== null;
  const change = byIndex ? c.change.index! : c.change.achieved;
  const how = change > 0 ? `Tăng ${pointsText(change)} điểm` : change < 0 ? `Giảm ${pointsText(-change)} điểm` : "Không thay đổi";
  const then = byIndex
    ? `đạt ${indexText(c.previous.index!)} điểm`
    : `đạt ${pointsText(c.previous.achieved)}/${pointsText(c.previous.max)} điểm`;
  const grade = c.previous.grade ? `, xếp loại ${c.previous.grade}` : "";
  return `${how} so với năm ${previousYear} (năm ${previousYear} ${then}${grade}).`;
}

export function responsibleText(item: LostItem): string | null {
  if (item.responsible.length === 0) return null;
  return item.responsible.map((e) => (e.records === null ? e.unit : `${e.unit} (${countText(e.records)} hồ sơ)`)).join("; ");
}

function lostBlocks(item: LostItem, ctx: DraftContext): Block[] {
  const cause: Span = item.cause && item.cause.trim() !== "" ? text(`${withoutFinalStop(item.cause)}.`) : placeholder(MISSING_CAUSE);
  const who = responsibleText(item);
  return [
    {
      kind: "bullet",
      spans: [
        text(`Tiêu chí thành phần ${item.code} về ${lowerFirst(sentenceCase(withoutFinalStop(item.name)))}: ${unitName(ctx)} đạt `),
        text(`${pointsText(item.achieved)}/${pointsText(item.max)} điểm, nguyên nhân: `),
        cause,
      ],
    },
    {
      kind: "paragraph",
      spans: [bold("* Trách nhiệm thuộc về: "), who === null ? placeholder(MISSING_RESPONSIBLE) : italic(`${who}.`)],
    },
  ];
}

/** "đứng thứ 01/10 huyện, thành phố", each unknown figure a marked blank. */
export function rankSpans(rank: IssuerRank): Span[] {
  return [
    text("đứng thứ "),
    rank.rank === null ? placeholder("thứ hạng") : text(countText(rank.rank)),
    text("/"),
    rank.of === null ? placeholder("số đơn vị được xếp hạng") : text(countText(rank.of)),
    text(` ${rank.group}`),
  ];
}

/** "+1,5", "-0,25", "0": a change in points. */
function signedPoints(x: number): string {
  return x > 0 ? `+${pointsText(x)}` : x < 0 ? `-${pointsText(-x)}` : "0";
}

/** Last year beside this year, area by area, and the sub-criteria newly lost or recovered. */
function comparisonBlocks(sheet: ScoringSheet, c: ScoringComparison, ctx: DraftContext): Block[] {
  const previousYear = c.previous.year !== null ? String(c.previous.year) : /^\d+$/.test(ctx.year) ? String(Number(ctx.year) - 1) : "trước";
  const blocks: Block[] = [];
  if (c.areas.length > 0) {
    const num = (x: number | null) => [x === null ? placeholder("điểm") : text(pointsText(x))];
    blocks.push({ kind: "paragraph", spans: [text(`So với năm ${previousYear}, điểm từng lĩnh vực như sau:`)] });
    blocks.push({
      kind: "table",
      header: [[text("Lĩnh vực")], [text("Điểm tối đa")], [text(`Năm ${previousYear}`)], [text(`Năm ${ctx.year}`)], [text("Tăng, giảm")]],
      rows: c.areas.map((a) => {
        const max = sheet.areas.find((x) => x.code === a.code)?.max ?? null;
        return [
          [text(`${a.code}. ${areaName(a)}`)],
          num(max),
          num(a.previous),
          num(a.current),
          [text(a.change === null ? "–" : signedPoints(a.change))],
        ];
      }),
      widths: [46, 13, 13, 13, 15],
    });
  }
  const lost = c.newlyLost.length > 0 ? `Các tiêu chí thành phần năm nay bị mất điểm mà năm ${previousYear} không bị: ${c.newlyLost.join(", ")}.` : "";
  const back = c.recovered.length > 0 ? `Các tiêu chí thành phần năm ${previousYear} bị mất điểm, năm nay đã đạt điểm tối đa: ${c.recovered.join(", ")}.` : "";
  const sentence = [lost, back].filter((x) => x !== "").join(" ");
  blocks.push({
    kind: "paragraph",
    spans: [text(sentence !== "" ? sentence : `Không có tiêu chí thành phần nào mới bị mất điểm hoặc được khắc phục so với năm ${previousYear}.`)],
  });
  return blocks;
}

function areaOf(code: string): string {
  return code.split(".", 1)[0];
}

function areaBlocks(area: AreaSummary, position: number, sheet: ScoringSheet, ctx: DraftContext): Block[] {
  const achieved = area[sheet.official] ?? 0;
  const lost = sheet.lost.filter((l) => areaOf(l.code) === area.code);
  const name = areaName(area);
  const result =
    area.max > 0
      ? `${unitName(ctx)} đạt ${pointsText(achieved)}/${pointsText(area.max)} điểm`
      : `không phát sinh (không tính điểm)`;
  const number = /^\d+$/.test(area.code) ? Number(area.code) : position + 1;
  const head: Block = {
    kind: "numbered",
    list: "areas",
    number,
    spans: [bold(`${name}:`), text(` ${result}${lost.length > 0 ? "; tiêu chí thành phần bị mất điểm, cụ thể:" : "."}`)],
  };
  return [head, ...lost.flatMap((l) => lostBlocks(l, ctx))];
}

function sectionHeading(ctx: DraftContext): Block {
  return {
    kind: "heading",
    level: 1,
    spans: [
      text(
        "I. ĐÁNH GIÁ, PHÂN TÍCH VÀ LÀM RÕ NGUYÊN NHÂN, TRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ LÀM ẢNH HƯỞNG ĐẾN " +
          `CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA ${ctx.unit.toUpperCase()} NĂM ${ctx.year}`,
      ),
    ],
  };
}

/** Section I from the unit's own scoring sheet; without one, its heading and marked blanks. */
export function scoringSection(sheet: ScoringSheet | null, ctx: DraftContext, rank: IssuerRank): Block[] {
  const blocks: Block[] = [sectionHeading(ctx)];
  if (sheet === null) {
    blocks.push({
      kind: "paragraph",
      spans: [
        text(`Chỉ số cải cách hành chính năm ${ctx.year} của ${unitName(ctx)} đạt `),
        placeholder("chỉ số, xếp loại"),
        text(", "),
        ...rankSpans(rank),
        text(". "),
        placeholder("kết quả từng lĩnh vực, tiêu chí bị mất điểm, nguyên nhân và trách nhiệm (bảng điểm của đơn vị không có trong tệp)"),
      ],
    });
    return blocks;
  }
  const total = sheet.totals[sheet.official];
  if (total === null || total.index === null) {
    blocks.push({ kind: "paragraph", spans: [text("Bảng điểm chưa có điểm để tổng hợp: "), placeholder("ghi kết quả chấm điểm")] });
    return blocks;
  }
  const opening: Span[] = [
    text(`Tổng số điểm các tiêu chí thành phần ${unitName(ctx)} đạt được năm ${ctx.year} là `),
    bold(`${pointsText(total.achieved)}/${pointsText(total.max)} điểm`),
    text(" ("),
    italic(`Chỉ số cải cách hành chính: ${indexText(total.index)} điểm`),
    text(`), xếp loại ${total.grade ?? ""}`),
  ];
  if (sheet.comparison) opening.push(ctx.footnotes.add([text(comparisonSentence(sheet.comparison, ctx.year))]));
  opening.push(text(", "), ...rankSpans(rank), text(". Kết quả chấm điểm cụ thể như sau:"));
  blocks.push({ kind: "paragraph", spans: opening });
  sheet.areas.forEach((area, i) => blocks.push(...areaBlocks(area, i, sheet, ctx)));
  const appraisal = appraisalParagraph(sheet, ctx);
  if (appraisal !== null) blocks.push(appraisal);
  if (sheet.comparison) blocks.push(...comparisonBlocks(sheet, sheet.comparison, ctx));
  return blocks;
}
