// `cchc summary` on a workbook holding what an ExcelJS round trip damages (test/fixtures/
// richWorkbook.ts, written by hand from OOXML): OUT is the input package plus the new sheets.
// Every part is compared byte for byte; LibreOffice opens OUT; ExcelJS reads it back; the hidden
// older year is not the default sheet; an .xlsm keeps its macros.
import { execFile } from "child_process";
import { existsSync, promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { promisify } from "util";
import { buildReportPlans, RANKING_SHEET_NAME, SUMMARY_SHEET_NAME } from "../../src/engine/plans/reportPlans";
import { parseDate } from "../../src/cli/dateOption";
import { openXlsx } from "../../src/host/file/xlsxAnalysis";
import { ExcelJsWorkbook } from "../../src/host/file/read/exceljsWorkbook";
import { cellValueOf } from "../../src/host/file/read/xlsxCells";
import { CURRENT_SHEET, DATA_SHEET, HIDDEN_SHEET, richWorkbook, VBA_BYTES } from "../fixtures/richWorkbook";
import { runCli } from "./helpers/runCli";
import { makeTempDir, readWorkbook, removeDir } from "./helpers/xlsxFiles";
import { expectValidOoxml } from "../support/ooxmlCheck";

const SOFFICE = "/usr/bin/soffice";
const DATE = "2024-01-15";
/** The parts that must change to add sheets; every other part is copied as it is. */
const MAY_CHANGE = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];

const missing = !existsSync(SOFFICE);
if (missing && process.env.CI === "true") throw new Error(`LibreOffice không có ở ${SOFFICE}: kiểm thử mở tệp bằng LibreOffice phải chạy trên CI.`);

let dir: string;
let input: string;

beforeAll(async () => {
  dir = await makeTempDir("cchc-pkg-");
  input = path.join(dir, "giau.xlsx");
  await fs.writeFile(input, await richWorkbook());
});
afterAll(async () => removeDir(dir));

async function parts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("nodebuffer"));
  return out;
}

/** The children of a styles.xml section (<fonts>, <cellXfs> …) as text. */
function entries(styles: string, section: string, child: string): string[] {
  const body = new RegExp(`<${section}\\b[^>]*>([\\s\\S]*?)</${section}>`).exec(styles)?.[1] ?? "";
  return body.match(new RegExp(`<${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, "g")) ?? [];
}

describe("cchc summary keeps every part of the workbook", () => {
  let out: string;
  beforeAll(async () => {
    out = path.join(dir, "giau-ra.xlsx");
    const r = await runCli(["summary", input, "-o", out, "--date", DATE]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Tổng hợp từ bảng điểm "${CURRENT_SHEET}"`);
  });

  it("copies every part byte for byte except the workbook-level ones, and adds only the new sheets and their charts", async () => {
    const before = await parts(input);
    const after = await parts(out);
    const changed = [...before.keys()].filter((p) => !after.has(p) || !before.get(p)!.equals(after.get(p)!));
    expect(changed.sort()).toEqual([...MAY_CHANGE].sort());
    const added = [...after.keys()].filter((p) => !before.has(p));
    // Each new sheet with its chart: a drawing and a chart part, numbered after the workbook's own.
    expect(added.sort()).toEqual([
      "xl/charts/chart2.xml",
      "xl/charts/chart3.xml",
      "xl/drawings/_rels/drawing2.xml.rels",
      "xl/drawings/_rels/drawing3.xml.rels",
      "xl/drawings/drawing2.xml",
      "xl/drawings/drawing3.xml",
      "xl/worksheets/_rels/sheet4.xml.rels",
      "xl/worksheets/_rels/sheet5.xml.rels",
      "xl/worksheets/sheet4.xml",
      "xl/worksheets/sheet5.xml",
    ]);
    // No folder entries either (Excel writes none).
    expect(Object.values((await JSZip.loadAsync(await fs.readFile(out))).files).filter((f) => f.dir)).toEqual([]);
    // What ExcelJS used to lose is all there, unchanged.
    for (const p of ["xl/tables/table1.xml", "xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/comments1.xml", "xl/pivotCache/pivotCacheRecords1.xml"]) {
      expect(after.get(p)).toEqual(before.get(p));
    }
  });

  it("appends to styles.xml: the original entries stay an unchanged prefix of every section", async () => {
    const before = (await parts(input)).get("xl/styles.xml")!.toString("utf8");
    const after = (await parts(out)).get("xl/styles.xml")!.toString("utf8");
    for (const [section, child] of [["numFmts", "numFmt"], ["fonts", "font"], ["fills", "fill"], ["borders", "border"], ["cellXfs", "xf"], ["dxfs", "dxf"]]) {
      const old = entries(before, section, child);
      const now = entries(after, section, child);
      expect([section, now.slice(0, old.length)]).toEqual([section, old]);
      expect(new RegExp(`<${section} count="${now.length}"`).test(after) || section === "dxfs").toBe(true);
    }
    expect(entries(after, "cellXfs", "xf").length).toBeGreaterThan(entries(before, "cellXfs", "xf").length);
  });

  it("passes the OOXML checker against its input (what Excel opens without repair)", async () => {
    await expectValidOoxml(out, { base: input });
  });

  it("reads back with ExcelJS: the user's sheets as before, the new sheets as planned, the defined name kept", async () => {
    const original = await new ExcelJsWorkbook(await readWorkbook(input)).read();
    const wb = await readWorkbook(out);
    const result = await new ExcelJsWorkbook(wb).read();
    expect(result.sheets.map((s) => s.name)).toEqual([HIDDEN_SHEET, CURRENT_SHEET, DATA_SHEET, SUMMARY_SHEET_NAME, RANKING_SHEET_NAME]);
    expect(result.sheets.slice(0, 3)).toEqual(original.sheets);
    expect(wb.getWorksheet(HIDDEN_SHEET)!.state).toBe("hidden");
    expect(wb.definedNames.getRanges("DanhSachXa").ranges).toEqual([`'${DATA_SHEET}'!$A$2:$A$4`]);
    const { analysis } = await openXlsx(await fs.readFile(input));
    const plans = buildReportPlans(analysis, { date: parseDate(DATE)!, sheet: CURRENT_SHEET });
    for (const plan of plans) {
      const ws = wb.getWorksheet(plan.name)!;
      for (const pc of plan.cells) {
        const cell = ws.getCell(pc.row + 1, pc.col + 1);
        if (pc.formula !== undefined) {
          expect([cell.address, cell.formula]).toEqual([cell.address, pc.formula.replace(/^=/, "")]);
          if (pc.result !== undefined && pc.result !== "") expect([cell.address, cellValueOf(cell)]).toEqual([cell.address, pc.result]);
        } else if (pc.value !== undefined && pc.value !== null && pc.value !== "") {
          expect([cell.address, cell.value]).toEqual([cell.address, pc.value]);
        }
        if (pc.format) expect([cell.address, cell.numFmt]).toEqual([cell.address, pc.format]);
      }
    }
    // The summary is of the visible current year, not the hidden older one listed first.
    expect(String(wb.getWorksheet(SUMMARY_SHEET_NAME)!.getCell("A3").value)).toContain(`Bảng điểm: ${CURRENT_SHEET}`);
  });

  (missing ? it.skip : it)(
    "opens in LibreOffice (as the fixture itself does), which finds the new sheets' values, the table, the chart and the comment",
    async () => {
      const converted = path.join(dir, "lo");
      await promisify(execFile)(
        SOFFICE,
        [`-env:UserInstallation=file://${path.join(dir, "lo-profile")}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", converted, input, out],
        { timeout: 150_000 },
      );
      const fixture = await readWorkbook(path.join(converted, path.basename(input)));
      expect(fixture.worksheets.map((w) => w.name)).toEqual([HIDDEN_SHEET, CURRENT_SHEET, DATA_SHEET]);
      const file = path.join(converted, path.basename(out));
      const wb = await readWorkbook(file);
      expect(wb.worksheets.map((w) => w.name)).toEqual([HIDDEN_SHEET, CURRENT_SHEET, DATA_SHEET, SUMMARY_SHEET_NAME, RANKING_SHEET_NAME]);
      const { analysis } = await openXlsx(await fs.readFile(input));
      const plans = buildReportPlans(analysis, { date: parseDate(DATE)!, sheet: CURRENT_SHEET });
      let texts = 0;
      for (const plan of plans) {
        for (const pc of plan.cells.filter((c) => typeof c.value === "string" && c.value !== "")) {
          const cell = wb.getWorksheet(plan.name)!.getCell(pc.row + 1, pc.col + 1);
          expect([cell.address, cellValueOf(cell)]).toEqual([cell.address, pc.value]);
          texts++;
        }
      }
      expect(texts).toBeGreaterThan(20);
      const names = [...(await parts(file)).keys()];
      for (const prefix of ["xl/tables/", "xl/charts/", "xl/drawings/", "xl/comments"]) expect([prefix, names.some((n) => n.startsWith(prefix))]).toEqual([prefix, true]);
    },
    180_000,
  );
});

describe("cchc summary: which sheet, and macros", () => {
  it("summarises the sheet --sheet names, even a hidden one", async () => {
    const out = path.join(dir, "an.xlsx");
    const r = await runCli(["summary", input, "-o", out, "--sheet", HIDDEN_SHEET, "--date", DATE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Tổng hợp từ bảng điểm "${HIDDEN_SHEET}".`);
    expect(String((await readWorkbook(out)).getWorksheet(SUMMARY_SHEET_NAME)!.getCell("A3").value)).toContain(`Bảng điểm: ${HIDDEN_SHEET}`);
    await expectValidOoxml(out, { base: input });
  });

  it("keeps an .xlsm's macros: OUT must be .xlsm, and keeps xl/vbaProject.bin and the macro-enabled type", async () => {
    const xlsm = path.join(dir, "macro.xlsm");
    await fs.writeFile(xlsm, await richWorkbook({ macros: true }));
    const wrong = await runCli(["summary", xlsm, "-o", path.join(dir, "macro-ra.xlsx")]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("có macro (VBA); tệp kết quả phải có đuôi .xlsm");
    const out = path.join(dir, "macro-ra.xlsm");
    expect((await runCli(["summary", xlsm, "-o", out])).code).toBe(0);
    const after = await parts(out);
    expect(new Uint8Array(after.get("xl/vbaProject.bin")!)).toEqual(VBA_BYTES);
    expect(after.get("[Content_Types].xml")!.toString("utf8")).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    const plain = await runCli(["summary", input, "-o", path.join(dir, "khong-macro.xlsm")]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain("không có macro; tệp kết quả phải có đuôi .xlsx");
    await expectValidOoxml(out, { base: xlsm });
  });
});
