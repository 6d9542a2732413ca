// content.xml of an .ods spreadsheet (OpenDocument 1.2, part 1, chapter 9) read as a stream of
// tags with saxes, so a large file is never held as a tree: tables, rows and cells (with their
// repeat counts), merges, formulas and workbook-level named ranges. Repeats cost by content:
// a run of empty rows or cells only moves the position, a run holding values is counted against
// the cell budget as it is laid out.
import { SaxesParser } from "saxes";
import type { CellValue } from "../../../engine";
import type { ReadSheet } from "../read/workbookModel";
import { damagedOds, tooManyCells } from "./legacyErrors";
import { odsFormula, odsReference } from "./odsFormula";
import { SheetBuilder } from "./sheetBuilder";
import { attributeOf, attributesByNamespace, Namespaces, type Tag } from "./xmlNamespaces";

const TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
const CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0";

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** Most spaces one <text:s text:c="n"/> may give. */
const MAX_SPACES = 1024;

export interface OdsContent {
  sheets: ReadSheet[];
  definedNames: { name: string; formula: string }[];
  undecompiled: number;
}

interface PendingCell {
  col: number;
  count: number;
  value: CellValue;
  formula: string | null;
  rows: number;
  cols: number;
}

/** A repeat or span count of table attributes `table`, 1 when absent or not a positive integer. */
function count(table: Record<string, string> | undefined, local: string, max: number): number {
  const n = Number(table?.[local] ?? 1);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : 1;
}

/** office:date-value (2023-12-15 or 2023-12-15T10:30:00) as the UTC instant the .xlsx path gives. */
function dateValue(text: string): Date | null {
  const m = /^(-?\d{4,})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d):(\d\d)(\.\d+)?)?/.exec(text);
  if (!m) return null;
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms));
}

/** office:time-value (PT12H30M00S) as a time of day on Excel's day 0, as ExcelJS gives times. */
function timeValue(text: string): Date | null {
  const m = /^(-)?PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(text);
  if (!m) return null;
  const ms = ((Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0)) * 1000;
  return new Date(Date.UTC(1899, 11, 30) + (m[1] ? -ms : ms));
}

function cellValue(attrs: Map<string, Record<string, string>>, text: string): CellValue {
  if (attrs.get(CALCEXT)?.["value-type"] === "error") return { error: text || "#N/A" };
  const office = attrs.get(OFFICE) ?? {};
  switch (office["value-type"]) {
    case "float":
    case "percentage":
    case "currency": {
      const v = Number(office.value);
      return Number.isFinite(v) ? v : text || null;
    }
    case "date":
      return dateValue(office["date-value"] ?? "") ?? (text || null);
    case "time":
      return timeValue(office["time-value"] ?? "") ?? (text || null);
    case "boolean":
      return office["boolean-value"] === "true";
    case "string": {
      const s = office["string-value"] ?? text;
      return s === "" ? null : s;
    }
    default:
      return null;
  }
}

/** Reads content.xml from its inflated chunks. `budget`: most cells laid out in all. */
export function readOdsContent(chunks: Uint8Array[], budget: number): OdsContent {
  // Namespaces are resolved by Namespaces (xmlNamespaces.ts), not by saxes: half the parse time otherwise.
  const parser = new SaxesParser({ xmlns: false, position: false });
  const namespaces = new Namespaces();
  const hiddenStyles = new Set<string>();
  const sheets: ReadSheet[] = [];
  const definedNames: { name: string; formula: string }[] = [];
  let undecompiled = 0;
  let laidOut = 0;

  let styleName: string | null = null;
  let sheet: SheetBuilder | null = null;
  /** Tables inside cells (drawings, sub-tables) are skipped whole. */
  let nestedTables = 0;
  let row = 0;
  let rowRepeat = 1;
  let col = 0;
  let rowCells: PendingCell[] = [];
  let cell: Tag | null = null;
  let paragraphs: string[] = [];
  let paragraph: string | null = null;
  let ignoredText = 0;

  parser.on("error", (err) => {
    throw damagedOds(`phần content.xml không phải XML hợp lệ (${err.message})`, `content.xml: ${err.message}`);
  });
  parser.on("opentag", (raw) => {
    const tag = namespaces.open(raw.name, raw.attributes);
    const local = tag.local;
    if (tag.uri === STYLE && local === "style" && attributeOf(tag, STYLE, "family") === "table") styleName = attributeOf(tag, STYLE, "name") ?? null;
    else if (tag.uri === STYLE && local === "table-properties" && styleName !== null && attributeOf(tag, TABLE, "display") === "false") hiddenStyles.add(styleName);
    if (nestedTables > 0) {
      if (tag.uri === TABLE && local === "table") nestedTables++;
      return;
    }
    if (tag.uri === TABLE) {
      if (local === "table") {
        if (sheet) {
          nestedTables = 1;
          return;
        }
        const name = attributeOf(tag, TABLE, "name") ?? `Sheet${sheets.length + 1}`;
        const hidden = hiddenStyles.has(attributeOf(tag, TABLE, "style-name") ?? "");
        sheet = new SheetBuilder(name, hidden ? "hidden" : "visible", ".ods", budget);
        row = 0;
      } else if (local === "table-row" && sheet) {
        rowRepeat = count(attributesByNamespace(tag).get(TABLE), "number-rows-repeated", MAX_ROWS);
        col = 0;
        rowCells = [];
      } else if ((local === "table-cell" || local === "covered-table-cell") && sheet) {
        if (local === "covered-table-cell") col += count(attributesByNamespace(tag).get(TABLE), "number-columns-repeated", MAX_COLS);
        else {
          cell = tag;
          paragraphs = [];
        }
      } else if (local === "named-range" && !sheet) {
        const formula = odsReference(attributeOf(tag, TABLE, "cell-range-address") ?? "");
        definedNames.push({ name: attributeOf(tag, TABLE, "name") ?? "", formula: formula ?? "" });
      } else if (local === "named-expression" && !sheet) {
        definedNames.push({ name: attributeOf(tag, TABLE, "name") ?? "", formula: odsFormula(attributeOf(tag, TABLE, "expression") ?? "") ?? "" });
      }
      return;
    }
    if (!cell) return;
    if (tag.uri === OFFICE && local === "annotation") ignoredText++;
    else if (ignoredText > 0) return;
    else if (tag.uri === TEXT) {
      if (local === "p" || local === "h") paragraph ??= "";
      else if (paragraph !== null && local === "s") paragraph += " ".repeat(Math.min(MAX_SPACES, Number(attributeOf(tag, TEXT, "c") ?? 1) || 1));
      else if (paragraph !== null && local === "tab") paragraph += "\t";
      else if (paragraph !== null && local === "line-break") paragraph += "\n";
    }
  });
  parser.on("text", (text) => {
    if (cell && paragraph !== null && ignoredText === 0) paragraph += text;
  });
  parser.on("closetag", (raw) => {
    const colon = raw.name.indexOf(":");
    // Resolved in the element's own scope (saxes closes a self-closing element too), then left.
    const tag = { uri: namespaces.uriOf(colon < 0 ? "" : raw.name.slice(0, colon)), local: colon < 0 ? raw.name : raw.name.slice(colon + 1) };
    namespaces.close();
    const local = tag.local;
    if (tag.uri === STYLE && local === "style") styleName = null;
    if (nestedTables > 0) {
      if (tag.uri === TABLE && local === "table") nestedTables--;
      return;
    }
    if (tag.uri === OFFICE && local === "annotation" && cell) ignoredText--;
    else if (tag.uri === TEXT && (local === "p" || local === "h") && cell && ignoredText === 0 && paragraph !== null) {
      paragraphs.push(paragraph);
      paragraph = null;
    } else if (tag.uri === TABLE && local === "table-cell" && cell && sheet) {
      const attrs = attributesByNamespace(cell);
      const table = attrs.get(TABLE);
      const repeat = count(table, "number-columns-repeated", MAX_COLS);
      const value = cellValue(attrs, paragraphs.join("\n"));
      const formulaText = table?.formula;
      let formula: string | null = null;
      if (formulaText !== undefined) {
        formula = odsFormula(formulaText);
        if (formula === null) undecompiled += repeat;
      }
      const rows = count(table, "number-rows-spanned", MAX_ROWS);
      const cols = count(table, "number-columns-spanned", MAX_COLS);
      if (value !== null || formula !== null || rows > 1 || cols > 1) rowCells.push({ col, count: repeat, value, formula, rows, cols });
      col += repeat;
      cell = null;
    } else if (tag.uri === TABLE && local === "table-row" && sheet) {
      if (rowCells.length > 0) {
        const perRow = rowCells.reduce((n, c) => n + c.count, 0);
        laidOut += perRow * rowRepeat;
        if (laidOut > budget) throw tooManyCells(".ods", sheet.name, laidOut, budget);
        for (let r = row; r < Math.min(row + rowRepeat, MAX_ROWS); r++) {
          for (const c of rowCells) {
            for (let k = c.col; k < Math.min(c.col + c.count, MAX_COLS); k++) {
              sheet.set(r, k, c.value);
              if (c.formula !== null) sheet.formula(r, k, c.formula);
              if (c.rows > 1 || c.cols > 1) sheet.merge({ row: r, col: k, rows: c.rows, cols: c.cols });
            }
          }
        }
      }
      row += rowRepeat;
    } else if (tag.uri === TABLE && local === "table" && sheet) {
      sheets.push(sheet.build());
      sheet = null;
    }
  });

  const decoder = new TextDecoder("utf-8");
  for (const chunk of chunks) parser.write(decoder.decode(chunk, { stream: true }));
  parser.write(decoder.decode());
  parser.close();
  return { sheets, definedNames, undecompiled };
}
