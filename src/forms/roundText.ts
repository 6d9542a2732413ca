// The appraisal round of one scoring sheet (issue 19) in short Vietnamese lines, for the page's
// sheet panel and the pane's "Tính điểm": against the criteria set, what the appraisal cut, the
// evidence, the explanation. Pure: each face puts these lines in as text.
import type { RuleId, ScoringSheet, TemplateConformity } from "../engine/core/types";
import { appraisalCuts } from "../engine/scoring/appraisalCuts";
import { restoredPoints } from "../engine/scoring/afterExplanation";
import { pointsText as formatPoints } from "../engine/reportDraft/vietnameseText";

/** The criteria set as the page names it: its file (and sheet), or a sheet of this workbook. */
export function templateName(t: Pick<TemplateConformity, "file" | "sheet">): string {
  return t.file === null ? `sheet "${t.sheet}" của bảng tính này` : `${t.file} (sheet "${t.sheet}")`;
}

const DIFFERENCE_WORDS: Partial<Record<RuleId, string>> = {
  "template-missing": "thiếu tiêu chí",
  "template-extra": "thừa tiêu chí",
  "template-moved": "chuyển chỗ",
  "template-max": "khác điểm tối đa",
  "template-name": "khác tên",
  "template-total": "khác tổng điểm tối đa",
};

/** "Theo đúng bộ tiêu chí X." or "2 khác biệt với bộ tiêu chí X: 1 thiếu tiêu chí (1.3.2), 1 khác điểm tối đa (2.1.1)." */
export function templateLine(t: TemplateConformity): string {
  const name = templateName(t);
  if (t.conforms) return `Theo đúng bộ tiêu chí ${name}.`;
  const byRule = new Map<RuleId, string[]>();
  for (const d of t.differences) byRule.set(d.rule, [...(byRule.get(d.rule) ?? []), d.code]);
  const parts = [...byRule].map(([rule, codes]) => {
    const listed = codes.filter((c) => c !== "");
    return `${codes.length} ${DIFFERENCE_WORDS[rule] ?? rule}${listed.length > 0 ? ` (${listed.join(", ")})` : ""}`;
  });
  return `${t.differences.length} khác biệt với bộ tiêu chí ${name}: ${parts.join(", ")}.`;
}

/** Criteria named as "cut most", at most. */
export const MOST_CUT = 3;

/** What the appraisal cut: a total line, then one line per area cut; empty without both scores. */
export function appraisalLines(sheet: ScoringSheet): string[] {
  const a = appraisalCuts(sheet);
  if (!a) return [];
  if (a.cuts.length === 0) return ["Thẩm định không trừ điểm tiêu chí nào so với điểm tự đánh giá."];
  const most = [...a.cuts].sort((x, y) => y.cut - x.cut || x.row - y.row).slice(0, MOST_CUT);
  const lines = [
    `Thẩm định trừ ${formatPoints(a.total)} điểm ở ${a.cuts.length} tiêu chí; trừ nhiều nhất: ` +
      `${most.map((c) => `${c.code} (${formatPoints(c.cut)} điểm)`).join(", ")}.`,
  ];
  for (const area of a.byArea) {
    if (area.cut <= 0) continue;
    lines.push(
      `Lĩnh vực ${area.code}${area.name ? ` "${area.name}"` : ""}: tự đánh giá ${formatPoints(area.self)}, ` +
        `thẩm định ${formatPoints(area.appraised)}, bị trừ ${formatPoints(area.cut)} điểm.`,
    );
  }
  return lines;
}

/** The evidence column in one line; null without that column. */
export function evidenceLine(sheet: ScoringSheet): string | null {
  if (!sheet.evidence) return null;
  const citing = sheet.evidence.filter((e) => e.references.length > 0).length;
  const documents = sheet.evidence.reduce((n, e) => n + e.references.length, 0);
  const links = sheet.evidence.reduce((n, e) => n + e.links.length, 0);
  const missing = sheet.findings.filter((f) => f.rule === "missing-evidence").length;
  const badLinks = sheet.findings.filter((f) => f.rule === "bad-evidence-link").length;
  return (
    `Tài liệu kiểm chứng: ${citing} tiêu chí dẫn văn bản (${documents} văn bản), ${links} đường dẫn` +
    `${badLinks > 0 ? `, ${badLinks} đường dẫn sai dạng` : ""}; ` +
    `${missing} tiêu chí tự chấm điểm mà không có tài liệu kiểm chứng.`
  );
}

/** The points after explanation in one line; null without that column. */
export function explanationLine(sheet: ScoringSheet): string | null {
  const e = sheet.explanation;
  if (!e) return null;
  const points = restoredPoints(e);
  const change = points > 0 ? `được cộng lại ${formatPoints(points)} điểm` : points < 0 ? `bị trừ thêm ${formatPoints(-points)} điểm` : "tổng điểm không đổi";
  const restored = e.restored.length > 0 ? `${e.restored.length} tiêu chí được sửa điểm (${e.restored.map((r) => r.code).join(", ")}), ${change}` : "không tiêu chí nào được sửa điểm";
  const kept = e.kept.length > 0 ? `${e.kept.length} tiêu chí giữ mức trừ (${e.kept.map((k) => k.code).join(", ")})` : "không tiêu chí bị trừ nào giữ nguyên";
  return `Sau giải trình: ${restored}; ${kept}.`;
}
