// The draft's charts as native Word charts: the points lost by area closing section I, the index
// by unit closing section II, each a chart part with the draft's figures cached, related from the
// document and declared in the content types; the OOXML checker passes the document; LibreOffice
// Writer draws the charts (the page rendered to test-output/ for a look by eye); a draft without
// charts is written as before.
import { execFile } from "child_process";
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { promisify } from "util";
import { analyzeWorkbook, type ScoringSheet, type UnitsSheet } from "../../src/engine";
import { draftCharts } from "../../src/engine/plans/draftCharts";
import { draftReport } from "../../src/engine/reportDraft";
import { renderDocx } from "../../src/report/docxRender";
import { chartPlaces } from "../../src/report/docxCharts";
import type { Block } from "../../src/engine/reportDraft/model";
import { communesGrid, districtGrid } from "../fixtures/seed";
import { makeTempDir, removeDir } from "../cli/helpers/xlsxFiles";
import { OUTPUT } from "../support/browser";
import { convertWithLibreOffice, sofficeUnavailable } from "../support/libreoffice";
import { expectValidOoxml } from "../support/ooxmlCheck";
import { textLines } from "../support/pdfPage";

const run = promisify(execFile);

const grids = [districtGrid(), communesGrid()];
const analysis = analyzeWorkbook(grids);
const report = draftReport(analysis, { grids });
const charts = draftCharts(analysis, report.source.scoring ? { sheet: report.source.scoring } : {});
const scoring = analysis.sheets.find((s): s is ScoringSheet => s.kind === "scoring")!;
const units = analysis.sheets.find((s): s is UnitsSheet => s.kind === "units")!;

let zip: JSZip;
let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await renderDocx(report, { charts });
  zip = await JSZip.loadAsync(bytes);
});
const part = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
const values = (xml: string, tag: "cat" | "val") => [...new RegExp(`<c:${tag}>([\\s\\S]*?)</c:${tag}>`).exec(xml)![1].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);

test("two charts: the points lost by area of section I's sheet, the communes' indices by rank", async () => {
  expect(charts.map((c) => c.kind)).toEqual(["areaLoss", "unitIndex"]);
  const area = await part("word/charts/cchcChart1.xml");
  expect(values(area, "cat")).toEqual(scoring.areas.map((a) => a.name));
  expect(values(area, "val").map(Number)).toEqual(scoring.areas.map((a) => expect.closeTo(a.max - (a[scoring.official] ?? 0), 2)));
  const byRank = [...units.ranking].sort((a, b) => a.rank! - b.rank!);
  const unitChart = await part("word/charts/cchcChart2.xml");
  expect(values(unitChart, "cat")).toEqual(byRank.map((e) => e.unit));
  expect(values(unitChart, "val").map(Number)).toEqual(byRank.map((e) => e.index));
  expect(unitChart).toContain("<a:t>Chỉ số CCHC của các đơn vị</a:t>");
});

test("each chart is related from the document, declared, and drawn inline where its section ends", async () => {
  const doc = await part("word/document.xml");
  const rels = await part("word/_rels/document.xml.rels");
  const types = await part("[Content_Types].xml");
  for (const n of [1, 2]) {
    expect(rels).toContain(`Id="rIdCchcChart${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/cchcChart${n}.xml"`);
    expect(types).toContain(`PartName="/word/charts/cchcChart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
  }
  expect(doc).not.toContain("CCHC_CHART_");
  const paragraphs = doc.split("</w:p>").map((p) => p.replace(/<[^>]+>/g, "").trim());
  const chartAt = (n: number) => doc.split("</w:p>").findIndex((p) => p.includes(`r:id="rIdCchcChart${n}"`));
  const headingAt = (numeral: string) => paragraphs.findIndex((t) => t.startsWith(`${numeral} `));
  // The area chart right before section II's heading, the units' right before section III's.
  expect(chartAt(1)).toBe(headingAt("II.") - 1);
  expect(chartAt(2)).toBe(headingAt("III.") - 1);
});

test("where a section is missing, a chart closes the section before the next one there is, else the body", () => {
  const heading = (text: string): Block => ({ kind: "heading", level: 1, spans: [{ kind: "text", text }] });
  const para: Block = { kind: "paragraph", spans: [{ kind: "text", text: "…" }] };
  const [area, unit] = charts;
  // No section II: the area chart goes before III, as the units' charts do.
  expect(chartPlaces([heading("I. A"), para, heading("III. C"), para], [area, unit])).toEqual([2, 2]);
  // No section III: the units' charts close the body.
  expect(chartPlaces([heading("I. A"), para, heading("II. B"), para], [area, unit, unit])).toEqual([2, 4, 4]);
});

test("without charts the document has no chart part, and its text is the same", async () => {
  const plain = await JSZip.loadAsync(await renderDocx(report));
  expect(Object.keys(plain.files).filter((n) => n.includes("chart"))).toEqual([]);
  const text = (xml: string) => xml.split("</w:p>").map((p) => p.replace(/<[^>]+>/g, "")).filter((t) => t.trim() !== "");
  expect(text(await part("word/document.xml"))).toEqual(text(await plain.file("word/document.xml")!.async("string")));
});

const maybe = sofficeUnavailable("biểu đồ trong báo cáo Word bằng LibreOffice") === null ? describe : describe.skip;
maybe("read by LibreOffice Writer", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir("cchc-docx-charts-");
  });
  afterAll(async () => removeDir(dir));

  test("the OOXML checker finds no error", async () => {
    const file = path.join(dir, "charts.docx");
    await fs.writeFile(file, bytes);
    await expectValidOoxml(file, { read: true });
  });

  test(
    "draws both charts (their pages rendered to test-output/)",
    async () => {
      const file = path.join(dir, "charts.docx");
      await fs.writeFile(file, bytes);
      await fs.mkdir(OUTPUT, { recursive: true });
      await fs.copyFile(file, path.join(OUTPUT, "docx-charts.docx"));
      const pdf = await convertWithLibreOffice(file, "pdf", dir);
      const { stdout } = await run("pdfinfo", [pdf]);
      const pages = Number(/Pages:\s+(\d+)/.exec(stdout)![1]);
      const bare = (s: string) => s.replace(/\s+/g, "");
      const found: Record<string, number> = {};
      for (let n = 1; n <= pages; n++) {
        const text = bare((await textLines(pdf, n)).map((l) => l.text).join(""));
        if (text.includes(bare("Điểm bị mất theo lĩnh vực")) && found.area === undefined) found.area = n;
        if (text.includes(bare("Chỉ số CCHC của các đơn vị")) && found.units === undefined) found.units = n;
      }
      expect(found).toEqual({ area: expect.any(Number), units: expect.any(Number) });
      for (const [what, n] of Object.entries(found)) {
        await run("pdftoppm", ["-png", "-r", "70", "-f", String(n), "-l", String(n), "-singlefile", pdf, path.join(OUTPUT, `docx-chart-${what}`)]);
      }
    },
    180_000,
  );
});
