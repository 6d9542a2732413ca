// Issue 19 §1: the criteria set's sheet (templateSheet) read from the saved settings.
import { checkSavedSettings } from "../../../../src/host/file/read/savedSettings";

describe("saved templateSheet", () => {
  test("a sheet name is kept, an empty one means none", () => {
    expect(checkSavedSettings(JSON.stringify({ templateSheet: "Bộ tiêu chí" })).settings?.templateSheet).toBe("Bộ tiêu chí");
    expect(checkSavedSettings(JSON.stringify({ templateSheet: "" })).settings?.templateSheet).toBeNull();
  });

  test("a value of the wrong kind is dropped with a notice", () => {
    const c = checkSavedSettings(JSON.stringify({ templateSheet: 5 }));
    expect(c.settings?.templateSheet).toBeUndefined();
    expect(c.notices.join(" ")).toContain("templateSheet");
  });
});
