// The charts of the generated sheets in the package `cchc summary` and the standalone page write:
// drawing and chart parts with their relationships and content types, the sheet's <drawing>
// after its page setup; each chart's ranges, read back from the chart part, point at the cells
// holding its units (or areas) and their values; the OOXML checker passes the package; a rerun
// replaces the charts with the sheet; LibreOffice opens the workbook and draws them (the page
// rendered to test-output/ for a look by eye).
import { execFile } from "child_process";
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { promisify } from "util";
import { parseA1 } from "../../../../src/engine/core/address";
import { analyzeWorkbook, buildReportPlans, type Grid } from "../../../../src/engine";
import { readXlsx } from "../../../../src/host/file/read/readXlsx";
import type { ReadWorkbook } from "../../../../src/host/file/read/workbookModel";
import { XlsxWorkbook } from "../../../../src/host/file/xlsxWorkbook";
import { COMMUNES, communesGrid, districtGrid } from "../../../fixtures/seed";
import { BLOCKS, blockHeadingGrid } from "../../../fixtures/units";
import { makeTempDir, removeDir, writeGrids } from "../../../cli/helpers/xlsxFiles";
import { OUTPUT } from "../../../support/browser";
import { convertWithLibreOffice, sofficeUnavailable } from "../../../support/libreoffice";
import { expectValidOoxmlBytes } from "../../../support/ooxmlCheck";
import { textLines } from "../../../support/pdfPage";

const run = promisify(execFile);
const DATE = new Date(2023, 11, 15);

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir("cchc-charts-");
});
afterAll(async () => removeDir(dir));

async function inputOf(grids: Grid[], name: string): Promise<Uint8Array> {
  return new Uint8Array(await fs.readFile(await writeGrids(path.join(dir, name), grids)));
}

/** The input with the report's sheets written (as `cchc summary` does). */
async function withReport(input: Uint8Array, grids: Grid[]): Promise<Uint8Array> {
  const port = await XlsxWorkbook.open(input);
  await port.writeSheets(buildReportPlans(analyzeWorkbook(grids), { date: DATE }));
  return port.save();
}

interface ChartRead {
  part: string;
  title: string;
  cat: string;
  val: string;
  catCache: string[];
  valCache: number[];
}

const all = (xml: string, re: RegExp) => [...xml.matchAll(re)].map((m) => m[1]);
const unescape = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The charts of sheet `name`, found through the workbook's, the sheet's and the drawing's relationships. */
async function chartsOfSheet(zip: JSZip, name: string): Promise<{ sheetXml: string; charts: ChartRead[] }> {
  const read = async (p: string) => (await zip.file(p)?.async("string")) ?? "";
  const workbook = await read("xl/workbook.xml");
  const escapedName = name.replace(/&/g, "&amp;").replace(/'/g, "&apos;");
  const relId = new RegExp(`<sheet [^>]*name="${escapedName}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(await read("xl/_rels/workbook.xml.rels"))![1];
  const sheetPart = `xl/${target}`;
  const sheetXml = await read(sheetPart);
  const drawingRel = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml);
  if (!drawingRel) return { sheetXml, charts: [] };
  const sheetRels = await read(sheetPart.replace(/([^/]+)$/, "_rels/$1.rels"));
  const drawing = `xl/drawings/${new RegExp(`Id="${drawingRel[1]}"[^>]*Target="\\.\\./drawings/([^"]+)"`).exec(sheetRels)![1]}`;
  const drawingXml = await read(drawing);
  const drawingRels = await read(drawing.replace(/([^/]+)$/, "_rels/$1.rels"));
  const charts: ChartRead[] = [];
  for (const id of all(drawingXml, /<c:chart [^>]*r:id="([^"]+)"/g)) {
    const part = `xl/charts/${new RegExp(`Id="${id}"[^>]*Target="\\.\\./charts/([^"]+)"`).exec(drawingRels)![1]}`;
    const xml = await read(part);
    const [cat, val] = all(xml, /<c:f>([^<]*)<\/c:f>/g).map(unescape);
    const catXml = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(xml)![1];
    const valXml = /<c:val>([\s\S]*?)<\/c:val>/.exec(xml)![1];
    charts.push({
      part,
      title: all(xml, /<a:t>([^<]*)<\/a:t>/g).map(unescape).join(""),
      cat,
      val,
      catCache: all(catXml, /<c:v>([^<]*)<\/c:v>/g).map(unescape),
      valCache: all(valXml, /<c:v>([^<]*)<\/c:v>/g).map(Number),
    });
  }
  return { sheetXml, charts };
}

/** The values of the cells a column reference "'Sheet'!$B$5:$B$9" names, read back by the project's reader. */
function cellsAt(book: ReadWorkbook, reference: string): unknown[] {
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(reference);
  expect(m).not.toBeNull();
  const sheet = book.sheets.find((s) => s.name === m![1].replace(/''/g, "'"))!;
  const from = parseA1(`${m![2]}${m![3]}`)!;
  const to = parseA1(`${m![4]}${m![5]}`)!;
  expect(from.col).toBe(to.col);
  const values: unknown[] = [];
  for (let row = from.row; row <= to.row; row++) values.push(sheet.values[row]?.[from.col]);
  return values;
}

describe("a province's table in blocks", () => {
  const grids = [blockHeadingGrid()];
  let out: Uint8Array;
  let input: Uint8Array;
  beforeAll(async () => {
    input = await inputOf(grids, "province.xlsx");
    out = await withReport(input, grids);
  });

  test("Xếp hạng has one chart per block whose ranges hold the block's units and indices", async () => {
    const zip = await JSZip.loadAsync(out);
    const { sheetXml, charts } = await chartsOfSheet(zip, "Xếp hạng");
    // CT_Worksheet: the drawing comes after the page setup.
    expect(sheetXml).toMatch(/<pageSetup [^>]*\/><drawing r:id="rId1"\/><\/worksheet>$/);
    expect(charts.map((c) => c.title)).toEqual(BLOCKS.map((b) => expect.stringContaining(b)));
    const book = await readXlsx(out);
    for (const chart of charts) {
      expect(chart.cat).toMatch(/^'Xếp hạng'!\$B\$\d+:\$B\$\d+$/);
      expect(cellsAt(book, chart.cat)).toEqual(chart.catCache);
      expect((cellsAt(book, chart.val) as number[]).map((v) => Math.round(v * 1000) / 1000)).toEqual(chart.valCache.map((v) => Math.round(v * 1000) / 1000));
      // The header above the value column is the index's.
      const col = parseA1(chart.val.split("!")[1].split(":")[0].replace(/\$/g, ""))!.col;
      const sheet = book.sheets.find((s) => s.name === "Xếp hạng")!;
      expect(sheet.values.some((row) => row[col] === "Chỉ số (hai phần)")).toBe(true);
    }
    const types = await zip.file("[Content_Types].xml")!.async("string");
    for (const chart of charts) expect(types).toContain(`PartName="/${chart.part}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
    expect(types).toMatch(/PartName="\/xl\/drawings\/drawing1\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.drawing\+xml"/);
  });

  test("the OOXML checker finds nothing the charts brought in", async () => {
    await expectValidOoxmlBytes(out, "province-charts.xlsx", { base: input, read: true });
  });

  test("a rerun replaces the sheet with its drawing and charts, leaving no part behind", async () => {
    const again = await withReport(out, grids);
    const zip = await JSZip.loadAsync(again);
    const names = Object.keys(zip.files).filter((n) => /^xl\/(drawings|charts)\//.test(n));
    const { charts } = await chartsOfSheet(zip, "Xếp hạng");
    expect(charts).toHaveLength(BLOCKS.length);
    // One drawing, its relationships and one part per chart: the old ones went with the old sheet.
    expect(names.sort()).toEqual(["xl/drawings/_rels/drawing2.xml.rels", "xl/drawings/drawing2.xml", ...charts.map((c) => c.part)].sort());
    await expectValidOoxmlBytes(again, "province-charts-again.xlsx", { base: input });
  });
});

describe("the seed's district sheet and communes table", () => {
  const grids = [districtGrid(), communesGrid()];
  let out: Uint8Array;
  let input: Uint8Array;
  beforeAll(async () => {
    input = await inputOf(grids, "seed.xlsx");
    out = await withReport(input, grids);
  });

  test("Tổng hợp trách nhiệm has the points lost by area, read from the area table", async () => {
    const zip = await JSZip.loadAsync(out);
    const { charts } = await chartsOfSheet(zip, "Tổng hợp trách nhiệm");
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect(chart.title).toBe("Điểm bị mất theo lĩnh vực");
    const book = await readXlsx(out);
    const sheet = book.sheets.find((s) => s.name === "Tổng hợp trách nhiệm")!;
    const header = sheet.values.findIndex((row) => row[1] === "Lĩnh vực");
    const lostCol = sheet.values[header].indexOf("Điểm bị mất");
    expect(chart.cat).toBe(`'Tổng hợp trách nhiệm'!$B$${header + 2}:$B$${header + 1 + chart.catCache.length}`);
    expect(chart.val.startsWith(`'Tổng hợp trách nhiệm'!$${String.fromCharCode(65 + lostCol)}$${header + 2}:`)).toBe(true);
    expect(cellsAt(book, chart.cat)).toEqual(chart.catCache);
    expect(cellsAt(book, chart.val)).toEqual(chart.valCache);
    // The row after the last area is the total, left out of the chart.
    expect(sheet.values[header + 1 + chart.catCache.length][1]).toBe("Tổng cộng");
    await expectValidOoxmlBytes(out, "seed-charts.xlsx", { base: input, read: true });
  });

  const maybe = sofficeUnavailable("biểu đồ trong tệp .xlsx bằng LibreOffice") === null ? test : test.skip;
  maybe(
    "LibreOffice opens the workbook and prints the charts (pages rendered to test-output/)",
    async () => {
      // Only the generated sheets, so the printed pages are theirs.
      const zip = await JSZip.loadAsync(out);
      let workbook = await zip.file("xl/workbook.xml")!.async("string");
      for (const name of ["Huyện Kon Rẫy", "Xếp loại xã"]) {
        workbook = workbook.replace(new RegExp(`<sheet [^>]*name="${name}"[^>]*/>`), (e) => e.replace(/ state="[^"]*"/, "").replace("<sheet ", '<sheet state="hidden" '));
      }
      zip.file("xl/workbook.xml", workbook);
      const file = path.join(dir, "seed-charts.xlsx");
      await fs.writeFile(file, await zip.generateAsync({ type: "uint8array" }));
      await fs.mkdir(OUTPUT, { recursive: true });
      await fs.copyFile(file, path.join(OUTPUT, "xlsx-charts.xlsx"));
      const pdf = await convertWithLibreOffice(file, "pdf", dir);
      const { stdout } = await run("pdfinfo", [pdf]);
      const pages = Number(/Pages:\s+(\d+)/.exec(stdout)![1]);
      const found: Record<string, number> = {};
      // LibreOffice splits a chart's words at odd places: compared without white space.
      const bare = (s: string) => s.replace(/\s+/g, "");
      const firstUnit = bare(COMMUNES[0].unit);
      for (let n = 1; n <= pages; n++) {
        const text = bare((await textLines(pdf, n)).map((l) => l.text).join(""));
        if (text.includes(bare("Điểm bị mất theo lĩnh vực")) && found.area === undefined) found.area = n;
        if (text.includes(bare("Chỉ số CCHC của các đơn vị")) && found.units === undefined) {
          found.units = n;
          // A unit's name is printed twice there: in the table and on the chart's axis.
          expect(text.split(firstUnit).length - 1).toBeGreaterThanOrEqual(2);
        }
      }
      // The charts' titles are printed: LibreOffice drew both charts.
      expect(found).toEqual({ area: expect.any(Number), units: expect.any(Number) });
      // A chart may run on to the next page: that page too.
      for (const [what, n] of Object.entries(found)) {
        const last = Math.min(n + 1, pages);
        await run("pdftoppm", ["-png", "-r", "80", "-f", String(n), "-l", String(last), pdf, path.join(OUTPUT, `xlsx-chart-${what}`)]);
      }
    },
    180_000,
  );
});
