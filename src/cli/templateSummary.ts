// `cchc check --template` (or a criteria set the workbook's settings name): per file, each scoring
// sheet "theo đúng bộ tiêu chí" or its differences; after a folder or several files, how many
// units conform and the most common differences.
import { tallyTemplate, type TemplateTally } from "../engine/compare/templateSheet";
import { RULE_SEVERITY } from "../engine/core/findingFactory";
import type { RuleId, ScoringSheet, TemplateDifference } from "../engine/core/types";
import type { FileCheck, JsonTemplateRun } from "./checkJson";
import { escapeControls } from "./terminalText";
import type { LoadedTemplate } from "./templateOption";

/** Rows of the closing table at most; the rest are counted. */
const COMMON_SHOWN = 10;

const DIFFERENCE_LABEL: Partial<Record<RuleId, string>> = {
  "template-missing": "thiếu",
  "template-extra": "thừa",
  "template-moved": "chuyển chỗ",
  "template-max": "điểm tối đa khác",
  "template-name": "tên khác",
  "template-total": "tổng điểm tối đa khác",
};

function differenceText(d: { rule: RuleId; code: string }): string {
  const label = DIFFERENCE_LABEL[d.rule] ?? d.rule;
  return d.code === "" ? label : `${label} ${d.code}`;
}

/** The set compared with: a file and its sheet, or a sheet of the workbook itself (file null). */
interface TemplateRef {
  file: string | null;
  sheet: string;
}

const refOf = (t: LoadedTemplate): TemplateRef => ({ file: t.file, sheet: t.template.sheet });

function templateName(t: TemplateRef): string {
  return t.file === null ? `sheet "${t.sheet}" của bảng tính này` : `${t.file}, sheet "${t.sheet}"`;
}

function compared(f: FileCheck): ScoringSheet[] {
  return (f.analysis?.sheets ?? []).filter((s): s is ScoringSheet => s.kind === "scoring" && !!s.template);
}

function sheetLine(s: ScoringSheet, differences: readonly TemplateDifference[]): string {
  if (differences.length === 0) return `    Sheet "${s.sheet}": theo đúng bộ tiêu chí.`;
  const errors = differences.filter((d) => RULE_SEVERITY[d.rule] === "error").length;
  return (
    `    Sheet "${s.sheet}": khác bộ tiêu chí ở ${differences.length} điểm (${errors} lỗi, ${differences.length - errors} cảnh báo): ` +
    differences.map(differenceText).join("; ") +
    "."
  );
}

/**
 * One file's lines after its report: against `loaded` (--template), else against the set the
 * workbook's saved settings name (a sheet, a set stored from a file); nothing without either, or
 * for a file that could not be read.
 */
export function templateFileText(f: FileCheck, loaded?: LoadedTemplate): string {
  if (!f.analysis) return "";
  const sheets = compared(f);
  const ref = loaded ? refOf(loaded) : sheets[0]?.template;
  if (!ref) return "";
  const lines = [`  Đối chiếu bộ tiêu chí mẫu (${templateName(ref)}):`];
  if (sheets.length === 0) lines.push("    Không có bảng điểm nào để đối chiếu.");
  for (const s of sheets) lines.push(sheetLine(s, s.template!.differences));
  return lines.map(escapeControls).join("\n") + "\n";
}

export function templateTally(files: readonly FileCheck[]): TemplateTally {
  return tallyTemplate(files.flatMap(compared));
}

/** The closing table of a run over several files or units. */
export function templateRunText(files: readonly FileCheck[], loaded: LoadedTemplate): string {
  const tally = templateTally(files);
  const lines = [`Đối chiếu bộ tiêu chí mẫu (${templateName(refOf(loaded))}): ${tally.conforming}/${tally.units} đơn vị theo đúng bộ tiêu chí.`];
  if (tally.differences.length > 0) {
    lines.push("Khác biệt thường gặp:", "  Số đơn vị | Khác biệt");
    for (const d of tally.differences.slice(0, COMMON_SHOWN)) lines.push(`  ${String(d.units).padStart(9)} | ${differenceText(d)}`);
    const more = tally.differences.length - COMMON_SHOWN;
    if (more > 0) lines.push(`  … và ${more} khác biệt khác.`);
  }
  return lines.map(escapeControls).join("\n") + "\n";
}

/** The run's summary in `--json` (top level `template`). */
export function templateRunJson(files: readonly FileCheck[], loaded: LoadedTemplate): JsonTemplateRun {
  const tally = templateTally(files);
  return { file: loaded.file, sheet: loaded.template.sheet, units: tally.units, conforming: tally.conforming, differences: tally.differences };
}
