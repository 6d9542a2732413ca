// The package writer whatever prefixes and declarations the input uses: the relationships
// namespace declared on each <sheet> (openpyxl, and so pandas' to_excel), every SpreadsheetML
// element prefixed (the Open XML SDK), and styles appended once however often a workbook is rerun.
// Each written part is read back by libxml2, which refuses an unbound prefix as Excel does.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { XlsxPackage } from "../../../../src/host/file/write/xlsxPackage";
import { appendStyles, canonicalEntry, type CellLook } from "../../../../src/host/file/write/xlsxStylesAppend";
import { sheetEntries } from "../../../../src/host/file/write/xlsxWorkbookParts";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";

const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
if (!hasXmllint && process.env.CI === "true") throw new Error("xmllint (libxml2-utils) is missing: .ci/run installs it.");
const itXml = hasXmllint ? it : it.skip;

/** libxml2's verdict on a part: "" when well-formed with every prefix bound. */
function xmllintErrors(xml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ns-"));
  const file = path.join(dir, "part.xml");
  fs.writeFileSync(file, xml);
  const r = spawnSync("xmllint", ["--noout", file], { encoding: "utf8" });
  fs.rmSync(dir, { recursive: true, force: true });
  return r.status === 0 && r.stderr === "" ? "" : r.stderr;
}

const STYLES = (p: string, ns: string) =>
  `<${p}styleSheet ${ns}><${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font></${p}fonts>` +
  `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills>` +
  `<${p}borders count="1"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border></${p}borders>` +
  `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
  `<${p}cellXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></${p}cellXfs></${p}styleSheet>`;

/** A one-sheet package whose workbook-level parts are written by `shape`. */
async function packageOf(shape: "openpyxl" | "prefixed"): Promise<Uint8Array> {
  const zip = new JSZip();
  const file = (p: string, s: string) => zip.file(p, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`, { createFolders: false });
  const prefixed = shape === "prefixed";
  const x = prefixed ? "x:" : "";
  const ns = prefixed ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`;
  file(
    "[Content_Types].xml",
    `<Types xmlns="${TYPES}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  file("_rels/.rels", `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  // openpyxl declares r on each <sheet>, not on the root; the Open XML SDK binds it on the root.
  const sheet = prefixed
    ? `<x:sheet name="Bảng điểm" sheetId="1" r:id="rId1"/>`
    : `<sheet xmlns:r="${R}" name="Bảng điểm" sheetId="1" r:id="rId1"/>`;
  file("xl/workbook.xml", `<${x}workbook ${ns}${prefixed ? ` xmlns:r="${R}"` : ""}><${x}sheets>${sheet}</${x}sheets></${x}workbook>`);
  file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
  );
  file("xl/worksheets/sheet1.xml", `<${x}worksheet ${ns}><${x}sheetData><${x}row r="1"><${x}c r="A1"><${x}v>7</${x}v></${x}c></${x}row></${x}sheetData></${x}worksheet>`);
  file("xl/styles.xml", STYLES(x, ns));
  return zip.generateAsync({ type: "uint8array" });
}

const LOOKS: CellLook[] = [
  { style: { bold: true, fill: "#DDEBF7", border: true }, format: "0.00" },
  { style: { italic: true, size: 13, align: "center", wrap: true } },
  { format: "0.000" },
];

const NEW_SHEET = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Xếp hạng</t></is></c></row></sheetData></worksheet>`;

/** One run of what `cchc summary` does to the workbook-level parts: a sheet, its marker, its styles. */
async function run(bytes: Uint8Array, replace: boolean): Promise<Uint8Array> {
  const pkg = await XlsxPackage.load(bytes);
  const previous = pkg.sheets.find((s) => s.name === "Xếp hạng");
  await pkg.addSheet("Xếp hạng", NEW_SHEET, replace ? previous : undefined);
  pkg.setDefinedName("CCHC_GEN_RANKING", "'Xếp hạng'!$A$1");
  const styles = await pkg.styles();
  pkg.setPart(styles.path, appendStyles(styles.xml, LOOKS).xml);
  return pkg.save();
}

async function part(bytes: Uint8Array, name: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(name)!.async("string");
}

const WRITTEN = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];

describe.each(["openpyxl", "prefixed"] as const)("a workbook written %s", (shape) => {
  itXml("gets parts libxml2 reads, every prefix bound, and the new sheet found by its relationship", async () => {
    const out = await run(await packageOf(shape), false);
    for (const name of WRITTEN) expect({ name, errors: xmllintErrors(await part(out, name)) }).toEqual({ name, errors: "" });
    const workbook = await part(out, "xl/workbook.xml");
    const sheets = sheetEntries(workbook);
    expect(sheets.map((s) => [s.name, s.relId])).toEqual([
      ["Bảng điểm", "rId1"],
      ["Xếp hạng", "rId3"],
    ]);
    const pkg = await XlsxPackage.load(out);
    expect(pkg.sheetPart(pkg.sheets[1])).toBe("xl/worksheets/sheet2.xml");
    expect(pkg.names.map((n) => [n.name, n.formula])).toEqual([["CCHC_GEN_RANKING", "'Xếp hạng'!$A$1"]]);
    if (shape === "prefixed") {
      // What we add takes the part's prefix: no element of the default namespace slips in.
      expect(workbook).toContain(`<x:sheet name="Xếp hạng"`);
      expect(workbook).toContain(`<x:definedNames><x:definedName name="CCHC_GEN_RANKING">`);
      const styles = await part(out, "xl/styles.xml");
      expect(styles).not.toMatch(/<(font|fill|border|xf|numFmts|numFmt)\b/);
      expect(styles).toMatch(/<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.000"\/><\/x:numFmts>/);
    } else {
      // The root binds no prefix to the relationships namespace: the new entry declares its own.
      expect(workbook).toContain(`<sheet xmlns:r="${R}" name="Xếp hạng" sheetId="2" r:id="rId3"/>`);
    }
  });

  it("adds no style on a second and a third run", async () => {
    const counts = async (bytes: Uint8Array) => {
      const xml = await part(bytes, "xl/styles.xml");
      return ["font", "fill", "border", "xf", "numFmt"].map((t) => (xml.match(new RegExp(`<(?:x:)?${t}[ >/]`, "g")) ?? []).length);
    };
    const first = await run(await packageOf(shape), false);
    const second = await run(first, true);
    const third = await run(second, true);
    // fonts, fills, borders, xf (one cell-style xf + four cell formats), numFmt ("0.00" is built in).
    expect(await counts(first)).toEqual([3, 3, 2, 5, 1]);
    expect(await counts(second)).toEqual(await counts(first));
    expect(await counts(third)).toEqual(await counts(first));
    expect(await part(third, "xl/styles.xml")).toBe(await part(first, "xl/styles.xml"));
  });
});

describe("canonicalEntry", () => {
  it("reads the same style however a producer orders or prefixes it", () => {
    const ours = `<font><b/><sz val="13"/><name val="Calibri"/></font>`;
    expect(canonicalEntry(`<x:font><x:name val="Calibri"/><x:sz val="13"/><x:b/></x:font>`)).toBe(canonicalEntry(ours));
    expect(canonicalEntry(`<xf fontId="1" numFmtId="0"/>`)).toBe(canonicalEntry(`<xf numFmtId="0" fontId="1"></xf>`));
  });

  it("tells different styles apart, nesting included", () => {
    expect(canonicalEntry(`<font><b/><sz val="13"/></font>`)).not.toBe(canonicalEntry(`<font><i/><sz val="13"/></font>`));
    const edge = (where: string) => `<border><left style="thin">${where === "left" ? `<color indexed="64"/>` : ""}</left><right style="thin">${where === "right" ? `<color indexed="64"/>` : ""}</right></border>`;
    expect(canonicalEntry(edge("left"))).not.toBe(canonicalEntry(edge("right")));
  });

  it("appendStyles reuses an identical entry the workbook already has", () => {
    const xml = STYLES("", `xmlns="${MAIN}"`).replace(`<fonts count="1">`, `<fonts count="2">`).replace("</font></fonts>", `</font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>`);
    const { xml: out } = appendStyles(xml, [{ style: { bold: true } }]);
    expect(out.match(/<font>/g)).toHaveLength(2);
    expect(out).toContain(`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>`);
  });
});
