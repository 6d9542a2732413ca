// Plain data shared by the engine and every adapter. No behaviour here.

/** An Excel error value as read from a cell (#N/A, #VALUE!, #DIV/0! ...). */
export interface CellError {
  error: string;
}

/**
 * One cell value as the adapters hand it to the engine. Formulas are given by their cached
 * result; rich text is flattened to a string; dates stay dates.
 */
export type CellValue = number | string | boolean | Date | CellError | null;

/** A worksheet's values. `values[r][c]` is the cell at (origin.row + r, origin.col + c), 0-based. */
export interface Grid {
  name: string;
  values: CellValue[][];
  /** 0-based offset of values[0][0] in the sheet; A1 when omitted. */
  origin?: { row: number; col: number };
  /** Hyperlink targets by "row,col" (0-based, grid coordinates; sparse); internal links as "#Sheet2!A1". */
  links?: Record<string, string>;
}

/** A cell value read as points. */
export type NumberParse =
  | { kind: "number"; value: number }
  | { kind: "blank" }
  | { kind: "kps" }
  | { kind: "error"; code: string }
  | { kind: "text"; text: string };

export type ColumnRole =
  | "code"
  | "name"
  | "max"
  | "self"
  | "appraised"
  | "cause"
  | "responsible"
  | "unit"
  | "index"
  | "grade"
  | "rank"
  | "block"
  | "survey"
  | "surveyMax"
  | "previousIndex"
  | "previousRank"
  /** "Điểm đạt", "Tổng điểm đạt": the official score where there is no appraisal column. */
  | "achieved"
  /** "Tài liệu kiểm chứng", "Minh chứng": the documents and links behind each self-assessed score. */
  | "evidence"
  /** "Điểm sau giải trình", "Điểm thẩm định lại": the appraised points settled after the unit's explanation. */
  | "afterExplanation";

export type ColumnMap = Partial<Record<ColumnRole, number>>;

export interface HeaderInfo {
  /** Grid row index (0-based, relative to the grid) of the header row. */
  row: number;
  /** Grid column index (0-based) of each recognised role. */
  columns: ColumnMap;
  /** The kind a clerk's mapping declares; absent: told from the columns. */
  kind?: "scoring" | "units";
}

export type ScoreKind = "self" | "appraised";

export interface GradeBand {
  /** Lower bound, inclusive, on the 0–100 index. */
  min: number;
  name: string;
}

/**
 * A criteria set small enough to keep in the workbook's settings: its rows as read from the file,
 * read back through the template reader so it compares exactly as the file would.
 */
export interface StoredTemplate {
  /** The file's name as chosen ("mau.xlsx"). */
  file: string;
  /** The sheet of that file the set was read from. */
  sheet: string;
  /**
   * One per criterion, in the file's row order. `code` as typed ("II", "1.2"); `max` a number, the
   * text typed ("KPS"), or null when blank.
   */
  criteria: Array<{ code: string; name: string; max: number | string | null }>;
}

export interface EngineSettings {
  /** Grade bands; any order, the engine sorts them by `min` descending. */
  bands: GradeBand[];
  /** Which score is official; "auto": appraised where the sheet has appraised points, else self. */
  official: "auto" | ScoreKind;
  /** Column mappings for sheets whose headers are not recognised, by sheet name. */
  columnMaps: Record<string, HeaderInfo>;
  /**
   * A sheet of this workbook holding last year's scores (copied in with Move or Copy): left out
   * of this year's analysis, each scoring sheet of the same unit is compared with it.
   */
  previousSheet?: string | null;
  /**
   * A sheet of this workbook holding the criteria set (template): left out of the analysis like
   * `previousSheet`, every scoring sheet is compared with it.
   */
  templateSheet?: string | null;
  /**
   * A criteria set chosen as a file in Cài đặt, kept in the settings in its stored form; used when
   * no `templateSheet` is set (a sheet of this workbook wins).
   */
  templateFile?: StoredTemplate | null;
  /**
   * Grade bands of one block, by block name as the table writes it ("Khối sở, ban, ngành"):
   * a province may give departments and communes different thresholds and names. A block
   * without its own bands uses `bands`.
   */
  blockBands?: Record<string, GradeBand[]>;
  /** Units scored but kept out of the ranking ("không xếp hạng"), by unit name. */
  unranked?: string[];
  /**
   * The lead office of each area in the report's section III, by area code ("6" → "Phòng Tài
   * chính - Kế hoạch"), set once by the clerk; an area without one gets the usual office.
   */
  leadOffices?: Record<string, string>;
  /**
   * The body issuing the report ("UBND huyện Kon Rẫy"), where the title rows do not say it or say
   * it otherwise; empty or absent: read from the title rows common to the sheets.
   */
  issuer?: string | null;
}

export type Severity = "error" | "warning";

export type RuleId =
  | "not-a-number"
  | "negative"
  | "over-max"
  | "too-many-decimals"
  | "duplicate-code"
  | "missing-parent"
  | "max-mismatch"
  | "subtotal-mismatch"
  | "kps-with-score"
  | "lost-without-cause"
  | "lost-without-responsible"
  | "similar-unit-names"
  | "unreadable-code"
  | "assumed-max"
  | "zero-max"
  | "empty-block"
  | "unnamed-unit"
  | "criteria-set-mismatch"
  | "template-missing"
  | "template-extra"
  | "template-moved"
  | "template-max"
  | "template-name"
  | "template-total"
  /** A typed rank differs from the rank computed in the table (a whole table, not an extract). */
  | "rank-mismatch"
  /** An extract of a larger table where a unit has no rank typed: it is given none. */
  | "extract-without-rank"
  /** A typed index below 0 or above 100. */
  | "index-out-of-range"
  | "appraised-above-self"
  /** A leaf with self-assessed points above 0 and an empty evidence cell. */
  | "missing-evidence"
  /** A link in an evidence cell that is neither a well-formed http(s) address nor a file path. */
  | "bad-evidence-link";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address in the sheet (origin applied). */
  cell: string;
  /** 0-based sheet row and column of that cell (origin applied). */
  row: number;
  col: number;
  message: string;
}

/** One responsible unit named in a cell: `Phòng Tư pháp (02 hồ sơ)` → records 2. */
export interface ResponsibleEntry {
  unit: string;
  records: number | null;
}

export interface CriterionNode {
  /** Normalised code: "1", "1.6", "1.6.1" (Roman areas become Arabic). */
  code: string;
  /** The code as written, for messages. */
  rawCode: string;
  name: string;
  /** 1 for an area, 2 for a criterion, 3 for a sub-criterion ... */
  level: number;
  /** Grid row (0-based, relative to the grid). */
  row: number;
  /** The nearest ancestor present in the sheet (normally the code's parent); null for a top row. */
  parent: string | null;
  children: string[];
  isLeaf: boolean;
  max: NumberParse;
  self: NumberParse;
  appraised: NumberParse;
  cause: string | null;
  responsible: ResponsibleEntry[];
  /**
   * Whether each score's cell holds a number (not "3,89" typed as text): a formula elsewhere may
   * refer to it and compute with it.
   */
  numberCells?: Record<ScoreKind, boolean>;
  /**
   * The appraised points as the council first typed them, where the sheet has a column of points
   * after explanation and this node's cell there is filled: `appraised` then holds the later points.
   */
  appraisedBefore?: NumberParse;
}

/** Points and applicable maximum over the leaves below a node (KPS leaves excluded from both). */
export interface PointsTotal {
  achieved: number;
  max: number;
}

export interface ScoreSummary {
  achieved: number;
  max: number;
  /** achieved ÷ max × 100, unrounded; null when max is 0. */
  index: number | null;
  grade: string | null;
}

export interface AreaSummary {
  code: string;
  name: string;
  row: number;
  max: number;
  self: number | null;
  appraised: number | null;
}

export interface LostItem {
  code: string;
  name: string;
  row: number;
  max: number;
  achieved: number;
  lost: number;
  cause: string | null;
  responsible: ResponsibleEntry[];
}

export interface UnitResponsibility {
  unit: string;
  criteria: string[];
  lost: number;
  records: number | null;
}

export interface ScoringSheet {
  kind: "scoring";
  sheet: string;
  origin: { row: number; col: number };
  header: HeaderInfo;
  /** A unit name found in the title rows above the header ("UBND xã Đăk Kôi"), if any. */
  title: string | null;
  /** Nodes in row order. */
  nodes: CriterionNode[];
  /** Grid row of the grand-total row (no code, text starting with "Tổng"), if any. */
  totalRow: number | null;
  /** The maximum typed in the grand-total row; null (or absent) without that row or cell. */
  totalMax?: NumberParse | null;
  hasSelf: boolean;
  hasAppraised: boolean;
  official: ScoreKind;
  /** Per node code: totals over its leaves. */
  nodeTotals: Record<string, { self: PointsTotal; appraised: PointsTotal }>;
  totals: { self: ScoreSummary | null; appraised: ScoreSummary | null };
  areas: AreaSummary[];
  /** Leaves that lost points on the official score, in row order. */
  lost: LostItem[];
  /** Responsible units, sorted by points lost (descending), then name. */
  units: UnitResponsibility[];
  /** The unit this sheet scores: the lowest line of the title's heading, else the sheet name. */
  unit?: string | null;
  /** The year the title rows name ("năm 2023"), if any. */
  year?: number | null;
  /** Comparison with last year's sheet of the same unit; null (or absent) without a previous year. */
  comparison?: ScoringComparison | null;
  /** Comparison with the official criteria set (issue 19 §1); null (or absent) without a template. */
  template?: TemplateConformity | null;
  /** The documents and links of each criterion's evidence cell; absent without an evidence column. */
  evidence?: CriterionEvidence[];
  /** What the points after explanation changed; absent without that column. */
  explanation?: ExplanationResult;
  findings: Finding[];
}

/** A document named in an evidence cell: "Quyết định số 12/QĐ-UBND ngày 05/01/2023". */
export interface DocumentReference {
  /** The kind as written, with its usual capitals: "Quyết định", "Kế hoạch", "Công văn" ... */
  kind: string;
  number: string;
  symbol: string;
  /** ISO date "2023-01-05" when given, else null. */
  date: string | null;
  text: string;
}

export interface CriterionEvidence {
  code: string;
  /** Grid row (0-based, relative to the grid). */
  row: number;
  references: DocumentReference[];
  /** Well-formed http(s) addresses and file paths, as typed (never opened). */
  links: string[];
}

export interface ExplanationResult {
  /** Leaves whose points after explanation differ from the appraised points; change = after − appraised. */
  restored: Array<{ code: string; name: string; appraised: number; after: number; change: number }>;
  /** Leaves the appraisal cut (appraised < self) whose points the explanation left unchanged. */
  kept: Array<{ code: string; name: string; appraised: number }>;
}

/** One way a scoring sheet departs from the criteria set; `code` is "" for the total maximum. */
export interface TemplateDifference {
  rule: RuleId;
  code: string;
}

/** A scoring sheet against the criteria set (template) it should follow. */
export interface TemplateConformity {
  /** The template's file as given (null: a sheet of the same workbook) and its sheet. */
  file: string | null;
  sheet: string;
  /** No difference at all, warnings included. */
  conforms: boolean;
  /** In the sheet's row order. */
  differences: TemplateDifference[];
}

/** A scoring sheet compared with last year's sheet of the same unit (issue 10 §3). */
export interface ScoringComparison {
  previous: {
    /** Last year's file as given (null: a sheet of the same workbook). */
    file: string | null;
    sheet: string;
    achieved: number;
    max: number;
    index: number | null;
    grade: string | null;
    year: number | null;
  };
  /** This year minus last year; points rounded to 2 decimals, index to 3. */
  change: { achieved: number; index: number | null };
  areas: Array<{ code: string; name: string; current: number | null; previous: number | null; change: number | null }>;
  /** Leaves that lose points this year but did not last year. */
  newlyLost: string[];
  /** Leaves that lost points last year and not this year. */
  recovered: string[];
}

/** One sub-criterion across the units' scoring sheets of a workbook (issue 10 §4). */
export interface CriterionAcrossUnits {
  code: string;
  name: string;
  max: number;
  unitsLosing: number;
  lostTotal: number;
  lostBy: Array<{ unit: string; achieved: number; lost: number }>;
}

/** One area across the units' scoring sheets: each unit's points, component index and rank. */
export interface AreaAcrossUnits {
  code: string;
  name: string;
  max: number;
  units: Array<{ unit: string; achieved: number; index: number | null; rank: number }>;
}

/** Analysis of two or more scoring sheets with the same criteria, one per unit. */
export interface AcrossUnitsAnalysis {
  units: string[];
  /** The scoring sheet of each unit, same order as `units`. */
  sheets: string[];
  /** Sorted by units losing (descending), then points lost (descending), then code. */
  criteria: CriterionAcrossUnits[];
  areas: AreaAcrossUnits[];
  /** The units ranked on their sheets' totals (sheets without the official score left out). */
  ranking: RankingEntry[];
  /** The score the analysis reads on every sheet. */
  official: ScoreKind;
}

export interface UnitRow {
  unit: string;
  row: number;
  self: number | null;
  appraised: number | null;
  max: number | null;
}

export interface RankingEntry {
  unit: string;
  row: number;
  self: number | null;
  appraised: number | null;
  /** Maximum of the official score; null where the table gives only the index (no points). */
  max: number | null;
  /** Unrounded index from the official score (or the index as typed in an index-only table). */
  index: number;
  grade: string;
  /**
   * Competition rank on the index: 1, 2, 2, 4 (within the unit's block where there are blocks).
   * In an extract, the rank as typed. Null: kept out of the ranking (`unranked`), or an extract
   * with no rank typed for the unit.
   */
  rank: number | null;
  /** "43/63": how many units the typed rank is out of; null (or absent) when not typed. */
  rankOf?: number | null;
  /** Kept out of the ranking ("KXH", "không xếp hạng", settings): no rank, in no grade count. */
  unranked?: boolean;
  /** The unit's block ("Khối phường"); null (or absent) when the table has no blocks. */
  block?: string | null;
  /** Survey (XHH) part of a two-part index; null (or absent) without one. */
  survey?: { achieved: number; max: number } | null;
  /** Last year's index and rank, where the table gives them. */
  previous?: { index: number | null; rank: number | null } | null;
  /** Change on last year: index points (rounded to 2 decimals) and places moved (positive = up). */
  change?: { index: number | null; rank: number | null } | null;
}

/** Ranking figures of one block of a units table (the whole table when it has no blocks). */
export interface BlockSummary {
  block: string | null;
  /** Units ranked in the block (units kept out of the ranking not counted). */
  units: number;
  /** Units of the block kept out of the ranking; absent when none. */
  unranked?: number;
  /** Units per grade name, in band order ("Xuất sắc": 3 ...); the block's own bands where it has them. */
  grades: Record<string, number>;
  best: string | null;
  last: string | null;
}

export interface UnitsSheet {
  kind: "units";
  sheet: string;
  origin: { row: number; col: number };
  header: HeaderInfo;
  rows: UnitRow[];
  /** The score the index is computed from. */
  official: ScoreKind;
  /** In table order (not sorted); units without a maximum or an official score are left out (with a finding). */
  ranking: RankingEntry[];
  /**
   * An extract of a larger table (typed ranks beyond the units shown, "43/63", last year's ranks
   * beyond them): the typed ranks are the ranks, none is computed.
   */
  extract?: boolean;
  /** One entry per block in the order blocks first appear; one entry with block null without blocks. */
  blocks?: BlockSummary[];
  findings: Finding[];
}

export interface OtherSheet {
  kind: "other";
  sheet: string;
  /** Vietnamese: why this is not a scoring sheet or a units table. */
  reason: string;
  findings: Finding[];
}

export type SheetResult = ScoringSheet | UnitsSheet | OtherSheet;

export interface WorkbookAnalysis {
  sheets: SheetResult[];
  /** Present when the workbook holds two or more scoring sheets with the same criteria. */
  acrossUnits?: AcrossUnitsAnalysis | null;
}
