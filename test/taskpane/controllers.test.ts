// The pane's commands over a fake host: the real engine on the seed's district sheet.
import { MemoryHost } from "../support/memoryHost";
import { districtGrid, communesGrid, AREA_MAXIMA, seedSum, COMMUNES } from "../fixtures/seed";
import { runValidation } from "../../src/taskpane/validateController";
import { applySubtotals, computeScores, describeOverwrite } from "../../src/taskpane/computeController";
import { previewSum } from "../../src/taskpane/sumPreview";
import { generateReport } from "../../src/taskpane/reportController";
import { parseBands, parseMapping, saveSettings } from "../../src/taskpane/settingsController";
import { SUMMARY_SHEET_NAME, RANKING_SHEET_NAME, excelRound, type GradeBand } from "../../src/engine";
import { errorSentence, UserError } from "../../src/taskpane/messages";

const AREA6_ROW = (grid = districtGrid()) => grid.values.findIndex((r) => r[0] === "6");

describe("Kiểm tra", () => {
  test("finds the seed's area 6 typed as 10 (its parts add up to 11.09), errors first, and highlights it", async () => {
    const grid = districtGrid({ typedAreas: { "6": 10 } });
    const host = new MemoryHost([grid, communesGrid()]);
    const steps: number[] = [];
    const report = await runValidation(host, { scope: "all", highlight: true, progress: (_m, f) => steps.push(f) });
    const district = report.groups.find((g) => g.sheet === grid.name)!;
    const mismatch = district.findings.find((f) => f.rule === "subtotal-mismatch" && f.row === AREA6_ROW(grid));
    expect(mismatch).toBeDefined();
    expect(mismatch!.severity).toBe("error");
    expect(mismatch!.cell).toBe(`E${AREA6_ROW(grid) + 1}`);
    // Errors before warnings inside the group.
    const severities = district.findings.map((f) => f.severity);
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === "error" ? -1 : 1)));
    expect(district.errors).toBe(severities.filter((s) => s === "error").length);
    expect(report.errors).toBe(report.groups.reduce((n, g) => n + g.errors, 0));
    // Every finding's cell is highlighted, nothing else.
    expect(host.highlighted).toHaveLength(report.errors + report.warnings);
    expect(host.highlighted).toContainEqual({ sheet: grid.name, address: mismatch!.cell });
    expect(report.highlighted).toBe(host.highlighted.length);
    expect(steps[steps.length - 1]).toBe(1);
  });

  test("the clean seed sheet has no subtotal error; scope 'active' looks at the active sheet only", async () => {
    const host = new MemoryHost([communesGrid(), districtGrid()], "Huyện Kon Rẫy");
    const report = await runValidation(host, { scope: "active", highlight: false });
    expect(report.groups.map((g) => g.sheet)).toEqual(["Huyện Kon Rẫy"]);
    expect(report.groups[0].findings.filter((f) => f.rule === "subtotal-mismatch")).toEqual([]);
    expect(host.highlighted).toEqual([]);
  });

  test("sheets that are not scoring sheets are listed with the engine's reason", async () => {
    const host = new MemoryHost([{ name: "Ghi chú", values: [["Một ghi chú"]] }, districtGrid()]);
    const report = await runValidation(host, { scope: "all", highlight: false });
    expect(report.skipped.map((s) => s.sheet)).toEqual(["Ghi chú"]);
    expect(report.skipped[0].reason.length).toBeGreaterThan(0);
  });
});

describe("Tính điểm", () => {
  test("shows per-area points, total 89.21/97, index 91.97, Xuất sắc for the appraised score", async () => {
    const host = new MemoryHost([districtGrid()]);
    const result = await computeScores(host);
    expect(result.areas.map((a) => a.max)).toEqual(AREA_MAXIMA);
    expect(result.areas.find((a) => a.code === "6")!.appraised).toBe(11.09);
    expect(result.appraised!.achieved).toBe(89.21);
    expect(result.appraised!.max).toBe(97);
    expect(excelRound(result.appraised!.index!, 2)).toBe(91.97);
    expect(result.appraised!.grade).toBe("Xuất sắc");
    // The fixture's own figure: the seed report gives no district self-assessment (test/fixtures/seed.ts).
    expect(result.self!.achieved).toBe(seedSum("", "self"));
    expect(result.official).toBe("appraised");
  });

  test("offers SUM formulas for empty parent cells and writes only those unless told to overwrite", async () => {
    const host = new MemoryHost([districtGrid({ blankParents: true })]);
    const result = await computeScores(host);
    // Parents have blank points (self, appraised) but typed maxima.
    expect(result.offer.empty.length).toBeGreaterThan(0);
    expect(result.offer.filled.length).toBeGreaterThan(0);
    expect(result.offer.empty.every((f) => f.existing === null)).toBe(true);
    expect(result.offer.filled.every((f) => f.existing !== null)).toBe(true);
    const written = await applySubtotals(host, result.offer, false);
    expect(written).toBe(result.offer.empty.length);
    expect(host.cellWrites.map((c) => c.address).sort()).toEqual(result.offer.empty.map((f) => f.address).sort());
    expect(host.cellWrites.every((c) => /^=SUM\(/.test(c.formula!))).toBe(true);
    // Each write carries what the cell held when read (empty), so a host can refuse a changed cell.
    expect(host.cellWrites.every((c) => c.expected === null)).toBe(true);
    // No filled cell was touched.
    const filled = new Set(result.offer.filled.map((f) => f.address));
    expect(host.cellWrites.some((c) => filled.has(c.address))).toBe(false);
  });

  test("overwriting writes the listed filled cells too, after the clerk agreed", async () => {
    const host = new MemoryHost([districtGrid({ typedAreas: { "6": 10 } })]);
    const result = await computeScores(host);
    const area6 = result.offer.filled.find((f) => f.row === AREA6_ROW() && f.col === 4)!;
    expect(area6.existing).toBe(10);
    // The clerk sees which typed numbers disagree with their parts, first: area 6 and, through it, the total.
    const grid = districtGrid({ typedAreas: { "6": 10 } });
    const totalRow = grid.values.findIndex((r) => r[1] === "Tổng điểm");
    const differing = result.offer.filled.filter((f) => f.differs);
    expect(differing.map((f) => f.address).sort()).toEqual([area6.address, `E${totalRow + 1}`].sort());
    expect(result.offer.filled.slice(0, differing.length).every((f) => f.differs)).toBe(true);
    expect(area6.becomes).toBe(11.09);
    expect(describeOverwrite(area6)).toBe(`${area6.address}: đang là "10", công thức cho 11,09 → ${area6.formula} (khác tổng các ô con)`);
    await applySubtotals(host, result.offer, true);
    expect(host.cellWrites.find((c) => c.address === area6.address)!.formula).toBe(area6.formula);
    expect(host.cellWrites.find((c) => c.address === area6.address)!.expected).toBe(10);
  });

  test("warns when the parts hold numbers typed as text, which Excel's SUM would skip", async () => {
    const plain = await computeScores(new MemoryHost([districtGrid({ blankParents: true })]));
    expect(plain.offer.textNumbers).toEqual([]);
    const text = await computeScores(new MemoryHost([districtGrid({ blankParents: true, commaText: true })]));
    expect(text.offer.textNumbers.length).toBeGreaterThan(0);
    const grid = districtGrid({ blankParents: true, commaText: true });
    const row = grid.values.findIndex((r) => r[0] === "1.6.1");
    expect(text.offer.textNumbers).toContain(`E${row + 1}`);
    expect(grid.values[row][4]).toBe("3,89");
  });

  test("a workbook without a scoring sheet gets a Vietnamese sentence saying what to do", async () => {
    const host = new MemoryHost([{ name: "Trống", values: [["x"]] }]);
    const err = await computeScores(host).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(errorSentence(err)).toMatch(/Không tìm thấy bảng điểm/);
  });
});

describe("Tạo báo cáo", () => {
  test("writes the summary and ranking sheets; a rerun replaces only its own sheets", async () => {
    const host = new MemoryHost([districtGrid(), communesGrid()]);
    const first = await generateReport(host, { date: new Date(2024, 0, 15) });
    expect(first.sheet).toBe("Huyện Kon Rẫy");
    expect(first.written.map((w) => w.name)).toEqual([SUMMARY_SHEET_NAME, RANKING_SHEET_NAME]);
    const ranking = host.written.find((w) => w.name === RANKING_SHEET_NAME)!.plan;
    for (const c of COMMUNES) expect(ranking.cells.some((cell) => cell.value === c.unit)).toBe(true);
    const sheetCount = host.sheets.length;
    const second = await generateReport(host, { date: new Date(2024, 0, 16) });
    expect(second.written.map((w) => w.name)).toEqual([SUMMARY_SHEET_NAME, RANKING_SHEET_NAME]);
    expect(host.sheets).toHaveLength(sheetCount);
  });

  test("a user's sheet named like the summary is left alone: the report takes another name", async () => {
    const userSheet = { name: SUMMARY_SHEET_NAME, values: [["Ghi chép của tôi"]] };
    const host = new MemoryHost([districtGrid(), userSheet]);
    const result = await generateReport(host, { date: new Date(2024, 0, 15) });
    expect(result.written[0]).toEqual({ desired: SUMMARY_SHEET_NAME, name: `${SUMMARY_SHEET_NAME} (2)` });
    expect(host.sheets.find((s) => s.name === SUMMARY_SHEET_NAME)!.values).toEqual([["Ghi chép của tôi"]]);
  });

  test("the chosen scoring sheet is the one summarised", async () => {
    const other = districtGrid({ typedAreas: { "6": 10 } }, "Huyện B");
    const host = new MemoryHost([districtGrid(), other]);
    const result = await generateReport(host, { sheet: "Huyện B", date: new Date(2024, 0, 15) });
    expect(result.sheet).toBe("Huyện B");
  });
});

describe("Cài đặt", () => {
  test("bands are parsed with a decimal comma, sorted, saved and handed to the custom functions", async () => {
    const bands = parseBands([
      { name: "Tốt", min: "80" },
      { name: "Xuất sắc", min: "89,5" },
      { name: "", min: "" },
      { name: "Yếu", min: "0" },
    ]);
    expect(bands).toEqual([{ name: "Xuất sắc", min: 89.5 }, { name: "Tốt", min: 80 }, { name: "Yếu", min: 0 }]);
    const host = new MemoryHost([districtGrid()]);
    let applied: GradeBand[] = [];
    await saveSettings(host, { bands, official: "self", columnMaps: {} }, (b) => (applied = b));
    expect(applied).toEqual(bands);
    expect(host.loadSettings().official).toBe("self");
    // The saved bands now decide the grade: 91.97 is below 95.
    await saveSettings(host, { bands: parseBands([{ name: "A", min: "95" }, { name: "B", min: "0" }]), official: "auto", columnMaps: {} }, () => undefined);
    expect((await computeScores(host)).appraised!.grade).toBe("B");
  });

  test("bad bands and mappings are refused with Vietnamese sentences", () => {
    expect(() => parseBands([{ name: "Tốt", min: "tám mươi" }])).toThrow(/phải là một số từ 0 đến 100/);
    expect(() => parseBands([{ name: "A", min: "80" }, { name: "B", min: "80" }])).toThrow(/cùng ngưỡng/);
    expect(() => parseMapping({ sheet: "S", headerRow: "x", columns: {} })).toThrow(/dòng tiêu đề/);
    expect(() => parseMapping({ sheet: "S", headerRow: "2", columns: { code: "A" } })).toThrow(/điểm tối đa/);
  });

  test("a column mapping makes a sheet with unrecognised headers readable", async () => {
    const grid = districtGrid();
    const header = grid.values.findIndex((r) => r[0] === "STT");
    grid.values[header] = ["Số", "Mục", "Chuẩn", "Tự", "Chấm", "Vì sao", "Ai"];
    grid.name = "Lạ";
    const host = new MemoryHost([grid]);
    expect(await computeScores(host).catch((e: unknown) => e)).toBeInstanceOf(UserError);
    const map = parseMapping({ sheet: "Lạ", headerRow: String(header + 1), columns: { code: "A", name: "B", max: "C", self: "D", appraised: "E", cause: "F", responsible: "G" } });
    await saveSettings(host, { bands: parseBands([{ name: "Xuất sắc", min: "90" }, { name: "Yếu", min: "0" }]), official: "auto", columnMaps: { Lạ: map } }, () => undefined);
    const result = await computeScores(host);
    expect(result.appraised!.achieved).toBe(89.21);
  });
});

describe("previewSum", () => {
  test("sums the referenced cells as Excel's SUM would: numbers only, text (even \"3,5\") and KPS skipped", () => {
    const grid = { name: "S", values: [[1.5], [2.25], ["KPS"], ["3,5"], [null], [4]] };
    expect(previewSum("=SUM(A1:A2,A6)", grid)).toBe(7.75);
    expect(previewSum("=SUM(A3:A5)", grid)).toBe(0);
    expect(previewSum("=ROUND(A1,2)", grid)).toBeNull();
  });
});
