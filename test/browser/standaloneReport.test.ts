// "Tải báo cáo (Word)" on the standalone page in Chromium: the bundled sample's draft report is
// downloaded as .docx (its code fetched only on the click), and its text holds the seed's figures.
import { promises as fs } from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { docxText } from "../support/docxText";
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
});
