// Reading a page LibreOffice printed from one of our .docx files: lines matched without spaces
// (pdftotext splits Vietnamese words around their marks), the rule drawn under a line, the
// pages' sizes, and the words of a table's header row column by column.
import { execFile } from "child_process";
import { promisify } from "util";
import type { Rule, TextLine } from "../support/pdfPage";

const run = promisify(execFile);
const MM_PER_PT = 25.4 / 72;

/** A line's text without spaces. */
export const compact = (l: { text: string }): string => l.text.normalize("NFC").replace(/\s+/g, "");

/** The first line whose text without spaces matches `pattern`; throws listing the lines when none does. */
export function lineMatching(pattern: RegExp, lines: readonly TextLine[]): TextLine {
  const found = lines.find((l) => pattern.test(compact(l)));
  if (!found) throw new Error(`no line ${pattern} among: ${lines.map((l) => l.text).join(" | ")}`);
  return found;
}

/** The rule just under a line of text (an underline sits inside the line's box) and overlapping it horizontally. */
export function ruleUnder(line: TextLine, rules: readonly Rule[]): Rule | undefined {
  return rules
    .filter((r) => r.y > (line.yMin + line.yMax) / 2 && r.y < line.yMax + 6 && r.x1 > line.xMin && r.x0 < line.xMax)
    .sort((a, b) => a.y - b.y)[0];
}

/** Width and height of every page, in mm. */
export async function pageSizes(pdf: string): Promise<Array<{ width: number; height: number }>> {
  const { stdout } = await run("pdfinfo", ["-f", "1", "-l", "9999", pdf]);
  return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: +m[1] * MM_PER_PT, height: +m[2] * MM_PER_PT }));
}

export interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The words (often pieces of words) of page `n` with their boxes, in mm. */
export async function pageWords(pdf: string, n: number): Promise<Word[]> {
  const { stdout } = await run("pdftotext", ["-bbox", "-f", String(n), "-l", String(n), pdf, "-"], { maxBuffer: 32 * 1024 * 1024 });
  return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&").normalize("NFC"),
    xMin: +m[1] * MM_PER_PT,
    yMin: +m[2] * MM_PER_PT,
    xMax: +m[3] * MM_PER_PT,
    yMax: +m[4] * MM_PER_PT,
  }));
}

/**
 * The printed lines of each column of a table's header row, each line's pieces joined without
 * spaces. The row is what lies from the top of `first` (the first column's header word) down to
 * the first number printed in that column below it (the first row's STT); `edges` are the
 * columns' left edges and the table's right edge, in mm.
 */
export function headerColumnLines(words: readonly Word[], first: string, edges: readonly number[]): string[][] | null {
  const inColumn = (w: Word, c: number) => (w.xMin + w.xMax) / 2 > edges[c] && (w.xMin + w.xMax) / 2 < edges[c + 1];
  const top = words.find((w) => w.text === first && inColumn(w, 0));
  if (!top) return null;
  const below = words.filter((w) => inColumn(w, 0) && w.yMin > top.yMax && /^\d+$/.test(w.text)).sort((a, b) => a.yMin - b.yMin)[0];
  const bottom = below ? below.yMin : Infinity;
  const row = words.filter((w) => w.yMin > top.yMin - 1 && w.yMax < bottom + 1 && w.yMin < bottom);
  return edges.slice(0, -1).map((_, c) => {
    const cell = row.filter((w) => inColumn(w, c)).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    const lines: Word[][] = [];
    for (const w of cell) {
      const last = lines[lines.length - 1];
      if (last && Math.abs(last[0].yMin - w.yMin) < 1) last.push(w);
      else lines.push([w]);
    }
    return lines.map((l) => l.sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join(""));
  });
}

/**
 * Whether printed lines are `header`'s words, each whole on one line: every line is a run of
 * whole words (spaces dropped), and together they are all of them in order.
 */
export function wholeWords(lines: readonly string[], header: string): boolean {
  const words = header.normalize("NFC").split(/\s+/).filter((w) => w !== "");
  let i = 0;
  for (const line of lines) {
    let built = "";
    while (i < words.length && built.length < line.length) built += words[i++];
    if (built !== line) return false;
  }
  return i === words.length;
}

/** The rule under the motto against the motto's width (the decree: as long as the motto). */
export function mottoRuleShare(lines: readonly TextLine[], rules: readonly Rule[]): number {
  const motto = lineMatching(/^Độclập-Tựdo-Hạnhphúc$/, lines);
  const rule = ruleUnder(motto, rules);
  if (!rule) throw new Error("no rule under the motto");
  return rule.length / (motto.xMax - motto.xMin);
}

/** The rule under the issuer's last line: its share of the line and how far its middle is from the line's. */
export function issuerRule(lines: readonly TextLine[], rules: readonly Rule[], issuer: RegExp): { share: number; offCentre: number; line: TextLine } {
  const line = lineMatching(issuer, lines);
  const rule = ruleUnder(line, rules);
  if (!rule) throw new Error(`no rule under ${issuer}`);
  return { share: rule.length / (line.xMax - line.xMin), offCentre: Math.abs((rule.x0 + rule.x1) / 2 - (line.xMin + line.xMax) / 2), line };
}

/** The subject (the lines between the title and the next rule) and that rule's share of its longest line. */
export function subjectRule(lines: readonly TextLine[], rules: readonly Rule[], title: RegExp): { subject: string; share: number } {
  const head = lineMatching(title, lines);
  const rule = rules.filter((r) => r.y > head.yMax).sort((a, b) => a.y - b.y)[0];
  if (!rule) throw new Error("no rule under the subject");
  const subject = lines.filter((l) => l.yMin > head.yMin + 2 && l.yMax < rule.y + 1);
  const longest = Math.max(...subject.map((l) => l.xMax - l.xMin));
  return { subject: subject.map(compact).join(""), share: rule.length / longest };
}
