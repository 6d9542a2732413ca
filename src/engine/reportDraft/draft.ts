// Entry of the draft report: from a workbook's analysis to the document model, section by section.
import type { Grid, RankingEntry, ScoringSheet, UnitsSheet, WorkbookAnalysis } from "../core/types";
import type { DraftReport } from "./model";
import type { DraftContext } from "./context";
import { Footnotes } from "./spans";
import { closing, heading, opening, recipients, signature, subject } from "./frame";
import { scoringSection, type IssuerRank } from "./scoringSection";
import { unitNoun, unitsSection, type RankedTable } from "./unitsSection";
import { tasksSection } from "./tasksSection";
import { bodyKey, commonBody, titleBodies, titleYear } from "./titleRows";
import { issuerLevel } from "./leadOffices";
import { rankOf } from "./ranks";
import { sentenceCase, shortUnitName, unitShortForm } from "./vietnameseText";

export interface DraftOptions {
  /** The scoring sheet of section I; when omitted, the one of the issuing body (see draftReport). */
  sheet?: string;
  /** The grids analysed, to read the year and the bodies from the title rows. */
  grids?: readonly Grid[];
  /** Sheets kept hidden in the workbook (an old year): never picked for section I unless named. */
  hidden?: readonly string[];
  /** The year scored when no sheet says. */
  year?: number | null;
  /** The issuing body, set by the clerk: overrides the one the title rows name. */
  issuer?: string | null;
  /** Lead office of each area in section III, by area code (EngineSettings.leadOffices). */
  leadOffices?: Readonly<Record<string, string>> | null;
}

/** Bad input for a draft, with a Vietnamese message for the clerk. */
export class DraftError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DraftError";
  }
}

const NO_RANKED_UNIT = "không có đơn vị nào đủ điểm và điểm tối đa để tính chỉ số (xem các lỗi của sheet này).";

type TitledSheet = ScoringSheet | UnitsSheet;

function gridOf(sheet: TitledSheet, options: DraftOptions): Grid | undefined {
  return options.grids?.find((g) => g.name === sheet.sheet);
}

/** The bodies a sheet's title rows name, top to bottom. */
function bodiesOf(sheet: TitledSheet, options: DraftOptions): string[] {
  const grid = gridOf(sheet, options);
  if (grid) return titleBodies(grid, sheet.header.row);
  return sheet.kind === "scoring" && sheet.title ? [sheet.title] : [];
}

function yearOf(sheets: readonly TitledSheet[], options: DraftOptions): number | null {
  for (const sheet of sheets) {
    if (sheet.kind === "scoring" && sheet.year != null) return sheet.year;
    const grid = gridOf(sheet, options);
    const year = grid ? titleYear(grid, sheet.header.row) : null;
    if (year !== null) return year;
  }
  return options.year ?? null;
}

/**
 * The issuing body: the clerk's setting, else the lowest body every scoring sheet's title rows
 * name (the district above each commune's own line), else the units tables'; never one unit's
 * sheet among several.
 */
function issuerOf(scoring: readonly ScoringSheet[], tables: readonly UnitsSheet[], options: DraftOptions): string | null {
  const set = options.issuer?.trim();
  if (set) return set;
  if (scoring.length > 0) {
    const common = commonBody(scoring.map((s) => bodiesOf(s, options)));
    if (common !== null) return common;
    // No line they all share: the one district's or province's sheet among its units' sheets.
    const above = scoring.filter((s) => s.title && issuerLevel(s.title) !== null);
    return above.length === 1 ? above[0].title! : null;
  }
  return commonBody(tables.map((t) => bodiesOf(t, options)).filter((b) => b.length > 0));
}

/** Section I's sheet: the one named, else the issuer's own, else the only one. */
function ownSheet(scoring: readonly ScoringSheet[], issuer: string | null, options: DraftOptions): ScoringSheet | null {
  if (options.sheet !== undefined) {
    const named = scoring.find((s) => s.sheet === options.sheet);
    if (!named) throw new DraftError(`Không tìm thấy bảng điểm "${options.sheet}".`);
    return named;
  }
  const visible = scoring.filter((s) => !(options.hidden ?? []).includes(s.sheet));
  const candidates = visible.length > 0 ? visible : scoring;
  if (issuer !== null) {
    const own = candidates.find((s) => s.title && bodyKey(s.title) === bodyKey(issuer));
    if (own) return own;
  }
  return candidates.length === 1 ? candidates[0] : null;
}

/** How a ranking of bodies like the issuer is named when no table says: "huyện, thành phố". */
function peersOf(issuer: string | null): string {
  if (issuer === null) return "đơn vị";
  const level = issuerLevel(issuer);
  if (level === "district") return "huyện, thành phố";
  if (level === "province") return "tỉnh, thành phố";
  const folded = bodyKey(issuer);
  if (/^ubnd (xa|phuong|thi tran) /.test(folded)) return "xã, phường, thị trấn";
  if (/^so /.test(folded)) return "sở, ban, ngành";
  return "đơn vị";
}

/** The issuer's rank where a units table ranks it, else blanks to fill. */
function issuerRank(issuer: string | null, tables: readonly RankedTable[]): IssuerRank {
  const group = peersOf(issuer);
  if (issuer === null) return { rank: null, of: null, group };
  for (const table of tables) {
    const entry = table.ranking.find((e) => bodyKey(e.unit) === bodyKey(issuer));
    if (!entry) continue;
    const peers = table.ranking.filter((e) => (e.block ?? null) === (entry.block ?? null));
    const noun = unitNoun(peers);
    return { rank: rankOf(entry), of: peers.filter((e) => rankOf(e) !== null).length, group: noun === "đơn vị" ? group : noun };
  }
  return { rank: null, of: null, group };
}

/** The units' own scoring sheets ranked together, the issuer's own sheet left out. */
function acrossTable(analysis: WorkbookAnalysis, own: ScoringSheet | null): RankedTable | null {
  const across = analysis.acrossUnits;
  if (!across || across.ranking.length === 0) return null;
  const ownUnit = own ? across.units[across.sheets.indexOf(own.sheet)] : undefined;
  const ranking: RankingEntry[] = across.ranking.filter((e) => ownUnit === undefined || e.unit !== ownUnit);
  return ranking.length > 0 ? { sheet: across.sheets.join(", "), official: across.official, ranking } : null;
}

export function draftReport(analysis: WorkbookAnalysis, options: DraftOptions = {}): DraftReport {
  const scoring = analysis.sheets.filter((s): s is ScoringSheet => s.kind === "scoring");
  // Every units table gives section II its results; one with no unit to rank is named as left out.
  const unitsTables = analysis.sheets.filter((s): s is UnitsSheet => s.kind === "units");
  const tables = unitsTables.filter((s) => s.ranking.length > 0);
  if (scoring.length === 0 && tables.length === 0) {
    throw new DraftError(
      "Không tìm thấy bảng điểm hay bảng xếp loại đơn vị nào có điểm (cần một sheet có cột mã tiêu chí, điểm tối đa và điểm, " +
        "hoặc một bảng các đơn vị với điểm và điểm tối đa): không có gì để lập báo cáo.",
    );
  }
  const leftOut = unitsTables.filter((s) => s.ranking.length === 0).map((s) => ({ sheet: s.sheet, reason: NO_RANKED_UNIT }));
  const found = issuerOf(scoring, tables, options);
  const sheet = ownSheet(scoring, found, options);
  // Never a guess from the sheet's name (`sheet.unit` falls back to it): "Sheet1" would head an official report.
  const issuer = found ?? sheet?.title ?? null;
  const across = acrossTable(analysis, sheet);
  const ranked: RankedTable[] = across ? [...tables, across] : tables;
  const year = yearOf([...(sheet ? [sheet] : []), ...tables, ...scoring], options);
  const unit = issuer === null ? "đơn vị" : shortUnitName(sentenceCase(issuer));
  const ctx: DraftContext = {
    year: year === null ? "…" : String(year),
    unit,
    short: issuer === null ? "đơn vị" : unitShortForm(unit),
    named: false,
    level: issuerLevel(issuer),
    footnotes: new Footnotes(),
  };
  const body = [
    ...opening(ctx, ranked.length > 0),
    ...scoringSection(sheet, ctx, issuerRank(issuer, ranked)),
    ...unitsSection(ranked, analysis.acrossUnits ?? null, ctx),
    ...tasksSection(sheet, ctx, options.leadOffices, scoring.length > 0 ? { areas: scoring[0].areas, across: analysis.acrossUnits ?? null } : null),
    closing(ctx),
  ];
  return {
    heading: heading(issuer),
    title: "BÁO CÁO",
    subject: subject(ctx),
    body,
    footnotes: ctx.footnotes.list,
    recipients: recipients(),
    signature: signature(issuer),
    source: { scoring: sheet?.sheet ?? null, units: tables.map((t) => t.sheet), leftOut },
    errors: analysis.sheets.flatMap((s) => s.findings.filter((f) => f.severity === "error")),
  };
}
