// `cchc check` without --json: the same facts as the JSON, written for a person, in Vietnamese.
import { toA1 } from "../engine/core/address";
import { excelRound } from "../engine/core/numbers";
import type { AcrossUnitsAnalysis, Finding, ScoreSummary, ScoringComparison, ScoringSheet, SheetResult, UnitsSheet } from "../engine/core/types";
import { changeText, rankTextVi } from "../engine/core/viText";
import { byRank } from "../engine/core/grades";
import type { FileCheck } from "./checkJson";
import { settingsLines } from "./settingsOptions";
import { escapeControls } from "./terminalText";
import { appraisalLine } from "./appraisalText";
import { restoredPoints } from "../engine/scoring/afterExplanation";

export { escapeControls };

/** Points as Vietnamese write them: 2 decimals at most, decimal comma (89,21). */
export function formatPoints(x: number): string {
  return String(excelRound(x, 2)).replace(".", ",");
}

/** An index to 3 decimals, decimal comma (91,969). */
export function formatIndex(x: number): string {
  return String(excelRound(x, 3)).replace(".", ",");
}

function scoreLine(label: string, s: ScoreSummary): string {
  const index = s.index === null ? "không tính được chỉ số" : `chỉ số ${formatIndex(s.index)}`;
  const grade = s.grade ? `, xếp loại ${s.grade}` : "";
  return `${label}: ${formatPoints(s.achieved)}/${formatPoints(s.max)} điểm, ${index}${grade}`;
}

function findingLines(findings: Finding[], indent: string): string[] {
  if (findings.length === 0) return [`${indent}Không có phát hiện nào.`];
  const errors = findings.filter((f) => f.severity === "error").length;
  const lines = [`${indent}Phát hiện: ${errors} lỗi, ${findings.length - errors} cảnh báo`];
  for (const f of findings) {
    const tag = f.severity === "error" ? "LỖI" : "Cảnh báo";
    lines.push(`${indent}  [${tag}] ô ${f.cell} (${f.rule}): ${f.message}`);
  }
  return lines;
}

function scoringLines(s: ScoringSheet): string[] {
  const lines = [`  Sheet "${s.sheet}": bảng điểm${s.title ? ` (${s.title})` : ""}`];
  if (s.totals.self) lines.push("    " + scoreLine("Tự đánh giá", s.totals.self));
  if (s.totals.appraised) lines.push("    " + scoreLine("Thẩm định", s.totals.appraised));
  const cut = appraisalLine(s);
  if (cut !== null) lines.push(`    ${cut}`);
  if (s.explanation) lines.push(`    Sau giải trình: khôi phục ${formatPoints(restoredPoints(s.explanation))} điểm ở ${s.explanation.restored.length} tiêu chí`);
  if (s.areas.length > 0) {
    lines.push("    Điểm từng lĩnh vực:");
    for (const a of s.areas) {
      const parts = [`tối đa ${formatPoints(a.max)}`];
      if (a.self !== null) parts.push(`tự đánh giá ${formatPoints(a.self)}`);
      if (a.appraised !== null) parts.push(`thẩm định ${formatPoints(a.appraised)}`);
      lines.push(`      ${a.code}. ${a.name}: ${parts.join(", ")}`);
    }
  }
  if (s.lost.length === 0) lines.push("    Không có tiêu chí nào bị mất điểm.");
  else {
    lines.push(`    Tiêu chí bị mất điểm (${s.lost.length}):`);
    for (const l of s.lost) {
      lines.push(
        `      ${l.code} ${l.name}: đạt ${formatPoints(l.achieved)}/${formatPoints(l.max)}, mất ${formatPoints(l.lost)} điểm`,
      );
      lines.push(`        Nguyên nhân: ${l.cause ?? "(chưa ghi)"}`);
      const units = l.responsible.map((r) => (r.records === null ? r.unit : `${r.unit} (${r.records} hồ sơ)`));
      lines.push(`        Trách nhiệm thuộc về: ${units.length > 0 ? units.join("; ") : "(chưa ghi)"}`);
    }
  }
  if (s.units.length > 0) {
    lines.push("    Đơn vị chịu trách nhiệm (theo điểm bị mất):");
    for (const u of s.units) {
      const records = u.records === null ? "" : `, ${u.records} hồ sơ`;
      lines.push(`      ${u.unit}: ${formatPoints(u.lost)} điểm (${u.criteria.join(", ")})${records}`);
    }
  }
  return lines.concat(comparisonLines(s.comparison), findingLines(s.findings, "    "));
}

/** Last year's comparison of a scoring sheet (cchc check --previous). */
function comparisonLines(c: ScoringComparison | null | undefined): string[] {
  if (!c) return [];
  const p = c.previous;
  const where = p.file === null ? `sheet "${p.sheet}"` : `${p.file}, sheet "${p.sheet}"`;
  const index = c.change.index === null ? "" : `, chỉ số ${c.change.index >= 0 ? "tăng" : "giảm"} ${formatIndex(Math.abs(c.change.index))}`;
  const lines = [
    `    So với năm trước (${where}): ${formatPoints(p.achieved)}/${formatPoints(p.max)} điểm${p.grade ? `, xếp loại ${p.grade}` : ""}; ` +
      `điểm ${c.change.achieved >= 0 ? "tăng" : "giảm"} ${formatPoints(Math.abs(c.change.achieved))}${index}`,
  ];
  const areas = c.areas.filter((a) => a.change !== null && a.change !== 0).map((a) => `${a.code}: ${a.change! > 0 ? "+" : ""}${formatPoints(a.change!)}`);
  if (areas.length > 0) lines.push(`      Lĩnh vực thay đổi: ${areas.join("; ")}`);
  lines.push(`      Mới bị mất điểm: ${c.newlyLost.length > 0 ? c.newlyLost.join(", ") : "không có"}`);
  lines.push(`      Đã khắc phục: ${c.recovered.length > 0 ? c.recovered.join(", ") : "không có"}`);
  return lines;
}

/** The analysis across units: the sub-criteria most units lost points on. */
function acrossUnitsLines(a: AcrossUnitsAnalysis): string[] {
  const lines = [`  Phân tích ${a.units.length} đơn vị (${a.sheets.length} bảng điểm cùng bộ tiêu chí):`];
  if (a.criteria.length === 0) lines.push("    Không có tiêu chí thành phần nào bị mất điểm.");
  for (const c of a.criteria) {
    lines.push(`    ${c.code} ${c.name}: ${c.unitsLosing}/${a.units.length} đơn vị mất điểm, tổng ${formatPoints(c.lostTotal)} điểm (${c.lostBy.map((l) => l.unit).join("; ")})`);
  }
  return lines;
}

/** "chỉ số năm trước ở F2, xếp hạng năm trước ở G2"; null when the table has neither column. */
function lastYearColumns(s: UnitsSheet): string | null {
  const at = (col: number | undefined) => (col === undefined ? null : toA1(s.origin.row + s.header.row, s.origin.col + col));
  const found = [
    ["chỉ số năm trước", at(s.header.columns.previousIndex)],
    ["xếp hạng năm trước", at(s.header.columns.previousRank)],
  ].filter((f): f is [string, string] => f[1] !== null);
  return found.length === 0 ? null : found.map(([what, cell]) => `${what} ở ${cell}`).join(", ");
}

function unitsLines(s: UnitsSheet): string[] {
  const lines = [`  Sheet "${s.sheet}": bảng kết quả các đơn vị (${s.ranking.length} đơn vị)`];
  if (s.extract) lines.push("    Bảng là trích một phần của bảng lớn hơn: thứ hạng lấy theo thứ hạng ghi trong bảng.");
  // Last year's columns are recognised conservatively: say which cells were taken for them.
  const lastYear = lastYearColumns(s);
  if (lastYear !== null) lines.push(`    Cột năm trước đã nhận: ${lastYear}.`);
  // Block by block, in the order blocks first appear; by rank within each.
  const blockOrder = [...new Set(s.ranking.map((r) => r.block ?? null))];
  const ordered = [...s.ranking].sort((a, b) => blockOrder.indexOf(a.block ?? null) - blockOrder.indexOf(b.block ?? null) || byRank(a, b));
  for (const r of ordered) {
    const official = r.appraised ?? r.self;
    const achieved = official === null || r.max === null ? "" : `${formatPoints(official)}/${formatPoints(r.max)} điểm, `;
    const survey = r.survey ? `điều tra XHH ${formatPoints(r.survey.achieved)}/${formatPoints(r.survey.max)}, ` : "";
    const block = r.block ? ` (${r.block})` : "";
    const change = changeText(r.change);
    const rank = r.unranked ? "Không xếp hạng" : `Hạng ${rankTextVi(r)}`;
    lines.push(`    ${rank}${block}: ${r.unit}: ${achieved}${survey}chỉ số ${formatIndex(r.index)}, xếp loại ${r.grade}${change ? `; ${change}` : ""}`);
  }
  return lines.concat(findingLines(s.findings, "    "));
}

export function sheetText(s: SheetResult): string[] {
  if (s.kind === "scoring") return scoringLines(s);
  if (s.kind === "units") return unitsLines(s);
  const lines = [`  Sheet "${s.sheet}": không phải bảng điểm (${s.reason})`];
  return s.findings.length > 0 ? lines.concat(findingLines(s.findings, "    ")) : lines;
}

/** Lines as output text, every control character escaped. */
function joined(lines: string[]): string {
  return lines.map(escapeControls).join("\n") + "\n";
}

/**
 * One file's report in pieces (the heading, then one piece per sheet), so a huge report is
 * written as it is made instead of being gathered into one string or one array first.
 */
export function* fileTextPieces(f: FileCheck): Generator<string> {
  yield joined([`Tệp ${f.file}`, ...settingsLines(f.settings).map((l) => `  ${l}`)]);
  if (f.error !== undefined) yield joined([`  KHÔNG ĐỌC ĐƯỢC: ${f.error}`]);
  else if (!f.analysis || f.analysis.sheets.length === 0) yield joined(["  Bảng tính không có sheet nào."]);
  else for (const s of f.analysis.sheets) yield joined(sheetText(s));
  if (f.analysis?.acrossUnits) yield joined(acrossUnitsLines(f.analysis.acrossUnits));
}

export function fileText(f: FileCheck): string {
  return [...fileTextPieces(f)].join("");
}

/** The closing line: how many files, errors, warnings, unreadable inputs. */
export function totalsText(files: FileCheck[]): string {
  let errors = 0;
  let warnings = 0;
  let unreadable = 0;
  for (const f of files) {
    if (f.error !== undefined) unreadable++;
    for (const s of f.analysis?.sheets ?? []) {
      for (const x of s.findings) {
        if (x.severity === "error") errors++;
        else warnings++;
      }
    }
  }
  const tail = unreadable > 0 ? `, ${unreadable} tệp không đọc được` : "";
  return `Tổng cộng: ${files.length} tệp, ${errors} lỗi, ${warnings} cảnh báo${tail}.\n`;
}
