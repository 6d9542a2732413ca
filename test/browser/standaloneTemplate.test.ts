// The standalone page's third file (issue 19 §1): "Bộ tiêu chí mẫu" compares every scoring sheet
// with the official criteria set; its differences are findings at their cells. The sheet panel
// shows the appraisal round: the template's result, what the appraisal cut, the evidence and the
// explanation (issue 19 §2–§4), as text.
import { promises as fs } from "fs";
import * as path from "path";
import type { Locator, Page } from "playwright-core";
import { analyzeWorkbook, appraisalCuts, toA1, type CellValue, type Grid, type ScoringSheet } from "../../src/engine";
import { communesGrid, DISTRICT_CRITERIA, districtGrid } from "../fixtures/seed";
import { writeGrids } from "../cli/helpers/xlsxFiles";
import { withAddinSettings } from "../support/addinSettingsFixture";
import { browserUnavailable, expectText, OUTPUT, standaloneSession } from "./standaloneSupport";

const maybe = browserUnavailable() === null ? describe : describe.skip;

const vi = (x: number) => String(Math.round(x * 100) / 100).replace(".", ",");
const rowOf = (grid: Grid, code: string) => grid.values.findIndex((r) => r[0] === code);
const XSS = "<img src=x onerror=document.title='xss'>";

/** The seed sheet with every point, cause and responsible unit emptied: the criteria set. */
function criteriaSet(name = "Bộ tiêu chí"): Grid {
  const grid = districtGrid({}, name);
  const header = rowOf(grid, "STT");
  for (let r = header + 1; r < grid.values.length; r++) for (const c of [3, 4, 5, 6]) grid.values[r][c] = null;
  return grid;
}

/** Unit A: one maximum changed (2.1.1: 1,5 → 2), one sub-criterion deleted (1.3.2), markup typed in a title cell. */
function unitA(): Grid {
  const grid = districtGrid({}, "Đơn vị A");
  grid.values[rowOf(grid, "2.1.1")][2] = 2;
  grid.values.splice(rowOf(grid, "1.3.2"), 1);
  grid.values[2][0] = XSS;
  return grid;
}

const EVIDENCE: Record<string, string> = {
  "1.1.1": "Quyết định số 12/QĐ-UBND ngày 05/01/2023",
  "1.1.2": "Kế hoạch 45/KH-UBND; https://dichvucong.gov.vn/ho-so/1",
  "1.2": "Báo cáo số 7/BC-UBND ngày 10/12/2023, Công văn số 3/UBND-NC",
  "1.4": "xem htp//cchc.gov.vn",
  "1.5": "\\\\may-chu\\kiem-chung\\1.5.pdf",
};

/** Points after explanation: two cut leaves restored, 7.1.2 typed again as appraised, the others left blank. */
const AFTER: Record<string, number> = { "3.3.4": 2, "3.4.1": 1, "7.1.2": 0.92 };

/** Unit B: the set as it is, with an evidence column (H) and points after explanation (I). */
function unitB(): Grid {
  const grid = districtGrid({}, "Đơn vị B");
  const header = rowOf(grid, "STT");
  grid.values.forEach((row, r) => {
    const code = typeof row[0] === "string" ? row[0] : "";
    const h: CellValue = r === header ? "Tài liệu kiểm chứng" : (EVIDENCE[code] ?? null);
    const i: CellValue = r === header ? "Điểm sau giải trình" : (AFTER[code] ?? null);
    row.push(h, i);
  });
  return grid;
}

function scoringOf(grids: Grid[], sheet: string): ScoringSheet {
  const s = analyzeWorkbook(grids).sheets.find((x) => x.sheet === sheet);
  if (s?.kind !== "scoring") throw new Error(`${sheet} is not a scoring sheet`);
  return s;
}

maybe("the standalone page with the criteria set as a third file", () => {
  const session = standaloneSession("cchc-page-tpl-");
  const files: Record<string, string> = {};
  const { problems } = session;
  const grids = [unitA(), unitB()];
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    ({ page, dir } = session);
    files.units = await writeGrids(path.join(dir, "don-vi.xlsx"), grids);
    files.template = await writeGrids(path.join(dir, "mau.xlsx"), [{ name: "Hướng dẫn", values: [["Bộ tiêu chí năm 2023"]] }, criteriaSet()]);
    files.notes = await writeGrids(path.join(dir, "ghi-chu.xlsx"), [{ name: "Ghi chú", values: [["Danh sách đơn vị"], ["Xã A"]] }]);
    files.broken = path.join(dir, "hong.xlsx");
    await fs.writeFile(files.broken, "không phải tệp Excel");
  });

  const status = () => page.locator("#status");
  const tab = (sheet: string) => page.locator(`#sheet-tabs button[data-sheet="${sheet}"]`);
  const templateItems = () => page.locator('#findings li[data-rule^="template-"]');
  const findingsText = async () => (await page.locator("#findings").textContent()) ?? "";

  async function open(file: string, name: string): Promise<void> {
    await page.setInputFiles("#file-input", file);
    await expectText(status(), `Đã mở ${name}`);
  }

  it("a bad template file is named, and the findings stay as they were", async () => {
    await open(files.units, "don-vi.xlsx");
    await tab("Đơn vị A").click();
    const before = { findings: await findingsText(), tabs: await page.locator("#sheet-tabs").textContent() };
    expect(await templateItems().count()).toBe(0);

    await page.setInputFiles("#template-input", files.broken);
    await expectText(status(), "Không mở được tệp bộ tiêu chí mẫu hong.xlsx");
    expect(await status().getAttribute("class")).toContain("error");

    await page.setInputFiles("#template-input", files.notes);
    await expectText(status(), "Không dùng được ghi-chu.xlsx làm bộ tiêu chí mẫu. Tệp bộ tiêu chí mẫu không có bảng tiêu chí nào");
    expect(await status().getAttribute("class")).toContain("error");

    expect(await findingsText()).toBe(before.findings);
    expect(await page.locator("#sheet-tabs").textContent()).toBe(before.tabs);
    expect(await page.locator("#template-result").count()).toBe(0);
    expect(await page.locator("#template-clear").isHidden()).toBe(true);
    expect(problems).toEqual([]);
  });

  it("the template finds exactly the changed maximum and the deleted sub-criterion, at their cells", async () => {
    const errorsBefore = await badgeErrors(tab("Đơn vị A"));
    await page.setInputFiles("#template-input", files.template);
    await expectText(status(), 'Đã so sánh 2 bảng điểm với bộ tiêu chí mẫu mau.xlsx (sheet "Bộ tiêu chí"): 1 đúng bộ tiêu chí, 1 có khác biệt.');
    expect(await status().getAttribute("class")).not.toContain("error");

    // Unit A, shown: the two findings in the list, highlighted at their cells, counted on the tab.
    const a = grids[0];
    const missingAt = toA1(rowOf(a, "1.3"), 0);
    const maxAt = toA1(rowOf(a, "2.1.1"), 2);
    const items = templateItems();
    expect(await items.evaluateAll((li) => li.map((x) => [x.getAttribute("data-rule"), x.querySelector("button")?.textContent]))).toEqual([
      ["template-missing", missingAt],
      ["template-max", maxAt],
    ]);
    expect(await items.nth(0).textContent()).toContain("Thiếu tiêu chí 1.3.2");
    expect(await items.nth(1).textContent()).toBe(`Lỗi ô ${maxAt}: Điểm tối đa của 2.1.1: bộ tiêu chí ghi 1,5, bảng này ghi 2.`);
    for (const [cell, text] of [
      [missingAt, "Thiếu tiêu chí 1.3.2"],
      [maxAt, "Điểm tối đa của 2.1.1: bộ tiêu chí ghi 1,5"],
    ]) {
      const td = page.locator(`#grid td[data-cell="${cell}"]`);
      expect(await td.getAttribute("class")).toContain("error");
      expect(await td.getAttribute("title")).toContain(text);
    }
    expect(await badgeErrors(tab("Đơn vị A"))).toBe(errorsBefore + 2);
    expect(await page.textContent("#template-result")).toBe(
      '2 khác biệt với bộ tiêu chí mau.xlsx (sheet "Bộ tiêu chí"): 1 thiếu tiêu chí (1.3.2), 1 khác điểm tối đa (2.1.1).',
    );

    // Unit B follows the set: no template finding.
    await tab("Đơn vị B").click();
    expect(await templateItems().count()).toBe(0);
    expect(await page.textContent("#template-result")).toBe('Theo đúng bộ tiêu chí mau.xlsx (sheet "Bộ tiêu chí").');
    expect(problems).toEqual([]);
  });

  it("the panel shows what the appraisal cut, as the engine counts it", async () => {
    await tab("Đơn vị A").click();
    const cuts = appraisalCuts(scoringOf(grids, "Đơn vị A"))!;
    // The seed's cut leaves, summed by hand: the engine's figures are these.
    const seedCuts = DISTRICT_CRITERIA.filter((c) => c.self !== undefined && c.appraised !== undefined && c.self > c.appraised);
    expect(cuts.cuts.map((c) => c.code)).toEqual(seedCuts.map((c) => c.code));
    expect(cuts.total).toBe(Math.round(seedCuts.reduce((s, c) => s + c.self! - c.appraised!, 0) * 100) / 100);

    const info = page.locator("#appraisal-info");
    const first = (await info.locator("p").textContent()) ?? "";
    expect(first).toContain(`Thẩm định trừ ${vi(cuts.total)} điểm ở ${cuts.cuts.length} tiêu chí; trừ nhiều nhất: `);
    const most = [...cuts.cuts].sort((x, y) => y.cut - x.cut || x.row - y.row).slice(0, 3);
    expect(first).toContain(most.map((c) => `${c.code} (${vi(c.cut)} điểm)`).join(", "));
    const areas = cuts.byArea.filter((x) => x.cut > 0);
    expect(await info.locator("li").allTextContents()).toEqual(
      areas.map((x) => `Lĩnh vực ${x.code} "${x.name}": tự đánh giá ${vi(x.self)}, thẩm định ${vi(x.appraised)}, bị trừ ${vi(x.cut)} điểm.`),
    );
    expect(areas.reduce((s, x) => s + x.cut, 0)).toBeCloseTo(cuts.total, 9);
    // No evidence or explanation column on this sheet: nothing said about them.
    expect(await page.locator("#evidence-info, #explanation-info").count()).toBe(0);
  });

  it("the panel counts the evidence and lists what the explanation restored and kept", async () => {
    await tab("Đơn vị B").click();
    const b = scoringOf(grids, "Đơn vị B");
    const missing = b.findings.filter((f) => f.rule === "missing-evidence").length;
    const leavesScored = DISTRICT_CRITERIA.filter((c) => !DISTRICT_CRITERIA.some((d) => d.code.startsWith(c.code + ".")) && (c.self ?? c.max) > 0);
    // Every leaf scored above 0 without a cell in EVIDENCE; 1.2, 1.4, 1.5 are leaves, 1.1.1 and 1.1.2 too.
    expect(missing).toBe(leavesScored.filter((c) => EVIDENCE[c.code] === undefined).length);
    expect(await page.textContent("#evidence-info")).toBe(
      `Tài liệu kiểm chứng: 3 tiêu chí dẫn văn bản (4 văn bản), 2 đường dẫn, 1 đường dẫn sai dạng; ${missing} tiêu chí tự chấm điểm mà không có tài liệu kiểm chứng.`,
    );
    expect(b.explanation?.restored.map((r) => r.code)).toEqual(["3.3.4", "3.4.1"]);
    expect(b.explanation?.kept.map((r) => r.code)).toEqual(["1.6.1", "5.1.1", "7.1.2"]);
    expect(await page.textContent("#explanation-info")).toBe(
      "Sau giải trình: 2 tiêu chí được sửa điểm (3.3.4, 3.4.1), được cộng lại 2 điểm; 3 tiêu chí giữ mức trừ (1.6.1, 5.1.1, 7.1.2).",
    );
    await fs.mkdir(OUTPUT, { recursive: true });
    await page.locator("#sheet-info").screenshot({ path: path.join(OUTPUT, "standalone-tham-dinh.png") });
  });

  it("shows cell text as text, never as markup", async () => {
    await tab("Đơn vị A").click();
    expect(await page.locator('#grid td[data-cell="A3"]').textContent()).toBe(XSS);
    expect(await page.locator("main img").count()).toBe(0);
    expect(await page.title()).not.toBe("xss");
  });

  it("the comparison is kept when the sheets are generated, and 'Bỏ bộ tiêu chí' takes it away", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#generate")]);
    await download.path();
    await expectText(status(), "Đã so sánh 2 bảng điểm với bộ tiêu chí mẫu mau.xlsx");
    await tab("Đơn vị A").click();
    expect(await templateItems().count()).toBe(2);

    const errors = await badgeErrors(tab("Đơn vị A"));
    await page.click("#template-clear");
    await expectText(status(), "Đã bỏ bộ tiêu chí mẫu mau.xlsx");
    expect(await templateItems().count()).toBe(0);
    expect(await page.locator("#template-result").count()).toBe(0);
    expect(await badgeErrors(tab("Đơn vị A"))).toBe(errors - 2);
    expect(await page.locator("#template-clear").isHidden()).toBe(true);
    expect(problems).toEqual([]);
  });

  it("a criteria-set sheet saved in the workbook's settings is replaced by the page's file, not applied twice", async () => {
    // The workbook's own set says 2.1.1 is 1,5; the page's file says 2 (as unit A has it).
    // Unit A's parents and total row follow its own criteria (2.1: 3,5; 2: 10,5; total 96,5): no
    // further difference against either set.
    const unit = unitA();
    unit.values[rowOf(unit, "2.1")][2] = 3.5;
    unit.values[rowOf(unit, "2")][2] = 10.5;
    unit.values[unit.values.findIndex((r) => r[1] === "Tổng điểm")][2] = 96.5;
    const plain = await writeGrids(path.join(dir, "plain.xlsx"), [criteriaSet("Bộ tiêu chí"), unit]);
    const saved = path.join(dir, "co-cai-dat.xlsx");
    await fs.writeFile(saved, await withAddinSettings(await fs.readFile(plain), { templateSheet: "Bộ tiêu chí" }));
    const looser = criteriaSet("Bộ 2023");
    looser.values[rowOf(looser, "2.1.1")][2] = 2;
    looser.values[rowOf(looser, "2.1")][2] = 3.5;
    looser.values[rowOf(looser, "2")][2] = 10.5;
    looser.values[looser.values.findIndex((r) => r[1] === "Tổng điểm")][2] = 97.5;
    const other = await writeGrids(path.join(dir, "mau-moi.xlsx"), [looser]);

    await open(saved, "co-cai-dat.xlsx");
    await tab("Đơn vị A").click();
    const rules = () => templateItems().evaluateAll((li) => li.map((x) => x.getAttribute("data-rule")));
    expect(await rules()).toEqual(["template-missing", "template-max"]);
    expect(await page.textContent("#template-result")).toBe('2 khác biệt với bộ tiêu chí sheet "Bộ tiêu chí" của bảng tính này: 1 thiếu tiêu chí (1.3.2), 1 khác điểm tối đa (2.1.1).');

    await page.setInputFiles("#template-input", other);
    await expectText(status(), 'Bộ tiêu chí mẫu mau-moi.xlsx được dùng thay cho sheet "Bộ tiêu chí" chọn trong Cài đặt của bảng tính.');
    await expectText(status(), "Đã so sánh 1 bảng điểm với bộ tiêu chí mẫu mau-moi.xlsx");
    expect(await rules()).toEqual(["template-missing"]);
    expect(await page.textContent("#template-result")).toBe('1 khác biệt với bộ tiêu chí mau-moi.xlsx (sheet "Bộ 2023"): 1 thiếu tiêu chí (1.3.2).');
    // The saved sheet stays out of the analysis: it is no unit's sheet.
    expect(await tab("Bộ tiêu chí").locator(".badge").count()).toBe(0);
    await tab("Bộ tiêu chí").click();
    expect(await page.textContent("#sheet-info")).toContain("trên trang này các bảng điểm được đối chiếu với tệp mau-moi.xlsx thay cho sheet này");
    expect(await page.locator("#findings li").count()).toBe(0);
    await tab("Đơn vị A").click();

    await page.click("#template-clear");
    await expectText(status(), "Đã bỏ bộ tiêu chí mẫu mau-moi.xlsx");
    expect(await rules()).toEqual(["template-missing", "template-max"]);
    expect(problems).toEqual([]);
  });

  it("the criteria set is kept over a new workbook and a column map", async () => {
    await page.setInputFiles("#template-input", files.template);
    // Still on the workbook with a saved criteria-set sheet: its one unit sheet.
    await expectText(status(), "Đã so sánh 1 bảng điểm với bộ tiêu chí mẫu mau.xlsx");
    // A copy of unit A whose headers the reader does not know: mapped by hand, then compared too.
    const odd = unitA();
    odd.name = "Tiêu đề lạ";
    const header = rowOf(odd, "STT");
    odd.values[header] = odd.values[header].map((_, c) => `Cột ${c + 1}`);
    const file = await writeGrids(path.join(dir, "tieu-de-la.xlsx"), [unitA(), odd]);
    await page.setInputFiles("#file-input", file);
    await expectText(status(), "Đã mở tieu-de-la.xlsx: 2 sheet (1 bảng điểm, 0 bảng đơn vị)");
    await expectText(status(), "Đã so sánh 1 bảng điểm với bộ tiêu chí mẫu mau.xlsx");

    await page.selectOption("#map-sheet", odd.name);
    await page.selectOption("#map-kind", "scoring");
    await page.selectOption("#map-row", String(header));
    for (const [role, col] of Object.entries({ code: 0, name: 1, max: 2, self: 3, appraised: 4 })) await page.selectOption(`#map-role-${role}`, String(col));
    await page.click("#map-apply");
    await expectText(status(), `Sheet "${odd.name}" được đọc là bảng chấm điểm`);
    await expectText(status(), 'Đã so sánh 2 bảng điểm với bộ tiêu chí mẫu mau.xlsx (sheet "Bộ tiêu chí"): 0 đúng bộ tiêu chí, 2 có khác biệt.');
    expect(await templateItems().evaluateAll((li) => li.map((x) => x.getAttribute("data-rule")))).toEqual(["template-missing", "template-max"]);
    expect(problems).toEqual([]);
  });
});

async function badgeErrors(tab: Locator): Promise<number> {
  const text = (await tab.locator(".badge.error").textContent()) ?? "";
  const m = /^(\d+) lỗi$/.exec(text);
  if (!m) throw new Error(`no error badge: "${text}"`);
  return Number(m[1]);
}

maybe("the criteria set chosen before the workbook, and in the Word draft", () => {
  const session = standaloneSession("cchc-page-tpl-first-");
  const status = () => session.page.locator("#status");

  it("is applied when the workbook is opened, and its errors are listed with the draft's, a second file added", async () => {
    const { page, dir } = session;
    const template = await writeGrids(path.join(dir, "mau.xlsx"), [criteriaSet()]);
    const unit = await writeGrids(path.join(dir, "don-vi-a.xlsx"), [unitA()]);
    const communes = await writeGrids(path.join(dir, "xa.xlsx"), [communesGrid("Xếp loại xã")]);
    await page.setInputFiles("#template-input", template);
    await expectText(status(), "Đã chọn bộ tiêu chí mẫu mau.xlsx; hãy mở bảng tính cần đối chiếu.");
    await page.setInputFiles("#file-input", unit);
    await expectText(status(), 'Đã so sánh 1 bảng điểm với bộ tiêu chí mẫu mau.xlsx (sheet "Bộ tiêu chí"): 0 đúng bộ tiêu chí, 1 có khác biệt.');
    expect(await page.locator('#findings li[data-rule^="template-"]').count()).toBe(2);
    // The errors counted on opening are the sheet's own and the criteria set's two.
    const own = scoringOf([unitA()], "Đơn vị A").findings.filter((f) => f.severity === "error").length;
    await expectText(status(), `Đã mở don-vi-a.xlsx: 1 sheet (1 bảng điểm, 0 bảng đơn vị), ${own + 2} lỗi`);

    await page.setInputFiles("#report-second-input", communes);
    await expectText(status(), "Đã thêm tệp thứ hai xa.xlsx");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-report")]);
    await download.path();
    await expectText(status(), "Đã lập bản thảo báo cáo");
    const said = (await status().textContent()) ?? "";
    expect(said).toContain("Thiếu tiêu chí 1.3.2");
    expect(said).toContain("Điểm tối đa của 2.1.1: bộ tiêu chí ghi 1,5, bảng này ghi 2.");
    expect(session.problems).toEqual([]);
  });
});

