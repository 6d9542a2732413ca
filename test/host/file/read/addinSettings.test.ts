// The settings the add-in saved in a workbook, read from the package's webextension parts: built
// with the fixture helper in the shape Office writes; other add-ins, broken JSON or XML, no parts.
import { Workbook } from "exceljs";
import JSZip from "jszip";
import type { EngineSettings } from "../../../../src/engine/core/types";
import { ADDIN_ID, MAX_SETTINGS_PART_BYTES, readAddinSettings, SETTINGS_PROPERTY } from "../../../../src/host/file/read/addinSettings";
import { DEFAULT_LIMITS } from "../../../../src/host/file/package/xlsxPackageCheck";
import { openXlsx, settingsSummary } from "../../../../src/host/file/xlsxAnalysis";
import { withAddinParts, withAddinSettings } from "../../../support/addinSettingsFixture";
import { addGridSheet } from "../../../cli/helpers/xlsxFiles";
import { communesGrid } from "../../../fixtures/seed";

const SAVED: Partial<EngineSettings> = {
  bands: [
    { name: "Nhóm A", min: 90 },
    { name: "Nhóm B", min: 0 },
  ],
  official: "appraised",
  columnMaps: { Lạ: { row: 2, columns: { unit: 1, appraised: 2, max: 3 }, kind: "units" } },
  previousSheet: "Năm 2023",
  blockBands: { "Khối xã": [{ name: "Đạt", min: 50 }, { name: "Chưa đạt", min: 0 }] },
  unranked: ["Xã Mới"],
  leadOffices: { "6": "Phòng Tài chính - Kế hoạch" },
  issuer: "UBND tỉnh Kon Tum",
};

async function plainXlsx(): Promise<Uint8Array> {
  const wb = new Workbook();
  addGridSheet(wb, communesGrid());
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const read = (bytes: Uint8Array) => readAddinSettings(bytes, DEFAULT_LIMITS);

describe("readAddinSettings", () => {
  it("reads every field the add-in saved, from the part the task panes name", async () => {
    const saved = await read(await withAddinSettings(await plainXlsx(), SAVED));
    expect(saved.notices).toEqual([]);
    expect(saved.part).toBe("xl/webextensions/webextension1.xml");
    expect(saved.settings).toEqual(SAVED);
  });

  it("gives nothing, and no notice, for a workbook without webextension parts", async () => {
    expect(await read(await plainXlsx())).toEqual({ settings: null, notices: [] });
  });

  it("takes ours among other add-ins, by its property and our manifest's Id", async () => {
    const other = { id: "wa104380862", properties: { "Office.AutoShowTaskpaneWithDocument": "true", Other: '{"bands":1}' } };
    // Another add-in that happens to use the same setting name: ours is the one with our Id.
    const impostor = { id: "11111111-2222-3333-4444-555555555555", properties: { [SETTINGS_PROPERTY]: JSON.stringify({ official: "self" }) } };
    const bytes = await withAddinSettings(await plainXlsx(), { official: "appraised" }, { others: [other, impostor] });
    const saved = await read(bytes);
    expect(saved.part).toBe("xl/webextensions/webextension3.xml");
    expect(saved.settings).toEqual({ official: "appraised" });
  });

  it("matches our Id written with braces and in capitals", async () => {
    const bytes = await withAddinSettings(await plainXlsx(), { official: "self" }, { addinId: `{${ADDIN_ID.toUpperCase()}}` });
    expect((await read(bytes)).settings).toEqual({ official: "self" });
  });

  it("says in Vietnamese when the saved value is not JSON, and uses the defaults", async () => {
    const saved = await read(await withAddinSettings(await plainXlsx(), null, { raw: '{"bands": [' }));
    expect(saved.settings).toBeNull();
    expect(saved.notices).toEqual(["Cài đặt đã lưu trong bảng tính không đọc được: giá trị CCHC_SETTINGS không phải JSON hợp lệ; dùng cài đặt mặc định."]);
  });

  it("drops a field of the wrong shape with a notice, keeps the others, ignores unknown keys", async () => {
    const value = { bands: [{ name: "A", min: "chín mươi" }], official: "self", future: { x: 1 }, columnMaps: { S: { row: -1, columns: {} }, T: { row: 0, columns: { unit: 0, appraised: 1, later: 9 } } } };
    const saved = await read(await withAddinSettings(await plainXlsx(), value));
    expect(saved.settings).toEqual({ official: "self", columnMaps: { T: { row: 0, columns: { unit: 0, appraised: 1 } } } });
    expect(saved.notices).toHaveLength(2);
    expect(saved.notices[0]).toMatch(/^Cài đặt đã lưu trong bảng tính không đọc được: các mức xếp loại \(bands\) sai dạng; dùng cài đặt mặc định\.$/);
    expect(saved.notices[1]).toMatch(/khai báo cột của sheet "S" sai dạng/);
  });

  it("keeps a sheet named __proto__ as a sheet, not as the object's prototype", async () => {
    const raw = `{"columnMaps": {"__proto__": {"row": 1, "columns": {"code": 0, "max": 2, "self": 3}}}}`;
    const saved = await read(await withAddinSettings(await plainXlsx(), null, { raw }));
    const maps = saved.settings!.columnMaps!;
    expect(Object.prototype.hasOwnProperty.call(maps, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(maps)).toBe(Object.prototype);
  });

  it("says when our part is not XML, and is not thrown off by it", async () => {
    const zip = await JSZip.loadAsync(await withAddinSettings(await plainXlsx(), SAVED));
    zip.file("xl/webextensions/webextension1.xml", "<we:webextension xmlns:we='x'><unclosed>");
    const saved = await read(await zip.generateAsync({ type: "uint8array" }));
    expect(saved.settings).toBeNull();
    expect(saved.notices).toEqual(["Cài đặt đã lưu trong bảng tính không đọc được: phần xl/webextensions/webextension1.xml không phải XML hợp lệ; dùng cài đặt mặc định."]);
  });

  it("finds a webextension part no task pane names", async () => {
    const zip = await JSZip.loadAsync(await withAddinSettings(await plainXlsx(), { official: "self" }));
    zip.remove("xl/webextensions/_rels/taskpanes.xml.rels");
    expect((await read(await zip.generateAsync({ type: "uint8array" }))).settings).toEqual({ official: "self" });
  });

  it("does not inflate a settings part larger than Office ever writes", async () => {
    const big = JSON.stringify({ official: "self", pad: "x".repeat(MAX_SETTINGS_PART_BYTES) });
    const saved = await read(await withAddinParts(await plainXlsx(), [{ properties: { [SETTINGS_PROPERTY]: big } }]));
    expect(saved.settings).toBeNull();
    expect(saved.notices).toEqual(["Cài đặt đã lưu trong bảng tính không đọc được: phần xl/webextensions/webextension1.xml quá lớn; dùng cài đặt mặc định."]);
  });

  it("leaves a damaged package to the workbook reader", async () => {
    const bytes = await withAddinSettings(await plainXlsx(), SAVED);
    const cut = bytes.slice(0, bytes.length - 40);
    expect(await read(cut)).toEqual({ settings: null, notices: [] });
    await expect(openXlsx(cut)).rejects.toThrow(/Tệp \.xlsx bị hỏng/);
  });
});

describe("openXlsx with saved settings", () => {
  it("uses them, says so, and lets given settings win field by field", async () => {
    const bytes = await withAddinSettings(await plainXlsx(), { official: "self", bands: SAVED.bands });
    const opened = await openXlsx(bytes);
    expect(opened.settingsSource).toBe("workbook");
    expect(opened.settings.official).toBe("self");
    expect(settingsSummary(opened)).toBe("Dùng cài đặt đã lưu trong bảng tính (xếp loại: Nhóm A từ 90, Nhóm B từ 0; điểm chính thức: tự đánh giá).");
    const over = await openXlsx(bytes, { official: "appraised" });
    expect(over.settingsSource).toBe("workbook+options");
    expect(over.settings.official).toBe("appraised");
    expect(over.settings.bands).toEqual(SAVED.bands);
  });

  it("says which sheets the saved settings name that the workbook no longer has", async () => {
    const opened = await openXlsx(await withAddinSettings(await plainXlsx(), { columnMaps: SAVED.columnMaps, previousSheet: "Năm 2023" }));
    expect(opened.settingsNotices).toEqual([
      'Khai báo cột cho sheet "Lạ" trong cài đặt không dùng được: bảng tính không còn sheet này; các sheet có: "Xếp loại xã".',
      'Sheet năm trước "Năm 2023" chọn trong cài đặt không còn trong bảng tính; không so sánh với năm trước.',
    ]);
  });

  it("grades the units table with the saved bands", async () => {
    const plain = await openXlsx(await plainXlsx());
    const saved = await openXlsx(await withAddinSettings(await plainXlsx(), { bands: SAVED.bands }));
    const grades = (o: typeof plain) => {
      const s = o.analysis.sheets.find((x) => x.kind === "units");
      if (s?.kind !== "units") throw new Error("no units table");
      return [...new Set(s.ranking.map((r) => r.grade))].sort();
    };
    expect(plain.settingsSource).toBe("default");
    expect(settingsSummary(plain)).toBeNull();
    expect(grades(plain)).not.toEqual(expect.arrayContaining(["Nhóm A"]));
    expect(grades(saved).every((g) => g === "Nhóm A" || g === "Nhóm B")).toBe(true);
  });
});
