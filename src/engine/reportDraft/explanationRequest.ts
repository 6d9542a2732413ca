// "Phiếu đề nghị giải trình": the appraisal council's request to one unit to explain the criteria
// it cut (issue 19 §4), as a document model the Word renderer draws with the report's layout
// (Nghị định 30/2020), on A4 landscape: a table of ten columns. A table of the cut criteria with
// two empty columns for the unit; a sheet with nothing cut gets a short document saying so (the
// unit is still told its result).
import type { ScoringSheet } from "../core/types";
import type { Block, DraftHeading, DraftReport, Span } from "./model";
import { appraisalCuts, type AppraisalCut } from "../scoring/appraisalCuts";
import { points } from "../core/numbers";
import { heading } from "./frame";
import { bold, boldItalic, placeholder, text } from "./spans";
import { issuerLines, pointsText, sentenceCase, shortUnitName } from "./vietnameseText";

export const COUNCIL = "HỘI ĐỒNG THẨM ĐỊNH";
export const EXPLANATION_TITLE = "PHIẾU ĐỀ NGHỊ GIẢI TRÌNH";

export const EXPLANATION_TABLE_HEADER = [
  "STT",
  "Mã",
  "Tiêu chí",
  "Điểm tối đa",
  "Tự đánh giá",
  "Thẩm định",
  "Điểm bị cắt",
  "Ý kiến của Hội đồng",
  "Giải trình của đơn vị",
  "Tài liệu bổ sung",
] as const;

// Shares of the landscape page's text width (252 mm): each figure column (7,5 %, 19 mm) holds
// "Tự đánh" on one line at 12 pt bold; the texts share the rest. The renderer keeps every column
// at least as wide as its header's longest word anyway.
const WIDTHS = [4, 5, 21, 7.5, 7.5, 7.5, 7.5, 14, 15, 11];
/** Texts read from the left: the criterion's name, the council's note, the unit's two columns. */
const LEFT = [2, 7, 8, 9];

export interface ExplanationRequestOptions {
  /** The unit as the sheets name it ("UBND XÃ ĐĂK KÔI"); defaults to the sheet's unit, title or name. */
  unit?: string;
  /** The body the council belongs to ("UBND HUYỆN KON RẪY"); null or absent: left to fill. */
  issuer?: string | null;
  /** Working days the unit has to explain; absent: left to fill. */
  days?: number;
  /** The year scored when the sheet does not say. */
  year?: number | null;
}

/** The council's heading: the body above it (when known), then the council itself. */
function councilHeading(issuer: string | null): DraftHeading {
  const base = heading(issuer);
  return {
    ...base,
    issuer: [...(issuer === null ? [] : issuerLines(issuer)), COUNCIL],
    number: [text("Số:        /PĐN-HĐTĐ")],
  };
}

const cell = (t: string): Span[] => [text(t)];

function cutRow(c: AppraisalCut, i: number): Span[][] {
  return [
    cell(String(i + 1)),
    cell(c.code),
    cell(c.name),
    cell(pointsText(c.max)),
    cell(pointsText(c.self)),
    cell(pointsText(c.appraised)),
    cell(pointsText(c.cut)),
    cell(c.note ?? ""),
    [],
    [],
  ];
}

function totalRow(cuts: readonly AppraisalCut[], total: number): Span[][] {
  const sum = (pick: (c: AppraisalCut) => number) => pointsText(points(cuts.reduce((s, c) => s + pick(c), 0)));
  return [
    [],
    [],
    [bold(`Tổng cộng (${cuts.length} tiêu chí)`)],
    [bold(sum((c) => c.max))],
    [bold(sum((c) => c.self))],
    [bold(sum((c) => c.appraised))],
    [bold(pointsText(total))],
    [],
    [],
    [],
  ];
}

/** The request for explanation of one unit's sheet; null unless it carries both self-assessed and appraised points. */
export function explanationRequest(sheet: ScoringSheet, options: ExplanationRequestOptions = {}): DraftReport | null {
  const appraisal = appraisalCuts(sheet);
  if (appraisal === null) return null;
  const issuer = options.issuer?.trim() || null;
  const label = options.unit ?? sheet.unit ?? sheet.title ?? sheet.sheet;
  const unit = shortUnitName(sentenceCase(label));
  const year = sheet.year ?? options.year ?? null;
  const yearSpan = year === null ? placeholder("năm") : text(String(year));
  const body: Block[] = [];
  if (appraisal.cuts.length === 0) {
    body.push({
      kind: "paragraph",
      spans: [
        text("Hội đồng thẩm định không cắt điểm tiêu chí, tiêu chí thành phần nào trong kết quả tự đánh giá Chỉ số cải cách hành chính năm "),
        yearSpan,
        text(` của ${unit}; không có nội dung cần giải trình./.`),
      ],
    });
  } else {
    body.push(
      {
        kind: "paragraph",
        spans: [
          text("Căn cứ kết quả thẩm định Chỉ số cải cách hành chính năm "),
          yearSpan,
          text(
            `, Hội đồng thẩm định đề nghị ${unit} giải trình ${appraisal.cuts.length} tiêu chí, tiêu chí thành phần bị cắt điểm ` +
              `(tổng cộng ${pointsText(appraisal.total)} điểm) như sau:`,
          ),
        ],
      },
      {
        kind: "table",
        header: EXPLANATION_TABLE_HEADER.map((h) => [text(h)]),
        rows: [...appraisal.cuts.map(cutRow), totalRow(appraisal.cuts, appraisal.total)],
        widths: WIDTHS,
        left: LEFT,
      },
      {
        kind: "paragraph",
        spans: [
          text(`Đề nghị ${unit} ghi nội dung giải trình vào cột "Giải trình của đơn vị", tài liệu kiểm chứng bổ sung (số, ngày văn bản, đường dẫn) vào cột "Tài liệu bổ sung" và gửi về Hội đồng thẩm định trong thời hạn `),
          options.days === undefined ? placeholder("số ngày") : text(String(options.days).padStart(2, "0")),
          text(" ngày làm việc kể từ ngày nhận được phiếu này (trước ngày "),
          placeholder("hạn gửi giải trình"),
          text("). Quá thời hạn trên, Hội đồng thẩm định giữ nguyên kết quả thẩm định./."),
        ],
      },
    );
  }
  return {
    layout: "landscape",
    heading: councilHeading(issuer),
    title: EXPLANATION_TITLE,
    subject: [text("Kết quả thẩm định Chỉ số cải cách hành chính năm "), yearSpan, text(` của ${unit}`)],
    body,
    footnotes: [],
    recipients: [[boldItalic("Nơi nhận:")], [text(`- ${unit};`)], [text("- Lưu: VT, HĐTĐ.")]],
    signature: [[bold(`TM. ${COUNCIL}`)], [bold("CHỦ TỊCH")], [], [], [placeholder("họ và tên người ký")]],
    source: { scoring: sheet.sheet, units: [], leftOut: [] },
    errors: sheet.findings.filter((f) => f.severity === "error"),
  };
}
