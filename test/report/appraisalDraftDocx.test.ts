// The report draft's paragraph on the appraisal (issue 19) in Word: written into section I of
// the .docx, the clerk's check highlighted, the page still portrait; the file passes the OOXML
// check and LibreOffice Writer opens it and reads the paragraph.
import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { analyzeWorkbook, restoredPoints, type CellValue, type ScoringSheet } from "../../src/engine";
import { draftLines, draftReport } from "../../src/engine/reportDraft";
import { CHECK_EVIDENCE } from "../../src/engine/reportDraft/appraisalParagraph";
import { renderDocx } from "../../src/report/docxRender";
import { pageOf } from "../../src/report/docxLayout";
import { withColumn } from "../engine/reportDraft/appraisalGrids";
import { makeTempDir, removeDir } from "../cli/helpers/xlsxFiles";
import { docxText } from "../support/docxText";
import { convertWithLibreOffice, sofficeUnavailable } from "../support/libreoffice";
import { expectValidOoxml } from "../support/ooxmlCheck";

/** Points after explanation giving 1.6.1 its self-assessed 4 back; evidence on every other criterion. */
function gridOfRound() {
  let i = 0;
  const cite = (): CellValue => (i++ % 2 === 0 ? "Quyết định số 12/QĐ-UBND ngày 05/01/2023" : null);
  return withColumn("Tài liệu kiểm chứng", cite, withColumn("Điểm sau giải trình", (code) => (code === "1.6.1" ? 4 : null)), 8);
}

describe("the draft with the appraisal round, in Word", () => {
  const grid = gridOfRound();
  const analysis = analyzeWorkbook([grid]);
  const report = draftReport(analysis, { grids: [grid] });
  const restored = restoredPoints((analysis.sheets[0] as ScoringSheet).explanation!);
  const paragraph = draftLines(report).find((l) => l.text.startsWith("Kết quả thẩm định: "))!.text;
  let dir: string;
  let file: string;
  let bytes: Uint8Array;
  beforeAll(async () => {
    dir = await makeTempDir("cchc-draft-appraisal-");
    bytes = await renderDocx(report);
    file = path.join(dir, "bao-cao.docx");
    await fs.writeFile(file, bytes);
  });
  afterAll(async () => removeDir(dir));

  test("the paragraph speaks of the cut, the explanation and the evidence", () => {
    expect(paragraph).toContain("Hội đồng thẩm định cắt");
    expect(restored).toBeGreaterThan(0);
    expect(paragraph).toContain(`Sau giải trình, Hội đồng thẩm định khôi phục ${String(restored).replace(".", ",")} điểm ở 01 tiêu chí (1.6.1)`);
    expect(paragraph).toContain("không có tài liệu kiểm chứng");
  });

  test("written into the document, the check for the clerk highlighted, on a portrait page", async () => {
    expect((await docxText(bytes)).split("\n")).toContain(paragraph);
    const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    expect(xml).toMatch(new RegExp(`<w:highlight w:val="yellow"/>(?:(?!</w:r>).)*\\[Cần bổ sung: ${CHECK_EVIDENCE}\\]`, "s"));
    const portrait = pageOf("portrait");
    expect(xml).toContain(`<w:pgSz w:w="${portrait.width}" w:h="${portrait.height}" w:orient="portrait"/>`);
  });

  test("passes the OOXML check and opens with python-docx", async () => {
    await expectValidOoxml(file, { read: true });
  }, 60_000);

  const maybe = sofficeUnavailable("báo cáo có đoạn thẩm định") === null ? test : test.skip;
  maybe("LibreOffice Writer opens it and reads the paragraph", async () => {
    const txt = await fs.readFile(await convertWithLibreOffice(file, "txt:Text", dir), "utf8");
    expect(txt.replace(/\s+/g, " ")).toContain(paragraph.replace(/\s+/g, " "));
  }, 180_000);
});
