// Reading merged cells and formulas without a cached result from real .xlsx files (written with
// ExcelJS into a temp folder, read back as the command line reads them).
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { Workbook } from "exceljs";
import type { CellValue, ScoringSheet } from "../../../../src/engine/core/types";
import { ExcelJsWorkbook } from "../../../../src/host/file/read/exceljsWorkbook";
import { openXlsx } from "../../../../src/host/file/xlsxAnalysis";
import { loadWorkbook } from "../../../../src/host/file/read/xlsxLoad";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-cells-"));
});
afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

/** Writes the workbook to a real file in the temp folder and returns the file's bytes. */
async function writeAndRead(wb: Workbook, name: string): Promise<Buffer> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return fs.readFile(file);
}

async function gridOf(wb: Workbook, name: string): Promise<CellValue[][]> {
  const snapshot = await new ExcelJsWorkbook(await loadWorkbook(await writeAndRead(wb, name))).read();
  return snapshot.sheets[0].values;
}

const HEADER = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Nguyên nhân", "Trách nhiệm thuộc về"];

/**
 * A scoring sheet as clerks lay it out: a merged title, a group row "I | CÔNG TÁC CHỈ ĐẠO" whose
 * name is merged over B3:E3, and a cause and a responsible unit each merged down over the two
 * sub-criteria that lost points (F5:F6, G5:G6).
 */
function mergedScoringWorkbook(): Workbook {
  const wb = new Workbook();
  const ws = wb.addWorksheet("Huyện");
  const rows: CellValue[][] = [
    ["BẢNG ĐIỂM CHỈ SỐ CCHC"],
    HEADER,
    ["I", "CÔNG TÁC CHỈ ĐẠO"],
    ["1", "Lĩnh vực 1", 2, 2, 1],
    ["1.1", "Tiêu chí 1.1", 1, 1, 0.5, "Chưa hoàn thành đúng hạn", "Phòng Nội vụ"],
    ["1.2", "Tiêu chí 1.2", 1, 1, 0.5],
  ];
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v as string | number;
    }),
  );
  ws.mergeCells("A1:G1");
  ws.mergeCells("B3:E3");
  ws.mergeCells("F5:F6");
  ws.mergeCells("G5:G6");
  return wb;
}

describe("merged cells", () => {
  it("keep a merge across columns in its top-left cell only (no name in the score columns)", async () => {
    const values = await gridOf(mergedScoringWorkbook(), "ngang.xlsx");
    expect(values[0]).toEqual(["BẢNG ĐIỂM CHỈ SỐ CCHC", null, null, null, null, null, null]);
    expect(values[2]).toEqual(["I", "CÔNG TÁC CHỈ ĐẠO", null, null, null, null, null]);
  });

  it("copy a text merged down one column (cause, responsible unit) into every row of the merge", async () => {
    const values = await gridOf(mergedScoringWorkbook(), "doc.xlsx");
    expect(values[4].slice(5)).toEqual(["Chưa hoàn thành đúng hạn", "Phòng Nội vụ"]);
    expect(values[5].slice(5)).toEqual(["Chưa hoàn thành đúng hạn", "Phòng Nội vụ"]);
  });

  it("analyse the group row without false not-a-number errors, blaming the unit for both rows", async () => {
    const { analysis } = await openXlsx(await writeAndRead(mergedScoringWorkbook(), "phan-tich.xlsx"));
    const sheet = analysis.sheets[0] as ScoringSheet;
    expect(sheet.kind).toBe("scoring");
    expect(sheet.findings.filter((f) => f.rule === "not-a-number")).toEqual([]);
    expect(sheet.findings.filter((f) => f.row === 2)).toEqual([]);
    expect(sheet.lost.map((l) => [l.code, l.lost, l.cause, l.responsible.map((u) => u.unit)])).toEqual([
      ["1.1", 0.5, "Chưa hoàn thành đúng hạn", ["Phòng Nội vụ"]],
      ["1.2", 0.5, "Chưa hoàn thành đúng hạn", ["Phòng Nội vụ"]],
    ]);
  });

  it("keep a number merged down, and a block over several rows and columns, in the top-left cell", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Khối");
    ws.getCell("A1").value = 5; // a maximum merged down A1:A3 counts once
    ws.mergeCells("A1:A3");
    ws.getCell("B1").value = "khối"; // B1:C2, two columns wide
    ws.mergeCells("B1:C2");
    ws.getCell("D1").value = "cột"; // D1:D4 reaches below every other cell
    ws.mergeCells("D1:D4");
    ws.getCell("E2").value = "tiêu đề"; // E2:F2 reaches right of every other cell
    ws.mergeCells("E2:F2");
    const values = await gridOf(wb, "khoi.xlsx");
    expect(values).toEqual([
      [5, "khối", null, "cột", null, null],
      [null, null, null, "cột", "tiêu đề", null],
      [null, null, null, "cột", null, null],
      [null, null, null, "cột", null, null],
    ]);
  });
});

describe("formulas without a cached result", () => {
  async function formulaGrid(name: string): Promise<CellValue[][]> {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Công thức");
    ws.getCell("A1").value = { formula: "0.5+0.5" }; // a tool that does not calculate wrote it
    ws.getCell("B1").value = { formula: "1-1", result: 0 };
    ws.getCell("C1").value = { formula: "1>2", result: false };
    ws.getCell("D1").value = { formula: 'IF(1>2,"x","")', result: "" };
    ws.getCell("E1").value = { formula: "0.25*2", result: 0.5 };
    ws.getCell("A2").value = 1;
    ws.getCell("A3").value = 2;
    ws.getCell("B2").value = { formula: "A2*2", shareType: "shared", ref: "B2:B3" } as never;
    ws.getCell("B3").value = { sharedFormula: "B2" };
    return gridOf(wb, name);
  }

  it("read as #UNCALCULATED, shared ones too, so a score is reported instead of vanishing", async () => {
    const values = await formulaGrid("chua-tinh.xlsx");
    expect(values[0][0]).toEqual({ error: "#UNCALCULATED" });
    expect(values.slice(1, 3).map((r) => r[1])).toEqual([{ error: "#UNCALCULATED" }, { error: "#UNCALCULATED" }]);
  });

  it("still read cached 0 and FALSE as themselves, and a cached empty text as blank", async () => {
    const values = await formulaGrid("da-tinh.xlsx");
    expect(values[0].slice(1, 5)).toEqual([0, false, null, 0.5]);
  });

  it("are reported by the analysis as scores that were never calculated", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("Huyện");
    const rows: CellValue[][] = [
      HEADER,
      ["1", "Lĩnh vực 1", 2, 2, 2],
      ["1.1", "Tiêu chí 1.1", 1, 1, 1],
      ["1.2", "Tiêu chí 1.2", 1, 1, 1],
    ];
    rows.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v as string | number)));
    ws.getCell("E4").value = { formula: "0.5+0.5" };
    const { analysis } = await openXlsx(await writeAndRead(wb, "diem-chua-tinh.xlsx"));
    const sheet = analysis.sheets[0] as ScoringSheet;
    const e4 = sheet.findings.filter((f) => f.cell === "E4");
    expect(e4.map((f) => f.rule)).toEqual(["not-a-number"]);
    expect(e4[0].message).toContain("công thức chưa được tính");
  });
});
