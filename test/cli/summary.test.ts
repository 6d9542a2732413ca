// `cchc summary`: OUT is the workbook with the report sheets added exactly as planned by the
// engine; the input is never touched, OUT never overwritten without --force, reruns replace only
// the project's own sheets, and only while they still hold what was generated.
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import type { Workbook } from "exceljs";
import { buildReportPlans, RANKING_SHEET_NAME, SUMMARY_SHEET_NAME } from "../../src/engine/plans/reportPlans";
import type { SheetPlan } from "../../src/engine/plans/plan";
import { parseDate } from "../../src/cli/dateOption";
import { openXlsx } from "../../src/host/file/xlsxAnalysis";
import { ExcelJsWorkbook } from "../../src/host/file/read/exceljsWorkbook";
import { cellValueOf } from "../../src/host/file/read/xlsxCells";
import { XlsxPackage } from "../../src/host/file/write/xlsxPackage";
import { communesGrid, districtGrid } from "../fixtures/seed";
import { runCli, spawnCli } from "./helpers/runCli";
import { addGridSheet, makeTempDir, readWorkbook, removeDir, writeGrids } from "./helpers/xlsxFiles";
import { Workbook as ExcelWorkbook } from "exceljs";
import { expectValidOoxml } from "../support/ooxmlCheck";

const DATE = "2024-01-15";
let dir: string;
let input: string;

beforeAll(async () => {
  dir = await makeTempDir();
  input = await writeGrids(path.join(dir, "huyen.xlsx"), [districtGrid(), communesGrid()]);
});
afterAll(async () => removeDir(dir));

/** What Excel does when the clerk adds a sheet, or types a note into one: the package edited in place. */
async function clerkEdits(file: string, edit: { addSheet?: string; noteIn?: string }): Promise<void> {
  const pkg = await XlsxPackage.load(await fs.readFile(file));
  const note = (text: string) => `<row r="99"><c r="A99" t="inlineStr"><is><t>${text}</t></is></c></row>`;
  if (edit.addSheet !== undefined) {
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${note("giữ nguyên")}</sheetData></worksheet>`;
    await pkg.addSheet(edit.addSheet, xml);
  }
  if (edit.noteIn !== undefined) {
    const part = pkg.sheetPart(pkg.sheets.find((s) => s.name === edit.noteIn)!);
    const zip = await JSZip.loadAsync(await pkg.save());
    const xml = await zip.file(part)!.async("string");
    zip.file(part, xml.replace("</sheetData>", `${note("ghi chú của chuyên viên")}</sheetData>`));
    await fs.writeFile(file, await zip.generateAsync({ type: "uint8array" }));
    return;
  }
  await fs.writeFile(file, await pkg.save());
}

async function plansFor(file: string): Promise<SheetPlan[]> {
  const { analysis } = await openXlsx(await fs.readFile(file));
  return buildReportPlans(analysis, { date: parseDate(DATE)! });
}

/** Every planned cell is in the sheet: constants, formulas and their cached results. */
function expectPlanWritten(wb: Workbook, sheet: string, plan: SheetPlan): void {
  const ws = wb.getWorksheet(sheet)!;
  expect(ws).toBeDefined();
  let formulas = 0;
  for (const pc of plan.cells) {
    const cell = ws.getCell(pc.row + 1, pc.col + 1);
    if (pc.formula !== undefined) {
      formulas++;
      expect([cell.address, cell.formula]).toEqual([cell.address, pc.formula.replace(/^=/, "")]);
      if (pc.result !== undefined && pc.result !== "") expect([cell.address, cellValueOf(cell)]).toEqual([cell.address, pc.result]);
    } else if (pc.value !== undefined && pc.value !== null && pc.value !== "") {
      expect([cell.address, cell.value]).toEqual([cell.address, pc.value]);
    }
    if (pc.format) expect(cell.numFmt).toBe(pc.format);
  }
  expect(formulas).toBeGreaterThan(0);
}

describe("cchc summary", () => {
  it("writes OUT with the planned sheets, marked, formulas with cached values, and leaves the input untouched", async () => {
    const before = await fs.readFile(input);
    const statBefore = await fs.stat(input);
    const out = path.join(dir, "ra.xlsx");
    const r = await runCli(["summary", input, "-o", out, "--date", DATE]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Đã ghi ${out} với các sheet: "${SUMMARY_SHEET_NAME}", "${RANKING_SHEET_NAME}".`);
    expect(await fs.readFile(input)).toEqual(before);
    expect((await fs.stat(input)).mtimeMs).toBe(statBefore.mtimeMs);

    const wb = await readWorkbook(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Huyện Kon Rẫy", "Xếp loại xã", SUMMARY_SHEET_NAME, RANKING_SHEET_NAME]);
    const [summary, ranking] = await plansFor(input);
    expectPlanWritten(wb, SUMMARY_SHEET_NAME, summary);
    expectPlanWritten(wb, RANKING_SHEET_NAME, ranking);
    expect(wb.getWorksheet(SUMMARY_SHEET_NAME)!.model.merges.sort()).toEqual([...summary.merges].sort());
    expect(wb.getWorksheet(SUMMARY_SHEET_NAME)!.pageSetup).toMatchObject({ paperSize: 9, orientation: summary.print.orientation });
    expect((await new ExcelJsWorkbook(wb).read()).generated).toEqual({
      CCHC_GEN_SUMMARY: SUMMARY_SHEET_NAME,
      CCHC_GEN_RANKING: RANKING_SHEET_NAME,
    });
    // The user's sheets are copied cell for cell.
    const original = await readWorkbook(input);
    for (const name of ["Huyện Kon Rẫy", "Xếp loại xã"]) {
      const a = (await new ExcelJsWorkbook(original).read()).sheets.find((s) => s.name === name);
      const b = (await new ExcelJsWorkbook(wb).read()).sheets.find((s) => s.name === name);
      expect(b).toEqual(a);
    }
    // No temporary file left next to OUT.
    expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    await expectValidOoxml(out, { base: input });
  });

  it("never overwrites an existing OUT without --force (exit 2, OUT untouched), and does with it", async () => {
    const out = path.join(dir, "co-san.xlsx");
    await fs.writeFile(out, "tệp của người dùng");
    const r = await runCli(["summary", input, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("đã tồn tại; không ghi đè. Dùng --force");
    expect(await fs.readFile(out, "utf8")).toBe("tệp của người dùng");

    const forced = await runCli(["summary", input, "-o", out, "--force"]);
    expect(forced.code).toBe(0);
    expect((await readWorkbook(out)).worksheets.map((w) => w.name)).toContain(SUMMARY_SHEET_NAME);
    await expectValidOoxml(out, { base: input });
  });

  it("refuses to write over its input, even with --force", async () => {
    const copy = path.join(dir, "chinh-no.xlsx");
    await fs.copyFile(input, copy);
    const before = await fs.readFile(copy);
    const r = await runCli(["summary", copy, "-o", copy, "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("trùng với tệp đầu vào");
    expect(await fs.readFile(copy)).toEqual(before);
  });

  it("on a rerun over OUT replaces only its marked sheets", async () => {
    const out1 = path.join(dir, "lan1.xlsx");
    const out2 = path.join(dir, "lan2.xlsx");
    expect((await runCli(["summary", input, "-o", out1, "--date", DATE])).code).toBe(0);
    // The clerk adds a note sheet to OUT in Excel, then runs again on it.
    await clerkEdits(out1, { addSheet: "Ghi chú" });
    await fs.writeFile(out2, "cũ");
    const r = await runCli(["summary", out1, "-o", out2, "--force", "--date", DATE]);
    expect(r.code).toBe(0);
    const again = await readWorkbook(out2);
    expect(again.worksheets.map((w) => w.name)).toEqual([
      "Huyện Kon Rẫy",
      "Xếp loại xã",
      SUMMARY_SHEET_NAME,
      RANKING_SHEET_NAME,
      "Ghi chú",
    ]);
    expect(again.getWorksheet("Ghi chú")!.getCell("A99").value).toBe("giữ nguyên");
    expect(r.stdout).not.toContain("Giữ nguyên sheet");
    // The generated sheets were not analysed as the clerk's data: same plans as from the input.
    const [summary, ranking] = await plansFor(input);
    expectPlanWritten(again, SUMMARY_SHEET_NAME, summary);
    expectPlanWritten(again, RANKING_SHEET_NAME, ranking);
    await expectValidOoxml(out2, { base: out1 });
  });

  it("keeps a user's sheet named like its own and gives the new sheet another name", async () => {
    const wb = new ExcelWorkbook();
    addGridSheet(wb, districtGrid());
    wb.addWorksheet(SUMMARY_SHEET_NAME).getCell("A1").value = "bảng tự lập của chuyên viên";
    const mine = path.join(dir, "trung-ten.xlsx");
    await wb.xlsx.writeFile(mine);
    const out = path.join(dir, "trung-ten-ra.xlsx");
    const r = await runCli(["summary", mine, "-o", out]);
    expect(r.code).toBe(0);
    const back = await readWorkbook(out);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Huyện Kon Rẫy", SUMMARY_SHEET_NAME, `${SUMMARY_SHEET_NAME} (2)`]);
    expect(back.getWorksheet(SUMMARY_SHEET_NAME)!.getCell("A1").value).toBe("bảng tự lập của chuyên viên");
    expect((await new ExcelJsWorkbook(back).read()).generated).toEqual({ CCHC_GEN_SUMMARY: `${SUMMARY_SHEET_NAME} (2)` });
    await expectValidOoxml(out, { base: mine });
  });

  it("reports unreadable inputs, workbooks without a scoring sheet and bad arguments with exit 2 and no OUT", async () => {
    const broken = path.join(dir, "hong.xlsx");
    await fs.writeFile(broken, (await fs.readFile(input)).subarray(0, 500));
    const notes = await writeGrids(path.join(dir, "ghi-chu.xlsx"), [{ name: "Ghi chú", values: [["Họp giao ban"], ["Thứ hai"]] }]);
    const cases: [string[], RegExp][] = [
      [["summary", broken, "-o", path.join(dir, "x1.xlsx")], /bị hỏng/],
      [["summary", notes, "-o", path.join(dir, "x2.xlsx")], /không tìm thấy bảng điểm/],
      [["summary", path.join(dir, "khong-co.xlsx"), "-o", path.join(dir, "x3.xlsx")], /Không đọc được tệp/],
      [["summary", input], /Thiếu tệp kết quả/],
      [["summary", input, "-o", path.join(dir, "x4.csv")], /phải có đuôi \.xlsx/],
      [["summary", input, "-o", path.join(dir, "x5.xlsx"), "--date", "2024-02-30"], /Ngày không hợp lệ/],
      [["summary", input, "-o", path.join(dir, "x6.xlsx"), "--sheet", "Không có"], /Không có sheet "Không có"/],
      [["summary", input, "-o", path.join(dir, "khong", "co", "thu-muc.xlsx")], /Thư mục chứa tệp kết quả không tồn tại/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect([args.join(" "), r.code]).toEqual([args.join(" "), 2]);
      expect(r.stderr).toMatch(message);
    }
    const left = await fs.readdir(dir);
    for (const name of ["x1.xlsx", "x2.xlsx", "x3.xlsx", "x4.csv", "x5.xlsx", "x6.xlsx"]) expect(left).not.toContain(name);
    expect(left.filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("keeps a generated sheet the clerk edited, writes the new one beside it and says which and why", async () => {
    const out1 = path.join(dir, "sua1.xlsx");
    const out2 = path.join(dir, "sua2.xlsx");
    expect((await runCli(["summary", input, "-o", out1, "--date", DATE])).code).toBe(0);
    await clerkEdits(out1, { noteIn: SUMMARY_SHEET_NAME });
    const r = await runCli(["summary", out1, "-o", out2, "--date", DATE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `Giữ nguyên sheet "${SUMMARY_SHEET_NAME}" vì sheet này đã được sửa sau khi tạo (nội dung khác với lúc công cụ ghi); sheet mới được ghi thành "${SUMMARY_SHEET_NAME} (2)".`,
    );
    const back = await readWorkbook(out2);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Huyện Kon Rẫy", "Xếp loại xã", SUMMARY_SHEET_NAME, RANKING_SHEET_NAME, `${SUMMARY_SHEET_NAME} (2)`]);
    expect(back.getWorksheet(SUMMARY_SHEET_NAME)!.getCell("A99").value).toBe("ghi chú của chuyên viên");
    await expectValidOoxml(out2, { base: out1 });
  });

  it("works as a real process (the built bin)", async () => {
    const out = path.join(dir, "bin.xlsx");
    const r = await spawnCli(["summary", input, "--output", out]);
    expect(r.code).toBe(0);
    expect((await readWorkbook(out)).worksheets).toHaveLength(4);
    expect((await spawnCli(["summary", input, "-o", out])).code).toBe(2);
    await expectValidOoxml(out, { base: input });
  });
});
