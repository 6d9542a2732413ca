// The draft report (src/engine/reportDraft) as a real Word document, with the `docx` package:
// Heading styles for sections, Word numbering for the areas and the dashes, real footnotes,
// page numbers from the second page, the administrative heading as a borderless two-column
// table. Works in Node and in the browser. Cell text only ever goes into text runs.
import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  HighlightColor,
  LevelFormat,
  LevelSuffix,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
  type IParagraphOptions,
} from "docx";
import type { Block, DraftReport, Span } from "../engine/reportDraft/model";
import { placeholderText } from "../engine/reportDraft/plainText";
import { spansText } from "../engine/reportDraft/plainText";
import { FIRST_LINE, FONT, SIZE, TABLE_CELL_MARGIN, mm, pageOf, tableColumnWidths } from "./docxLayout";
import { boldTextWidth } from "./textWidth";
import type { ChartPlan } from "../engine/plans/plan";
import { chartMarker, chartPlaces, embedCharts } from "./docxCharts";

const AREAS = "cchc-areas";
const DASHES = "cchc-dashes";

function runs(spans: readonly Span[], size: number = SIZE.body, base: { bold?: boolean; italics?: boolean } = {}): Array<TextRun | FootnoteReferenceRun> {
  return spans.map((s) => {
    if (s.kind === "footnote") return new FootnoteReferenceRun(s.id);
    // A place for the clerk takes the style of its line (the signer's name bold and upright),
    // so typing over it gives the required style; only the highlight marks it.
    if (s.kind === "placeholder") {
      return new TextRun({ text: placeholderText(s.text), size, bold: base.bold, italics: base.italics, highlight: HighlightColor.YELLOW });
    }
    return new TextRun({ text: s.text, size, bold: s.bold ?? base.bold, italics: s.italic ?? base.italics });
  });
}

const body = (options: IParagraphOptions): Paragraph =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, indent: { firstLine: FIRST_LINE }, ...options });

/** Areas use Word's numbering only when they run 1, 2, 3 …; otherwise their codes are written out. */
function numberedInOrder(blocks: readonly Block[]): boolean {
  const numbers = blocks.filter((b) => b.kind === "numbered").map((b) => (b.kind === "numbered" ? b.number : 0));
  return numbers.every((n, i) => n === i + 1);
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
/** The paragraph style of table cells: 12 pt, single-spaced, tight (one style, not 2 400 sets of properties). */
const TABLE_TEXT = "CchcTableText";

/** A cell's runs: only what differs from the cell style. */
function cellRuns(spans: readonly Span[], bold: boolean): Array<TextRun | FootnoteReferenceRun> {
  return spans.map((s) => {
    if (s.kind === "footnote") return new FootnoteReferenceRun(s.id);
    if (s.kind === "placeholder") return new TextRun({ text: placeholderText(s.text), bold, highlight: HighlightColor.YELLOW });
    return new TextRun({ text: s.text, bold: s.bold ?? bold, italics: s.italic });
  });
}

/**
 * A table block: bordered, `textWidth` wide, 12 pt, its header row bold and repeated on each
 * page; no column narrower than its header's longest word.
 */
function blockTable(block: Extract<Block, { kind: "table" }>, textWidth: number): Table {
  const widths = tableColumnWidths(block.widths, block.header.map(spansText), textWidth);
  // Texts (by default the unit's name, second column) read from the left; figures are centred.
  const left = block.left ?? [1];
  const cell = (spans: Span[], i: number, header: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          style: TABLE_TEXT,
          alignment: header || !left.includes(i) ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: cellRuns(spans, header),
        }),
      ],
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    // Narrow cell margins (1 mm) so short headings ("TT", "Chỉ số") keep to one line.
    margins: { left: TABLE_CELL_MARGIN, right: TABLE_CELL_MARGIN, top: 0, bottom: 0 },
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((c, i) => cell(c, i, true)) }),
      ...block.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

function blockParagraph(block: Block, wordNumbering: boolean, textWidth: number): Paragraph | Table {
  switch (block.kind) {
    case "table":
      return blockTable(block, textWidth);
    case "heading": {
      const level = block.level === 1 ? HeadingLevel.HEADING_1 : block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
      return new Paragraph({ heading: level, children: runs(block.spans, SIZE.body, { bold: true }) });
    }
    case "numbered":
      return wordNumbering
        ? body({ numbering: { reference: AREAS, level: 0 }, children: runs(block.spans) })
        : body({ children: [new TextRun({ text: `${block.number}. `, bold: true, size: SIZE.body }), ...runs(block.spans)] });
    case "bullet":
      return body({ numbering: { reference: DASHES, level: 0 }, children: runs(block.spans) });
    case "paragraph":
      return body({ children: runs(block.spans) });
  }
}

const centered = (children: Array<TextRun | FootnoteReferenceRun>, after = 0, before = 0): Paragraph =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before, after }, children });

/**
 * The decree's short rule under the issuer's name and under the subject: a solid line 1/3 to 1/2
 * as long as the line of text above (here 2/5 of it), drawn as the bottom border of an empty
 * paragraph centred in `room` twips.
 */
function ruleUnder(line: string, halfPoints: number, room: number): Paragraph {
  const length = Math.min(boldTextWidth(line, halfPoints), room) * RULE_SHARE;
  const side = Math.max(0, Math.round((room - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 60, line: 120, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [],
  });
}

/** The rule's share of its line of text. */
const RULE_SHARE = 0.4;
/** Room left for the signature and the seal above the signer's name. */
const SIGNATURE_ROOM = mm(30);
/** Default cell margins of a Word table (left + right), in twips. */
const CELL_MARGINS = 2 * 108;

function borderlessTable(left: Paragraph[], right: Paragraph[], leftShare: number, textWidth: number): Table {
  const leftWidth = Math.round(textWidth * leftShare);
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE, children });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [leftWidth, textWidth - leftWidth],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, leftWidth), cell(right, textWidth - leftWidth)] })],
  });
}

const HEADING_LEFT_SHARE = 0.4;

function headingTable(report: DraftReport, textWidth: number): Table {
  const h = report.heading;
  const issuer = h.issuer.length > 0 ? h.issuer : [placeholderText("tên cơ quan ban hành")];
  const leftRoom = Math.round(textWidth * HEADING_LEFT_SHARE) - CELL_MARGINS;
  const left = [
    ...issuer.map((line) => centered([new TextRun({ text: line, bold: true, size: SIZE.heading })])),
    ruleUnder(issuer[issuer.length - 1], SIZE.heading, leftRoom),
    centered(runs(h.number, SIZE.heading)),
  ];
  const right = [
    centered([new TextRun({ text: h.motto[0], bold: true, size: SIZE.small })]),
    // The motto's line is as long as the motto: its own underline.
    centered([new TextRun({ text: h.motto[1], bold: true, size: SIZE.body, underline: { type: UnderlineType.SINGLE } })], 120),
    centered(runs(h.placeDate, SIZE.body, { italics: true })),
  ];
  return borderlessTable(left, right, HEADING_LEFT_SHARE, textWidth);
}

function closingTable(report: DraftReport, textWidth: number): Table {
  const left = report.recipients.map((line, i) => new Paragraph({ children: runs(line, i === 0 ? SIZE.small : SIZE.recipients) }));
  // Empty lines of the model mark the room for signature and seal: one measured gap instead.
  const lines = report.signature.filter((line) => line.length > 0);
  const right = lines.map((line, i) => centered(runs(line, SIZE.body, { bold: true }), 0, i === lines.length - 1 && i > 0 ? SIGNATURE_ROOM : 0));
  return borderlessTable(left, right, 0.5, textWidth);
}

/** The longest line `text` wraps into at `room` twips (greedy, word by word), for the rule under it. */
function longestLine(text: string, halfPoints: number, room: number): string {
  let longest = "";
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line === "" ? word : `${line} ${word}`;
    if (line !== "" && boldTextWidth(next, halfPoints) > room) {
      if (boldTextWidth(line, halfPoints) > boldTextWidth(longest, halfPoints)) longest = line;
      line = word;
    } else line = next;
  }
  return boldTextWidth(line, halfPoints) > boldTextWidth(longest, halfPoints) ? line : longest;
}

/** What the draft may carry besides its text. */
export interface DocxOptions {
  /** Charts drawn as native Word charts (src/engine/plans/draftCharts.ts gives the draft's). */
  charts?: readonly ChartPlan[];
}

/** The document; each chart of `charts` is a marker paragraph that renderDocx turns into the chart. */
export function buildDocument(report: DraftReport, charts: readonly ChartPlan[] = []): Document {
  const page = pageOf(report.layout);
  const wordNumbering = numberedInOrder(report.body);
  const bodyParagraphs = report.body.map((b) => blockParagraph(b, wordNumbering, page.textWidth));
  // CHARTS: the one place they enter the text (docxCharts.ts says where each goes).
  const places = chartPlaces(report.body, charts);
  const withCharts = [...bodyParagraphs, null].flatMap((p, i) => [...charts.flatMap((_, c) => (places[c] === i ? [chartMarker(c)] : [])), ...(p ? [p] : [])]);
  const children: Array<Paragraph | Table> = [
    headingTable(report, page.textWidth),
    centered([new TextRun({ text: report.title, bold: true, size: SIZE.body })], 0, 360),
    centered(runs(report.subject, SIZE.body, { bold: true })),
    ruleUnder(longestLine(spansText(report.subject), SIZE.body, page.textWidth), SIZE.body, page.textWidth),
    ...withCharts,
    closingTable(report, page.textWidth),
  ];
  const footnotes = Object.fromEntries(
    report.footnotes.map((f) => [f.id, { children: [new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: runs(f.spans, SIZE.small) })] }]),
  );
  const headingStyle = (size: number) => ({
    run: { font: FONT, size, bold: true, italics: false, color: "000000" },
    paragraph: { spacing: { before: 120, after: 120 }, keepNext: true, alignment: AlignmentType.JUSTIFIED },
  });
  return new Document({
    // The file's title as Word lists it: "Phiếu đề nghị giải trình: Kết quả thẩm định …".
    title: `${report.title.charAt(0)}${report.title.slice(1).toLowerCase()}: ${spansText(report.subject)}`,
    creator: "cchc-addin",
    styles: {
      default: {
        // Vietnamese, so Word checks the spelling in the right language.
        document: { run: { font: FONT, size: SIZE.body, language: { value: "vi-VN" } }, paragraph: { spacing: { line: 276 } } },
        heading1: headingStyle(SIZE.body),
        heading2: headingStyle(SIZE.body),
        heading3: headingStyle(SIZE.body),
      },
      paragraphStyles: [
        {
          id: TABLE_TEXT,
          name: "CCHC Table Text",
          basedOn: "Normal",
          run: { size: SIZE.small },
          paragraph: { spacing: { before: 20, after: 20, line: 240 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: AREAS,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: "%1.",
              suffix: LevelSuffix.SPACE,
              alignment: AlignmentType.LEFT,
              style: { run: { bold: true }, paragraph: { indent: { left: 0, firstLine: FIRST_LINE } } },
            },
          ],
        },
        {
          reference: DASHES,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: "-",
              suffix: LevelSuffix.SPACE,
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 0, firstLine: FIRST_LINE } } },
            },
          ],
        },
      ],
    },
    footnotes,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            // The `docx` package takes a sheet's portrait sides and swaps them itself for landscape.
            size: {
              width: Math.min(page.width, page.height),
              height: Math.max(page.width, page.height),
              orientation: report.layout === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { ...page.margin, header: 567, footer: 567 },
          },
        },
        headers: {
          // Page numbers from the second page, centred at the top (the first page has its own, empty header).
          default: new Header({ children: [centered([new TextRun({ children: [PageNumber.CURRENT], size: SIZE.heading })])] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function renderDocx(report: DraftReport, options: DocxOptions = {}): Promise<Uint8Array> {
  const charts = options.charts ?? [];
  const packed = new Uint8Array(await Packer.toArrayBuffer(buildDocument(report, charts)));
  return embedCharts(packed, charts);
}

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
