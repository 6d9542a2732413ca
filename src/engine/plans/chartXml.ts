// A ChartPlan as a DrawingML chart part (c:chartSpace), shared by the .xlsx writer and the Word
// draft: one bar series whose categories and values are references with their cached values,
// so a reader that does not recalculate (LibreOffice, Word without the workbook) draws the same
// bars. Pure text; the parts around it (drawing, relationships) are each writer's.
import type { ChartPlan } from "./plan";

export const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const CHART_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Axis ids: any two distinct numbers, the same in the series' chart and its axes. */
const CAT_AX = 50010001;
const VAL_AX = 50010002;

const BAR_COLOR = "2E75B6";
const FONT = "Times New Roman";

function text(content: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="vi-VN" sz="${size}" b="${bold ? 1 : 0}"><a:latin typeface="${FONT}"/><a:cs typeface="${FONT}"/></a:rPr><a:t>${escape(content)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

/** Text properties of axis labels and data labels. */
const labels = (size: number) =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"><a:latin typeface="${FONT}"/><a:cs typeface="${FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;

function strRef(f: string, values: readonly string[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escape(v)}</c:v></c:pt>`).join("");
  return `<c:strRef><c:f>${escape(f)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(f: string, values: readonly number[], format: string): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("");
  return `<c:numRef><c:f>${escape(f)}</c:f><c:numCache><c:formatCode>${escape(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`;
}

/**
 * The chart part of `chart`, its series reading `categoryRange` and `valueRange` (by default the
 * plan's own; a writer passes them re-qualified when the sheet got another name).
 */
export function chartSpaceXml(chart: ChartPlan, ranges: { categories: string; values: string } = { categories: chart.categoryRange, values: chart.valueRange }): string {
  const horizontal = chart.type === "bar";
  const series =
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escape(chart.seriesName)}</c:v></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="${BAR_COLOR}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
    `<c:dLbls><c:numFmt formatCode="${escape(chart.format)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${labels(900)}` +
    `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat>${strRef(ranges.categories, chart.categories)}</c:cat><c:val>${numRef(ranges.values, chart.values, chart.format)}</c:val></c:ser>`;
  // Horizontal bars list the first category at the top (as the table does): categories in
  // reverse order, the value axis crossing at the last one so it stays at the bottom.
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/>` +
    // Every category labelled (a reader may otherwise skip some where they crowd).
    `<c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${labels(900)}<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `${labels(900)}<c:crossAx val="${CAT_AX}"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWING_NS}" xmlns:r="${REL_NS}">` +
    `<c:lang val="vi-VN"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${text(chart.title, 1200, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>${catAx}${valAx}</c:plotArea>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}
