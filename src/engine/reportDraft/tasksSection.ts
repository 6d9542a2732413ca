// Section III: one heading per area that lost points, the tasks left for the clerk to write and
// the units that answer for that area's lost points as the lead agencies.
import type { ScoringSheet } from "../core/types";
import type { Block } from "./model";
import { italic, placeholder, text } from "./spans";
import { unitKey } from "../scoring/responsible";
import { areaTopic, withoutFinalStop } from "./vietnameseText";

/** The responsible units of these lost items, first mention first, each once. */
function leadUnits(sheet: ScoringSheet, area: string): string[] {
  const seen = new Map<string, string>();
  for (const item of sheet.lost) {
    if (item.code.split(".", 1)[0] !== area) continue;
    for (const e of item.responsible) if (!seen.has(unitKey(e.unit))) seen.set(unitKey(e.unit), e.unit);
  }
  return [...seen.values()];
}

export function tasksSection(sheet: ScoringSheet): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 1, spans: [text("III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU TRONG THỜI GIAN TỚI")] }];
  const areas = sheet.areas.filter((a) => sheet.lost.some((l) => l.code.split(".", 1)[0] === a.code));
  if (areas.length === 0) {
    blocks.push({ kind: "paragraph", spans: [text("Không có tiêu chí thành phần nào bị mất điểm. "), placeholder("nêu nhiệm vụ, giải pháp duy trì kết quả")] });
    return blocks;
  }
  areas.forEach((area, i) => {
    const name = area.name.trim() !== "" ? withoutFinalStop(area.name) : `lĩnh vực ${area.code}`;
    const codes = sheet.lost.filter((l) => l.code.split(".", 1)[0] === area.code).map((l) => l.code);
    const units = leadUnits(sheet, area.code);
    blocks.push({ kind: "heading", level: 3, spans: [text(`${i + 1}. Đối với ${areaTopic(name)}:`)] });
    blocks.push({
      kind: "bullet",
      spans: [text("Nhiệm vụ cần thực hiện: "), placeholder(`nhiệm vụ, giải pháp khắc phục tiêu chí thành phần ${codes.join(", ")}`)],
    });
    blocks.push({
      kind: "bullet",
      spans: [italic("Cơ quan chủ trì, tham mưu: "), units.length > 0 ? italic(`${units.join("; ")}.`) : placeholder("cơ quan chủ trì, tham mưu")],
    });
  });
  return blocks;
}
