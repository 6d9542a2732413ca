// The OOXML checker helper itself: its parsing of validate.py / read_check.py lines, and that
// expectValidOoxml fails on a package Excel would repair and passes on one it would not, with
// findings the input already had discounted by { base }.
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { communesGrid, districtGrid } from "../fixtures/seed";
import { makeTempDir, removeDir, writeGrids } from "../cli/helpers/xlsxFiles";
import { expectValidOoxml, ooxmlCheckUnavailable, parseReadCheckOutput, parseValidateOutput, validateOoxml } from "./ooxmlCheck";

describe("parsing the checker's output", () => {
  it("reads levels, parts, messages, [pre-existing] marks and the changed parts", () => {
    const out = [
      "# parts added/changed/removed vs base: xl/workbook.xml (changed), xl/worksheets/sheet3.xml (added)",
      "ERROR xl/workbook.xml: not well-formed XML: Namespace prefix r for id on sheet is not defined, line 1, column 448 (<string>, line 1)",
      "WARN [Content_Types].xml: Override for missing part /xl/x.xml [pre-existing]",
      "INFO (zip): 6 folder entries in zip (e.g. _rels/); Excel/Word ignore them",
      "# out.xlsx: 1 new error(s), 1 error(s) total, 1 warning(s)",
    ].join("\n");
    const { findings, changedParts } = parseValidateOutput(out);
    expect(changedParts).toEqual(["xl/workbook.xml (changed)", "xl/worksheets/sheet3.xml (added)"]);
    expect(findings).toEqual([
      {
        level: "ERROR",
        part: "xl/workbook.xml",
        message: "not well-formed XML: Namespace prefix r for id on sheet is not defined, line 1, column 448 (<string>, line 1)",
        preExisting: false,
      },
      { level: "WARN", part: "[Content_Types].xml", message: "Override for missing part /xl/x.xml", preExisting: true },
      { level: "INFO", part: "(zip)", message: "6 folder entries in zip (e.g. _rels/); Excel/Word ignore them", preExisting: false },
    ]);
  });

  it("reads read_check.py's OK / FAIL lines and their warnings", () => {
    const lines = parseReadCheckOutput(
      ["OK a.xlsx: 2 sheets; names 0 global", "   warning: UserWarning: Data Validation extension is not supported", "FAIL b.docx: KeyError: 'x'"].join("\n"),
    );
    expect(lines).toEqual([
      { ok: true, file: "a.xlsx", info: "2 sheets; names 0 global", warnings: ["UserWarning: Data Validation extension is not supported"] },
      { ok: false, file: "b.docx", info: "KeyError: 'x'", warnings: [] },
    ]);
  });
});

describe("expectValidOoxml on real packages", () => {
  let dir: string;
  let good: string;
  let unbound: string;
  let ready = false;

  /** `source` with its workbook.xml edited by `fn`, written to `name`. */
  async function variant(source: string, name: string, fn: (xml: string) => string): Promise<string> {
    const zip = await JSZip.loadAsync(await fs.readFile(source));
    zip.file("xl/workbook.xml", fn(await zip.file("xl/workbook.xml")!.async("string")));
    const file = path.join(dir, name);
    await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
    return file;
  }

  beforeAll(async () => {
    ready = (await ooxmlCheckUnavailable("tự kiểm tra trình kiểm tra OOXML")) === null;
    dir = await makeTempDir("cchc-ooxml-");
    good = await writeGrids(path.join(dir, "tot.xlsx"), [districtGrid(), communesGrid()]);
    // The openpyxl defect in small: a <sheet r:id> whose prefix no element declares.
    unbound = await variant(good, "r-khong-khai-bao.xlsx", (xml) =>
      xml.replace(' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"', "").replace(/<sheet /, '<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ').replace(/<\/sheets>/, '<sheet name="Mới" sheetId="9" r:id="rId4"/></sheets>'),
    );
  });
  afterAll(async () => removeDir(dir));

  it("passes an ExcelJS workbook", async () => {
    if (!ready) return;
    await expect(expectValidOoxml(good)).resolves.toBeUndefined();
  });

  it("fails a workbook.xml with an unbound prefix, naming the part and the reader's words", async () => {
    if (!ready) return;
    await expect(expectValidOoxml(unbound)).rejects.toThrow(/ERROR xl\/workbook\.xml: not well-formed XML: Namespace prefix r .* not defined[\s\S]*read_check FAIL/);
  });

  it("with { base }, discounts what the input already had and still fails on what is new", async () => {
    if (!ready) return;
    const duplicate = await variant(good, "trung-id.xlsx", (xml) => xml.replace(/sheetId="2"/, 'sheetId="1"'));
    const result = await validateOoxml(duplicate);
    expect(result.newErrors.map((f) => f.message)).toContain("duplicate sheetId 1");
    await expect(expectValidOoxml(duplicate, { base: duplicate, read: false })).resolves.toBeUndefined();
    const worse = await variant(duplicate, "trung-ten.xlsx", (xml) => xml.replace(/name="Xếp loại xã"/, 'name="huyện kon rẫy"'));
    await expect(expectValidOoxml(worse, { base: duplicate, read: false })).rejects.toThrow(/duplicate sheet name \(case-insensitive\)/);
  });
});
