// Reading the rows of a scoring sheet into criterion nodes (one per code), in row order.
import type { CellValue, CriterionNode, Finding, Grid, HeaderInfo } from "../core/types";
import { cellText, parseNumber } from "../core/numbers";
import { parseCode, parentCode } from "../cells/codes";
import { foldText, normalizeName } from "../core/text";
import { parseResponsible } from "./responsible";
import { finding, type SheetPlace } from "../core/findingFactory";

export interface ScoringRows {
  nodes: CriterionNode[];
  byCode: Map<string, CriterionNode>;
  totalRow: number | null;
  findings: Finding[];
}

/**
 * A grand-total row: no code, text "Tổng cộng", "Tổng điểm", "Tổng số điểm" or "TỔNG". The
 * last one wins ("Tổng điểm phần I" before "Tổng cộng (I+II)"); a note such as "Tổng số hồ sơ
 * tiếp nhận: 120" is none.
 */
function isTotalRow(texts: string[]): boolean {
  return texts.some((t) => /^tong( cong| diem| so diem|\s*[:(]|$)/.test(foldText(t)));
}

/** "1 | 2 | 3 | 4 …" or "(1) | (2) …" under a header numbers the columns: it is no criterion. */
function isColumnNumberRow(row: readonly CellValue[]): boolean {
  const numbers: number[] = [];
  for (const v of row) {
    const text = cellText(v).trim();
    if (text === "") continue;
    const m = /^\(?(\d{1,2})\)?$/.exec(text);
    if (!m) return false;
    numbers.push(Number(m[1]));
  }
  return numbers.length >= 3 && numbers.every((n, i) => n === numbers[0] + i);
}

/**
 * Sheets that number areas I, II … and restart criteria at 1 under each ("II", then "1", "2")
 * give relative codes: "1.2" under area II is criterion 2.1.2. Relative when, under some
 * Roman area n > 1, the first Arabic code does not start with n.
 */
function romanRelative(grid: Grid, header: HeaderInfo): boolean {
  const col = header.columns.code;
  if (col === undefined) return false;
  let area: number | null = null;
  let firstUnder = true;
  for (let r = header.row + 1; r < grid.values.length; r++) {
    const v = grid.values[r]?.[col];
    if (typeof v === "string" && isRomanCode(v)) {
      area = Number(parseCode(v)!.code);
      firstUnder = true;
      continue;
    }
    const parsed = parseCode(v);
    if (!parsed || area === null || !firstUnder) continue;
    firstUnder = false;
    if (area > 1 && parsed.code.split(".")[0] !== String(area)) return true;
  }
  return false;
}

function isRomanCode(text: string): boolean {
  return /^[IVX]+\.?$/.test(text.trim());
}

const SCORE_COLUMNS = ["max", "self", "appraised"] as const;

export function readScoringRows(grid: Grid, header: HeaderInfo, place: SheetPlace): ScoringRows {
  const c = header.columns;
  const nodes: CriterionNode[] = [];
  const byCode = new Map<string, CriterionNode>();
  const findings: Finding[] = [];
  let totalRow: number | null = null;
  const textAt = (row: readonly unknown[], col: number | undefined) =>
    col === undefined ? "" : cellText(row[col] as never).trim();
  const relative = romanRelative(grid, header);
  let romanArea: string | null = null;

  for (let r = header.row + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    if (r === header.row + 1 && isColumnNumberRow(row)) continue;
    const rawCodeCell = c.code === undefined ? undefined : row[c.code];
    let parsed = c.code === undefined ? null : parseCode(rawCodeCell);
    if (parsed && relative) {
      if (typeof rawCodeCell === "string" && isRomanCode(rawCodeCell)) romanArea = parsed.code;
      else if (romanArea !== null) parsed = { code: `${romanArea}.${parsed.code}`, level: parsed.level + 1 };
    }
    if (!parsed) {
      if (isTotalRow([textAt(row, c.code), textAt(row, c.name)])) totalRow = r;
      else if (c.code !== undefined && /\d/.test(textAt(row, c.code)) && SCORE_COLUMNS.some((k) => c[k] !== undefined && parseNumber(row[c[k]!]).kind === "number")) {
        // A code-like cell ("1.2*", "1.2a") on a row with points: its points would silently
        // leave the totals. Rows with no code or a list mark ("-", "a)") describe a scoring
        // option and carry its points as text for the reader; they are left alone.
        findings.push(
          finding(place, "unreadable-code", r, c.code, `Không đọc được mã tiêu chí "${textAt(row, c.code)}": điểm của dòng này không được tính. Hãy ghi mã dạng 1.6.1.`),
        );
      }
      continue;
    }
    const existing = byCode.get(parsed.code);
    if (existing) {
      const asNumber = typeof rawCodeCell === "number" ? " Mã này được lưu dạng số (Excel đổi 1.10 thành 1.1): hãy nhập mã dạng văn bản." : "";
      findings.push(
        finding(place, "duplicate-code", r, c.code!, `Mã tiêu chí ${parsed.code} bị trùng: đã có ở dòng ${place.origin.row + existing.row + 1}. Dòng này không được tính.${asNumber}`),
      );
      continue;
    }
    const at = (col: number | undefined) => (col === undefined ? undefined : row[col]);
    const cause = normalizeName(textAt(row, c.cause));
    const node: CriterionNode = {
      code: parsed.code,
      rawCode: cellText(row[c.code!]).trim(),
      name: normalizeName(textAt(row, c.name)),
      level: parsed.level,
      row: r,
      parent: parentCode(parsed.code),
      children: [],
      isLeaf: true,
      max: parseNumber(at(c.max)),
      self: c.self === undefined ? { kind: "blank" } : parseNumber(at(c.self)),
      appraised: c.appraised === undefined ? { kind: "blank" } : parseNumber(at(c.appraised)),
      cause: cause === "" ? null : cause,
      responsible: parseResponsible(textAt(row, c.responsible)),
      numberCells: { self: typeof at(c.self) === "number", appraised: typeof at(c.appraised) === "number" },
    };
    nodes.push(node);
    byCode.set(node.code, node);
  }

  for (const node of nodes) {
    const expected = node.parent;
    if (expected === null) continue;
    // Attach to the nearest ancestor present, so "2" is not a leaf when only "2.1.1" is below it.
    let ancestor: string | null = expected;
    while (ancestor !== null && !byCode.has(ancestor)) ancestor = parentCode(ancestor);
    node.parent = ancestor;
    if (ancestor !== null) {
      const parent = byCode.get(ancestor)!;
      parent.children.push(node.code);
      parent.isLeaf = false;
    }
    if (ancestor !== expected) {
      findings.push(finding(place, "missing-parent", node.row, c.code!, `Tiêu chí ${node.code} không có dòng tiêu chí cha ${expected}.`));
    }
  }
  return { nodes, byCode, totalRow, findings };
}
