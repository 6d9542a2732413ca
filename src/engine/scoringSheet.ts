// A scoring sheet read whole: tree, totals, areas, lost points, responsible units, findings.
import type { EngineSettings, Grid, HeaderInfo, ScoreKind, ScoringSheet } from "./types";
import { readScoringRows } from "./scoringRows";
import { areasOf, exclusionsOf, hasScore, leafTotal, lostItems, nodeTotals, summarize } from "./totals";
import { scoringFindings } from "./scoringFindings";
import { unitsOf } from "./responsible";
import { sortFindings } from "./findingFactory";
import { cellText } from "./numbers";
import { foldText, normalizeName } from "./text";

/**
 * "ỦY BAN NHÂN DÂN HUYỆN KON RẪY", "UBND xã Đăk Kôi" in the title rows names the unit; the
 * last such line is the most specific ("UBND HUYỆN …" above "UBND XÃ …").
 */
export function titleUnit(grid: Grid, headerRow: number): string | null {
  let found: string | null = null;
  for (let r = 0; r < headerRow; r++) {
    for (const v of grid.values[r] ?? []) {
      const text = normalizeName(cellText(v));
      if (/^(uy ban nhan dan|ubnd)\b/.test(foldText(text))) found = text;
    }
  }
  return found;
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
  const hasSelf = header.columns.self !== undefined && hasScore(rows.nodes, "self");
  const hasAppraised = header.columns.appraised !== undefined && hasScore(rows.nodes, "appraised");
  const official = officialScore(settings, hasSelf, hasAppraised);
  const excluded = exclusionsOf(rows.nodes);
  const totals = nodeTotals(rows.nodes, excluded);
  const leaves = rows.nodes.filter((n) => n.isLeaf);
  const grand = { self: leafTotal(leaves, "self", excluded), appraised: leafTotal(leaves, "appraised", excluded) };
  const has = { self: hasSelf, appraised: hasAppraised };
  const lost = lostItems(rows.nodes, official, excluded, has[official]);
  const findings = [
    ...rows.findings,
    ...scoringFindings({ place, grid, header, nodes: rows.nodes, byCode: rows.byCode, totalRow: rows.totalRow, totals, grand, lost, excluded, has }),
  ];
  return {
    kind: "scoring",
    sheet: grid.name,
    origin,
    header,
    title: titleUnit(grid, header.row),
    nodes: rows.nodes,
    totalRow: rows.totalRow,
    hasSelf,
    hasAppraised,
    official,
    nodeTotals: totals,
    totals: {
      self: hasSelf ? summarize(grand.self, settings.bands) : null,
      appraised: hasAppraised ? summarize(grand.appraised, settings.bands) : null,
    },
    areas: areasOf(rows.nodes, totals, hasSelf, hasAppraised, official),
    lost,
    units: unitsOf(lost),
    findings: sortFindings(findings),
  };
}
