// The package writer on packages other writers make: a minimal one without styles or defined
// names, and a generated sheet Excel saved again with its own relationships (printer settings)
// and a calculation chain, which a rerun must remove with the sheet and nothing else.
import JSZip from "jszip";
import type { SheetPlan } from "../../../src/engine/plans/plan";
import { loadWorkbook } from "../../../src/host/file/read/xlsxLoad";
import { XlsxWorkbook } from "../../../src/host/file/xlsxWorkbook";
import { expectValidOoxmlBytes } from "../../support/ooxmlCheck";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const plan: SheetPlan = {
  name: "Tổng hợp trách nhiệm",
  marker: "CCHC_GEN_SUMMARY",
  cells: [
    { row: 0, col: 0, value: "TỔNG HỢP", style: { bold: true, fill: "#DDEBF7" } },
    { row: 1, col: 0, value: 1.5, format: "0.00" },
    { row: 2, col: 0, formula: "=SUM(A2:A2)", result: 1.5, format: "0.00", style: { border: true } },
  ],
  columnWidths: [30],
  rowHeights: {},
  merges: [],
  freeze: { rows: 1, cols: 0 },
  print: { paper: "A4", orientation: "portrait", fitToWidth: true },
};

/** A package as a small tool writes it: one sheet, no styles part, no defined names. */
async function minimalPackage(): Promise<Uint8Array> {
  const zip = new JSZip();
  const file = (p: string, s: string) => zip.file(p, s, { createFolders: false });
  file(
    "[Content_Types].xml",
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  file("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  file("xl/workbook.xml", `<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Bảng điểm" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  file("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`);
  file("xl/worksheets/sheet1.xml", `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>`);
  return zip.generateAsync({ type: "uint8array" });
}

async function write(bytes: Uint8Array, plans: SheetPlan[]): Promise<Uint8Array> {
  const port = await XlsxWorkbook.open(bytes);
  await port.writeSheets(plans);
  return port.save();
}

async function fileNames(bytes: Uint8Array): Promise<string[]> {
  return Object.values((await JSZip.loadAsync(bytes)).files)
    .filter((f) => !f.dir)
    .map((f) => f.name)
    .sort();
}

describe("the package writer on other writers' packages", () => {
  it("gives a package without styles or defined names a styles part and the marker names", async () => {
    const out = await write(await minimalPackage(), [plan]);
    const zip = await JSZip.loadAsync(out);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain('PartName="/xl/styles.xml"');
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain('Target="styles.xml"');
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<\/sheets><definedNames><definedName name="CCHC_GEN_SUMMARY">/);
    const wb = await loadWorkbook(out);
    expect(wb.getWorksheet("Bảng điểm")!.getCell("A1").value).toBe(7);
    const ws = wb.getWorksheet("Tổng hợp trách nhiệm")!;
    expect(ws.getCell("A1").font).toMatchObject({ bold: true });
    expect(ws.getCell("A1").fill).toMatchObject({ fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("A3").value).toEqual({ formula: "SUM(A2:A2)", result: 1.5 });
    expect(ws.getCell("A3").border).toMatchObject({ top: { style: "thin" } });
    await expectValidOoxmlBytes(out, "toi-gian-ra.xlsx", { base: await minimalPackage() });
  });

  it("removes a replaced sheet's relationships, its own printer settings and the calculation chain, nothing else", async () => {
    const first = await write(await minimalPackage(), [plan]);
    // Excel saves the file again: printer settings for the generated sheet, a calculation chain.
    const zip = await JSZip.loadAsync(first);
    const opts = { createFolders: false };
    zip.file("xl/worksheets/_rels/sheet2.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/printerSettings" Target="../printerSettings/printerSettings1.bin"/></Relationships>`, opts);
    zip.file("xl/printerSettings/printerSettings1.bin", new Uint8Array([1, 2, 3]), opts);
    zip.file("xl/calcChain.xml", `<calcChain xmlns="${MAIN}"><c r="A3" i="2"/></calcChain>`, opts);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", `<Relationship Id="rId99" Type="${REL}/calcChain" Target="calcChain.xml"/></Relationships>`), opts);
    const saved = await zip.generateAsync({ type: "uint8array" });
    expect(await fileNames(saved)).toContain("xl/worksheets/sheet2.xml");

    const second = await write(saved, [plan]);
    const before = await fileNames(saved);
    const after = await fileNames(second);
    expect(before.filter((n) => !after.includes(n))).toEqual([
      "xl/calcChain.xml",
      "xl/printerSettings/printerSettings1.bin",
      "xl/worksheets/_rels/sheet2.xml.rels",
      "xl/worksheets/sheet2.xml",
    ]);
    expect(after.filter((n) => !before.includes(n))).toEqual(["xl/worksheets/sheet3.xml"]);
    const out = await JSZip.loadAsync(second);
    expect(await out.file("xl/_rels/workbook.xml.rels")!.async("string")).not.toMatch(/calcChain|sheet2\.xml/);
    expect(await out.file("[Content_Types].xml")!.async("string")).not.toContain("sheet2.xml");
    expect((await loadWorkbook(second)).worksheets.map((w) => w.name)).toEqual(["Bảng điểm", "Tổng hợp trách nhiệm"]);
    await expectValidOoxmlBytes(second, "lan-2.xlsx", { base: saved });
  });
});
