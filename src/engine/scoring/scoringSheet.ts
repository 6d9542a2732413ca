// A scoring sheet read whole: tree, totals, areas, lost points, responsible units, findings.
import type { CriterionNode, EngineSettings, Grid, HeaderInfo, ScoreKind, ScoringSheet } from "../core/types";
import { readScoringRows } from "./scoringRows";
import { areasOf, exclusionsOf, hasScore, leafTotal, lostItems, nodeTotals, summarize } from "./totals";
import { scoringFindings } from "./scoringFindings";
import { appraisedAboveSelfFindings } from "./appraisalCuts";
import { unitsOf } from "./responsible";
import { readEvidence } from "./evidence";
import { explainedNodes } from "./afterExplanation";
import { sortFindings } from "../core/findingFactory";
import { cellText, parseNumber } from "../core/numbers";
import { foldText, normalizeName } from "../core/text";

/**
 * A line of an administrative heading that names a body: "ỦY BAN NHÂN DÂN HUYỆN KON RẪY",
 * "UBND xã Đăk Kôi", "Sở Tư pháp", "Văn phòng UBND tỉnh".
 */
const COUNCIL_LINE = /^(uy ban nhan dan|ubnd)\b/;
/** Matched with diacritics: "Số liệu …" must not read as "Sở …". */
const OFFICE_LINE = /^(sở|ban|thanh tra|văn phòng|phòng)\s+\S/;

export function isBodyLine(text: string): boolean {
  return COUNCIL_LINE.test(foldText(text)) || OFFICE_LINE.test(text.toLowerCase());
}

/**
 * The unit named in the title rows: the lowest line of the heading, since the superior body
 * stands first and the unit itself under it ("UBND HUYỆN …" above "UBND XÃ …").
 */
export function titleUnit(grid: Grid, headerRow: number): string | null {
  let found: string | null = null;
  for (let r = 0; r < headerRow; r++) {
    for (const v of grid.values[r] ?? []) {
      const text = normalizeName(cellText(v));
      // Long lines are titles of the table ("Bảng điểm …"), not a body's name.
      if (text.length <= 80 && isBodyLine(text)) found = text;
    }
  }
  return found;
}

/** The year the title rows name ("… NĂM 2023"), the first one found; null without one. */
export function titleYear(grid: Grid, headerRow: number): number | null {
  for (let r = 0; r < headerRow; r++) {
    for (const v of grid.values[r] ?? []) {
      const m = /\bnam (\d{4})\b/.exec(foldText(cellText(v)));
      if (m) return Number(m[1]);
    }
  }
  return null;
}

export function officialScore(settings: EngineSettings, hasSelf: boolean, hasAppraised: boolean): ScoreKind {
  if (settings.official === "self") return "self";
  if (settings.official === "appraised") return "appraised";
  return hasAppraised || !hasSelf ? "appraised" : "self";
}

export function readScoringSheet(grid: Grid, header: HeaderInfo, settings: EngineSettings): ScoringSheet {
  const origin = grid.origin ?? { row: 0, col: 0 };
  const place = { sheet: grid.name, origin };
  const rows = readScoringRows(grid, header, place);
  // Points after explanation, where present, are the appraised score the totals count.
  const explained = explainedNodes(grid, header, rows.nodes);
  const nodes = explained?.nodes ?? rows.nodes;
  const hasSelf = header.columns.self !== undefined && hasScore(nodes, "self");
  const hasAppraised = (header.columns.appraised !== undefined || explained !== null) && hasScore(nodes, "appraised");
  const official = officialScore(settings, hasSelf, hasAppraised);
  const scored = scoredParts(nodes, official, { self: hasSelf, appraised: hasAppraised });
  // The sheet's own cells are checked as typed: subtotals in the appraised column add up the first appraisal.
  const typed = explained ? scoredParts(rows.nodes, official, { self: hasSelf, appraised: header.columns.appraised !== undefined && hasScore(rows.nodes, "appraised") }) : scored;
  const evidence = readEvidence(grid, header, rows.nodes, place);
  const findings = [
    ...rows.findings,
    ...scoringFindings({ place, grid, header, nodes: rows.nodes, byCode: rows.byCode, totalRow: rows.totalRow, ...typed }),
    ...appraisedAboveSelfFindings(place, header, rows.nodes),
    ...(evidence?.findings ?? []),
  ];
  const title = titleUnit(grid, header.row);
  const { totals, grand, lost } = scored;
  return {
    kind: "scoring",
    sheet: grid.name,
    origin,
    header,
    title,
    unit: title ?? grid.name,
    year: titleYear(grid, header.row),
    comparison: null,
    nodes,
    totalRow: rows.totalRow,
    totalMax: rows.totalRow === null || header.columns.max === undefined ? null : parseNumber(grid.values[rows.totalRow]?.[header.columns.max]),
    hasSelf,
    hasAppraised,
    official,
    nodeTotals: totals,
    totals: {
      self: hasSelf ? summarize(grand.self, settings.bands) : null,
      appraised: hasAppraised ? summarize(grand.appraised, settings.bands) : null,
    },
    areas: areasOf(nodes, totals, hasSelf, hasAppraised, official),
    lost,
    units: unitsOf(lost),
    ...(evidence ? { evidence: evidence.evidence } : {}),
    ...(explained ? { explanation: explained.explanation } : {}),
    findings: sortFindings(findings),
  };
}

/** Exclusions, node totals, grand totals and lost points of a set of nodes. */
function scoredParts(nodes: CriterionNode[], official: ScoreKind, has: Record<ScoreKind, boolean>) {
  const excluded = exclusionsOf(nodes);
  const totals = nodeTotals(nodes, excluded);
  const leaves = nodes.filter((n) => n.isLeaf);
  const grand = { self: leafTotal(leaves, "self", excluded), appraised: leafTotal(leaves, "appraised", excluded) };
  const lost = lostItems(nodes, official, excluded, has[official]);
  return { excluded, totals, grand, lost, has };
}
