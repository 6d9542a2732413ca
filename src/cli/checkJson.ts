// The `cchc check --json` contract (issue #5). Scripts rely on it: keep field names and shapes
// stable. Points are rounded to 2 decimals; indices stay unrounded.
import { excelRound } from "../engine/numbers";
import type {
  Finding,
  ResponsibleEntry,
  ScoreSummary,
  SheetResult,
  WorkbookAnalysis,
} from "../engine/types";

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
  ranking?: {
    unit: string;
    self: number | null;
    appraised: number | null;
    max: number;
    index: number;
    grade: string;
    rank: number;
  }[];
  findings: JsonFinding[];
}

export interface JsonFile {
  file: string;
  error?: string;
  sheets: JsonSheet[];
}

export interface CheckJson {
  files: JsonFile[];
}

/** One checked input: its analysis, or why it could not be read. */
export interface FileCheck {
  file: string;
  error?: string;
  analysis?: WorkbookAnalysis;
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

export function findingJson(f: Finding): JsonFinding {
  return { rule: f.rule, severity: f.severity, cell: f.cell, message: f.message };
}

export function sheetJson(s: SheetResult): JsonSheet {
  const findings = s.findings.map(findingJson);
  switch (s.kind) {
    case "scoring":
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
        findings,
      };
    case "units":
      return {
        sheet: s.sheet,
        kind: "units",
        ranking: s.ranking.map((r) => ({
          unit: r.unit,
          self: ptsOrNull(r.self),
          appraised: ptsOrNull(r.appraised),
          max: pts(r.max),
          index: r.index,
          grade: r.grade,
          rank: r.rank,
        })),
        findings,
      };
    case "other":
      return { sheet: s.sheet, kind: "other", reason: s.reason, findings };
  }
}

export function checkJson(files: FileCheck[]): CheckJson {
  return {
    files: files.map(
      (f): JsonFile => ({
        file: f.file,
        ...(f.error !== undefined ? { error: f.error } : {}),
        sheets: f.analysis ? f.analysis.sheets.map(sheetJson) : [],
      }),
    ),
  };
}
