// "Tải báo cáo (Word)" on the standalone page in Chromium: the bundled sample's draft report is
// downloaded as .docx (its code fetched only on the click), and its text holds the seed's figures.
import { promises as fs } from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { docxText } from "../support/docxText";
import { COMMUNES, communesGrid, districtGrid } from "../fixtures/seed";
import { writeGrids } from "../cli/helpers/xlsxFiles";
import { withAddinSettings } from "../support/addinSettingsFixture";
import { browserUnavailable, OUTPUT, type StaticServer, openStandalone, type OpenPage } from "./standaloneSupport";
import { expectValidOoxml } from "../support/ooxmlCheck";

const maybe = browserUnavailable() === null ? describe : describe.skip;

maybe("the Word draft on the standalone page", () => {
  let server: StaticServer;
  let opened: OpenPage;
  let page: Page;
  let dir: string;
  const problems: string[] = [];

  beforeAll(async () => {
    await fs.mkdir(OUTPUT, { recursive: true });
    dir = await fs.mkdtemp(path.join(OUTPUT, "page-word-"));
    opened = await openStandalone((p) => {
      p.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
      p.on("console", (msg) => {
        if (msg.type() === "error" || /Content Security Policy/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
      });
    });
    ({ server, page } = opened);
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it("is disabled until a workbook with a scoring sheet is open, then downloads the draft", async () => {
    expect(await page.locator("#download-report").isDisabled()).toBe(true);
    await page.click("#open-sample");
    await page.waitForFunction(() => /Đã mở/.test(document.getElementById("status")?.textContent ?? ""));
    expect(await page.locator("#download-report").textContent()).toBe("Tải báo cáo (Word)");
    expect(server.requests.some((r) => r.endsWith(".chunk.js"))).toBe(false);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-report")]);
    expect(download.suggestedFilename()).toBe("mau-chi-so-cchc - báo cáo.docx");
    const file = path.join(dir, "page.docx");
    await download.saveAs(file);
    const text = await docxText(await fs.readFile(file));
    expect(text).toContain("ỦY BAN NHÂN DÂN");
    expect(text).toContain("là 89,21/97 điểm (Chỉ số cải cách hành chính: 91,969 điểm), xếp loại Xuất sắc");
    expect(text).toContain("Cải cách tài chính công: UBND huyện đạt 11,09/13 điểm");
    expect(text).toContain("Ủy ban nhân dân xã Đăk Pnê: điểm tự đánh giá 91,16 điểm; thẩm định 87,23/94,5 điểm, chỉ số đạt 92,31%");
    expect(server.requests.some((r) => r.endsWith(".chunk.js"))).toBe(true);
    await page.waitForFunction(() => /Đã lập bản thảo báo cáo/.test(document.getElementById("status")?.textContent ?? ""));
    expect(await page.textContent("#status")).toContain("tải tệp mau-chi-so-cchc - báo cáo.docx về máy");
    expect(await page.locator("#report-link").isHidden()).toBe(false);
    await expectValidOoxml(file);
    expect(problems).toEqual([]);
  });

  async function download(name: string): Promise<string> {
    const [file] = await Promise.all([page.waitForEvent("download"), page.click("#download-report")]);
    const out = path.join(dir, name);
    await file.saveAs(out);
    await page.waitForFunction(() => /Đã lập bản thảo báo cáo/.test(document.getElementById("status")?.textContent ?? ""));
    return out;
  }

  const excellent = `${String(COMMUNES.filter((c) => c.grade === "Xuất sắc").length).padStart(2, "0")}/07 xã, thị trấn xếp loại Xuất sắc`;

  it("drafts from a workbook with only the communes' ranking table, and says so without a sheet name", async () => {
    const file = await writeGrids(path.join(dir, "xa.xlsx"), [communesGrid()]);
    await page.setInputFiles("#file-input", file);
    await page.waitForFunction(() => /Đã mở xa\.xlsx/.test(document.getElementById("status")?.textContent ?? ""));
    expect(await page.locator("#download-report").isDisabled()).toBe(false);
    const text = await docxText(await fs.readFile(await download("units-only.docx")));
    expect(text).toContain(`Kết quả xếp loại: ${excellent}`);
    expect(text).toContain("Ủy ban nhân dân xã Đăk Pnê: điểm tự đánh giá 91,16 điểm; thẩm định 87,23/94,5 điểm, chỉ số đạt 92,31%");
    const status = (await page.textContent("#status")) ?? "";
    expect(status).toContain('từ bảng xếp hạng "Xếp loại xã"');
    expect(status).not.toContain("null");
    expect(problems).toEqual([]);
  });

  it("a second file added for the report gives section II beside the district's own sheet", async () => {
    const district = await writeGrids(path.join(dir, "huyen-2023.xlsx"), [districtGrid({}, "Sheet1")]);
    const communes = await writeGrids(path.join(dir, "xa-2023.xlsx"), [communesGrid("Sheet1")]);
    await page.setInputFiles("#file-input", district);
    await page.waitForFunction(() => /Đã mở huyen-2023\.xlsx/.test(document.getElementById("status")?.textContent ?? ""));
    await page.setInputFiles("#report-second-input", communes);
    await page.waitForFunction(() => /Đã thêm tệp thứ hai xa-2023\.xlsx/.test(document.getElementById("status")?.textContent ?? ""));
    const text = await docxText(await fs.readFile(await download("two-files.docx")));
    expect(text).toContain("89,21/97 điểm (Chỉ số cải cách hành chính: 91,969 điểm)");
    expect(text).toContain("II. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA UBND CÁC XÃ, THỊ TRẤN");
    expect(text).toContain(`Kết quả xếp loại: ${excellent}`);
    expect(await page.textContent("#status")).toContain('từ sheet "Sheet1 (huyen-2023.xlsx)" và bảng xếp hạng "Sheet1 (xa-2023.xlsx)"');
    expect(problems).toEqual([]);
  });

  it("uses the lead offices the add-in saved in the workbook for section III", async () => {
    const plain = await writeGrids(path.join(dir, "plain.xlsx"), [districtGrid()]);
    const saved = path.join(dir, "huyen-cai-dat.xlsx");
    await fs.writeFile(saved, await withAddinSettings(await fs.readFile(plain), { leadOffices: { "6": "Phòng Tài chính và Kế hoạch huyện Kon Rẫy" } }));
    await page.setInputFiles("#file-input", saved);
    await page.waitForFunction(() => /Đã mở huyen-cai-dat\.xlsx/.test(document.getElementById("status")?.textContent ?? ""));
    const text = await docxText(await fs.readFile(await download("lead.docx")));
    expect(text).toContain("Cơ quan chủ trì, tham mưu: Phòng Tài chính và Kế hoạch huyện Kon Rẫy.");
    expect(text).toContain("Cơ quan chủ trì, tham mưu: Phòng Tư pháp.");
    expect(problems).toEqual([]);
  });
});
