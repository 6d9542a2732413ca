// The parts of an administrative report around the sections: heading block, title and subject,
// the opening bases, the closing sentence, recipients and signature (Nghị định 30/2020/NĐ-CP).
import type { Block, DraftHeading, Span } from "./model";
import { unitName, type DraftContext } from "./context";
import { bold, boldItalic, italic, placeholder, text } from "./spans";
import { issuerAbbreviation, issuerLines, placeOf } from "./vietnameseText";

export const MOTTO: [string, string] = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];

export function heading(issuer: string | null): DraftHeading {
  const abbreviation = issuerAbbreviation(issuer);
  const place = issuer === null ? null : placeOf(issuer);
  return {
    issuer: issuer === null ? [] : issuerLines(issuer),
    number: [text(`Số:        /BC-${abbreviation ?? "…"}`)],
    motto: MOTTO,
    placeDate: [place === null ? placeholder("địa danh") : italic(place), italic(", ngày      tháng      năm 20…")],
  };
}

export function subject(ctx: DraftContext): Span[] {
  return [
    text(
      "Đánh giá, phân tích và làm rõ nguyên nhân, trách nhiệm của các cơ quan, đơn vị làm ảnh hưởng đến " +
        `Chỉ số cải cách hành chính năm ${ctx.year} của ${ctx.unit}; nhiệm vụ, giải pháp chủ yếu cần thực hiện`,
    ),
  ];
}

export function opening(ctx: DraftContext, withUnits: boolean): Block[] {
  return [
    { kind: "paragraph", spans: [text("Căn cứ "), placeholder("văn bản ban hành Bộ tiêu chí xác định Chỉ số cải cách hành chính (số, ngày, cơ quan ban hành)"), text(";")] },
    {
      kind: "paragraph",
      spans: [
        text(
          `Trên cơ sở kết quả đánh giá, chấm điểm và xếp loại công tác cải cách hành chính năm ${ctx.year}` +
            `${withUnits ? " của các đơn vị" : ""}, ${unitName(ctx)} báo cáo đánh giá, phân tích và làm rõ nguyên nhân, trách nhiệm ` +
            "của các cơ quan, đơn vị làm ảnh hưởng đến Chỉ số cải cách hành chính; đồng thời đề ra nhiệm vụ, giải pháp cần thực hiện, cụ thể như sau:",
        ),
      ],
    },
  ];
}

export function closing(ctx: DraftContext): Block {
  return {
    kind: "paragraph",
    spans: [
      text(
        "Trên đây là báo cáo đánh giá, phân tích và làm rõ nguyên nhân, trách nhiệm của các cơ quan, đơn vị làm ảnh hưởng " +
          `đến Chỉ số cải cách hành chính năm ${ctx.year} của ${ctx.unit}./.`,
      ),
    ],
  };
}

export function recipients(): Span[][] {
  return [[boldItalic("Nơi nhận:")], [text("- "), placeholder("cơ quan, đơn vị nhận báo cáo"), text(";")], [text("- Lưu: VT.")]];
}

export function signature(issuer: string | null): Span[][] {
  const committee = issuerAbbreviation(issuer) === "UBND";
  return [
    [bold(committee ? "TM. ỦY BAN NHÂN DÂN" : "THỦ TRƯỞNG CƠ QUAN")],
    [committee ? bold("CHỦ TỊCH") : placeholder("chức vụ người ký")],
    [],
    [],
    [placeholder("họ và tên người ký")],
  ];
}
