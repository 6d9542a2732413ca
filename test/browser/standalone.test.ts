// The standalone page in Debian's Chromium: open the bundled sample, see the grid and the
// findings, generate, download, and read the downloaded workbook back with ExcelJS.
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import type { Page } from "playwright-core";
import { buildReportPlans, RANKING_SHEET_NAME, SUMMARY_SHEET_NAME } from "../../src/engine/plans/reportPlans";
import { openXlsx } from "../../src/host/file/xlsxAnalysis";
import { ExcelJsWorkbook } from "../../src/host/file/read/exceljsWorkbook";
import { cellValueOf } from "../../src/host/file/read/xlsxCells";
import { DISTRICT_CRITERIA } from "../fixtures/seed";
import { CURRENT_SHEET, DATA_SHEET, HIDDEN_SHEET, richWorkbook } from "../fixtures/richWorkbook";
import { bigGrid, misprintGrid } from "../cli/helpers/layouts";
import { makeTempDir, readWorkbook, removeDir, writeGrids } from "../cli/helpers/xlsxFiles";
import { browserUnavailable, OUTPUT, type StaticServer, openStandalone, type OpenPage, expectText } from "./standaloneSupport";
import { expectValidOoxml } from "../support/ooxmlCheck";

const SAMPLE = path.resolve(__dirname, "..", "..", "assets", "mau-chi-so-cchc.xlsx");
const unavailable = browserUnavailable();
const maybe = unavailable === null ? describe : describe.skip;

maybe("the standalone page in Chromium", () => {
  let server: StaticServer;
  let opened: OpenPage;
  let page: Page;
  let dir: string;
  const problems: string[] = [];
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    dir = await makeTempDir("cchc-page-");
    await fs.mkdir(OUTPUT, { recursive: true });
    opened = await openStandalone((p, serverUrl) => {
      p.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
      p.on("console", (msg) => {
        if (msg.type() === "error" || /Content Security Policy/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
      });
      p.on("request", (req) => {
        const url = req.url();
        if (!url.startsWith(serverUrl) && !url.startsWith("blob:") && !url.startsWith("data:")) foreignRequests.push(url);
      });
    });
    ({ server, page } = opened);
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
    if (dir) await removeDir(dir);
  });

  const status = () => page.locator("#status");

  it("opens the bundled sample and shows its sheets, the grid, totals and findings", async () => {
    await page.click("#open-sample");
    await expectText(status(), "Đã mở mau-chi-so-cchc.xlsx: 2 sheet (1 bảng điểm, 1 bảng đơn vị), 0 lỗi");
    expect(await page.locator("#sheet-tabs button").evaluateAll((bs) => bs.map((b) => b.getAttribute("data-sheet")))).toEqual([
      "Huyện Kon Rẫy",
      "Xếp loại xã",
    ]);
    expect(await page.textContent("#sheet-info")).toContain("Thẩm định: 89,21/97 điểm, chỉ số 91,969, xếp loại Xuất sắc");
    // Row 5 holds the first criterion (3 title rows, the header on row 4).
    expect(await page.textContent('td[data-cell="B5"]')).toBe(DISTRICT_CRITERIA[0].name);
    expect(await page.textContent('td[data-cell="E5"]')).toBe("12.89");
    expect(await page.locator("#findings").textContent()).toMatch(/Không có phát hiện nào\.|Phát hiện: 0 lỗi/);
    expect(await page.locator("#generate").isEnabled()).toBe(true);
    await page.screenshot({ path: path.join(OUTPUT, "standalone-sample.png"), fullPage: false });

    await page.click('#sheet-tabs button[data-sheet="Xếp loại xã"]');
    expect(await page.textContent("#sheet-info")).toContain("UBND xã Đăk Pnê: chỉ số 92,307, Xuất sắc (hạng 1)");
  });

  it("generates the summary sheets and downloads a workbook that ExcelJS reads back", async () => {
    await page.click('#sheet-tabs button[data-sheet="Huyện Kon Rẫy"]');
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#generate")]);
    expect(download.suggestedFilename()).toBe("mau-chi-so-cchc - tổng hợp.xlsx");
    const file = path.join(dir, "tai-ve.xlsx");
    await download.saveAs(file);
    await expectText(status(), `Đã tạo "${SUMMARY_SHEET_NAME}", "${RANKING_SHEET_NAME}"`);
    expect(await page.getAttribute('#sheet-tabs button[aria-selected="true"]', "data-sheet")).toBe(SUMMARY_SHEET_NAME);
    expect(await page.locator("#sheet-tabs .badge.generated").count()).toBe(2);
    await page.screenshot({ path: path.join(OUTPUT, "standalone-generated.png"), fullPage: false });

    const wb = await readWorkbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Huyện Kon Rẫy", "Xếp loại xã", SUMMARY_SHEET_NAME, RANKING_SHEET_NAME]);
    expect((await new ExcelJsWorkbook(wb).read()).generated).toEqual({
      CCHC_GEN_SUMMARY: SUMMARY_SHEET_NAME,
      CCHC_GEN_RANKING: RANKING_SHEET_NAME,
    });
    // The formulas and cached values the engine plans for the sample (the date aside).
    const { analysis } = await openXlsx(await fs.readFile(SAMPLE));
    const plans = buildReportPlans(analysis, { date: new Date() });
    let formulas = 0;
    for (const plan of plans) {
      const ws = wb.getWorksheet(plan.name)!;
      for (const pc of plan.cells) {
        if (pc.formula === undefined) continue;
        formulas++;
        const cell = ws.getCell(pc.row + 1, pc.col + 1);
        expect([cell.address, cell.formula]).toEqual([cell.address, pc.formula.replace(/^=/, "")]);
        if (pc.result !== undefined && pc.result !== "") expect([cell.address, cellValueOf(cell)]).toEqual([cell.address, pc.result]);
      }
    }
    expect(formulas).toBeGreaterThan(20);

    // Generating again replaces the page's own sheets instead of adding more.
    const [again] = await Promise.all([page.waitForEvent("download"), page.click("#generate")]);
    const file2 = path.join(dir, "tai-ve-2.xlsx");
    await again.saveAs(file2);
    expect((await readWorkbook(file2)).worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name));
    await expectValidOoxml(file, { base: SAMPLE });
    await expectValidOoxml(file2, { base: SAMPLE });
  });

  it("downloads the opened file plus the new sheets: every other part byte for byte (table, chart, comments, pivot cache)", async () => {
    const rich = path.join(dir, "giau.xlsx");
    await fs.writeFile(rich, await richWorkbook());
    await page.setInputFiles("#file-input", rich);
    await expectText(status(), "Đã mở giau.xlsx");
    // The hidden older year is not the sheet shown (and summarised) first.
    expect(await page.getAttribute('#sheet-tabs button[aria-selected="true"]', "data-sheet")).toBe(CURRENT_SHEET);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#generate")]);
    const file = path.join(dir, "giau-tai-ve.xlsx");
    await download.saveAs(file);
    const before = await JSZip.loadAsync(await fs.readFile(rich));
    const after = await JSZip.loadAsync(await fs.readFile(file));
    const changed: string[] = [];
    for (const f of Object.values(before.files).filter((e) => !e.dir)) {
      const other = after.file(f.name);
      if (!other || Buffer.compare(await f.async("nodebuffer"), await other.async("nodebuffer")) !== 0) changed.push(f.name);
    }
    expect(changed.sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml"]);
    const wb = await readWorkbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([HIDDEN_SHEET, CURRENT_SHEET, DATA_SHEET, SUMMARY_SHEET_NAME, RANKING_SHEET_NAME]);
    expect(String(wb.getWorksheet(SUMMARY_SHEET_NAME)!.getCell("A3").value)).toContain(`Bảng điểm: ${CURRENT_SHEET}`);
    await expectValidOoxml(file, { base: rich });
  });

  it("marks the cells with findings, lists them, and shows cell text as text, never as HTML", async () => {
    const grid = misprintGrid("Báo cáo in sai");
    const causeRow = grid.values.findIndex((r) => r[0] === "1.6.1");
    grid.values[causeRow][5] = '<img src=x onerror="window.__cchcInjected=1">trễ hạn';
    const file = await writeGrids(path.join(dir, "in-sai.xlsx"), [grid]);
    await page.setInputFiles("#file-input", file);
    await expectText(status(), "Đã mở in-sai.xlsx");
    expect(await status().textContent()).toMatch(/[1-9]\d* lỗi/);

    const area6 = grid.values.findIndex((r) => r[0] === "6") + 1;
    const rule = page.locator('#findings li.error[data-rule="subtotal-mismatch"]', { hasText: `E${area6}` });
    expect(await rule.count()).toBeGreaterThan(0);
    expect(await page.getAttribute(`td[data-cell="E${area6}"]`, "class")).toContain("error");
    await rule.first().locator("button.cell-link").click();
    expect(await page.getAttribute(`td[data-cell="E${area6}"]`, "class")).toContain("focus");
    expect(await page.locator("#sheet-tabs .badge.error").count()).toBe(1);

    expect(await page.textContent(`td[data-cell="F${causeRow + 1}"]`)).toContain("<img src=x");
    expect(await page.locator("#grid img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __cchcInjected?: number }).__cchcInjected)).toBeUndefined();
    await page.screenshot({ path: path.join(OUTPUT, "standalone-findings.png"), fullPage: false });
  });

  it("opens a sheet of 10,000 rows, draws its first 1,000 and says so", async () => {
    const file = await writeGrids(path.join(dir, "lon.xlsx"), [bigGrid(100, 100)]);
    await page.setInputFiles("#file-input", file);
    await expectText(status(), "Đã mở lon.xlsx: 1 sheet (1 bảng điểm, 0 bảng đơn vị), 0 lỗi");
    expect(await page.textContent("#sheet-info")).toContain("Thẩm định: 9850/9900 điểm");
    expect(await page.locator("#grid tbody tr").count()).toBe(1000);
    expect(await page.textContent("#grid .more")).toBe("Chỉ hiện 1000 dòng đầu trong 10002 dòng; phần kiểm tra vẫn tính cả sheet.");
  });

  it("says in Vietnamese why a broken or a non-xlsx file cannot be opened", async () => {
    const broken = path.join(dir, "hong.xlsx");
    await fs.writeFile(broken, (await fs.readFile(SAMPLE)).subarray(0, 2000));
    await page.setInputFiles("#file-input", broken);
    await expectText(status(), "Không mở được hong.xlsx: Tệp .xlsx bị hỏng");
    expect(await status().getAttribute("class")).toContain("error");
    expect(await page.locator("#sheet-tabs button").count()).toBe(0);
    expect(await page.locator("#generate").isDisabled()).toBe(true);

    const csv = path.join(dir, "bang.csv");
    await fs.writeFile(csv, "STT;Tiêu chí\n");
    await page.setInputFiles("#file-input", csv);
    await expectText(status(), '"bang.csv" không phải bảng tính .xlsx, .xlsm, .xls hay .ods');
  });

  it("ran under its Content Security Policy without errors and fetched nothing from elsewhere", async () => {
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(server.requests.filter((r) => !/^GET \/(standalone\.(html|js)|assets\/mau-chi-so-cchc\.xlsx)$/.test(r))).toEqual([]);
  });
});
