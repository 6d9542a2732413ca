// The `cchc check --json` contract (issue #5). Scripts rely on it: keep field names and shapes
// stable. Points are rounded to 2 decimals; indices stay unrounded.
import { excelRound } from "../engine/core/numbers";
import type {
  AcrossUnitsAnalysis,
  CriterionEvidence,
  ExplanationResult,
  Finding,
  RankingEntry,
  ScoringComparison,
  ResponsibleEntry,
  ScoreSummary,
  SheetResult,
  TemplateConformity,
  WorkbookAnalysis,
} from "../engine/core/types";
import type { JsonSettings } from "./settingsOptions";
import { appraisalJson, appraisedUnitSheets, byCriterionJson, type JsonAppraisal, type JsonCriterionCut } from "./appraisalJson";

export interface JsonScore {
  achieved: number;
  max: number;
  index: number | null;
  grade: string | null;
}

export interface JsonFinding {
  rule: string;
  severity: "error" | "warning";
  cell: string;
  message: string;
}

export interface JsonSheet {
  sheet: string;
  kind: "scoring" | "units" | "other";
  reason?: string;
  totals?: { self: JsonScore | null; appraised: JsonScore | null };
  areas?: { code: string; name: string; max: number; self: number | null; appraised: number | null }[];
  lost?: {
    code: string;
    name: string;
    max: number;
    achieved: number;
    lost: number;
    cause: string | null;
    responsible: { unit: string; records: number | null }[];
  }[];
  units?: { unit: string; criteria: string[]; lost: number; records: number | null }[];
  /** Scoring sheets: the unit the sheet scores (title rows, else the sheet name). */
  unit?: string;
  /** Scoring sheets: the comparison with last year's sheet (null without `--previous`). */
  comparison?: JsonComparison | null;
  /** Scoring sheets, with `--template` only: the sheet against the criteria set. */
  template?: JsonTemplate;
  /** Scoring sheets with both self-assessed and appraised points: what the appraisal cut. */
  appraisal?: JsonAppraisal;
  /** Scoring sheets with a column of points after explanation: the criteria those points changed. */
  explanation?: ExplanationResult;
  /** Scoring sheets with an evidence column: the documents and links each criterion cites. */
  evidence?: CriterionEvidence[];
  ranking?: {
    unit: string;
    self: number | null;
    appraised: number | null;
    /** Null where the table gives only the index (no points). */
    max: number | null;
    index: number;
    grade: string;
    /** Within the unit's block; in an extract, as typed. Null: kept out of the ranking, or an extract with no rank typed. */
    rank: number | null;
    /** "43/63": the whole a typed rank is out of; present only when typed. */
    rankOf?: number;
    /** Present (true) only for a unit kept out of the ranking ("không xếp hạng"). */
    unranked?: true;
    block: string | null;
    survey: { achieved: number; max: number } | null;
    previous: { index: number | null; rank: number | null } | null;
    change: { index: number | null; rank: number | null } | null;
  }[];
  blocks?: { block: string | null; units: number; grades: Record<string, number>; unranked?: number }[];
  /** Units tables: present (true) only when the table is an extract of a larger one (typed ranks are the ranks). */
  extract?: true;
  findings: JsonFinding[];
}

export interface JsonComparison {
  previous: { file: string | null; sheet: string; achieved: number; max: number; index: number | null; grade: string | null };
  change: { achieved: number; index: number | null };
  areas: { code: string; name: string; current: number | null; previous: number | null; change: number | null }[];
  newlyLost: string[];
  recovered: string[];
}

export interface JsonTemplate {
  file: string | null;
  sheet: string;
  conforms: boolean;
  differences: { rule: string; code: string }[];
}

export interface JsonAcrossUnits {
  units: string[];
  criteria: {
    code: string;
    name: string;
    max: number;
    unitsLosing: number;
    lostTotal: number;
    lostBy: { unit: string; achieved: number; lost: number }[];
  }[];
  areas: { code: string; name: string; max: number; units: { unit: string; achieved: number; index: number | null; rank: number }[] }[];
}

export interface JsonFile {
  file: string;
  error?: string;
  sheets: JsonSheet[];
  /** Present when the workbook holds two or more scoring sheets with the same criteria. */
  acrossUnits?: JsonAcrossUnits;
  /** Present when settings saved in the workbook or given by --columns/--bands were used, or one could not be. */
  settings?: JsonSettings;
}

export interface CheckJson {
  files: JsonFile[];
  /** With `--template` only: how many scoring sheets conform, the differences by how many show them. */
  template?: JsonTemplateRun;
  /** The criteria the appraisal cut most often, over two or more units' sheets of the run. */
  byCriterion?: JsonCriterionCut[];
}

export interface JsonTemplateRun {
  file: string;
  sheet: string;
  units: number;
  conforming: number;
  differences: { rule: string; code: string; units: number }[];
}

/** One checked input: its analysis, or why it could not be read. */
export interface FileCheck {
  file: string;
  error?: string;
  analysis?: WorkbookAnalysis;
  /** The settings the file was read with, where other than the defaults or with a notice. */
  settings?: JsonSettings;
}

const pts = (x: number): number => excelRound(x, 2);
const ptsOrNull = (x: number | null): number | null => (x === null ? null : pts(x));

function score(s: ScoreSummary | null): JsonScore | null {
  if (s === null) return null;
  return { achieved: pts(s.achieved), max: pts(s.max), index: s.index, grade: s.grade };
}

function responsible(list: ResponsibleEntry[]): { unit: string; records: number | null }[] {
  return list.map((r) => ({ unit: r.unit, records: r.records }));
}

function comparisonJson(c: ScoringComparison | null | undefined): JsonComparison | null {
  if (!c) return null;
  const p = c.previous;
  return {
    previous: { file: p.file, sheet: p.sheet, achieved: pts(p.achieved), max: pts(p.max), index: p.index, grade: p.grade },
    change: { achieved: pts(c.change.achieved), index: c.change.index },
    areas: c.areas.map((a) => ({ code: a.code, name: a.name, current: ptsOrNull(a.current), previous: ptsOrNull(a.previous), change: ptsOrNull(a.change) })),
    newlyLost: [...c.newlyLost],
    recovered: [...c.recovered],
  };
}

function rankingJson(r: RankingEntry): NonNullable<JsonSheet["ranking"]>[number] {
  return {
    unit: r.unit,
    self: ptsOrNull(r.self),
    appraised: ptsOrNull(r.appraised),
    max: ptsOrNull(r.max),
    index: r.index,
    grade: r.grade,
    rank: r.rank,
    ...(r.rankOf != null ? { rankOf: r.rankOf } : {}),
    ...(r.unranked ? { unranked: true as const } : {}),
    block: r.block ?? null,
    survey: r.survey ? { achieved: pts(r.survey.achieved), max: pts(r.survey.max) } : null,
    previous: r.previous ? { index: r.previous.index, rank: r.previous.rank } : null,
    change: r.change ? { index: r.change.index, rank: r.change.rank } : null,
  };
}

export function acrossUnitsJson(a: AcrossUnitsAnalysis): JsonAcrossUnits {
  return {
    units: [...a.units],
    criteria: a.criteria.map((c) => ({
      code: c.code,
      name: c.name,
      max: pts(c.max),
      unitsLosing: c.unitsLosing,
      lostTotal: pts(c.lostTotal),
      lostBy: c.lostBy.map((l) => ({ unit: l.unit, achieved: pts(l.achieved), lost: pts(l.lost) })),
    })),
    areas: a.areas.map((area) => ({
      code: area.code,
      name: area.name,
      max: pts(area.max),
      units: area.units.map((u) => ({ unit: u.unit, achieved: pts(u.achieved), index: u.index, rank: u.rank })),
    })),
  };
}

function templateJson(t: TemplateConformity): JsonTemplate {
  return { file: t.file, sheet: t.sheet, conforms: t.conforms, differences: t.differences.map((d) => ({ rule: d.rule, code: d.code })) };
}

function explanationJson(e: ExplanationResult): ExplanationResult {
  return {
    restored: e.restored.map((r) => ({ code: r.code, name: r.name, appraised: pts(r.appraised), after: pts(r.after), change: pts(r.change) })),
    kept: e.kept.map((k) => ({ code: k.code, name: k.name, appraised: pts(k.appraised) })),
  };
}

export function findingJson(f: Finding): JsonFinding {
  return { rule: f.rule, severity: f.severity, cell: f.cell, message: f.message };
}

export function sheetJson(s: SheetResult): JsonSheet {
  const findings = s.findings.map(findingJson);
  switch (s.kind) {
    case "scoring": {
      const appraisal = appraisalJson(s);
      return {
        sheet: s.sheet,
        kind: "scoring",
        totals: { self: score(s.totals.self), appraised: score(s.totals.appraised) },
        areas: s.areas.map((a) => ({
          code: a.code,
          name: a.name,
          max: pts(a.max),
          self: ptsOrNull(a.self),
          appraised: ptsOrNull(a.appraised),
        })),
        lost: s.lost.map((l) => ({
          code: l.code,
          name: l.name,
          max: pts(l.max),
          achieved: pts(l.achieved),
          lost: pts(l.lost),
          cause: l.cause,
          responsible: responsible(l.responsible),
        })),
        units: s.units.map((u) => ({ unit: u.unit, criteria: [...u.criteria], lost: pts(u.lost), records: u.records })),
        unit: s.unit ?? s.title ?? s.sheet,
        comparison: comparisonJson(s.comparison),
        ...(s.template ? { template: templateJson(s.template) } : {}),
        ...(appraisal ? { appraisal } : {}),
        ...(s.explanation ? { explanation: explanationJson(s.explanation) } : {}),
        ...(s.evidence ? { evidence: s.evidence } : {}),
        findings,
      };
    }
    case "units":
      return {
        sheet: s.sheet,
        kind: "units",
        ranking: s.ranking.map(rankingJson),
        blocks: (s.blocks ?? []).map((b) => ({ block: b.block, units: b.units, grades: { ...b.grades }, ...(b.unranked ? { unranked: b.unranked } : {}) })),
        ...(s.extract ? { extract: true as const } : {}),
        findings,
      };
    case "other":
      return { sheet: s.sheet, kind: "other", reason: s.reason, findings };
  }
}

export function checkJson(files: FileCheck[]): CheckJson {
  const byCriterion = byCriterionJson(files.map((f) => ({ file: f.file, sheets: f.analysis ? appraisedUnitSheets(f.analysis.sheets) : [] })));
  return {
    files: files.map(
      (f): JsonFile => ({
        file: f.file,
        ...(f.error !== undefined ? { error: f.error } : {}),
        sheets: f.analysis ? f.analysis.sheets.map(sheetJson) : [],
        ...(f.analysis?.acrossUnits ? { acrossUnits: acrossUnitsJson(f.analysis.acrossUnits) } : {}),
        ...(f.settings ? { settings: f.settings } : {}),
      }),
    ),
    ...(byCriterion ? { byCriterion } : {}),
  };
}
