// Bundled for test/browser/officePayload.test.ts and run in Chromium next to the real office.js
// (excel-web-16.00.js): the add-in's own Office.js adapter and renderer write into an
// Excel.RequestContext whose requests go to OfficeRequestHost (test/browser/officeRequestHost.js),
// which weighs each one as Excel on the web receives it and carries it out on a fake workbook.
import * as FakeExcel from "../support/fakeExcel.js";
import { OfficeWorkbook } from "../../src/host/office/officeWorkbook";
import { queuePlan, styleRuns } from "../../src/host/office/officeRender";
import { planBytes, fillLoadBytes, fillWriteBytes, fillRestoreBytes, cellWriteBytes, REQUEST_LIMIT } from "../../src/host/office/officePayload";
import { memoryStore } from "../../src/host/office/officeSettings";
import { toA1, type PlanCell, type PlanStyle, type SheetPlan } from "../../src/engine";
import type { Grid } from "../../src/engine/core/types";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain script shared with the page
const { RequestHost } = require("./officeRequestHost.js") as { RequestHost: new (fake: unknown, wb: FakeExcel.Workbook, limit?: number) => Host };

interface RequestRecord {
  bytes: number;
  actions: number;
}
interface Host {
  requests: RequestRecord[];
  refused: RequestRecord[];
  executor(): unknown;
}

type Book = { sheets: Array<{ name: string; values: Grid["values"]; fills?: Record<string, string> }> };

/** A fake workbook answering the real office.js, and the add-in's adapter over it. */
function setUp(book: Book, options: { limit?: number; payloadLimit?: number } = {}) {
  const workbook = new FakeExcel.Workbook({ sheets: book.sheets });
  const host = new RequestHost(FakeExcel, workbook, options.limit ?? REQUEST_LIMIT);
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new Excel.RequestContext();
    (context as unknown as { _requestExecutor: unknown })._requestExecutor = host.executor();
    const result = await batch(context);
    await context.sync(); // as Excel.run does with what is still queued
    return result;
  };
  const adapter = new OfficeWorkbook({ run, store: memoryStore(), payloadLimit: options.payloadLimit });
  return { workbook, host, adapter, run };
}

/** Plan cells that did not arrive as planned: value or formula, and number format. */
function missingCells(workbook: FakeExcel.Workbook, plan: SheetPlan, sheetName: string): string[] {
  const sheet = workbook.sheet(sheetName);
  if (!sheet) return [`${sheetName}: no sheet`];
  const wrong: string[] = [];
  for (const pc of plan.cells) {
    const cell = sheet.peek(pc.row, pc.col);
    const where = `${sheetName}!${toA1(pc.row, pc.col)}`;
    const format = pc.format ?? (pc.formula === undefined && typeof pc.value === "string" ? "@" : "General");
    const content = pc.formula ?? (pc.value === "" ? null : pc.value ?? null);
    const actual = cell === null ? null : cell.formula ?? cell.value;
    if (actual !== content) wrong.push(`${where}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(content)}`);
    else if ((cell?.numberFormat ?? "General") !== format) wrong.push(`${where}: format ${cell?.numberFormat}`);
    else if (pc.style?.fill && cell?.fill?.color !== pc.style.fill.toUpperCase()) wrong.push(`${where}: fill ${cell?.fill?.color}`);
  }
  return wrong;
}

/** The estimated bytes of a plan written whole (officePayload.planBytes). */
function estimate(plan: SheetPlan): number {
  const bytes = planBytes(plan, styleRuns(plan.cells));
  return bytes.fixed + bytes.rows.reduce((sum, r, i) => sum + (i === 0 ? r.opening : r.continuing), 0);
}

const harness = {
  /**
   * Writes the plans through OfficeWorkbook.writeSheets: every request as measured, those
   * refused, the cells that did not arrive, and each plan's estimate.
   */
  async writePlans(grids: Grid[], plans: SheetPlan[], options: { limit?: number; payloadLimit?: number } = {}) {
    const book = { sheets: grids.map((g) => ({ name: g.name, values: g.values })) };
    const { workbook, host, adapter } = setUp(book, options);
    const written = plans;
    let error: string | null = null;
    let names: string[] = [];
    try {
      names = await adapter.writeSheets(written);
    } catch (err) {
      error = `${(err as { code?: string }).code ?? ""} ${(err as Error).message}`;
    }
    const missing = names.flatMap((name, i) => missingCells(workbook, written[i], name));
    return {
      error,
      names,
      requests: host.requests,
      refused: host.refused,
      missing: missing.slice(0, 20),
      missingCount: missing.length,
      cells: written.reduce((n, p) => n + p.cells.length, 0),
      estimates: written.map(estimate),
    };
  },

  /** Request bytes of queuePlan alone for one plan on a new sheet (one sync, no limit). */
  async renderBytes(plan: SheetPlan) {
    const { host, run } = setUp({ sheets: [{ name: "Trang", values: [["x"]] }] }, { limit: 1e12 });
    await run(async (context) => {
      queuePlan(context.workbook.worksheets.add(plan.name), plan);
    });
    return { measured: host.requests[0].bytes, estimate: estimate(plan) };
  },

  /**
   * Highlights `count` cells of column E (every tenth with a yellow fill of its own, one
   * remembered as a gradient is not possible here) and clears them: the requests of each
   * command, what the cells hold after each, and the estimates per cell.
   */
  async highlightAndClear(count: number, sheetName: string, options: { limit?: number; payloadLimit?: number } = {}) {
    const fills: Record<string, string> = {};
    for (let i = 0; i < count; i += 10) fills[`E${i + 1}`] = "#FFFF00";
    const { workbook, host, adapter } = setUp({ sheets: [{ name: sheetName, values: [["x"]], fills }] }, options);
    const cells = Array.from({ length: count }, (_, i) => ({ sheet: sheetName, address: `E${i + 1}` }));
    const sheet = workbook.sheet(sheetName)!;
    const fillOf = (i: number) => sheet.peek(i, 4)?.fill?.color ?? null;
    const highlighted = await adapter.highlight(cells);
    const highlightRequests = host.requests.splice(0);
    const notHighlighted = cells.filter((_, i) => fillOf(i) !== "#FFC7CE").length;
    const restored = await adapter.clearHighlights();
    const clearRequests = host.requests.splice(0);
    const notRestored = cells.filter((_, i) => fillOf(i) !== (i % 10 === 0 ? "#FFFF00" : null)).length;
    return {
      highlighted,
      restored,
      notHighlighted,
      notRestored,
      highlightRequests,
      clearRequests,
      refused: host.refused,
      estimate: {
        load: cells.reduce((n, c) => n + fillLoadBytes(c), 0),
        write: cells.reduce((n, c) => n + fillWriteBytes(c), 0),
        restore: cells.reduce((n, c, i) => n + fillRestoreBytes(c, i % 10 === 0 ? 1 : 0), 0),
      },
    };
  },

  /**
   * Request bytes per written cell, by kind: `count` cells down column B of an otherwise empty
   * plan, less the plan without them. Styled cells alternate two styles (no rows join) or
   * repeat one (the rows join into one range).
   */
  async bytesPerCell(count: number) {
    const empty: SheetPlan = { name: "Đo", marker: "CCHC_GEN_ANALYSIS", cells: [{ row: 0, col: 0, value: 0 }], columnWidths: [], rowHeights: {}, merges: [], freeze: { rows: 0, cols: 0 }, print: { paper: "A4", orientation: "portrait", fitToWidth: false } };
    const number: PlanStyle = { border: true, align: "right", valign: "top" };
    const total: PlanStyle = { border: true, bold: true, fill: "#F2F2F2", align: "right", valign: "top" };
    const kinds: Record<string, (row: number) => Omit<PlanCell, "row" | "col">> = {
      number: (row) => ({ value: row + 0.25 }),
      "number, format 0.00": (row) => ({ value: row + 0.25, format: "0.00" }),
      text: (row) => ({ value: `UBND xã Đăk Tô ${row}` }),
      formula: (row) => ({ formula: `=ROUND(C${row + 1}-D${row + 1},2)` }),
      "styled, rows alike": (row) => ({ value: row + 0.25, style: number }),
      "styled, rows differ": (row) => ({ value: row + 0.25, style: row % 2 === 0 ? number : total }),
    };
    const base = (await harness.renderBytes(empty)).measured;
    const perCell: Record<string, { measured: number; estimated: number }> = {};
    for (const [kind, make] of Object.entries(kinds)) {
      const plan = { ...empty, cells: [...empty.cells, ...Array.from({ length: count }, (_, i) => ({ row: i + 1, col: 1, ...make(i + 1) }))] };
      const { measured, estimate: estimated } = await harness.renderBytes(plan);
      const estimatedBase = estimate(empty);
      perCell[kind] = { measured: (measured - base) / count, estimated: (estimated - estimatedBase) / count };
    }
    return perCell;
  },

  /** writeCells of `count` formulas: requests and estimate. */
  async writeFormulas(count: number, sheetName: string) {
    const { workbook, host, adapter } = setUp({ sheets: [{ name: sheetName, values: [["x"]] }] }, { limit: 1e12, payloadLimit: 1e12 });
    const cells = Array.from({ length: count }, (_, i) => ({ sheet: sheetName, address: `A${i + 1}`, formula: `=SUM(B${i + 1}:Z${i + 1})` }));
    await adapter.writeCells(cells);
    const sheet = workbook.sheet(sheetName)!;
    return {
      requests: host.requests,
      missing: cells.filter((c, i) => sheet.peek(i, 0)?.formula !== c.formula).length,
      estimate: cells.reduce((n, c) => n + cellWriteBytes(c), 0),
    };
  },
};

export type Harness = typeof harness;

(window as unknown as { cchcPayload: Harness }).cchcPayload = harness;
