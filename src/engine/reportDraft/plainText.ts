// The draft as plain lines: the printable sheet "Bản thảo báo cáo" (where the pane cannot save
// a file) and a readable form for tests. Placeholders keep their visible mark.
import type { Block, DraftReport, Span } from "./model";
import type { SheetPlan } from "../plans/plan";
import { PlanBuilder } from "../plans/planBuilder";

export const DRAFT_SHEET_NAME = "Bản thảo báo cáo";

export type LineRole = "heading" | "title" | "section" | "body" | "note";

export interface DraftLine {
  text: string;
  role: LineRole;
}

/** How a placeholder reads in plain text and in Word. */
export function placeholderText(hint: string): string {
  return `[Cần bổ sung: ${hint}]`;
}

export function spansText(spans: readonly Span[]): string {
  return spans.map((s) => (s.kind === "text" ? s.text : s.kind === "placeholder" ? placeholderText(s.text) : `(${s.id})`)).join("");
}

/** A table's row in plain text: its cells between bars. */
export function tableRowText(cells: readonly Span[][]): string {
  return cells.map(spansText).join(" | ");
}

function blockLines(block: Block): DraftLine[] {
  if (block.kind === "table") {
    return [{ text: tableRowText(block.header), role: "section" }, ...block.rows.map((r) => ({ text: tableRowText(r), role: "body" as const }))];
  }
  const body = spansText(block.spans);
  if (block.kind === "heading") return [{ text: body, role: "section" }];
  if (block.kind === "numbered") return [{ text: `${block.number}. ${body}`, role: "body" }];
  if (block.kind === "bullet") return [{ text: `- ${body}`, role: "body" }];
  return [{ text: body, role: "body" }];
}

export function draftLines(report: DraftReport): DraftLine[] {
  const h = report.heading;
  const lines: DraftLine[] = [
    ...h.issuer.map((t) => ({ text: t, role: "heading" as const })),
    { text: spansText(h.number), role: "heading" },
    ...h.motto.map((t) => ({ text: t, role: "heading" as const })),
    { text: spansText(h.placeDate), role: "heading" },
    { text: report.title, role: "title" },
    { text: spansText(report.subject), role: "title" },
    ...report.body.flatMap(blockLines),
    ...report.recipients.map((r) => ({ text: spansText(r), role: "note" as const })),
    ...report.signature.map((r) => ({ text: spansText(r), role: "heading" as const })),
  ];
  if (report.footnotes.length > 0) {
    lines.push({ text: "Chú thích:", role: "note" });
    for (const f of report.footnotes) lines.push({ text: `(${f.id}) ${spansText(f.spans)}`, role: "note" });
  }
  return lines;
}

const ROLE_STYLE = {
  heading: { bold: true, align: "center", wrap: true },
  title: { bold: true, size: 14, align: "center", wrap: true },
  section: { bold: true, wrap: true, valign: "top" },
  body: { wrap: true, valign: "top" },
  note: { italic: true, wrap: true, valign: "top" },
} as const;

/**
 * "Bản thảo báo cáo": one line of the draft per row in one wide column, printable on A4, for
 * copying into Word where the pane cannot hand over a file.
 */
export function buildDraftPlan(report: DraftReport, howToCopy: string): SheetPlan {
  const b = new PlanBuilder();
  b.put(0, { value: howToCopy, style: { italic: true, color: "#C00000", wrap: true } });
  b.next(2);
  for (const line of draftLines(report)) {
    // Text from cells is written as text, never as a formula ("=…" stays a string).
    b.put(0, { value: line.text, style: ROLE_STYLE[line.role] });
    b.next();
  }
  const columnWidths = [100];
  return b.toPlan(DRAFT_SHEET_NAME, "CCHC_GEN_DRAFT", columnWidths, { rows: 0, cols: 0 }, { paper: "A4", orientation: "portrait", fitToWidth: true });
}
