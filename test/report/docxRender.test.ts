// The Word draft read by a real reader: LibreOffice Writer opens the .docx written for the seed,
// its text holds the seed's figures; page size, margins and font are read back (from the
// document's XML and from LibreOffice's own flat ODF); page 1 of the PDF is rendered to PNG in
// test-output/ for a look by eye; page numbers start on page 2; footnotes are real footnotes.
import { execFile } from "child_process";
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { promisify } from "util";
import { analyzeWorkbook, type ScoringSheet } from "../../src/engine";
import { draftReport } from "../../src/engine/reportDraft";
import { renderDocx } from "../../src/report/docxRender";
import { communesGrid, districtGrid } from "../fixtures/seed";
import { makeTempDir, removeDir } from "../cli/helpers/xlsxFiles";
import { OUTPUT } from "../support/browser";
import { convertWithLibreOffice, sofficeUnavailable } from "../support/libreoffice";
import { expectValidOoxml } from "../support/ooxmlCheck";

const run = promisify(execFile);
const maybe = sofficeUnavailable("báo cáo Word bằng LibreOffice") === null ? describe : describe.skip;

function seedReport(mutate?: (grids: ReturnType<typeof districtGrid>[]) => void) {
  const grids = [districtGrid(), communesGrid()];
  mutate?.(grids);
  const analysis = analyzeWorkbook(grids);
  (analysis.sheets[0] as ScoringSheet).comparison = {
    previous: { file: "2022.xlsx", sheet: "Huyện Kon Rẫy", achieved: 83.87, max: 97, index: 86.471, grade: "Tốt", year: 2022 },
    change: { achieved: 5.34, index: 5.498 },
    areas: [],
    newlyLost: [],
    recovered: [],
  };
  return draftReport(analysis, { grids });
}

/** Text with runs of white space folded, so line breaks LibreOffice chose do not matter. */
const fold = (s: string) => s.replace(/\s+/g, " ");

describe("the .docx itself", () => {
  test("marks the clerk's places in yellow, and writes area numbers out when the areas do not run 1, 2, 3", async () => {
    const grid = districtGrid();
    // Only areas 3 and 5: Word's numbering would print 1. and 2.
    grid.values = grid.values.filter((r, i) => i <= 3 || r[0] === null || /^(3|5)(\.|$)/.test(String(r[0])));
    const analysis = analyzeWorkbook([grid]);
    const doc = await (await JSZip.loadAsync(await renderDocx(draftReport(analysis, { grids: [grid] })))).file("word/document.xml")!.async("string");
    const paragraphs = doc.split("</w:p>").map((p) => ({ numbered: p.includes("<w:numPr>"), text: p.replace(/<[^>]+>/g, "") }));
    const area3 = paragraphs.find((p) => p.text.startsWith("3. Cải cách thủ tục hành chính:"))!;
    const area5 = paragraphs.find((p) => p.text.startsWith("5. Cải cách chế độ công vụ:"))!;
    expect([area3.numbered, area5.numbered]).toEqual([false, false]);
    expect(doc).toMatch(/<w:highlight w:val="yellow"\/>.*?\[Cần bổ sung: họ và tên người ký\]/s);
  });

  let zip: JSZip;
  beforeAll(async () => {
    zip = await JSZip.loadAsync(await renderDocx(seedReport()));
  });
  const part = async (name: string) => (await zip.file(name)?.async("string")) ?? "";

  test("is A4 portrait with the decree's margins, a different first page and a numbered header", async () => {
    const doc = await part("word/document.xml");
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const margins = /<w:pgMar ([^>]+)\/>/.exec(doc)![1];
    const attr = (n: string) => Number(new RegExp(`w:${n}="(\\d+)"`).exec(margins)![1]) / (1440 / 25.4);
    expect(attr("top")).toBeCloseTo(20, 0);
    expect(attr("bottom")).toBeCloseTo(20, 0);
    expect(attr("left")).toBeCloseTo(30, 0);
    expect(attr("right")).toBeCloseTo(15, 0);
    expect(doc).toContain("<w:titlePg/>");
    expect(doc).toMatch(/<w:headerReference w:type="first"/);
    const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f)).map(part));
    expect(headers.filter((h) => /PAGE/.test(h))).toHaveLength(1);
  });

  test("uses Times New Roman 14 pt, Heading styles, Word numbering and a real footnote", async () => {
    const styles = await part("word/styles.xml");
    expect(styles).toMatch(/<w:docDefaults>.*w:ascii="Times New Roman".*<w:sz w:val="28"\/>/s);
    const doc = await part("word/document.xml");
    expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
    expect(doc).toContain('<w:pStyle w:val="Heading3"/>');
    expect(doc).toMatch(/<w:numPr>/);
    expect(doc).toMatch(/<w:footnoteReference w:id="1"\/>/);
    expect(await part("word/footnotes.xml")).toContain("Tăng 5,5 điểm so với năm 2022 (năm 2022 đạt 86,471 điểm, xếp loại Tốt).");
    expect(await part("word/numbering.xml")).toMatch(/w:val="bullet"/);
  });

  test("draws the administrative heading as a borderless two-column table", async () => {
    const doc = await part("word/document.xml");
    const table = /<w:tbl>.*?<\/w:tbl>/s.exec(doc)![0];
    expect(table.match(/<w:tc>/g)).toHaveLength(2);
    expect(table).toMatch(/<w:tblBorders>.*w:val="none".*<\/w:tblBorders>/s);
    // The only lines are the decree's rules (a paragraph border, the motto's underline), never cell borders.
    for (const borders of table.match(/<w:(tblBorders|tcBorders)>.*?<\/w:\1>/gs) ?? []) expect(borders).not.toMatch(/w:val="single"/);
    const cells = table.split("<w:tc>").slice(1).map((c) => c.replace(/<[^>]+>/g, ""));
    expect(cells[0]).toContain("ỦY BAN NHÂN DÂNHUYỆN KON RẪY");
    expect(cells[1]).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc");
  });
});

maybe("LibreOffice Writer reading the Word draft", () => {
  let dir: string;
  let docx: string;
  let text: string;
  beforeAll(async () => {
    dir = await makeTempDir("cchc-docx-");
    docx = path.join(dir, "bao-cao.docx");
    await fs.writeFile(docx, await renderDocx(seedReport()));
    text = fold(await fs.readFile(await convertWithLibreOffice(docx, "txt:Text", dir), "utf8"));
  }, 180_000);
  afterAll(async () => removeDir(dir));

  test("passes the OOXML checker and python-docx opens it (what Word opens without repair)", async () => {
    await expectValidOoxml(docx);
  });

  test("reads the seed's figures in the seed's sentence shapes", () => {
    expect(text).toContain("ỦY BAN NHÂN DÂN");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("đạt được năm 2023 là 89,21/97 điểm (Chỉ số cải cách hành chính: 91,969 điểm), xếp loại Xuất sắc");
    expect(text).toContain("1. Công tác chỉ đạo, điều hành cải cách hành chính: UBND huyện đạt 12,89/13 điểm");
    expect(text).toContain("6. Cải cách tài chính công: UBND huyện đạt 11,09/13 điểm");
    expect(text).toContain("Tiêu chí thành phần 3.3.4 về sử dụng Hệ thống thông tin giải quyết thủ tục hành chính tỉnh: UBND huyện đạt 1/2 điểm");
    expect(text).toContain("Phòng Tài nguyên - Môi trường (39 hồ sơ)");
    expect(text).toContain(
      "Ủy ban nhân dân xã Đăk Pnê: điểm tự đánh giá 91,16 điểm; thẩm định 87,23/94,5 điểm, chỉ số đạt 92,31%, xếp loại Xuất sắc.",
    );
    expect(text).toContain("[Cần bổ sung: họ và tên người ký]");
  });

  test("LibreOffice's own reading has A4, the margins and Times New Roman", async () => {
    const fodt = await fs.readFile(await convertWithLibreOffice(docx, "fodt", dir), "utf8");
    const layout = /<style:page-layout-properties (fo:page-width[^>]+)>/.exec(fodt)![1];
    const header = /<style:header-style>\s*<style:header-footer-properties ([^>]+)>/.exec(fodt)![1];
    /** A length LibreOffice wrote (in, cm or mm), in millimetres. */
    const mmOf = (props: string, name: string) => {
      const [, value, unit] = new RegExp(`${name}="([\\d.]+)(in|cm|mm)"`).exec(props)!;
      return parseFloat(value) * { in: 25.4, cm: 10, mm: 1 }[unit as "in" | "cm" | "mm"];
    };
    expect(mmOf(layout, "fo:page-width")).toBeCloseTo(210, 0);
    expect(mmOf(layout, "fo:page-height")).toBeCloseTo(297, 0);
    expect(mmOf(layout, "fo:margin-left")).toBeCloseTo(30, 0);
    expect(mmOf(layout, "fo:margin-right")).toBeCloseTo(15, 0);
    expect(mmOf(layout, "fo:margin-bottom")).toBeCloseTo(20, 0);
    // LibreOffice puts the header inside the top margin: its distance plus its height is Word's 20 mm.
    expect(mmOf(layout, "fo:margin-top") + mmOf(header, "fo:min-height")).toBeCloseTo(20, 0);
    expect(layout).toMatch(/style:print-orientation="portrait"/);
    expect(fodt).toMatch(/style:font-name="Times New Roman"/);
    expect(fodt).toMatch(/fo:font-size="14pt"/);
  });

  test("the PDF is A4, numbers pages from the second one, and page 1 is rendered to PNG", async () => {
    const pdf = await convertWithLibreOffice(docx, "pdf", dir);
    const info = (await run("pdfinfo", [pdf])).stdout;
    expect(info).toMatch(/Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    const pageText = async (n: number) => (await run("pdftotext", ["-layout", "-f", String(n), "-l", String(n), pdf, "-"])).stdout;
    expect((await pageText(2)).trim().split("\n")[0].trim()).toBe("2");
    expect((await pageText(1)).trim().split("\n")[0]).toMatch(/ỦY BAN NHÂN DÂN/);
    const everything = fold((await run("pdftotext", [pdf, "-"])).stdout);
    // The footnote is printed at the foot of page 1, its mark after the grade.
    expect(fold(await pageText(1))).toContain("1 Tăng 5,5 điểm so với năm 2022 (năm 2022 đạt 86,471 điểm, xếp loại Tốt).");
    expect(everything).toContain("6. Cải cách tài chính công: UBND huyện đạt 11,09/13 điểm");
    await fs.mkdir(OUTPUT, { recursive: true });
    await run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, path.join(OUTPUT, "bao-cao-trang-1")]);
    expect((await fs.stat(path.join(OUTPUT, "bao-cao-trang-1.png"))).size).toBeGreaterThan(10_000);
  });

  test("names with markup or formula-like text are printed as text", async () => {
    const report = seedReport(([district]) => {
      const row = district.values.find((r) => r[0] === "3.4.1")!;
      row[5] = '<w:t>chèn</w:t> & <b>đậm</b>';
      row[6] = '=HYPERLINK("http://x","y")';
    });
    const file = path.join(dir, "danh-dau.docx");
    await fs.writeFile(file, await renderDocx(report));
    const read = fold(await fs.readFile(await convertWithLibreOffice(file, "txt:Text", dir), "utf8"));
    expect(read).toContain('nguyên nhân: <w:t>chèn</w:t> & <b>đậm</b>.');
    expect(read).toContain('=HYPERLINK("http://x","y").');
    await expectValidOoxml(file);
  });
});
