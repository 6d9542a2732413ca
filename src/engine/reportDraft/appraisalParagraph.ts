// Section I's paragraph on the appraisal round (issue 19), from the unit's own scoring sheet:
// what the council cut from the self-assessment and where most, what the explanation restored
// and kept, and how many scored criteria cite no evidence (marked for the clerk to check).
// Nothing when the sheet carries none of these.
import type { CriterionNode, ExplanationResult, ScoringSheet } from "../core/types";
import type { Block, Span } from "./model";
import { unitName, type DraftContext } from "./context";
import { appraisalCuts, type AppraisalCuts } from "../scoring/appraisalCuts";
import { points } from "../core/numbers";
import { bold, placeholder, text } from "./spans";
import { areaName, countText, pointsText } from "./vietnameseText";

/** Areas named as cut most: at most this many. */
const MOST_CUT_AREAS = 2;
/** Codes listed in a sentence: at most this many, then how many more. */
const CODES_LISTED = 10;

export const CHECK_EVIDENCE = "kiểm tra, bổ sung tài liệu kiểm chứng của các tiêu chí này";

/** "1.1, 2.3 và 05 tiêu chí khác". */
function codesText(codes: readonly string[]): string {
  const shown = codes.slice(0, CODES_LISTED).join(", ");
  return codes.length > CODES_LISTED ? `${shown} và ${countText(codes.length - CODES_LISTED)} tiêu chí khác` : shown;
}

/** "lĩnh vực Cải cách thể chế"; a name that says "Lĩnh vực" already keeps it once. */
function areaNoun(name: string): string {
  return /^lĩnh vực\s/i.test(name) ? `l${name.slice(1)}` : `lĩnh vực ${name}`;
}

function cutSentence(appraisal: AppraisalCuts, ctx: DraftContext): string {
  if (appraisal.cuts.length === 0) {
    return `Hội đồng thẩm định giữ nguyên kết quả tự đánh giá của ${unitName(ctx)}, không cắt điểm tiêu chí, tiêu chí thành phần nào.`;
  }
  const areas = appraisal.byArea
    .filter((a) => a.cut > 0)
    .sort((a, b) => b.cut - a.cut)
    .slice(0, MOST_CUT_AREAS)
    .map((a) => `${areaNoun(areaName(a))} (${pointsText(a.cut)} điểm)`);
  const where = appraisal.byArea.filter((a) => a.cut > 0).length === 1 ? `, đều ở ${areas[0]}` : areas.length > 0 ? `, nhiều nhất ở ${areas.join(" và ")}` : "";
  return (
    `So với kết quả tự đánh giá, Hội đồng thẩm định cắt ${pointsText(appraisal.total)} điểm ở ` +
    `${countText(appraisal.cuts.length)} tiêu chí, tiêu chí thành phần${where}.`
  );
}

/** What the points after explanation changed; null when they changed nothing and nothing was cut. */
function explanationSentence(explanation: ExplanationResult): string | null {
  const up = explanation.restored.filter((r) => r.change > 0);
  const down = explanation.restored.filter((r) => r.change < 0);
  const kept = explanation.kept.length;
  const sum = (changes: readonly number[]) => points(changes.reduce((s, x) => s + x, 0));
  const parts: string[] = [];
  if (up.length > 0) {
    parts.push(`khôi phục ${pointsText(sum(up.map((r) => r.change)))} điểm ở ${countText(up.length)} tiêu chí (${codesText(up.map((r) => r.code))})`);
  }
  if (kept > 0) parts.push(`giữ nguyên kết quả thẩm định ở ${countText(kept)} tiêu chí bị cắt điểm`);
  if (down.length > 0) {
    parts.push(`hạ thêm ${pointsText(-sum(down.map((r) => r.change)))} điểm ở ${countText(down.length)} tiêu chí (${codesText(down.map((r) => r.code))})`);
  }
  return parts.length === 0 ? null : `Sau giải trình, Hội đồng thẩm định ${parts.join(", ")}.`;
}

/** Leaves the unit scored above 0 whose evidence cell is empty (the sheet's own rule for the warning). */
export function unevidencedLeaves(sheet: ScoringSheet): CriterionNode[] {
  const cited = new Set((sheet.evidence ?? []).map((e) => e.code));
  return sheet.nodes.filter((n) => n.isLeaf && n.self.kind === "number" && n.self.value > 0 && !cited.has(n.code));
}

function evidenceSpans(sheet: ScoringSheet): Span[] {
  const missing = unevidencedLeaves(sheet);
  if (missing.length === 0) return [text("Các tiêu chí, tiêu chí thành phần tự chấm điểm đều có tài liệu kiểm chứng.")];
  return [
    text(
      `Có ${countText(missing.length)} tiêu chí, tiêu chí thành phần tự chấm điểm nhưng không có tài liệu kiểm chứng ` +
        `(${codesText(missing.map((n) => n.code))}): `,
    ),
    placeholder(CHECK_EVIDENCE),
    text("."),
  ];
}

/** The paragraph, or null when the sheet has neither appraisal, nor points after explanation, nor evidence. */
export function appraisalParagraph(sheet: ScoringSheet, ctx: DraftContext): Block | null {
  const appraisal = appraisalCuts(sheet);
  const sentences: Span[][] = [];
  if (appraisal !== null) sentences.push([text(cutSentence(appraisal, ctx))]);
  const explained = sheet.explanation ? explanationSentence(sheet.explanation) : null;
  if (explained !== null) sentences.push([text(explained)]);
  if (sheet.evidence !== undefined) sentences.push(evidenceSpans(sheet));
  if (sentences.length === 0) return null;
  const lead = appraisal !== null || explained !== null ? "Kết quả thẩm định: " : "Tài liệu kiểm chứng: ";
  return { kind: "paragraph", spans: [bold(lead), ...sentences.flatMap((s, i) => (i === 0 ? s : [text(" "), ...s]))] };
}
