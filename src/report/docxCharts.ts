// Native charts in the Word draft. The docx package writes no charts, so the document is built
// with a marker paragraph where each chart goes; the packed zip then gets a chart part per chart
// (src/engine/plans/chartXml.ts, cached values only: no embedded workbook), its relationship and
// content type, and the marker paragraph becomes a centred inline drawing of the chart.
import JSZip from "jszip";
import { AlignmentType, Paragraph, TextRun } from "docx";
import type { ChartPlan } from "../engine/plans/plan";
import type { Block } from "../engine/reportDraft/model";
import { spansText } from "../engine/reportDraft/plainText";
import { chartSpaceXml, CHART_CONTENT_TYPE, CHART_NS, CHART_REL_TYPE, DRAWING_NS, REL_NS } from "../engine/plans/chartXml";
import { TEXT_WIDTH, mm } from "./docxLayout";

const WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const EMU_PER_TWIP = 635;
const MARKER = "CCHC_CHART_";

/** The level-1 heading whose text starts with `numeral` ("II."), or -1. */
function sectionAt(blocks: readonly Block[], numeral: string): number {
  return blocks.findIndex((b) => b.kind === "heading" && b.level === 1 && spansText(b.spans).trimStart().startsWith(`${numeral} `));
}

/**
 * Where each chart goes, as the index of the block it precedes (blocks.length: at the end): the
 * points lost by area closing section I (before section II's heading), the index by unit closing
 * section II (before section III's).
 */
export function chartPlaces(blocks: readonly Block[], charts: readonly ChartPlan[]): number[] {
  const second = sectionAt(blocks, "II.");
  const third = sectionAt(blocks, "III.");
  const before = (...candidates: number[]) => candidates.find((i) => i >= 0) ?? blocks.length;
  return charts.map((c) => (c.kind === "areaLoss" ? before(second, third) : before(third)));
}

/** The paragraph the chart replaces after packing. */
export function chartMarker(i: number): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, keepNext: false, children: [new TextRun(`${MARKER}${i}`)] });
}

/** The chart's height: a bar a line, its title and axis, at most most of a page. */
function heightMm(chart: ChartPlan): number {
  const perBar = chart.kind === "areaLoss" ? 12 : 7;
  return Math.min(200, Math.max(60, 30 + chart.values.length * perBar));
}

function drawingParagraph(chart: ChartPlan, relId: string, id: number): string {
  const cx = TEXT_WIDTH * EMU_PER_TWIP;
  const cy = mm(heightMm(chart)) * EMU_PER_TWIP;
  return (
    `<w:p><w:pPr><w:spacing w:before="120" w:after="240" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing>` +
    `<wp:inline xmlns:wp="${WP_NS}" distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${id}" name="Biểu đồ ${id}" descr="${escape(chart.title)}"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic xmlns:a="${DRAWING_NS}"><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" xmlns:r="${REL_NS}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</wp:inline></w:drawing></w:r></w:p>`
  );
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The data's place in the workbook Word would make for the chart (there is none: cached values only). */
function ownRanges(chart: ChartPlan): { categories: string; values: string } {
  const last = chart.values.length + 1;
  return { categories: `Sheet1!$A$2:$A$${last}`, values: `Sheet1!$B$2:$B$${last}` };
}

/** Puts the charts into the packed document whose marker paragraphs chartMarker() wrote. */
export async function embedCharts(docx: Uint8Array, charts: readonly ChartPlan[]): Promise<Uint8Array> {
  if (charts.length === 0) return docx;
  const zip = await JSZip.loadAsync(docx);
  const read = async (p: string) => zip.file(p)!.async("string");
  let document = await read("word/document.xml");
  let rels = await read("word/_rels/document.xml.rels");
  let types = await read("[Content_Types].xml");
  charts.forEach((chart, i) => {
    const part = `charts/cchcChart${i + 1}.xml`;
    const relId = `rIdCchcChart${i + 1}`;
    zip.file(`word/${part}`, chartSpaceXml(chart, ownRanges(chart)), { createFolders: false });
    rels = rels.replace("</Relationships>", `<Relationship Id="${relId}" Type="${CHART_REL_TYPE}" Target="${part}"/></Relationships>`);
    types = types.replace("</Types>", `<Override PartName="/word/${part}" ContentType="${CHART_CONTENT_TYPE}"/></Types>`);
    // The marker's whole paragraph: from the last <w:p> or <w:p …> before it to its </w:p>.
    const at = document.indexOf(`${MARKER}${i}<`);
    if (at < 0) throw new Error(`chart marker ${i} not found in the document`);
    const start = Math.max(document.lastIndexOf("<w:p>", at), document.lastIndexOf("<w:p ", at));
    const end = document.indexOf("</w:p>", at) + "</w:p>".length;
    document = document.slice(0, start) + drawingParagraph(chart, relId, 9001 + i) + document.slice(end);
  });
  zip.file("word/document.xml", document);
  zip.file("word/_rels/document.xml.rels", rels);
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
