// The draft report (src/engine/reportDraft) as a real Word document, with the `docx` package:
// Heading styles for sections, Word numbering for the areas and the dashes, real footnotes,
// page numbers from the second page, the administrative heading as a borderless two-column
// table. Works in Node and in the browser. Cell text only ever goes into text runs.
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  HighlightColor,
  LevelFormat,
  LevelSuffix,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from "docx";
import type { Block, DraftReport, Span } from "../engine/reportDraft/model";
import { placeholderText } from "../engine/reportDraft/plainText";
import { FIRST_LINE, FONT, PAGE, SIZE, TEXT_WIDTH } from "./docxLayout";

const AREAS = "cchc-areas";
const DASHES = "cchc-dashes";

function runs(spans: readonly Span[], size: number = SIZE.body, base: { bold?: boolean; italics?: boolean } = {}): Array<TextRun | FootnoteReferenceRun> {
  return spans.map((s) => {
    if (s.kind === "footnote") return new FootnoteReferenceRun(s.id);
    if (s.kind === "placeholder") {
      return new TextRun({ text: placeholderText(s.text), size, italics: true, highlight: HighlightColor.YELLOW });
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

function blockParagraph(block: Block, wordNumbering: boolean): Paragraph {
  switch (block.kind) {
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

/** A short rule under a heading line, as administrative documents draw it. */
const rule = (width: number): Paragraph => centered([new TextRun({ text: "\u2015".repeat(width), size: 16 })]);

function borderlessTable(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const leftWidth = Math.round(TEXT_WIDTH * leftShare);
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE, children });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH - leftWidth],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, leftWidth), cell(right, TEXT_WIDTH - leftWidth)] })],
  });
}

function headingTable(report: DraftReport): Table {
  const h = report.heading;
  const issuer = h.issuer.length > 0 ? h.issuer : [placeholderText("tên cơ quan ban hành")];
  const left = [
    ...issuer.map((line) => centered([new TextRun({ text: line, bold: true, size: SIZE.heading })])),
    rule(6),
    centered(runs(h.number, SIZE.heading)),
  ];
  const right = [
    centered([new TextRun({ text: h.motto[0], bold: true, size: SIZE.small })]),
    centered([new TextRun({ text: h.motto[1], bold: true, size: SIZE.body })]),
    rule(12),
    centered(runs(h.placeDate, SIZE.body, { italics: true })),
  ];
  return borderlessTable(left, right, 0.4);
}

function closingTable(report: DraftReport): Table {
  const left = report.recipients.map((line, i) => new Paragraph({ children: runs(line, i === 0 ? SIZE.small : SIZE.recipients) }));
  const right = report.signature.map((line) => centered(runs(line, SIZE.body, { bold: true })));
  return borderlessTable(left, right, 0.5);
}

export function buildDocument(report: DraftReport): Document {
  const wordNumbering = numberedInOrder(report.body);
  const children: Array<Paragraph | Table> = [
    headingTable(report),
    centered([new TextRun({ text: report.title, bold: true, size: SIZE.body })], 0, 360),
    centered(runs(report.subject, SIZE.body, { bold: true })),
    rule(10),
    ...report.body.map((b) => blockParagraph(b, wordNumbering)),
    closingTable(report),
  ];
  const footnotes = Object.fromEntries(
    report.footnotes.map((f) => [f.id, { children: [new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: runs(f.spans, SIZE.small) })] }]),
  );
  const headingStyle = (size: number) => ({
    run: { font: FONT, size, bold: true, italics: false, color: "000000" },
    paragraph: { spacing: { before: 120, after: 120 }, keepNext: true, alignment: AlignmentType.JUSTIFIED },
  });
  return new Document({
    title: "Báo cáo Chỉ số cải cách hành chính",
    creator: "cchc-addin",
    styles: {
      default: {
        // Vietnamese, so Word checks the spelling in the right language.
        document: { run: { font: FONT, size: SIZE.body, language: { value: "vi-VN" } }, paragraph: { spacing: { line: 276 } } },
        heading1: headingStyle(SIZE.body),
        heading2: headingStyle(SIZE.body),
        heading3: headingStyle(SIZE.body),
      },
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
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { ...PAGE.margin, header: 567, footer: 567 },
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
export async function renderDocx(report: DraftReport): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(buildDocument(report)));
}

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
