// "Tạo báo cáo" → the Word draft over a fake host: a .docx handed to saveFile where the host can
// save files (Office on the web), else the printable sheet "Bản thảo báo cáo", replaced on rerun.
import { MemoryHost } from "../support/memoryHost";
import { COMMUNES, communesGrid, districtGrid } from "../fixtures/seed";
import { unitScoringGrid } from "../fixtures/units";
import { draftSourceText } from "../../src/report/draftSource";
import { THIS_WORKBOOK, type SecondWorkbook } from "../../src/taskpane/secondWorkbook";
import { docxText } from "../support/docxText";
import { generateReport, generateWordDraft, WORD_FILE_NAME } from "../../src/taskpane/reportController";
import { HOW_TO_COPY } from "../../src/taskpane/messages";
import { canSaveFiles } from "../../src/taskpane/reportFile";
import { UserError } from "../../src/taskpane/messages";
import { DRAFT_SHEET_NAME } from "../../src/engine/reportDraft";
import { expectValidOoxmlBytes } from "../support/ooxmlCheck";

describe("the Word draft from the task pane", () => {
  test("where the host saves files, the pane hands over a .docx with the seed's figures and writes no sheet", async () => {
    const host = new MemoryHost([districtGrid(), communesGrid()]);
    const saved: Array<{ bytes: Uint8Array; name: string; mime: string }> = [];
    const result = await generateWordDraft(host, { saveFile: (bytes, name, mime) => saved.push({ bytes, name, mime }) });
    expect(result).toMatchObject({ kind: "file", sheet: "Huyện Kon Rẫy", fileName: WORD_FILE_NAME, notice: [] });
    expect(saved).toHaveLength(1);
    expect(saved[0].mime).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const text = await docxText(saved[0].bytes);
    expect(text).toContain("89,21/97 điểm (Chỉ số cải cách hành chính: 91,969 điểm)");
    expect(text).toContain("Ủy ban nhân dân xã Đăk Pnê: điểm tự đánh giá 91,16 điểm; thẩm định 87,23/94,5 điểm, chỉ số đạt 92,31%");
    expect(host.written).toEqual([]);
    await expectValidOoxmlBytes(saved[0].bytes, WORD_FILE_NAME);
  });

  test("elsewhere it writes 'Bản thảo báo cáo' with how to copy it into Word, and a rerun replaces only that sheet", async () => {
    const host = new MemoryHost([districtGrid(), communesGrid()]);
    const first = await generateWordDraft(host);
    expect(first).toMatchObject({ kind: "sheet", written: DRAFT_SHEET_NAME });
    const sheet = host.sheets.find((s) => s.name === DRAFT_SHEET_NAME)!;
    const lines = sheet.values.map((r) => r[0]);
    expect(lines[0]).toBe(HOW_TO_COPY);
    expect(lines).toContain("6. Cải cách tài chính công: UBND huyện đạt 11,09/13 điểm; tiêu chí thành phần bị mất điểm, cụ thể:");
    expect(host.written[0].plan.marker).toBe("CCHC_GEN_DRAFT");
    const count = host.sheets.length;
    await generateWordDraft(host);
    expect(host.sheets).toHaveLength(count);
    // The generated sheet is not read back as data by the other commands.
    const report = await generateReport(host, { date: new Date(2024, 0, 15) });
    expect(report.sheet).toBe("Huyện Kon Rẫy");
  });

  test("a draft sheet the clerk edited is kept, and the result says so", async () => {
    const host = new MemoryHost([districtGrid(), communesGrid()]);
    await generateWordDraft(host);
    host.sheets.find((s) => s.name === DRAFT_SHEET_NAME)!.values[3][0] = "Đoạn cán bộ đã viết lại";
    const again = await generateWordDraft(host);
    expect(again).toMatchObject({ kind: "sheet", written: `${DRAFT_SHEET_NAME} (2)` });
    expect(again.kind === "sheet" && again.kept.map((k) => [k.sheet, k.reason])).toEqual([[DRAFT_SHEET_NAME, "edited"]]);
    expect(host.sheets.find((s) => s.name === DRAFT_SHEET_NAME)!.values[3][0]).toBe("Đoạn cán bộ đã viết lại");
  });

  test("a user's sheet named 'Bản thảo báo cáo' is left alone", async () => {
    const mine = { name: DRAFT_SHEET_NAME, values: [["Bản thảo của tôi"]] };
    const host = new MemoryHost([districtGrid(), mine]);
    const result = await generateWordDraft(host);
    expect(result).toMatchObject({ kind: "sheet", written: `${DRAFT_SHEET_NAME} (2)` });
    expect(host.sheets.find((s) => s.name === DRAFT_SHEET_NAME)!.values).toEqual([["Bản thảo của tôi"]]);
  });

  test("errors in the sheet are listed next to the draft, and the draft's figures come from the leaves", async () => {
    const host = new MemoryHost([districtGrid({ typedAreas: { "6": 10 } })]);
    const result = await generateWordDraft(host);
    expect(result.notice[0]).toMatch(/^Bảng tính có \d+ lỗi; các lỗi này không được đưa vào báo cáo/);
    expect(result.notice.slice(1).every((l) => l.startsWith("Huyện Kon Rẫy!"))).toBe(true);
    const lines = host.sheets.find((s) => s.name === DRAFT_SHEET_NAME)!.values.map((r) => String(r[0]));
    expect(lines.some((l) => l.includes("Cải cách tài chính công: UBND huyện đạt 11,09/13 điểm"))).toBe(true);
  });

  test("a workbook with only a units table gives the ranking report; one with neither gets a Vietnamese sentence", async () => {
    const host = new MemoryHost([communesGrid()]);
    const result = await generateWordDraft(host);
    expect(result).toMatchObject({ kind: "sheet", sheet: null, units: ["Xếp loại xã"] });
    const lines = host.sheets.find((s) => s.name === DRAFT_SHEET_NAME)!.values.map((r) => String(r[0]));
    const excellent = COMMUNES.filter((c) => c.grade === "Xuất sắc").length;
    expect(lines.some((l) => l.includes(`${String(excellent).padStart(2, "0")}/07 xã, thị trấn xếp loại Xuất sắc`))).toBe(true);
    const empty = new MemoryHost([{ name: "Ghi chú", values: [["Không có số liệu"]] }]);
    await expect(generateWordDraft(empty)).rejects.toThrow(UserError);
    await expect(generateWordDraft(empty)).rejects.toThrow(/Không tìm thấy bảng điểm hay bảng xếp loại/);
  });

  test("a second workbook is read as part of this one: section II from its table; colliding names get its file's name", async () => {
    const host = new MemoryHost([districtGrid({}, "Sheet1")]);
    const second: SecondWorkbook = { name: "xa-2023.xlsx", grids: [communesGrid("Sheet1")], hidden: [], columnMaps: {} };
    const saved: Uint8Array[] = [];
    const result = await generateWordDraft(host, { second, saveFile: (bytes) => saved.push(bytes) });
    expect(result).toMatchObject({ kind: "file", sheet: `Sheet1 (${THIS_WORKBOOK})`, units: ["Sheet1 (xa-2023.xlsx)"] });
    const text = await docxText(saved[0]);
    expect(text).toContain("Ủy ban nhân dân xã Đăk Pnê: điểm tự đánh giá 91,16 điểm; thẩm định 87,23/94,5 điểm, chỉ số đạt 92,31%");
    expect(draftSourceText({ scoring: result.sheet, units: result.units })).toBe(`từ sheet "Sheet1 (${THIS_WORKBOOK})" và bảng xếp hạng "Sheet1 (xa-2023.xlsx)"`);
  });

  test("lead offices saved in the settings name each area's lead in section III", async () => {
    const host = new MemoryHost([districtGrid()]);
    host.settings = { leadOffices: { "6": "Phòng Tài chính và Kế hoạch huyện Kon Rẫy" } };
    const saved: Uint8Array[] = [];
    await generateWordDraft(host, { saveFile: (bytes) => saved.push(bytes) });
    const text = await docxText(saved[0]);
    expect(text).toContain("Cơ quan chủ trì, tham mưu: Phòng Tài chính và Kế hoạch huyện Kon Rẫy.");
    // The areas without a setting keep their usual office.
    expect(text).toContain("Cơ quan chủ trì, tham mưu: Phòng Tư pháp.");
  });

  test("section I is the sheet asked for; among communes' own sheets none is, unless chosen", async () => {
    const grids = [
      unitScoringGrid("Xã A", "UBND xã Đăk Kôi", 2023, { "1": 12 }),
      unitScoringGrid("Xã B", "UBND xã Đăk Pne", 2023, { "1": 11 }),
    ];
    const none = await generateWordDraft(new MemoryHost(grids, "Xã A"));
    expect(none.sheet).toBeNull();
    expect(draftSourceText({ scoring: none.sheet, units: none.units })).toBe("từ các bảng điểm của các đơn vị");
    const chosen = await generateWordDraft(new MemoryHost(grids), { sheet: "Xã B" });
    expect(chosen.sheet).toBe("Xã B");
  });

  test("only Office on the web may save files from the pane", () => {
    expect(canSaveFiles("OfficeOnline")).toBe(true);
    for (const platform of ["PC", "Mac", "iOS", "Universal", undefined]) expect(canSaveFiles(platform)).toBe(false);
  });
});
