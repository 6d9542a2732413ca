// The .ods reader on hand-made content: text runs (spaces, tabs, line breaks, spans, links, notes
// left out), the value types, merges over repeated cells, formulas it cannot spell (one notice,
// value kept), named ranges and expressions, the active sheet from settings.xml, a table style
// that hides a sheet; and the readers' sources use nothing Node-only (they run in the browser).
import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { readLegacyWorkbook } from "../../../../src/host/file/legacy/legacyWorkbook";
import { odsFormula } from "../../../../src/host/file/legacy/odsFormula";

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"',
].join(" ");

async function ods(content: string, settings?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
  zip.file("content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}>${content}</office:document-content>`);
  if (settings) zip.file("settings.xml", settings);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

// The table prefix is "t", not "table": names are matched by namespace, not by prefix.
const CONTENT = `<office:automatic-styles><style:style style:name="an" style:family="table"><style:table-properties t:display="false"/></style:style></office:automatic-styles>
<office:body><office:spreadsheet>
<t:table t:name="Tổng hợp"><t:table-row>
  <t:table-cell office:value-type="string"><text:p>Phòng<text:s text:c="2"/>Nội vụ<text:tab/>(<text:span>02</text:span> hồ sơ)</text:p><text:p><text:a>UBND xã</text:a><text:line-break/>Đăk Pnê</text:p><office:annotation><text:p>ghi chú</text:p></office:annotation></t:table-cell>
  <t:table-cell office:value-type="percentage" office:value="0.9197"/>
  <t:table-cell office:value-type="currency" office:value="1500000"/>
  <t:table-cell office:value-type="time" office:time-value="PT12H30M00S"/>
  <t:table-cell office:value-type="boolean" office:boolean-value="false"/>
  <t:table-cell t:formula="of:=ORG.OPENOFFICE.WEEKS([.A2];[.B2];0)" office:value-type="float" office:value="3"/>
  <t:table-cell t:formula="of:=COM.MICROSOFT.IFERROR([$'Năm trước'.A1]*2;0)" office:value-type="float" office:value="176.64"/>
</t:table-row>
<t:table-row t:number-rows-repeated="2"><t:table-cell t:number-columns-repeated="2" t:number-columns-spanned="1" t:number-rows-spanned="1"/><t:table-cell office:value-type="float" office:value="5" t:number-columns-repeated="2"/></t:table-row>
<t:table-row><t:table-cell t:number-columns-spanned="3" t:number-rows-spanned="2" office:value-type="string"><text:p>Gộp</text:p></t:table-cell><t:covered-table-cell t:number-columns-repeated="2"/></t:table-row>
</t:table>
<t:table t:name="Năm trước" t:style-name="an"><t:table-row><t:table-cell office:value-type="float" office:value="88.32"/></t:table-row></t:table>
<t:named-expressions><t:named-range t:name="diem" t:cell-range-address="$'Tổng hợp'.$B$1:.$C$1"/><t:named-expression t:name="nua" t:expression="of:=[$'Năm trước'.$A$1]/2"/></t:named-expressions>
</office:spreadsheet></office:body>`;

const SETTINGS = `<?xml version="1.0" encoding="UTF-8"?><office:document-settings xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"><office:settings><config:config-item-set config:name="ooo:view-settings"><config:config-item config:name="ActiveTable" config:type="string">Năm trước</config:config-item></config:config-item-set></office:settings></office:document-settings>`;

describe("an .ods made by hand", () => {
  it("reads texts, value types, repeats, merges, names, the hidden sheet and the active one", async () => {
    const wb = await readLegacyWorkbook(await ods(CONTENT, SETTINGS));
    const [sheet, hidden] = wb.sheets;
    expect(sheet.values[0]).toEqual([
      "Phòng  Nội vụ\t(02 hồ sơ)\nUBND xã\nĐăk Pnê",
      0.9197,
      1500000,
      new Date(Date.UTC(1899, 11, 30, 12, 30)),
      false,
      3,
      176.64,
    ]);
    expect(sheet.values.slice(1, 3)).toEqual([
      [null, null, 5, 5, null, null, null],
      [null, null, 5, 5, null, null, null],
    ]);
    expect(sheet.values[3][0]).toBe("Gộp");
    // The merge reaches past the last row holding a value: clipped to the used range.
    expect(sheet.merges).toEqual([{ row: 3, col: 0, rows: 1, cols: 3 }]);
    expect(sheet.formulas).toEqual([{ row: 0, col: 6, formula: "IFERROR('Năm trước'!A1*2,0)" }]);
    expect(wb.notices).toEqual([
      "1 ô công thức trong tệp .ods không chuyển được thành công thức Excel (dùng hàm hoặc kiểu tham chiếu chưa hỗ trợ); giá trị đã tính của các ô này vẫn được đọc.",
    ]);
    expect(hidden).toMatchObject({ name: "Năm trước", state: "hidden", values: [[88.32]] });
    expect(wb.definedNames).toEqual([
      { name: "diem", formula: "'Tổng hợp'!$B$1:$C$1" },
      { name: "nua", formula: "'Năm trước'!$A$1/2" },
    ]);
    expect(wb.activeSheet).toBe(1);
  });
});

test("OpenFormula to A1 text", () => {
  expect(odsFormula("of:=SUM([.E7:.E12])")).toBe("SUM(E7:E12)");
  expect(odsFormula("of:=[$Sheet1.A1]+[$Sheet1.B2:.C3]")).toBe("Sheet1!A1+Sheet1!B2:C3");
  expect(odsFormula('of:=IF([.A1]="a;b";TRUE();FALSE())')).toBe('IF(A1="a;b",TRUE,FALSE)');
  expect(odsFormula("of:=SUM([.A:.A])")).toBe("SUM(A:A)");
  expect(odsFormula("of:=['file:///C:/x.ods'#$Sheet1.A1]")).toBeNull();
  expect(odsFormula("msoxl:=SUM(A1:A3)")).toBe("SUM(A1:A3)");
});

test("the readers use nothing Node-only, so the standalone page can run them", async () => {
  const dir = path.join(__dirname, "../../../../src/host/file/legacy");
  for (const file of (await fs.readdir(dir)).filter((f) => f.endsWith(".ts"))) {
    const text = await fs.readFile(path.join(dir, file), "utf8");
    const imports = [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]).filter((m) => !m.startsWith("."));
    expect({ file, imports: imports.filter((m) => m !== "saxes") }).toEqual({ file, imports: [] });
    expect({ file, node: /\b(Buffer|process|require)\b/.test(text) }).toEqual({ file, node: false });
  }
});
