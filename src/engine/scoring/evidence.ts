// The evidence column of a scoring sheet (issue 19 §3): the documents and links each criterion
// cites, a leaf scored above 0 with nothing cited, and links typed wrong. Links are only read as
// text, never opened or fetched.
import type { CriterionEvidence, CriterionNode, DocumentReference, Finding, Grid, HeaderInfo } from "../core/types";
import { cellText } from "../core/numbers";
import { finding, type SheetPlace } from "../core/findingFactory";
import { formatPointsVi } from "../core/viText";

/** The kinds of administrative document, as a clerk types them, with their usual spelling. */
const DOCUMENT_KINDS: readonly string[] = [
  "Quyết định",
  "Kế hoạch",
  "Công văn",
  "Báo cáo",
  "Thông báo",
  "Nghị quyết",
  "Chỉ thị",
  "Tờ trình",
  "Hướng dẫn",
  "Thông tư",
  "Nghị định",
];

const KIND_BY_LOWER = new Map(DOCUMENT_KINDS.map((k) => [k.toLowerCase(), k]));

// "Quyết định số 12/QĐ-UBND ngày 05/01/2023", "Kế hoạch 45/KH-UBND", "Công văn số: 123/UBND-NC ngày 5 tháng 1 năm 2023".
const REFERENCE = new RegExp(
  `(${DOCUMENT_KINDS.join("|")})\\s*(?:số\\s*)?:?\\s*(\\d+[a-z]?)\\s*\\/\\s*([\\p{L}\\d]+(?:[-.\\/][\\p{L}\\d]+)*)` +
    `(?:\\s*[,;]?\\s*ngày\\s*(\\d{1,2})\\s*(?:[\\/.-]|\\s*tháng\\s*)\\s*(\\d{1,2})\\s*(?:[\\/.-]|\\s*năm\\s*)\\s*(\\d{4}))?`,
  "giu",
);

const pad2 = (n: string) => n.padStart(2, "0");

/** A date as ISO "2023-01-05", or null when no such day exists. */
function isoDate(day: string, month: string, year: string): string | null {
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** The documents a text names, in order. */
export function documentReferences(text: string): DocumentReference[] {
  const out: DocumentReference[] = [];
  for (const m of text.normalize("NFC").matchAll(REFERENCE)) {
    out.push({
      kind: KIND_BY_LOWER.get(m[1].toLowerCase()) ?? m[1],
      number: m[2],
      symbol: m[3],
      date: m[4] === undefined ? null : isoDate(m[4], m[5], m[6]),
      text: m[0].trim(),
    });
  }
  return out;
}

/** A word typed as a link: a scheme or something like one ("htp//"), "www", a drive or a share. */
const LINK_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|[a-z]{2,6}:?\/\/|https?:|www(?:\.|$)|file:|[a-z]:[\\/]|\\\\)/i;
// Scheme, optional user, host, optional port, then a path, query or fragment. No URL class: the
// engine runs without DOM or Node types.
const HTTP = /^https?:\/\/(?:[^\s/?#@]+@)?([^\s/?#:\\]+)(?::\d{1,5})?(?:[/?#]\S*)?$/i;
const HOST_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
const WINDOWS_PATH = /^(?:[a-z]:[\\/]|\\\\[^\\/\s]+[\\/][^\\/\s]+)/i;
const FILE_URL = /^file:\/\/\/?\S+/i;

/** Well-formed: an http(s) address with a host that has a dot (or "www.host.tld"), or a file path. */
export function isWellFormedLink(link: string): boolean {
  if (WINDOWS_PATH.test(link) || FILE_URL.test(link)) return true;
  const address = /^www\./i.test(link) ? `http://${link}` : link;
  const host = HTTP.exec(address)?.[1];
  if (host === undefined) return false;
  const labels = host.split(".");
  return labels.length >= 2 && labels.every((l) => HOST_LABEL.test(l));
}

/** The words of a text typed as links, trailing punctuation left out. */
export function linksIn(text: string): string[] {
  return text
    .split(/[\s;,]+/)
    .map((w) => w.replace(/[.)\]]+$/, "").replace(/^[([]+/, ""))
    .filter((w) => w !== "" && LINK_LIKE.test(w));
}

export interface EvidenceRead {
  evidence: CriterionEvidence[];
  findings: Finding[];
}

/**
 * The evidence column read: per node with a filled cell, its documents and well-formed links;
 * warnings for leaves scored above 0 by the unit with nothing cited, and for malformed links.
 * Null when the sheet has no evidence column.
 */
export function readEvidence(grid: Grid, header: HeaderInfo, nodes: readonly CriterionNode[], place: SheetPlace): EvidenceRead | null {
  const col = header.columns.evidence;
  if (col === undefined) return null;
  const evidence: CriterionEvidence[] = [];
  const findings: Finding[] = [];
  for (const node of nodes) {
    const text = cellText(grid.values[node.row]?.[col] ?? null).trim();
    const target = grid.links?.[`${node.row},${col}`]?.trim() ?? "";
    if (text === "" && target === "") {
      if (node.isLeaf && node.self.kind === "number" && node.self.value > 0) {
        findings.push(finding(place, "missing-evidence", node.row, col, `Tiêu chí ${node.code} tự chấm ${formatPointsVi(node.self.value)} điểm nhưng không có tài liệu kiểm chứng.`));
      }
      continue;
    }
    const links: string[] = [];
    // The cell's own hyperlink is a link however its text reads; internal ones ("#Sheet2!A1") point into the workbook.
    const cited = target === "" ? linksIn(text) : [target, ...linksIn(text).filter((l) => l !== target)];
    for (const link of cited) {
      if (isWellFormedLink(link) || (link === target && link.startsWith("#") && link.length > 1)) links.push(link);
      else findings.push(finding(place, "bad-evidence-link", node.row, col, `Đường dẫn "${link}" ở tiêu chí ${node.code} không đúng dạng địa chỉ (http://, https://) hay đường dẫn tệp.`));
    }
    evidence.push({ code: node.code, row: node.row, references: documentReferences(text), links });
  }
  return { evidence, findings };
}
