// Section III: one heading per area, the tasks left for the clerk to write (to make up the lost
// points, or to keep the result), the lead office (the clerk's setting, else the usual one) and
// the units held responsible for the area's lost points as the offices working with it.
import type { ScoringSheet } from "../core/types";
import type { Block, Span } from "./model";
import type { DraftContext } from "./context";
import { italic, placeholder, text } from "./spans";
import { foldText, normalizeName } from "../core/text";
import { areaName } from "./scoringSection";
import { leadOffice } from "./leadOffices";
import { areaTopic, sentenceCase } from "./vietnameseText";

/** Area code → lead office, as the clerk set it. */
export type LeadOffices = Readonly<Record<string, string>>;

/**
 * The responsible units of an area's lost items, first mention first, each unit once: names
 * that differ only in diacritics, case or spacing are one unit (the rule `check` flags them by),
 * written as first spelled. The lead office itself is left out.
 */
function workingWith(sheet: ScoringSheet, area: string, lead: string | null): string[] {
  const key = (name: string) => foldText(normalizeName(name));
  const seen = new Map<string, string>();
  if (lead !== null) seen.set(key(lead), lead);
  for (const item of sheet.lost) {
    if (item.code.split(".", 1)[0] !== area) continue;
    for (const e of item.responsible) if (!seen.has(key(e.unit))) seen.set(key(e.unit), sentenceCase(e.unit));
  }
  return [...seen.values()].slice(lead === null ? 0 : 1);
}

export function tasksSection(sheet: ScoringSheet | null, ctx: DraftContext, offices: LeadOffices | null | undefined): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 1, spans: [text("III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU TRONG THỜI GIAN TỚI")] }];
  const areas = sheet?.areas ?? [];
  if (sheet === null || areas.length === 0) {
    blocks.push({ kind: "paragraph", spans: [placeholder("nêu nhiệm vụ, giải pháp chủ yếu theo từng lĩnh vực, cơ quan chủ trì và cơ quan phối hợp")] });
    return blocks;
  }
  areas.forEach((area, i) => {
    const name = areaName(area);
    const codes = sheet.lost.filter((l) => l.code.split(".", 1)[0] === area.code).map((l) => l.code);
    const lead = leadOffice(area.code, name, ctx.level, offices);
    const others = workingWith(sheet, area.code, lead);
    blocks.push({ kind: "heading", level: 3, spans: [text(`${i + 1}. Đối với ${areaTopic(name)}:`)] });
    const task: Span =
      codes.length > 0
        ? placeholder(`nhiệm vụ, giải pháp khắc phục tiêu chí thành phần ${codes.join(", ")}`)
        : placeholder("nhiệm vụ, giải pháp duy trì kết quả đạt điểm tối đa của lĩnh vực này");
    blocks.push({ kind: "bullet", spans: [text("Nhiệm vụ cần thực hiện: "), task] });
    blocks.push({ kind: "bullet", spans: [italic("Cơ quan chủ trì, tham mưu: "), lead !== null ? italic(`${lead}.`) : placeholder("cơ quan chủ trì, tham mưu")] });
    blocks.push({
      kind: "bullet",
      spans: [italic("Cơ quan phối hợp: "), italic(others.length > 0 ? `${others.join("; ")}.` : "các cơ quan, đơn vị liên quan.")],
    });
  });
  return blocks;
}
