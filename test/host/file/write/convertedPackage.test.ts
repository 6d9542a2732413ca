// An .xls or .ods from LibreOffice, read by the legacy readers and written as a new .xlsx: the
// package passes the OOXML checker, and read back through the .xlsx path it holds the same values,
// formulas, merges, hidden sheet and names, so the engine's figures are the original's.
import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { analyzeWorkbook, applyMergedAreas, type Grid } from "../../../../src/engine";
import { readLegacyWorkbook } from "../../../../src/host/file/legacy/legacyWorkbook";
import { worksheetToGrid } from "../../../../src/host/file/read/xlsxCells";
import { loadWorkbook } from "../../../../src/host/file/read/xlsxLoad";
import { convertToXlsx } from "../../../../src/host/file/write/convertedPackage";
import { makeTempDir, removeDir } from "../../../cli/helpers/xlsxFiles";
import { expectValidOoxmlBytes } from "../../../support/ooxmlCheck";
import { comparable, convert, DISTRICT, HIDDEN, libreOfficeMissing, writeLegacyFixture } from "../legacy/legacyFixture";

const maybe = libreOfficeMissing("chuyển .xls/.ods sang .xlsx") ? describe.skip : describe;


maybe.each(["xls", "ods"] as const)("a .%s converted to .xlsx", (format) => {
  let dir: string;
  let legacyGrids: Grid[];
  let xlsx: Uint8Array;

  beforeAll(async () => {
    dir = await makeTempDir(`cchc-convert-${format}-`);
    const source = path.join(dir, "bang-diem.xlsx");
    await writeLegacyFixture(source);
    const read = await readLegacyWorkbook(new Uint8Array(await fs.readFile(await convert(source, format, dir))));
    legacyGrids = read.sheets.map((s) => applyMergedAreas({ name: s.name, values: s.values.map((r) => [...r]) }, s.merges));
    xlsx = await convertToXlsx(read);
  }, 180_000);
  afterAll(() => removeDir(dir));

  it("is a package Excel opens without repair", async () => {
    await expectValidOoxmlBytes(xlsx, `converted-${format}.xlsx`);
  });

  it("reads back with the same values, hidden sheet, formulas and merges", async () => {
    const wb = await loadWorkbook(xlsx);
    const grids = wb.worksheets.map((ws) => worksheetToGrid(ws));
    expect(grids.map((g) => g.name)).toEqual(legacyGrids.map((g) => g.name));
    grids.forEach((g, i) => expect({ sheet: g.name, values: comparable(g.values) }).toEqual({ sheet: legacyGrids[i].name, values: comparable(legacyGrids[i].values) }));
    expect(wb.worksheets.filter((ws) => ws.state !== "visible").map((ws) => ws.name)).toEqual([HIDDEN]);
    const district = wb.getWorksheet(DISTRICT)!;
    expect(district.model.merges.length).toBeGreaterThan(0);
    const formulas = (await (await JSZip.loadAsync(xlsx)).file("xl/worksheets/sheet1.xml")!.async("string")).match(/<f>SUM\([A-Z]+\d+:[A-Z]+\d+\)<\/f>/g) ?? [];
    expect(formulas.length).toBeGreaterThan(5);
  });

  it("gives the engine the seed's figures", async () => {
    const wb = await loadWorkbook(xlsx);
    const analysis = analyzeWorkbook(wb.worksheets.map((ws) => worksheetToGrid(ws)));
    const district = analysis.sheets.find((s) => s.kind === "scoring" && s.sheet === DISTRICT);
    expect(district && district.kind === "scoring" ? [district.totals.appraised?.achieved, district.totals.appraised?.max] : null).toEqual([89.21, 97]);
    expect(analysis).toEqual(analyzeWorkbook(legacyGrids));
  });
});
