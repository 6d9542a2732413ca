// The fake Excel (test/support/fakeExcel.js) is only as lenient as Office.js: what Office rejects,
// it rejects. Each claim here is one the adapter's tests rely on.
import * as FakeExcel from "../support/fakeExcel.js";
import { OfficeWorkbook } from "../../src/host/office/officeWorkbook";
import { memoryStore } from "../../src/host/office/officeSettings";
import { errorSentence } from "../../src/taskpane/messages";
import { runValidation } from "../../src/taskpane/validateController";
import { districtGrid } from "../fixtures/seed";

type Run = ReturnType<typeof FakeExcel.runner>;

function book(init: FakeExcel.FakeWorkbookInit = {}) {
  const workbook = new FakeExcel.Workbook({ sheets: [{ name: "Một", values: [["a", 1]] }], ...init });
  return { workbook, run: FakeExcel.runner(workbook) as Run };
}

const codeOf = (err: unknown) => (err as { code?: string }).code;

describe("PropertyNotLoaded beyond ranges", () => {
  test("a collection's items, and the items' properties not named in load()", async () => {
    const { run } = book({ names: [{ name: "Tên", formula: "=Một!$A$1" }] });
    await run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
      sheets.load("items/name");
      const names = context.workbook.names;
      names.load("items/name");
      await context.sync();
      expect(sheets.items[0].name).toBe("Một");
      expect(() => sheets.items[0].visibility).toThrow(/PropertyNotLoaded/);
      expect(names.items[0].name).toBe("Tên");
      expect(() => names.items[0].formula).toThrow(/PropertyNotLoaded/);
    });
  });

  test("a fill's properties not named in load()", async () => {
    const { run } = book({ sheets: [{ name: "Một", values: [["a"]], fills: { A1: "#FFFF00" } }] });
    await run(async (context) => {
      const fill = context.workbook.worksheets.getItem("Một").getRange("A1").format.fill;
      expect(() => fill.color).toThrow(/PropertyNotLoaded/);
      fill.load("color");
      await context.sync();
      expect(fill.color).toBe("#FFFF00");
      expect(() => fill.pattern).toThrow(/PropertyNotLoaded/);
      expect(() => fill.tintAndShade).toThrow(/PropertyNotLoaded/);
    });
  });

  test("load() with no argument loads every scalar property, as in Office", async () => {
    const { run } = book({ sheets: [{ name: "Một", values: [["a"]], visibility: "Hidden" }] });
    await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items");
      await context.sync();
      expect([sheets.items[0].name, sheets.items[0].visibility, sheets.items[0].position]).toEqual(["Một", "Hidden", 0]);
    });
  });
});

describe("getUsedRangeOrNullObject(valuesOnly)", () => {
  test("counts formatted and merged cells only when valuesOnly is false", async () => {
    const { run } = book({
      sheets: [{ name: "Sheet1", values: [["a", 1]], fills: { D5: "#FFFF00" }, numberFormats: { A8: "0.00" }, merges: ["F1:G2"] }],
    });
    const addresses = await run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const values = ws.getUsedRangeOrNullObject(true);
      const all = ws.getUsedRangeOrNullObject(false);
      const implicit = ws.getUsedRangeOrNullObject();
      for (const r of [values, all, implicit]) r.load("address");
      await context.sync();
      return [values.address, all.address, implicit.address];
    });
    expect(addresses).toEqual(["Sheet1!A1:B1", "Sheet1!A1:G8", "Sheet1!A1:G8"]);
  });

  test("a sheet with only formats is a null object for valuesOnly", async () => {
    const { run } = book({ sheets: [{ name: "Sheet1", fills: { B2: "#FFFF00" } }] });
    const nulls = await run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const values = ws.getUsedRangeOrNullObject(true);
      const all = ws.getUsedRangeOrNullObject(false);
      values.load("address");
      all.load("address");
      await context.sync();
      return [values.isNullObject, all.isNullObject];
    });
    expect(nulls).toEqual([true, false]);
  });
});

describe("merge(across) and merged areas", () => {
  test("merge(true) merges each row apart, merge() the whole block; only the top-left value stays", async () => {
    const { workbook, run } = book({ sheets: [{ name: "Sheet1", values: [["a", "b", "c"], ["d", "e", "f"]] }] });
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:C2").merge(true);
      ws.getRange("A4:B5").merge(false);
      await context.sync();
    });
    const sheet = workbook.sheet("Sheet1")!;
    expect(sheet.merges).toEqual(["A1:C1", "A2:C2", "A4:B5"]);
    expect([0, 1].map((r) => [0, 1, 2].map((c) => sheet.shown(r, c).value))).toEqual([
      ["a", "", ""],
      ["d", "", ""],
    ]);
  });

  test("getMergedAreasOrNullObject lists merges whose top-left cell is in the range; none is a null object", async () => {
    const { run } = book({ sheets: [{ name: "Sheet1", values: [["a"]], merges: ["A1:B1", "C3:C6", "E1:F2"] }] });
    const found = await run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const inBlock = ws.getRange("A1:D4").getMergedAreasOrNullObject();
      const overlapOnly = ws.getRange("C4:C9").getMergedAreasOrNullObject();
      inBlock.load("areas/items/address,areaCount");
      overlapOnly.load("areas/items/address");
      await context.sync();
      expect(() => inBlock.areas.items[0].rowIndex).toThrow(/PropertyNotLoaded/);
      return { block: inBlock.areas.items.map((a) => a.address), count: inBlock.areaCount, overlap: overlapOnly.isNullObject };
    });
    expect(found).toEqual({ block: ["Sheet1!A1:B1", "Sheet1!C3:C6"], count: 2, overlap: true });
  });

  test("is refused by an Excel older than ExcelApi 1.13", async () => {
    const { workbook, run } = book({ excelApi: "1.12" });
    expect(workbook.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(workbook.isSetSupported("ExcelApi", "1.4")).toBe(true);
    const err = await run(async (context) => {
      const areas = context.workbook.worksheets.getItem("Một").getRange().getMergedAreasOrNullObject();
      areas.load("areaCount");
      await context.sync();
    }).catch((e: unknown) => e);
    expect(codeOf(err)).toBe("ApiNotFound");
  });
});

describe("writing text converts it as Excel does, only where Excel does", () => {
  async function written(texts: string[], format?: string) {
    const { workbook, run } = book({ sheets: [{ name: "Một" }] });
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem("Một").getRange(`A1:A${texts.length}`);
      if (format) range.numberFormat = texts.map(() => [format]);
      range.values = texts.map((t) => [t]);
      await context.sync();
    });
    return texts.map((_, r) => {
      const cell = workbook.sheet("Một")!.peek(r, 0)!;
      return cell.formula ?? cell.value;
    });
  }

  test("General cells: numbers, percentages, booleans, dates and formulas; a leading apostrophe keeps text", async () => {
    const year = new Date().getFullYear();
    const jan10 = (Date.UTC(year, 0, 10) - Date.UTC(1899, 11, 30)) / 86_400_000;
    expect(await written(["12", "1.5E3", "50%", "TRUE", "01/10", "1/10/2024", "=SUM(B1:B2)", "'12", "3,89", "KPS", "31/12"])).toEqual([
      12, 1500, 0.5, true, jan10, 45301, "=SUM(B1:B2)", "12", "3,89", "KPS", "31/12",
    ]);
  });

  test("Text cells (@) keep every text as typed", async () => {
    expect(await written(["12", "01/10", "=SUM(B1:B2)", "TRUE"], "@")).toEqual(["12", "01/10", "=SUM(B1:B2)", "TRUE"]);
  });
});

describe("errors Excel raises, and the pane's sentence for each", () => {
  const protectedSentence = "Excel không cho phép thay đổi: bảng tính hoặc sheet đang được bảo vệ. Hãy bỏ bảo vệ rồi thử lại.";
  const editSentence = "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.";

  function host(init: FakeExcel.FakeWorkbookInit) {
    const workbook = new FakeExcel.Workbook(init);
    return { workbook, host: new OfficeWorkbook({ run: FakeExcel.runner(workbook), store: memoryStore(), requirements: { isSetSupported: () => true } }) };
  }

  test("a protected sheet refuses writes with AccessDenied: nothing changes and Kiểm tra says why nothing was coloured", async () => {
    const grid = districtGrid({ typedAreas: { "6": 10 } });
    const { workbook, host: h } = host({ sheets: [{ name: grid.name, values: grid.values, protected: true }] });
    const err = await h.writeCells([{ sheet: grid.name, address: "H1", value: "x" }]).catch((e: unknown) => e);
    expect(codeOf(err)).toBe("AccessDenied");
    expect(errorSentence(err)).toBe(protectedSentence);
    expect(workbook.sheet(grid.name)!.peek(0, 7)).toBeNull();
    const report = await runValidation(h, { scope: "all", highlight: true });
    expect(report.errors).toBeGreaterThan(0);
    expect(report.highlightError).toBe(protectedSentence);
    expect(Object.values(workbook.sheet(grid.name)!.cells).filter((c) => c.fill !== null)).toEqual([]);
    // Reading and selecting are allowed on a protected sheet.
    await h.select({ sheet: grid.name, address: "B2" });
    expect(workbook.sheet(grid.name)!.selection).toBe("B2");
  });

  test("while the clerk edits a cell every command fails with InvalidOperationInCellEditMode, and works again after", async () => {
    const grid = districtGrid();
    const { workbook, host: h } = host({ sheets: [{ name: grid.name, values: grid.values }] });
    workbook.editMode = true;
    for (const command of [() => h.read(), () => h.writeCells([{ sheet: grid.name, address: "H1", value: 1 }]), () => h.highlight([{ sheet: grid.name, address: "A1" }])]) {
      const err = await command().catch((e: unknown) => e);
      expect([codeOf(err), errorSentence(err)]).toEqual(["InvalidOperationInCellEditMode", editSentence]);
    }
    workbook.editMode = false;
    expect((await h.read()).sheets[0].name).toBe(grid.name);
  });
});
