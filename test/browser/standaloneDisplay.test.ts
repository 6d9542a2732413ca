// How the standalone page shows cell values (pure functions), and how much of a huge sheet it
// draws (in Debian's Chromium).
import { promises as fs } from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { Workbook } from "exceljs";
import { displayValue, formatDecimals } from "../../src/standalone/cellDisplay";
import { resultFileName } from "../../src/report/download";
import { MAX_COLUMNS, MAX_ROWS } from "../../src/standalone/gridView";
import { districtGrid } from "../fixtures/seed";
import { bigGrid } from "../cli/helpers/layouts";
import { addGridSheet, makeTempDir, removeDir } from "../cli/helpers/xlsxFiles";
import { deflated, unzipParts, writeZip } from "../host/helpers/rawZip";
import { saveWorkbook } from "../../src/host/file/read/xlsxLoad";
import { browserUnavailable, openStandalone, type OpenPage } from "./standaloneSupport";

describe("cell display in the standalone grid", () => {
  it("reads the decimals of a number format", () => {
    expect(formatDecimals(undefined)).toBeNull();
    expect(formatDecimals("General")).toBeNull();
    expect(formatDecimals("0.00")).toBe(2);
    expect(formatDecimals("0.000")).toBe(3);
    expect(formatDecimals("0%")).toBe(0);
    expect(formatDecimals("0.00%")).toBe(2);
    expect(formatDecimals("#,##0")).toBe(0);
    expect(formatDecimals('0.0" điểm";-0.0')).toBe(1);
    expect(formatDecimals("@")).toBeNull();
  });

  it("shows numbers as their format asks, without binary noise", () => {
    expect(displayValue(0.1 + 0.2)).toBe("0.3");
    expect(displayValue(12.89, "0.00")).toBe("12.89");
    expect(displayValue(13, "0.00")).toBe("13.00");
    expect(displayValue(1.005, "0.00")).toBe("1.01");
    expect(displayValue(0.9915384615384616, "0.00%")).toBe("99.15%");
    expect(displayValue(0.9196907, "0%")).toBe("92%");
    expect(displayValue("KPS", "0.00")).toBe("KPS");
    expect(displayValue({ error: "#N/A" })).toBe("#N/A");
    expect(displayValue(null)).toBe("");
  });

  it("names the downloaded file after the opened one", () => {
    expect(resultFileName("Bảng điểm xã.xlsx")).toBe("Bảng điểm xã - tổng hợp.xlsx");
    expect(resultFileName("A.XLSX")).toBe("A - tổng hợp.xlsx");
  });
});

const maybe = browserUnavailable() === null ? describe : describe.skip;

maybe("huge sheets in the standalone page (Chromium)", () => {
  let opened: OpenPage;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = await makeTempDir("cchc-page-wide-");
    opened = await openStandalone();
    ({ page } = opened);
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
    if (dir) await removeDir(dir);
  });

  async function open(file: string, name: string): Promise<void> {
    await page.setInputFiles("#file-input", file);
    await page.locator("#status").filter({ hasText: `Đã mở ${name}` }).waitFor({ timeout: 60_000 });
  }

  it("draws the first 50 of 16,384 columns of a 100-row sheet and says what is not shown", async () => {
    const wb = new Workbook();
    addGridSheet(wb, districtGrid());
    const ws = wb.worksheets[0];
    for (let r = 1; r <= 100; r++) ws.getCell(r, 16384).value = `cuối ${r}`;
    const file = path.join(dir, "rong.xlsx");
    await wb.xlsx.writeFile(file);
    await open(file, "rong.xlsx");
    expect(await page.locator("#sheet-info").textContent()).toContain("Thẩm định: 89,21/97 điểm");
    // One header cell per drawn column, plus the row-number corner.
    expect(await page.locator("#grid thead th").count()).toBe(MAX_COLUMNS + 1);
    expect(await page.locator("#grid tbody tr").count()).toBe(100);
    expect(await page.locator("#grid tbody tr").first().locator("td").count()).toBe(MAX_COLUMNS);
    expect(await page.locator("#grid .more").allTextContents()).toEqual([
      "Chỉ hiện 50 cột đầu (đến cột AX) trong 16384 cột; phần kiểm tra vẫn tính cả sheet.",
    ]);
  });

  it("refuses a damaged workbook in the browser too, naming the part (inflated with Chromium's DecompressionStream)", async () => {
    const wb = new Workbook();
    addGridSheet(wb, districtGrid());
    const members = [...(await unzipParts(await saveWorkbook(wb)))].map(([n, c]) => deflated(n, c));
    const sheet = members.find((m) => m.name === "xl/worksheets/sheet1.xml")!;
    sheet.crc32 = (sheet.crc32 ^ 4) >>> 0;
    const file = path.join(dir, "hong-crc.xlsx");
    await fs.writeFile(file, writeZip(members));
    await page.setInputFiles("#file-input", file);
    const status = page.locator("#status");
    await status.filter({ hasText: "Không mở được hong-crc.xlsx" }).waitFor({ timeout: 60_000 });
    expect(await status.textContent()).toContain("phần xl/worksheets/sheet1.xml sai mã kiểm tra (CRC)");
  });

  it("says how many findings lie in rows it does not draw", async () => {
    const grid = bigGrid(100, 100);
    // The last area's typed appraised total disagrees with its criteria: an error far below row 1000.
    const lastArea = grid.values.findIndex((r) => r[0] === "100");
    grid.values[lastArea][4] = 1;
    const wb = new Workbook();
    addGridSheet(wb, grid);
    const file = path.join(dir, "dai.xlsx");
    await wb.xlsx.writeFile(file);
    await open(file, "dai.xlsx");
    expect(await page.locator("#grid tbody tr").count()).toBe(MAX_ROWS);
    expect(await page.locator("#grid .more").allTextContents()).toEqual([
      `Chỉ hiện ${MAX_ROWS} dòng đầu trong ${grid.values.length} dòng; phần kiểm tra vẫn tính cả sheet.`,
      "1 phát hiện nằm ở ô không hiện trong bảng (xem danh sách phát hiện).",
    ]);
  });
});
