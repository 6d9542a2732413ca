// Section III: one heading per area, the tasks left for the clerk to write (to make up the lost
// points, or to keep the result), the lead office (the clerk's setting, else the usual one) and
// the units held responsible for the area's lost points as the offices working with it.
import type { AcrossUnitsAnalysis, AreaSummary, ScoringSheet } from "../core/types";
import type { Block, Span } from "./model";
import type { DraftContext } from "./context";
import { italic, placeholder, text } from "./spans";
import { foldText, normalizeName } from "../core/text";
import { leadOffice } from "./leadOffices";
import { areaName, areaTopic, sentenceCase, shortUnitName } from "./vietnameseText";

/** Area code → lead office, as the clerk set it. */
export type LeadOffices = Readonly<Record<string, string>>;

const key = (name: string) => foldText(normalizeName(name));

/** Names, each unit once (names that differ only in diacritics, case or spacing are one unit), first spelling kept, `lead` left out. */
function oncePerUnit(names: readonly string[], lead: string | null): string[] {
  const seen = new Map<string, string>();
  if (lead !== null) seen.set(key(lead), lead);
  for (const name of names) if (!seen.has(key(name))) seen.set(key(name), sentenceCase(name));
  return [...seen.values()].slice(lead === null ? 0 : 1);
}

const areaOf = (code: string) => code.split(".", 1)[0];

/** What section III is drafted from: the areas, and per area the sub-criteria lost and who answers for them. */
interface TaskSource {
  areas: readonly AreaSummary[];
  lostCodes(area: string): string[];
  /** The units held responsible (the unit's own sheet) or losing points (the units' sheets). */
  responsible(area: string): string[];
}

/** From the unit's own sheet: its lost sub-criteria and the units it holds responsible. */
function fromOwnSheet(sheet: ScoringSheet): TaskSource {
  const lost = (area: string) => sheet.lost.filter((l) => areaOf(l.code) === area);
  return {
    areas: sheet.areas,
    lostCodes: (area) => lost(area).map((l) => l.code),
    responsible: (area) => lost(area).flatMap((l) => l.responsible.map((e) => e.unit)),
  };
}

/** Without the unit's own sheet: the areas of its units' sheets, the sub-criteria two or more of them lost, and those units. */
function fromUnitsSheets(areas: readonly AreaSummary[], across: AcrossUnitsAnalysis | null): TaskSource {
  const shared = (area: string) => (across?.criteria ?? []).filter((c) => c.unitsLosing >= 2 && areaOf(c.code) === area);
  return {
    areas,
    lostCodes: (area) => shared(area).map((c) => c.code),
    responsible: (area) => shared(area).flatMap((c) => c.lostBy.map((l) => shortUnitName(sentenceCase(l.unit)))),
  };
}

/**
 * Section III: every area of the unit's own sheet (else of its units' sheets), the task to make
 * up the lost points or to keep the result, the lead office, and the units working with it.
 */
export function tasksSection(
  sheet: ScoringSheet | null,
  ctx: DraftContext,
  offices: LeadOffices | null | undefined,
  unitsSheets: { areas: readonly AreaSummary[]; across: AcrossUnitsAnalysis | null } | null = null,
): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 1, spans: [text("III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU TRONG THỜI GIAN TỚI")] }];
  const source = sheet !== null ? fromOwnSheet(sheet) : unitsSheets !== null ? fromUnitsSheets(unitsSheets.areas, unitsSheets.across) : null;
  if (source === null || source.areas.length === 0) {
    blocks.push({ kind: "paragraph", spans: [placeholder("nêu nhiệm vụ, giải pháp chủ yếu theo từng lĩnh vực, cơ quan chủ trì và cơ quan phối hợp")] });
    return blocks;
  }
  source.areas.forEach((area, i) => {
    const name = areaName(area);
    const codes = source.lostCodes(area.code);
    const lead = leadOffice(area.code, name, ctx.level, offices);
    const others = oncePerUnit(source.responsible(area.code), lead);
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
