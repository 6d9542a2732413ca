// The decree's (Nghị định 30/2020/NĐ-CP) lines and spaces, measured on the page LibreOffice
// prints from the .docx: the rule under the motto as long as the motto, the rules under the
// issuer's name and under the subject 1/3 to 1/2 of their line, the signer's name bold and
// upright, and room for the signature and seal above it.
import { promises as fs } from "fs";
import JSZip from "jszip";
import { analyzeWorkbook } from "../../src/engine";
import { draftReport } from "../../src/engine/reportDraft";
import { renderDocx } from "../../src/report/docxRender";
import { communesGrid, districtGrid } from "../fixtures/seed";
import { makeTempDir, removeDir } from "../cli/helpers/xlsxFiles";
import { convertWithLibreOffice, sofficeUnavailable } from "../support/libreoffice";
import { horizontalRules, textLines, type Rule, type TextLine } from "../support/pdfPage";
import { compact, issuerRule, lineMatching, mottoRuleShare, subjectRule } from "./printedPage";

const maybe = sofficeUnavailable("khoảng cách và đường kẻ của báo cáo Word") === null ? describe : describe.skip;

maybe("the heading's rules and the signature's room, as printed", () => {
  let dir: string;
  let lines: TextLine[];
  let rules: Rule[];
  let lastPage: { lines: TextLine[] };
  let doc: string;
  beforeAll(async () => {
    dir = await makeTempDir("cchc-rules-");
    const grids = [districtGrid(), communesGrid()];
    const bytes = await renderDocx(draftReport(analyzeWorkbook(grids), { grids }));
    doc = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    const docx = `${dir}/bao-cao.docx`;
    await fs.writeFile(docx, bytes);
    const pdf = await convertWithLibreOffice(docx, "pdf", dir);
    lines = await textLines(pdf, 1);
    rules = await horizontalRules(pdf, 1, dir);
    const pages = Number(/Pages:\s+(\d+)/.exec((await import("child_process")).execFileSync("pdfinfo", [pdf]).toString())![1]);
    lastPage = { lines: await textLines(pdf, pages) };
  }, 180_000);
  afterAll(async () => removeDir(dir));

  const line = (pattern: RegExp, from: TextLine[] = lines) => lineMatching(pattern, from);

  test("the rule under the motto is as long as the motto", () => {
    const share = mottoRuleShare(lines, rules);
    expect(share).toBeGreaterThan(0.95);
    expect(share).toBeLessThan(1.05);
  });

  test("the rule under the issuer's name is 1/3 to 1/2 of its line, centred under it", () => {
    const { share, offCentre } = issuerRule(lines, rules, /^HUYỆNKONRẪY$/);
    expect(share).toBeGreaterThanOrEqual(1 / 3);
    expect(share).toBeLessThanOrEqual(1 / 2);
    expect(offCentre).toBeLessThan(2);
  });

  test("the rule under the subject is 1/3 to 1/2 of its longest line", () => {
    const { subject, share } = subjectRule(lines, rules, /^BÁOCÁO$/);
    expect(subject).toMatch(/^Đánhgiá,phântích.*chủyếucầnthựchiện$/);
    expect(share).toBeGreaterThanOrEqual(1 / 3);
    expect(share).toBeLessThanOrEqual(1 / 2);
  });

  test("the signer's name is bold and upright, with room for signature and seal above it", () => {
    const name = /<w:r>(?:(?!<\/w:r>).)*\[Cần bổ sung: họ và tên người ký\](?:(?!<\/w:r>).)*<\/w:r>/s.exec(doc)?.[0] ?? "";
    expect(name).toMatch(/<w:b\/>/);
    expect(name).not.toMatch(/<w:i\/>/);
    const role = line(/^CHỦTỊCH$/, lastPage.lines);
    const signer = lastPage.lines.find((l) => l.yMin > role.yMax && /họvàtênngườiký/.test(compact(l)))!;
    expect(signer).toBeDefined();
    // Between 25 and 40 mm: room for a signature and a round seal (about 35 mm across, overlapping the name line).
    expect(signer.yMin - role.yMax).toBeGreaterThanOrEqual(25);
    expect(signer.yMin - role.yMax).toBeLessThanOrEqual(40);
  });
});
