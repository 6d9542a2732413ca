// Section I: the unit's own result, area by area, each lost sub-criterion with its cause and
// the units responsible. Figures are the engine's totals over the leaves, never typed subtotals.
import type { AreaSummary, LostItem, ScoringComparison, ScoringSheet } from "../core/types";
import type { Block, Span } from "./model";
import type { DraftContext } from "./context";
import { bold, italic, placeholder, text } from "./spans";
import { countText, indexText, lowerFirst, pointsText, withoutFinalStop } from "./vietnameseText";

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
        text(`Tiêu chí thành phần ${item.code} về ${lowerFirst(withoutFinalStop(item.name))}: ${ctx.unit} đạt `),
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

function areaOf(code: string): string {
  return code.split(".", 1)[0];
}

function areaBlocks(area: AreaSummary, position: number, sheet: ScoringSheet, ctx: DraftContext): Block[] {
  const achieved = area[sheet.official] ?? 0;
  const lost = sheet.lost.filter((l) => areaOf(l.code) === area.code);
  const name = area.name.trim() !== "" ? withoutFinalStop(area.name) : `Lĩnh vực ${area.code}`;
  const result =
    area.max > 0
      ? `${ctx.unit} đạt ${pointsText(achieved)}/${pointsText(area.max)} điểm`
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

export function scoringSection(sheet: ScoringSheet, ctx: DraftContext): Block[] {
  const blocks: Block[] = [
    {
      kind: "heading",
      level: 1,
      spans: [
        text(
          "I. ĐÁNH GIÁ, PHÂN TÍCH VÀ LÀM RÕ NGUYÊN NHÂN, TRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ LÀM ẢNH HƯỞNG ĐẾN " +
            `CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA ${ctx.unit.toUpperCase()} NĂM ${ctx.year}`,
        ),
      ],
    },
  ];
  const total = sheet.totals[sheet.official];
  if (total === null || total.index === null) {
    blocks.push({ kind: "paragraph", spans: [text("Bảng điểm chưa có điểm để tổng hợp: "), placeholder("ghi kết quả chấm điểm")] });
    return blocks;
  }
  const opening: Span[] = [
    text(`Tổng số điểm các tiêu chí thành phần ${ctx.unit} đạt được năm ${ctx.year} là `),
    bold(`${pointsText(total.achieved)}/${pointsText(total.max)} điểm`),
    text(" ("),
    italic(`Chỉ số cải cách hành chính: ${indexText(total.index)} điểm`),
    text(`), xếp loại ${total.grade ?? ""}`),
  ];
  if (sheet.comparison) opening.push(ctx.footnotes.add([text(comparisonSentence(sheet.comparison, ctx.year))]));
  opening.push(text(". Kết quả chấm điểm cụ thể như sau:"));
  blocks.push({ kind: "paragraph", spans: opening });
  sheet.areas.forEach((area, i) => blocks.push(...areaBlocks(area, i, sheet, ctx)));
  return blocks;
}
