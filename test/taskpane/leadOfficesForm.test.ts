// Cài đặt → "Cơ quan chủ trì, tham mưu từng lĩnh vực": one box per area of the workbook's scoring
// sheets, the usual office as placeholder; only what was typed is saved. (The form itself is
// driven in Chromium: test/browser/taskpaneWordDraft.test.ts.)
import { analyzeWorkbook } from "../../src/engine/analyze";
import { AREA_MAXIMA, districtGrid } from "../fixtures/seed";
import { leadOfficesFromForm, settingsFromForm, workbookAreas } from "../../src/taskpane/settingsForm";
import { unchangedForm } from "./helpers/settingsForm";
import { currentSettings } from "../../src/taskpane/settingsController";
import { MemoryHost } from "../support/memoryHost";

describe("lead offices in Cài đặt", () => {
  test("every area of the scoring sheet is offered, in sentence case, with the district's usual office", () => {
    const grids = [districtGrid()];
    const areas = workbookAreas(analyzeWorkbook(grids));
    expect(areas).toHaveLength(AREA_MAXIMA.length);
    expect(areas.find((a) => a.code === "6")).toMatchObject({ usual: "Phòng Tài chính - Kế hoạch" });
    expect(areas.find((a) => a.code === "2")).toMatchObject({ usual: "Phòng Tư pháp" });
    expect(areas.every((a) => a.name !== a.name.toUpperCase())).toBe(true);
  });

  test("settingsFromForm saves only what was typed; an emptied box gives the area its usual office back", () => {
    const host = new MemoryHost([districtGrid()]);
    host.settings = { leadOffices: { "2": "Phòng Tư pháp huyện", "99": "Văn phòng khác" } };
    const settings = currentSettings(host);
    expect(settings.leadOffices).toEqual({ "2": "Phòng Tư pháp huyện", "99": "Văn phòng khác" });
    const form = unchangedForm(host, { leadOffices: { "2": "", "6": "  Phòng Tài chính và Kế hoạch  " } });
    // Area 99 is not in this workbook, so not in the form: its setting stays.
    expect(settingsFromForm(settings, form, host.sheets).leadOffices).toEqual({ "6": "Phòng Tài chính và Kế hoạch", "99": "Văn phòng khác" });
  });

  test("the issuer typed in Cài đặt is saved trimmed; emptied, the title rows' is used again", () => {
    const host = new MemoryHost([districtGrid()]);
    host.settings = { issuer: "UBND huyện Cũ" };
    const settings = currentSettings(host);
    expect(settings.issuer).toBe("UBND huyện Cũ");
    const form = unchangedForm(host, { issuer: "  UBND huyện Kon Rẫy " });
    expect(settingsFromForm(settings, form, host.sheets).issuer).toBe("UBND huyện Kon Rẫy");
    expect(settingsFromForm(settings, { ...form, issuer: "   " }, host.sheets).issuer).toBeNull();
  });

  test("leadOfficesFromForm trims, drops empty boxes, and keeps areas that were not shown", () => {
    expect(leadOfficesFromForm(undefined, { "1": " A ", "2": "   " })).toEqual({ "1": "A" });
    expect(leadOfficesFromForm({ "1": "Cũ", "3": "Giữ" }, { "1": "" })).toEqual({ "3": "Giữ" });
  });
});
