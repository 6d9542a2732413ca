// The one line `cchc check` prints per scoring sheet with both scores (issue 19 §2).
import type { ScoringSheet } from "../engine/core/types";
import { appraisalCuts } from "../engine/scoring/appraisalCuts";
import { formatPointsVi } from "../engine/core/viText";

/** "Thẩm định cắt 3,19 điểm ở 5 tiêu chí"; null unless the sheet has both scores. */
export function appraisalLine(s: ScoringSheet): string | null {
  const a = appraisalCuts(s);
  if (a === null) return null;
  if (a.cuts.length === 0) return "Thẩm định không cắt điểm tiêu chí nào";
  return `Thẩm định cắt ${formatPointsVi(a.total)} điểm ở ${a.cuts.length} tiêu chí`;
}
