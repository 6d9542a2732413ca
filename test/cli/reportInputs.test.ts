// `cchc report A.xlsx B.xlsx -o X.docx`: a district's scoring sheet in one workbook and its
// communes' table in another, read as one workbook (section II from the second file); sheet
// names that collide get their file's name; a province's ranking table alone is drafted; the
// issuer can be set with --issuer. LibreOffice Writer reads the .docx back.
import { promises as fs } from "fs";
import * as path from "path";
import { COMMUNES, communesGrid, districtGrid } from "../fixtures/seed";
import { blockColumnGrid } from "../fixtures/units";
import { docxText } from "../support/docxText";
import { withAddinSettings } from "../support/addinSettingsFixture";
import { convertWithLibreOffice, sofficeUnavailable } from "../support/libreoffice";
import { expectValidOoxml } from "../support/ooxmlCheck";
import { runCli } from "./helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";

let dir: string;
let district: string;
let communes: string;
beforeAll(async () => {
  dir = await makeTempDir("cchc-report-inputs-");
  district = await writeGrids(path.join(dir, "huyen-2023.xlsx"), [districtGrid({}, "Sheet1")]);
  communes = await writeGrids(path.join(dir, "xa-2023.xlsx"), [communesGrid("Sheet1")]);
});
afterAll(async () => removeDir(dir));

const fold = (s: string) => s.replace(/\s+/g, " ");

describe("cchc report with several workbooks", () => {
  it("drafts section II from the communes' workbook, the district issuing; colliding sheet names get the file's name", async () => {
    const out = path.join(dir, "bao-cao.docx");
    const r = await runCli(["report", district, communes, "-o", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`từ bảng điểm "Sheet1 (huyen-2023.xlsx)" và bảng đơn vị "Sheet1 (xa-2023.xlsx)".`);
    const text = await docxText(await fs.readFile(out));
    expect(text).toContain("HUYỆN KON RẪY");
    expect(text).toContain("II. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2023 CỦA UBND CÁC XÃ, THỊ TRẤN");
    const excellent = COMMUNES.filter((c) => c.grade === "Xuất sắc").length;
    expect(text).toContain(`Kết quả xếp loại: ${String(excellent).padStart(2, "0")}/07 xã, thị trấn xếp loại Xuất sắc`);
    expect(text).toContain("Ủy ban nhân dân xã Đăk Pnê: điểm tự đánh giá 91,16 điểm; thẩm định 87,23/94,5 điểm, chỉ số đạt 92,31%");
    expect(text).toMatch(/^III\. NHIỆM VỤ/m);
    await expectValidOoxml(out);

    if (sofficeUnavailable("báo cáo từ hai tệp bằng LibreOffice") !== null) return;
    const read = fold(await fs.readFile(await convertWithLibreOffice(out, "txt:Text", dir), "utf8"));
    expect(read).toContain("UBND huyện Kon Rẫy báo cáo đánh giá");
    expect(read).toContain("UBND xã Đăk Pnê");
    const fodt = await fs.readFile(await convertWithLibreOffice(out, "fodt", dir), "utf8");
    // The charts' own data tables ("local-table") are not the document's.
    const ranking = (fodt.match(/<table:table .*?<\/table:table>/gs) ?? []).filter((t) => t.includes("<table:table-header-rows>") && !t.includes('table:name="local-table"'));
    expect(ranking).toHaveLength(1);
    expect(ranking[0].match(/<table:table-row[ >]/g)).toHaveLength(COMMUNES.length + 1);
  }, 240_000);

  it("drafts a province's ranking table alone (no scoring sheet) and takes the issuer from --issuer", async () => {
    const table = await writeGrids(path.join(dir, "tinh.xlsx"), [blockColumnGrid()]);
    const out = path.join(dir, "tinh.docx");
    const r = await runCli(["report", table, "-o", out, "--issuer", "UBND tỉnh Kon Tum"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`từ bảng đơn vị "Kết quả 2023".`);
    const text = await docxText(await fs.readFile(out));
    expect(text).toContain("TỈNH KON TUM");
    expect(text).toContain("Khối phường (02 đơn vị):");
    await expectValidOoxml(out);
  });

  it("takes the issuer saved in the workbook's settings (Cài đặt), --issuer still winning", async () => {
    const plain = await fs.readFile(await writeGrids(path.join(dir, "tinh-plain.xlsx"), [blockColumnGrid()]));
    const saved = path.join(dir, "tinh-da-luu.xlsx");
    await fs.writeFile(saved, await withAddinSettings(plain, { issuer: "UBND tỉnh Gia Lai" }));
    const out = path.join(dir, "tinh-da-luu.docx");
    expect((await runCli(["report", saved, "-o", out])).code).toBe(0);
    expect(await docxText(await fs.readFile(out))).toContain("TỈNH GIA LAI");
    const given = path.join(dir, "tinh-tuy-chon.docx");
    expect((await runCli(["report", saved, "-o", given, "--issuer", "UBND tỉnh Kon Tum"])).code).toBe(0);
    const text = await docxText(await fs.readFile(given));
    expect(text).toContain("TỈNH KON TUM");
    expect(text).not.toContain("GIA LAI");
  });

  it("refuses OUT equal to any input, and names the unreadable file", async () => {
    // The second workbook saved under a .docx name: OUT may not be any input.
    const second = path.join(dir, "xa.docx");
    await fs.copyFile(communes, second);
    const same = await runCli(["report", district, second, "-o", second]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("trùng với tệp đầu vào");
    expect(await fs.readFile(second)).toEqual(await fs.readFile(communes));
    const broken = path.join(dir, "hong.xlsx");
    await fs.writeFile(broken, "không phải bảng tính");
    const r = await runCli(["report", district, broken, "-o", path.join(dir, "x.docx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("hong.xlsx: ");
    await expect(fs.stat(path.join(dir, "x.docx"))).rejects.toThrow();
  });
});
