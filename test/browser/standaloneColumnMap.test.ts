// "Khai báo cột" on the standalone page (Chromium): an unrecognised units table mapped with the
// pane's form, read again, and its figures those the pane computes with the same map.
import { promises as fs } from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { communesGrid, districtGrid } from "../fixtures/seed";
import { analyzeWorkbook } from "../../src/engine/analyze";
import type { Grid, HeaderInfo, UnitsSheet } from "../../src/engine/core/types";
import { openXlsx } from "../../src/host/file/xlsxAnalysis";
import { formatIndex } from "../../src/standalone/format";
import { makeTempDir, removeDir, writeGrids } from "../cli/helpers/xlsxFiles";
import { browserUnavailable, OUTPUT, openStandalone, type OpenPage } from "./standaloneSupport";

const unavailable = browserUnavailable();
const maybe = unavailable === null ? describe : describe.skip;

/** The seed's communes table under headers no detector can know. */
function unknownCommunes(): { grid: Grid; header: number } {
  const grid = communesGrid("Bảng lạ");
  const header = grid.values.findIndex((r) => r[1] === "Tên đơn vị");
  grid.values[header] = grid.values[header].map((_, i) => `Cột ${i + 1}`);
  return { grid, header };
}

maybe("the standalone page's column map", () => {
  let opened: OpenPage;
  let page: Page;
  let dir: string;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = await makeTempDir("cchc-page-map-");
    await fs.mkdir(OUTPUT, { recursive: true });
    opened = await openStandalone((p) => {
      p.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
      p.on("console", (msg) => {
        if (msg.type() === "error" || /Content Security Policy/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
      });
    });
    ({ page } = opened);
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
    if (dir) await removeDir(dir);
  });

  const status = () => page.locator("#status");
  const waitStatus = (text: string) => status().filter({ hasText: text }).waitFor({ timeout: 20_000 });

  it("maps an unrecognised units table for the session and shows the figures the pane gives", async () => {
    const { grid, header } = unknownCommunes();
    const notes: Grid = { name: "Ghi chú", values: [["Ghi chú của người lập bảng"], ["Số liệu lấy từ báo cáo của tỉnh", "Năm 2023"]] };
    const file = await writeGrids(path.join(dir, "bang-la.xlsx"), [districtGrid(), grid, notes]);
    await page.setInputFiles("#file-input", file);
    await waitStatus("Đã mở bang-la.xlsx: 3 sheet (1 bảng điểm, 0 bảng đơn vị)");
    // Showing another unrecognised sheet offers that one; the first is offered on opening.
    expect(await page.inputValue("#map-sheet")).toBe(grid.name);
    await page.click('#sheet-tabs button[data-sheet="Ghi chú"]');
    expect(await page.inputValue("#map-sheet")).toBe("Ghi chú");
    await page.selectOption("#map-sheet", grid.name);
    expect(await page.isVisible("#map-panel")).toBe(true);
    expect(await page.textContent("#map-panel")).toContain("Khai báo chỉ dùng trong phiên này");
    // The unrecognised sheet is offered first; its header texts are the choices.
    expect(await page.inputValue("#map-sheet")).toBe(grid.name);
    await page.selectOption("#map-kind", "units");
    await page.selectOption("#map-row", String(header));
    const unitOptions = await page.locator("#map-role-unit option").allTextContents();
    expect(unitOptions.slice(0, 3)).toEqual(["(không có)", "A — Cột 1", "B — Cột 2"]);
    expect(await page.textContent('label[for="map-role-unit"]')).toBe("Đơn vị (bắt buộc)");

    // A column chosen for two roles is refused naming them.
    await page.selectOption("#map-role-unit", "1");
    await page.selectOption("#map-role-block", "1");
    await page.click("#map-apply");
    await waitStatus('cột B được chọn cho cả "đơn vị" và "khối"');
    expect(await status().getAttribute("class")).toContain("error");

    await page.selectOption("#map-role-block", "");
    const columns: HeaderInfo["columns"] = { code: 0, unit: 1, self: 2, appraised: 3, max: 4 };
    for (const [role, col] of Object.entries(columns)) await page.selectOption(`#map-role-${role}`, String(col));
    await page.click("#map-apply");
    await waitStatus(`Sheet "${grid.name}" được đọc là bảng tổng hợp đơn vị`);

    // The pane's figures with the same map, and the page's reader with it: the same ranking.
    const map: HeaderInfo = { row: header, columns, kind: "units" };
    const pane = analyzeWorkbook([districtGrid(), grid, notes], { columnMaps: { [grid.name]: map } }).sheets.find((s) => s.sheet === grid.name) as UnitsSheet;
    const file2 = (await openXlsx(await fs.readFile(file), { columnMaps: { [grid.name]: map } })).analysis.sheets.find((s) => s.sheet === grid.name) as UnitsSheet;
    expect(pane.kind).toBe("units");
    expect(file2.ranking.map((r) => [r.unit, r.index, r.rank])).toEqual(pane.ranking.map((r) => [r.unit, r.index, r.rank]));
    expect(await status().textContent()).toContain(`${pane.ranking.length} đơn vị được xếp hạng`);
    expect(await page.getAttribute('#sheet-tabs button[aria-selected="true"]', "data-sheet")).toBe(grid.name);
    const shown = await page.locator("#sheet-info li").allTextContents();
    expect(shown).toEqual([...pane.ranking].sort((a, b) => a.rank! - b.rank!).map((r) => `${r.unit}: chỉ số ${formatIndex(r.index)}, ${r.grade} (hạng ${r.rank})`));
    expect(await page.textContent("#map-applied")).toContain(`"${grid.name}"`);
    // The summary can now be made from the table too.
    expect(await page.isDisabled("#generate")).toBe(false);
    await page.screenshot({ path: path.join(OUTPUT, "standalone-khai-bao-cot.png"), fullPage: true });

    // Dropping the maps reads the sheet by its headers again.
    await page.click("#map-clear");
    await waitStatus("Đã bỏ mọi khai báo cột");
    expect(await page.textContent("#sheet-info")).toContain("Không phải bảng điểm");
    expect(problems).toEqual([]);
  });
});

if (unavailable !== null) test.skip(`standalone page browser test skipped: ${unavailable}`, () => undefined);
