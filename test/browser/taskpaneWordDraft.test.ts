// The Word draft from the built task pane (dist/taskpane.html) in Chromium with the fake Excel
// host: on Excel on the web the .docx code is fetched only when asked for (a chunk of the pane's
// own origin, allowed by its CSP) and the file is downloaded; on Excel for Windows the draft goes
// into the printable sheet "Bản thảo báo cáo" with how to copy it into Word.
import { promises as fs } from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { COMMUNES, communesGrid, districtGrid } from "../fixtures/seed";
import type { CellValue, Grid } from "../../src/engine/core/types";
import { writeGrids } from "../cli/helpers/xlsxFiles";
import { docxText } from "../support/docxText";
import { OUTPUT, fakeHostPaneForTests, taskpaneUnavailable, type WatchedPage } from "../support/taskpaneBrowser";
import { expectValidOoxml } from "../support/ooxmlCheck";


function init(platform: string, grids: Grid[] = [districtGrid({ typedAreas: { "6": 10 } }), communesGrid()]) {
  const sheets = grids.map((g) => ({ name: g.name, values: g.values as CellValue[][] }));
  return { workbook: { sheets, active: sheets[0].name }, settings: {}, platform };
}

const maybe = taskpaneUnavailable() === null ? describe : describe.skip;

maybe("the Word draft from the task pane in Chromium", () => {
  const pane = fakeHostPaneForTests("tp-word-");
  const dir = () => pane.dir();

  async function open(platform: string, grids?: Grid[], report = true): Promise<WatchedPage> {
    const { page, problems, scripts } = await pane.open(init(platform, grids));
    if (report) {
      await page.click("#cmd-report");
      await page.waitForSelector("#word-draft");
    }
    return { page, problems, scripts };
  }

  test("Excel on the web: the chunk loads on demand and the .docx is downloaded with the seed's figures", async () => {
    const { page, problems, scripts } = await open("OfficeOnline");
    const before = [...scripts];
    const draftChunk = (s: string) => s.startsWith("word-draft") || s.startsWith("docx-report");
    expect(before.some(draftChunk)).toBe(false);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#word-draft")]);
    expect(download.suggestedFilename()).toBe("Báo cáo Chỉ số CCHC.docx");
    const file = path.join(dir(), "tp.docx");
    await download.saveAs(file);
    const text = await docxText(await fs.readFile(file));
    expect(text).toContain("89,21/97 điểm (Chỉ số cải cách hành chính: 91,969 điểm)");
    expect(text).toContain("Cải cách tài chính công: UBND huyện đạt 11,09/13 điểm");
    expect(scripts.filter((s) => !before.includes(s)).some(draftChunk)).toBe(true);
    await page.waitForSelector("#word-draft-result");
    expect(await page.textContent("#word-draft-result")).toContain('tải tệp "Báo cáo Chỉ số CCHC.docx" về máy');
    // The sheet's error (area 6 typed as 10) is listed next to the draft, not printed in it.
    expect(await page.locator("#word-draft-errors li").count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, "taskpane-word-draft.png") });
    await expectValidOoxml(file);
    await page.close();
  });

  test("Excel on Windows: the draft is written to 'Bản thảo báo cáo' and the pane says how to copy it", async () => {
    const { page, problems } = await open("PC");
    await page.click("#word-draft");
    await page.waitForSelector("#how-to-copy");
    expect(await page.textContent("#word-draft-result")).toContain('vào sheet "Bản thảo báo cáo"');
    const state = (await page.evaluate(() => (window as unknown as { __fakeHost: { state(): unknown } }).__fakeHost.state())) as {
      state: { sheets: Array<{ name: string; cells: Record<string, { value: unknown }> }> };
    };
    const sheet = state.state.sheets.find((s) => s.name === "Bản thảo báo cáo")!;
    const values = Object.values(sheet.cells).map((c) => c.value);
    expect(values[0]).toMatch(/^Excel trên máy tính không cho tiện ích lưu tệp/);
    expect(values).toContain("6. Cải cách tài chính công: UBND huyện đạt 11,09/13 điểm; tiêu chí thành phần bị mất điểm, cụ thể:");
    expect(problems).toEqual([]);
    await page.close();
  });

  async function downloadDraft(page: Page, name: string): Promise<string> {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#word-draft")]);
    const file = path.join(dir(), name);
    await download.saveAs(file);
    await page.waitForSelector("#word-draft-result");
    return file;
  }

  const excellent = `${String(COMMUNES.filter((c) => c.grade === "Xuất sắc").length).padStart(2, "0")}/07 xã, thị trấn xếp loại Xuất sắc`;

  test("a workbook with only the communes' ranking table gives the ranking report", async () => {
    const { page, problems } = await open("OfficeOnline", [communesGrid()]);
    expect(await page.textContent("#report")).toContain("từ các bảng xếp hạng đơn vị này");
    const file = await downloadDraft(page, "units-only.docx");
    const text = await docxText(await fs.readFile(file));
    expect(text).toContain(`Kết quả xếp loại: ${excellent}`);
    expect(text).toContain("Ủy ban nhân dân xã Đăk Pnê: điểm tự đánh giá 91,16 điểm; thẩm định 87,23/94,5 điểm, chỉ số đạt 92,31%");
    expect(await page.textContent("#word-draft-result")).toContain('từ bảng xếp hạng "Xếp loại xã"');
    expect(problems).toEqual([]);
    await expectValidOoxml(file);
    await page.close();
  });

  test("a second file chosen in the pane gives section II; its reader is a chunk fetched only then", async () => {
    const communes = await writeGrids(path.join(dir(), "xa-2023.xlsx"), [communesGrid("Sheet1")]);
    const { page, problems, scripts } = await open("OfficeOnline", [districtGrid({}, "Sheet1")]);
    expect(scripts.some((s) => s.startsWith("xlsx-reader"))).toBe(false);
    await page.setInputFiles("#word-second-file", communes);
    const file = await downloadDraft(page, "two-files.docx");
    expect(scripts.some((s) => s.startsWith("xlsx-reader"))).toBe(true);
    const text = await docxText(await fs.readFile(file));
    expect(text).toContain("II. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA UBND CÁC XÃ, THỊ TRẤN");
    expect(text).toContain(`Kết quả xếp loại: ${excellent}`);
    expect(text).toContain("89,21/97 điểm (Chỉ số cải cách hành chính: 91,969 điểm)");
    expect(await page.textContent("#word-draft-result")).toContain('và bảng xếp hạng "Sheet1 (xa-2023.xlsx)"');
    expect(problems).toEqual([]);
    await page.close();
  });

  test("a lead office typed once in Cài đặt is the one section III names", async () => {
    const { page, problems } = await open("OfficeOnline", [districtGrid()], false);
    await page.click("#cmd-settings");
    await page.waitForSelector("#lead-offices");
    const box = page.locator('#lead-offices input[data-area="6"]');
    expect(await box.inputValue()).toBe("");
    expect(await box.getAttribute("placeholder")).toBe("Phòng Tài chính - Kế hoạch");
    await box.fill("Phòng Tài chính và Kế hoạch huyện Kon Rẫy");
    await page.click("#settings-save");
    await page.waitForFunction(() => /Đã lưu cài đặt/.test(document.getElementById("status-text")?.textContent ?? ""));
    // Shown again, the saved office fills its box.
    await page.click("#cmd-settings");
    await page.waitForSelector("#lead-offices");
    expect(await page.locator('#lead-offices input[data-area="6"]').inputValue()).toBe("Phòng Tài chính và Kế hoạch huyện Kon Rẫy");
    await page.click("#cmd-report");
    await page.waitForSelector("#word-draft");
    const text = await docxText(await fs.readFile(await downloadDraft(page, "lead.docx")));
    expect(text).toContain("Cơ quan chủ trì, tham mưu: Phòng Tài chính và Kế hoạch huyện Kon Rẫy.");
    expect(text).toContain("Cơ quan chủ trì, tham mưu: Phòng Tư pháp.");
    expect(problems).toEqual([]);
    await page.close();
  });
});
