// Numbers as Vietnamese write them: decimal comma (the same wording as the draft report).
export { pointsText as formatPoints, indexText as formatIndex } from "../engine/reportDraft/vietnameseText";
