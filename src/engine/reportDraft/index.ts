// The draft report: document model, drafting and its plain-text / sheet forms.
export type { Block, DraftFootnote, DraftHeading, DraftReport, Span } from "./model";
export { draftReport, DraftError, type DraftOptions } from "./draft";
export { draftLines, buildDraftPlan, placeholderText, spansText, DRAFT_SHEET_NAME, type DraftLine } from "./plainText";
export { MISSING_CAUSE, MISSING_RESPONSIBLE } from "./scoringSection";
export { draftErrorNotice, placeholderCount, PLACEHOLDER_HINT } from "./notice";
