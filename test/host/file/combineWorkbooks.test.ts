// Several workbooks read as one (cchc report A B, the page's and the pane's second file): sheet
// names that collide get their file's name, hidden sheets keep following their sheet.
import { combineWorkbooks, fileBaseName } from "../../../src/host/file/combineWorkbooks";
import type { Grid } from "../../../src/engine/core/types";

const grid = (name: string, mark: string): Grid => ({ name, values: [[mark]] });

describe("combineWorkbooks", () => {
  test("names that do not collide stay, in file then tab order; the grids are the same objects", () => {
    const a = grid("Huyện", "a");
    const b = grid("Xếp loại xã", "b");
    const out = combineWorkbooks([
      { name: "huyen.xlsx", grids: [a], hidden: [] },
      { name: "xa.xlsx", grids: [b], hidden: new Set<string>() },
    ]);
    expect(out.grids.map((g) => g.name)).toEqual(["Huyện", "Xếp loại xã"]);
    expect(out.grids[0]).toBe(a);
    expect(out.hidden).toEqual([]);
  });

  test("a name two files share (in any case) gets each file's name; a hidden sheet follows its new name", () => {
    const out = combineWorkbooks([
      { name: "/tmp/in/huyen-2023.xlsx", grids: [grid("Sheet1", "a"), grid("Năm 2022", "old")], hidden: new Set(["Năm 2022"]) },
      { name: "C:\\Users\\cb\\xa-2023.xlsx", grids: [grid("SHEET1", "b")], hidden: ["SHEET1"] },
    ]);
    expect(out.grids.map((g) => [g.name, g.values[0][0]])).toEqual([
      ["Sheet1 (huyen-2023.xlsx)", "a"],
      ["Năm 2022", "old"],
      ["SHEET1 (xa-2023.xlsx)", "b"],
    ]);
    expect(out.hidden).toEqual(["Năm 2022", "SHEET1 (xa-2023.xlsx)"]);
  });

  test("the same file given twice: a number tells the copies apart", () => {
    const f = { name: "xa.xlsx", grids: [grid("Sheet1", "x")], hidden: [] };
    expect(combineWorkbooks([f, f]).grids.map((g) => g.name)).toEqual(["Sheet1 (xa.xlsx)", "Sheet1 (xa.xlsx 2)"]);
  });

  test("fileBaseName drops folders of either kind; a browser's bare name stays", () => {
    expect(fileBaseName("/tmp/a/b.xlsx")).toBe("b.xlsx");
    expect(fileBaseName("C:\\x\\y.xlsx")).toBe("y.xlsx");
    expect(fileBaseName("bảng xếp hạng.xlsx")).toBe("bảng xếp hạng.xlsx");
  });
});
