// The engine's public surface. Pure TypeScript: no Office.js, no DOM, no I/O.
export * from "./types";
export * from "./plan";
export { parseNumber, numberOrNull, excelRound, decimalsOf, cellText, isCellError } from "./numbers";
export { foldText, normalizeName } from "./text";
export { toA1, parseA1, columnLetters } from "./address";
export { parseCode, parentCode, compareCodes, isUnder } from "./codes";
export { DEFAULT_BANDS, computeIndex, gradeOf, competitionRanks, sortBands } from "./grades";
export { DEFAULT_SETTINGS, withDefaults } from "./settings";
export { analyzeSheet, analyzeWorkbook } from "./analyze";
export { subtotalByCode } from "./subtotal";
export { buildSummaryPlan, buildRankingPlan, buildReportPlans, SUMMARY_SHEET_NAME, RANKING_SHEET_NAME } from "./reportPlans";
export type { ReportOptions } from "./reportPlans";
export { resolveSheetName } from "./sheetNames";
export { parseResponsible, unitKey } from "./responsible";
export { detectHeader, roleOf } from "./header";
export { gradeFormula } from "./reportPlans";
export { planSubtotalFormulas } from "./subtotalFormulas";
export type { SubtotalFormula } from "./subtotalFormulas";
