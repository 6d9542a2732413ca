// What a page of a PDF shows, measured from outside: the boxes of its text lines (pdftotext
// -bbox-layout) and the horizontal rules drawn on it (page rendered by pdftoppm to a grey map,
// runs of dark pixels far longer than any glyph). Lengths in millimetres.
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { promisify } from "util";

const run = promisify(execFile);
const MM_PER_PT = 25.4 / 72;

export interface TextLine {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface Rule {
  /** Left and right ends and the vertical position, in mm from the page's top left. */
  x0: number;
  x1: number;
  y: number;
  length: number;
}

/** The text lines of page `n`, each with its box. */
export async function textLines(pdf: string, n: number): Promise<TextLine[]> {
  const { stdout } = await run("pdftotext", ["-bbox-layout", "-f", String(n), "-l", String(n), pdf, "-"], { maxBuffer: 32 * 1024 * 1024 });
  const lines: TextLine[] = [];
  for (const m of stdout.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
    const words = [...m[5].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]));
    lines.push({ text: words.join(" "), xMin: +m[1] * MM_PER_PT, yMin: +m[2] * MM_PER_PT, xMax: +m[3] * MM_PER_PT, yMax: +m[4] * MM_PER_PT });
  }
  return lines;
}

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** Horizontal rules of page `n` at least `minMm` long (rendered at `dpi`). */
export async function horizontalRules(pdf: string, n: number, dir: string, minMm = 8, dpi = 150): Promise<Rule[]> {
  const base = path.join(dir, `rules-${n}`);
  await run("pdftoppm", ["-gray", "-r", String(dpi), "-f", String(n), "-l", String(n), "-singlefile", pdf, base]);
  const pgm = await fs.readFile(`${base}.pgm`);
  // P5 header: magic, width, height, maxval, each separated by white space.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString("latin1"))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const data = pgm.subarray(header[0].length);
  const mmPerPx = 25.4 / dpi;
  const minPx = minMm / mmPerPx;
  const found: Rule[] = [];
  for (let y = 0; y < height; y++) {
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const dark = x < width && data[y * width + x] < 128;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        if (x - start >= minPx) found.push({ x0: start * mmPerPx, x1: x * mmPerPx, y: y * mmPerPx, length: (x - start) * mmPerPx });
        start = -1;
      }
    }
  }
  // A rule a few pixels thick is one rule.
  return found.filter((r, i) => !found.slice(0, i).some((o) => Math.abs(o.y - r.y) < 1 && Math.abs(o.x0 - r.x0) < 1 && Math.abs(o.x1 - r.x1) < 1));
}
