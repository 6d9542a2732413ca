// The parts that put a sheet plan's charts into an .xlsx package: a drawing part (xdr:wsDr)
// anchoring one graphic frame per chart to the cells the plan chose, and each chart's part
// (src/engine/plans/chartXml.ts) reading the sheet's cells under the name it was written with.
import type { ChartPlan } from "../../../engine/plans/plan";
import { chartSpaceXml, CHART_NS, DRAWING_NS, REL_NS } from "../../../engine/plans/chartXml";
import { onSheet } from "../../../engine/plans/chartRanges";
import { escapeXml } from "./xlsxXml";

export { CHART_CONTENT_TYPE, CHART_REL_TYPE } from "../../../engine/plans/chartXml";
export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const DRAWING_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
/** The worksheet's only relationship, to its drawing (a new sheet's part has no other). */
export const DRAWING_REL_ID = "rId1";
const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** The `<drawing>` element of a worksheet that has charts (after pageSetup in CT_Worksheet). */
export const DRAWING_ELEMENT = `<drawing r:id="${DRAWING_REL_ID}"/>`;

/** The relationship id of chart `i` (0-based) in the drawing's relationships. */
export const chartRelId = (i: number) => `rId${i + 1}`;

const marker = (tag: string, row: number, col: number) =>
  `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;

/** The drawing part: each chart in a frame from its anchor cell over its size in cells. */
export function drawingXml(charts: readonly ChartPlan[]): string {
  const anchors = charts.map((chart, i) => {
    const { row, col, rows, cols } = chart.anchor;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker("from", row, col)}${marker("to", row + rows, col + cols)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Biểu đồ ${i + 1}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${CHART_NS}"><c:chart xmlns:c="${CHART_NS}" r:id="${chartRelId(i)}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${REL_NS}">${anchors.join("")}</xdr:wsDr>`;
}

/** A chart's part, reading the cells of the sheet as it was named in the workbook. */
export function chartPartXml(chart: ChartPlan, sheetName: string): string {
  return chartSpaceXml(chart, { categories: onSheet(chart.categoryRange, sheetName), values: onSheet(chart.valueRange, sheetName) });
}

/** A relationships part listing `targets` as rId1, rId2 … of `type`. */
export function relsXml(type: string, targets: readonly string[]): string {
  const rels = targets.map((t, i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${escapeXml(t)}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
}
