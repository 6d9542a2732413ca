// The column-map form's logic (shared by the pane and the page) and what "Cài đặt" saves from
// its form: maps of both kinds from header texts, bands per block, units kept out of the ranking.
import { MemoryHost } from "../support/memoryHost";
import { communesGrid, districtGrid, DISTRICT_HEADER } from "../fixtures/seed";
import {
  columnChoices,
  columnsFor,
  guessColumns,
  headerRowChoices,
  MapFormError,
  parseColumnMap,
  proposeMap,
  type MapChoice,
} from "../../src/forms/columnMapModel";
import { detectHeader } from "../../src/engine/cells/header";
import { analyzeSheet, analyzeWorkbook } from "../../src/engine/analyze";
import type { CellValue, EngineSettings, Grid, UnitsSheet } from "../../src/engine/core/types";
import { parseBlockBands, settingsFromForm, workbookBlocks, workbookUnits, type SettingsForm } from "../../src/taskpane/settingsForm";
import { currentSettings, saveSettings } from "../../src/taskpane/settingsController";
import { runValidation } from "../../src/taskpane/validateController";
import { UserError } from "../../src/taskpane/messages";

/** The seed's communes table with headers no detector can know. */
function unknownCommunes(): { grid: Grid; header: number } {
  const grid = communesGrid("Bảng lạ");
  const header = grid.values.findIndex((r) => r[1] === "Tên đơn vị");
  grid.values[header] = grid.values[header].map((_, i) => `Cột ${i + 1}`);
  return { grid, header };
}

const emptyForm = (settings: EngineSettings): SettingsForm => ({
  bands: settings.bands.map((b) => ({ name: b.name, min: String(b.min) })),
  blockBands: {},
  official: settings.official,
  mapping: null,
  removeMappings: [],
  previousSheet: "",
  unranked: [],
});

describe("the form's choices", () => {
  test("header rows: the first rows with their first texts and Excel's row numbers", () => {
    const grid = { ...districtGrid(), origin: { row: 2, col: 0 } };
    const rows = headerRowChoices(grid);
    expect(rows).toHaveLength(Math.min(30, grid.values.length));
    const header = grid.values.findIndex((r) => r[0] === DISTRICT_HEADER[0]);
    // Long texts are cut short; the row number is Excel's.
    expect(rows[header].label).toMatch(new RegExp(`^Dòng ${header + 3}: ${DISTRICT_HEADER[0]} \\| .+ \\| ${DISTRICT_HEADER[2]} \\| ${DISTRICT_HEADER[3]} \\| …$`));
    expect(rows[0].label).toMatch(/^Dòng 3: /);
  });

  test("a column's text joins a group header above its sub-columns; merged-down texts stand alone", () => {
    const values: CellValue[][] = [
      ["KẾT QUẢ CHỈ SỐ CCHC", null, null, null, null],
      ["Tỉnh, thành phố", "Năm 2022", null, "Năm 2023", null],
      [null, "Chỉ số (%)", "Xếp hạng", "Chỉ số (%)", "Xếp hạng"],
      ["Kon Tum", 85.5, 20, 87.1, 12],
    ];
    const choices = columnChoices({ name: "S", values }, 2);
    expect(choices.map((c) => c.label)).toEqual([
      "A — Tỉnh, thành phố",
      "B — Năm 2022 Chỉ số (%)",
      "C — Năm 2022 Xếp hạng",
      "D — Năm 2023 Chỉ số (%)",
      "E — Năm 2023 Xếp hạng",
    ]);
    // A title above a one-row header lends no text.
    expect(columnChoices({ name: "S", values }, 1).map((c) => c.text)).toEqual(["Tỉnh, thành phố", "Năm 2022", "Năm 2023"]);
  });

  test("a header over three rows joins both group rows above it", () => {
    const values: CellValue[][] = [
      ["KẾT QUẢ CHỈ SỐ CCHC CÁC SỞ", null, null, null, null, null],
      ["STT", "Sở, ban, ngành", "Năm 2023", null, null, null],
      [null, null, "Điểm thẩm định", null, "Chỉ số (%)", "Xếp hạng"],
      [null, null, "Tối đa", "Đạt", null, null],
      [1, "Sở Nội vụ", 100, 91.3, 91.3, 1],
    ];
    const grid = { name: "S", values };
    expect(columnChoices(grid, 3).map((c) => c.label)).toEqual([
      "A — STT",
      "B — Sở, ban, ngành",
      "C — Năm 2023 Điểm thẩm định Tối đa",
      "D — Năm 2023 Điểm thẩm định Đạt",
      "E — Năm 2023 Chỉ số (%)",
      "F — Năm 2023 Xếp hạng",
    ]);
    expect(guessColumns(grid, "units", 3)).toEqual({ code: 0, unit: 1, max: 2, achieved: 3, index: 4, rank: 5 });
    // Read from its middle row, the header joins only the row above it.
    expect(columnChoices(grid, 2).find((c) => c.col === 2)!.text).toBe("Năm 2023 Điểm thẩm định");
  });

  test("a recognised sheet is proposed as detected, for each kind", () => {
    for (const grid of [districtGrid(), communesGrid()]) {
      const detected = detectHeader(grid);
      if (detected.kind === "other") throw new Error("seed sheet not detected");
      const proposed = proposeMap(grid);
      expect(proposed.kind).toBe(detected.kind);
      expect(proposed.row).toBe(detected.header.row);
      for (const [role, col] of Object.entries(proposed.columns)) expect(detected.header.columns[role as keyof typeof detected.header.columns]).toBe(col);
      // What the form proposes saves as a map that reads the sheet as detection does.
      const saved = parseColumnMap(proposed, grid);
      const withMap = analyzeSheet(grid, { columnMaps: { [grid.name]: saved } });
      expect(withMap.kind === "other" ? null : withMap.header.kind).toBe(detected.kind);
      if (withMap.kind !== "other") delete withMap.header.kind;
      expect(withMap).toEqual(analyzeSheet(grid));
    }
  });

  test("roles are guessed from the header texts; a saved map wins; another row or kind is guessed afresh", () => {
    const grid: Grid = { name: "S", values: [["Ghi chú"], ["Đơn vị", "Điểm thẩm định", "Điểm tối đa", "Xếp hạng"], ["A", 80, 100, 1]] };
    expect(guessColumns(grid, "units", 1)).toEqual({ unit: 0, appraised: 1, max: 2, rank: 3 });
    // The scoring kind has no unit or rank role.
    expect(guessColumns(grid, "scoring", 1)).toEqual({ appraised: 1, max: 2 });
    const saved = proposeMap(grid, { row: 1, columns: { unit: 3, appraised: 2 }, kind: "units" });
    expect(saved).toEqual({ sheet: "S", kind: "units", row: 1, columns: { unit: 3, appraised: 2 } });
    expect(columnsFor(grid, "units", 1, saved)).toEqual({ unit: 3, appraised: 2 });
    expect(columnsFor(grid, "units", 0, saved)).toEqual({});
    // A map saved before maps declared their kind is shown as the kind its columns tell.
    expect(proposeMap(grid, { row: 1, columns: { unit: 0, appraised: 1 } }).kind).toBe("units");
    expect(proposeMap(grid, { row: 1, columns: { code: 0, max: 2, appraised: 1 } }).kind).toBe("scoring");
  });

  test("a scoring sheet's evidence and after-explanation columns are offered and guessed", () => {
    const grid: Grid = { name: "S", values: [["STT", "Điểm tối đa", "Điểm thẩm định", "Tài liệu, minh chứng", "Điểm thẩm định lại"], ["1.1", 2, 1, null, 2]] };
    expect(guessColumns(grid, "scoring", 0)).toEqual({ code: 0, max: 1, appraised: 2, evidence: 3, afterExplanation: 4 });
    expect(guessColumns(grid, "units", 0)).not.toHaveProperty("evidence");
  });
});

describe("the map saved", () => {
  const choice = (columns: MapChoice["columns"], kind: MapChoice["kind"] = "units"): MapChoice => ({ sheet: "Bảng lạ", kind, row: 1, columns });

  test("a role chosen twice, a required role missing, no figure: refused naming them", () => {
    const { grid } = unknownCommunes();
    const twice = () => parseColumnMap(choice({ unit: 1, block: 1, appraised: 3 }), grid);
    expect(twice).toThrow(MapFormError);
    expect(twice).toThrow('cột B được chọn cho cả "đơn vị" và "khối"');
    expect(() => parseColumnMap(choice({ appraised: 3 }), grid)).toThrow("hãy chọn cột đơn vị");
    expect(() => parseColumnMap(choice({ unit: 1, max: 4 }), grid)).toThrow(/ít nhất một cột điểm tự đánh giá, điểm thẩm định, điểm đạt hoặc chỉ số/);
    expect(() => parseColumnMap(choice({ code: 0, self: 2 }, "scoring"), grid)).toThrow("hãy chọn cột điểm tối đa");
  });

  test("the kind is declared; achieved points stand for the appraised score where none is chosen", () => {
    expect(parseColumnMap(choice({ unit: 1, achieved: 3, max: 4 }))).toEqual({ row: 1, kind: "units", columns: { unit: 1, achieved: 3, appraised: 3, max: 4 } });
    // ... and the form shows it back as achieved only.
    const { grid } = unknownCommunes();
    expect(proposeMap(grid, { row: 1, kind: "units", columns: { unit: 1, achieved: 3, appraised: 3, max: 4 } }).columns).toEqual({ unit: 1, achieved: 3, max: 4 });
  });

  test("an unrecognised units table mapped in Cài đặt is checked and ranked as the recognised one", async () => {
    const { grid, header } = unknownCommunes();
    const host = new MemoryHost([grid]);
    expect(analyzeSheet(grid).kind).toBe("other");
    const settings = currentSettings(host);
    const form: SettingsForm = { ...emptyForm(settings), mapping: { sheet: grid.name, kind: "units", row: header, columns: { code: 0, unit: 1, self: 2, appraised: 3, max: 4 } } };
    await saveSettings(host, settingsFromForm(settings, form, [grid]), () => undefined);
    expect(host.settings.columnMaps![grid.name]).toEqual({ row: header, kind: "units", columns: { code: 0, unit: 1, self: 2, appraised: 3, max: 4 } });
    const report = await runValidation(host, { scope: "all", highlight: false });
    expect(report.skipped).toEqual([]);
    expect(report.groups.map((g) => [g.sheet, g.kind])).toEqual([[grid.name, "units"]]);
    const mapped = analyzeWorkbook([grid], host.settings).sheets[0] as UnitsSheet;
    const recognised = analyzeSheet(communesGrid()) as UnitsSheet;
    expect(mapped.ranking.map((r) => [r.unit, r.index, r.rank, r.grade])).toEqual(recognised.ranking.map((r) => [r.unit, r.index, r.rank, r.grade]));
  });
});

describe("bands per block and units kept out of the ranking", () => {
  const blocksGrid = (): Grid => ({
    name: "Khối",
    values: [
      ["STT", "Đơn vị", "Khối", "Điểm thẩm định", "Điểm tối đa"],
      [1, "Sở Tư pháp", "Sở, ngành", 90, 100],
      [2, "Sở Nội vụ", null, 80, 100],
      [3, "UBND xã A", "Xã", 70, 100],
    ],
  });

  test("blocks and units come from the workbook's units tables and the saved settings", () => {
    const settings = { ...currentSettings(new MemoryHost([])), blockBands: { "Khối cũ": [{ name: "A", min: 0 }] }, unranked: ["Đơn vị đã xóa"] };
    const analysis = analyzeWorkbook([blocksGrid(), districtGrid()], settings);
    expect(workbookBlocks(analysis, settings)).toEqual(["Sở, ngành", "Xã", "Khối cũ"]);
    expect(workbookUnits(analysis, settings)).toEqual(["Sở Tư pháp", "Sở Nội vụ", "UBND xã A", "Đơn vị đã xóa"]);
  });

  test("a block's own bands are parsed as the common ones; an empty block uses the common bands; errors name the block", () => {
    const blank = Array.from({ length: 3 }, () => ({ name: "", min: "" }));
    expect(parseBlockBands({ Xã: [{ name: "Nhóm B", min: "80" }, { name: "Nhóm A", min: "90" }, ...blank], "Sở, ngành": blank })).toEqual({
      Xã: [{ name: "Nhóm A", min: 90 }, { name: "Nhóm B", min: 80 }],
    });
    expect(() => parseBlockBands({ Xã: [{ name: "Nhóm A", min: "chín mươi" }] })).toThrow(UserError);
    expect(() => parseBlockBands({ Xã: [{ name: "Nhóm A", min: "chín mươi" }] })).toThrow(/^Khối "Xã": Xếp loại "Nhóm A"/);
  });

  test("the form saves block bands, units kept out, keeps other maps, removes those asked", () => {
    const grid = blocksGrid();
    const other = { row: 0, columns: { unit: 1, appraised: 3 }, kind: "units" as const };
    const previous = { ...currentSettings(new MemoryHost([])), columnMaps: { Khối: other, "Cũ": other } };
    const next = settingsFromForm(
      previous,
      { ...emptyForm(previous), blockBands: { Xã: [{ name: "Nhóm A", min: "90" }, { name: "Nhóm B", min: "0" }] }, unranked: ["UBND xã A"], removeMappings: ["Cũ"] },
      [grid],
    );
    expect(next.blockBands).toEqual({ Xã: [{ name: "Nhóm A", min: 90 }, { name: "Nhóm B", min: 0 }] });
    expect(next.unranked).toEqual(["UBND xã A"]);
    expect(next.columnMaps).toEqual({ Khối: other });
    expect(next.bands).toEqual(previous.bands);
    // A map for a sheet that is gone is refused in Vietnamese, nothing half-saved.
    const gone = { ...emptyForm(previous), mapping: { sheet: "Không có", kind: "units" as const, row: 0, columns: { unit: 0, appraised: 1 } } };
    expect(() => settingsFromForm(previous, gone, [grid])).toThrow(/Không còn sheet "Không có"/);
    const twice = { ...emptyForm(previous), mapping: { sheet: "Khối", kind: "units" as const, row: 0, columns: { unit: 1, block: 1, appraised: 3 } } };
    expect(() => settingsFromForm(previous, twice, [grid])).toThrow(UserError);
  });
});
