// Issue 19 §1: the criteria set chosen as a file in Cài đặt (templateFile) read from the saved settings.
import { checkSavedSettings } from "../../../../src/host/file/read/savedSettings";

const STORED = {
  file: "mau.xlsx",
  sheet: "Bộ tiêu chí",
  criteria: [
    { code: "1", name: "Công tác chỉ đạo", max: 3 },
    { code: "1.1", name: "Kế hoạch", max: 1 },
    { code: "1.2", name: "Báo cáo", max: "KPS" },
    { code: "1.3", name: "Tuyên truyền", max: null },
  ],
};

describe("saved templateFile", () => {
  test("a stored set is kept as saved; null means none", () => {
    const c = checkSavedSettings(JSON.stringify({ templateFile: STORED, templateSheet: null }));
    expect(c.notices).toEqual([]);
    expect(c.settings?.templateFile).toEqual(STORED);
    expect(checkSavedSettings(JSON.stringify({ templateFile: null })).settings?.templateFile).toBeNull();
  });

  test.each([
    ["not an object", 5],
    ["no file name", { ...STORED, file: 3 }],
    ["criteria not a list", { ...STORED, criteria: {} }],
    ["a criterion without a code", { ...STORED, criteria: [{ name: "x", max: 1 }] }],
    ["a maximum of the wrong kind", { ...STORED, criteria: [{ code: "1", name: "x", max: true }] }],
  ])("%s: dropped with a Vietnamese notice, the other keys still read", (_why, value) => {
    const c = checkSavedSettings(JSON.stringify({ templateFile: value, previousSheet: "Năm 2023" }));
    expect(c.settings?.templateFile).toBeUndefined();
    expect(c.settings?.previousSheet).toBe("Năm 2023");
    expect(c.notices).toEqual(["Cài đặt đã lưu trong bảng tính không đọc được: bộ tiêu chí mẫu từ tệp (templateFile) sai dạng; dùng cài đặt mặc định."]);
  });

  test("a set with no criterion that reads is dropped, the notice naming its file and sheet", () => {
    const c = checkSavedSettings(JSON.stringify({ templateFile: { ...STORED, criteria: [{ code: "a.b", name: "x", max: 1 }] } }));
    expect(c.settings?.templateFile).toBeUndefined();
    expect(c.notices.join(" ")).toContain('bộ tiêu chí mẫu từ tệp "mau.xlsx", sheet "Bộ tiêu chí" (templateFile) không có tiêu chí nào đọc được');
  });
});
