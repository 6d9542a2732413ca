// Issue 19 in the report draft: section I says what the appraisal council cut from the unit's
// own assessment, what the explanation restored and kept, and how many scored criteria cite no
// evidence. The figures are the engine's own (appraisalCuts, the sheet's explanation and its
// missing-evidence warnings) on the same sheet; a sheet without these columns drafts as before.
import { analyzeWorkbook, appraisalCuts, restoredPoints, type Grid, type ScoringSheet } from "../../../src/engine";
import { draftLines, draftReport, spansText, type Block } from "../../../src/engine/reportDraft";
import { CHECK_EVIDENCE } from "../../../src/engine/reportDraft/appraisalParagraph";
import { districtGrid } from "../../fixtures/seed";
import { withColumn } from "./appraisalGrids";

const LEAD = "Kết quả thẩm định: ";
const comma = (x: number) => String(Math.round(x * 100) / 100).replace(".", ",");
const two = (n: number) => String(n).padStart(2, "0");

function drafted(grid: Grid) {
  const analysis = analyzeWorkbook([grid]);
  const sheet = analysis.sheets[0] as ScoringSheet;
  expect(sheet.kind).toBe("scoring");
  return { sheet, report: draftReport(analysis, { grids: [grid] }) };
}

/** Section I's blocks: from its heading to the next heading of level 1. */
function sectionOne(body: readonly Block[]): Block[] {
  const start = body.findIndex((b) => b.kind === "heading" && b.level === 1 && spansText(b.spans).startsWith("I."));
  const end = body.findIndex((b, i) => i > start && b.kind === "heading" && b.level === 1);
  return body.slice(start, end);
}

const paragraphText = (blocks: readonly Block[]) =>
  blocks.filter((b) => b.kind === "paragraph").map((b) => (b.kind === "paragraph" ? spansText(b.spans) : ""));

function appraisalText(body: readonly Block[]): string | undefined {
  return paragraphText(sectionOne(body)).find((t) => t.startsWith(LEAD) || t.startsWith("Tài liệu kiểm chứng: "));
}

describe("the seed district's draft", () => {
  const { sheet, report } = drafted(districtGrid());
  const cuts = appraisalCuts(sheet)!;
  const text = appraisalText(report.body)!;

  test("the fixture has cuts in several areas", () => {
    expect(cuts.cuts.length).toBeGreaterThan(3);
    expect(cuts.byArea.filter((a) => a.cut > 0).length).toBeGreaterThan(2);
  });

  test("one paragraph: points cut, criteria cut, the two areas cut most with their points", () => {
    expect(text).toBeDefined();
    expect(text).toContain(`cắt ${comma(cuts.total)} điểm ở ${two(cuts.cuts.length)} tiêu chí, tiêu chí thành phần`);
    const most = [...cuts.byArea].sort((a, b) => b.cut - a.cut);
    expect(most[1].cut).toBeGreaterThan(most[2].cut);
    const named = (a: (typeof most)[number]) => `(${comma(a.cut)} điểm)`;
    expect(text).toMatch(new RegExp(`nhiều nhất ở lĩnh vực [^(]+ \\(${comma(most[0].cut)} điểm\\) và lĩnh vực [^(]+ \\(${comma(most[1].cut)} điểm\\)\\.$`));
    expect(text).not.toContain(named(most[2]));
    // Neither points after explanation nor evidence on this sheet: nothing said of them.
    expect(text).not.toContain("Sau giải trình");
    expect(text).not.toContain("tài liệu kiểm chứng");
  });

  test("after the areas of section I, before its comparison or section II", () => {
    const blocks = sectionOne(report.body);
    const at = blocks.findIndex((b) => b.kind === "paragraph" && spansText(b.spans).startsWith(LEAD));
    const lastArea = blocks.map((b) => b.kind).lastIndexOf("numbered");
    expect(at).toBeGreaterThan(lastArea);
    expect(at).toBe(blocks.length - 1);
  });

  test("the printable sheet's lines carry it too", () => {
    expect(draftLines(report).map((l) => l.text)).toContain(text);
  });
});

describe("sheets with points after explanation, evidence, or nothing of the appraisal", () => {
  const plain = drafted(districtGrid());
  const cut = appraisalCuts(plain.sheet)!.cuts;

  test("points after explanation: the points restored at the criteria restored, the others kept", () => {
    const back = cut.slice(0, 2);
    const { sheet, report } = drafted(withColumn("Điểm sau giải trình", (code) => back.find((c) => c.code === code)?.self ?? null));
    const explanation = sheet.explanation!;
    expect(explanation.restored.map((r) => r.code)).toEqual(back.map((c) => c.code));
    const text = appraisalText(report.body)!;
    // The cut is the first appraisal's, as before the explanation.
    expect(text).toContain(`cắt ${comma(appraisalCuts(sheet)!.total)} điểm ở ${two(cut.length)} tiêu chí`);
    expect(text).toContain(
      `Sau giải trình, Hội đồng thẩm định khôi phục ${comma(restoredPoints(explanation))} điểm ở ${two(explanation.restored.length)} tiêu chí ` +
        `(${back.map((c) => c.code).join(", ")}), giữ nguyên kết quả thẩm định ở ${two(explanation.kept.length)} tiêu chí bị cắt điểm.`,
    );
    expect(explanation.kept.length).toBe(cut.length - back.length);
  });

  test("an evidence column: as many criteria without evidence as the sheet warns of, listed and marked to check", () => {
    let i = 0;
    const { sheet, report } = drafted(withColumn("Tài liệu kiểm chứng", () => (i++ % 3 === 0 ? "Quyết định số 12/QĐ-UBND ngày 05/01/2023" : null)));
    const warned = sheet.findings.filter((f) => f.rule === "missing-evidence");
    expect(warned.length).toBeGreaterThan(10);
    const paragraph = sectionOne(report.body).find((b) => b.kind === "paragraph" && spansText(b.spans).startsWith(LEAD))!;
    const text = spansText(paragraph.kind === "paragraph" ? paragraph.spans : []);
    expect(text).toContain(`Có ${two(warned.length)} tiêu chí, tiêu chí thành phần tự chấm điểm nhưng không có tài liệu kiểm chứng (`);
    // The first ten codes, in the order the warnings are, then how many more.
    const codes = warned.map((f) => /Tiêu chí (\S+) tự chấm/.exec(f.message)![1]);
    expect(text).toContain(`(${codes.slice(0, 10).join(", ")} và ${two(codes.length - 10)} tiêu chí khác)`);
    expect(paragraph.kind === "paragraph" && paragraph.spans.some((s) => s.kind === "placeholder" && s.text === CHECK_EVIDENCE)).toBe(true);
  });

  test("every scored criterion citing its evidence: said so, nothing to check", () => {
    const { sheet, report } = drafted(withColumn("Tài liệu kiểm chứng", () => "Kế hoạch 45/KH-UBND"));
    expect(sheet.findings.filter((f) => f.rule === "missing-evidence")).toEqual([]);
    expect(appraisalText(report.body)).toContain("đều có tài liệu kiểm chứng.");
  });

  test("evidence on a sheet of self-assessed points only: the evidence alone, under its own lead", () => {
    const selfOnly = districtGrid();
    for (const row of selfOnly.values) row.splice(4, 1);
    const { sheet, report } = drafted(withColumn("Tài liệu kiểm chứng", (code) => (code.startsWith("1.") ? "Kế hoạch 45/KH-UBND" : null), selfOnly));
    expect(sheet.hasAppraised).toBe(false);
    const warned = sheet.findings.filter((f) => f.rule === "missing-evidence").length;
    expect(warned).toBeGreaterThan(0);
    expect(appraisalText(report.body)).toMatch(new RegExp(`^Tài liệu kiểm chứng: Có ${two(warned)} tiêu chí, tiêu chí thành phần tự chấm điểm nhưng không có tài liệu kiểm chứng \\((2|3)\\.`));
    expect(appraisalText(report.body)).not.toContain("Hội đồng thẩm định");
  });

  test("nothing cut: the self-assessment kept", () => {
    const grid = districtGrid();
    const header = grid.values.findIndex((r) => r[0] === "STT");
    for (const row of grid.values.slice(header + 1)) if (typeof row[3] === "number") row[4] = row[3];
    const { report } = drafted(grid);
    expect(appraisalText(report.body)).toBe(
      `${LEAD}Hội đồng thẩm định giữ nguyên kết quả tự đánh giá của UBND huyện, không cắt điểm tiêu chí, tiêu chí thành phần nào.`,
    );
  });

  test("no appraised column: section I as before, no word of the appraisal", () => {
    const grid = districtGrid();
    for (const row of grid.values) row.splice(4, 1);
    const { sheet, report } = drafted(grid);
    expect(sheet.hasAppraised).toBe(false);
    expect(appraisalText(report.body)).toBeUndefined();
    // Section I ends with its last area and that area's lost criteria, as before.
    const blocks = sectionOne(report.body);
    const tail = blocks.slice(blocks.map((b) => b.kind).lastIndexOf("numbered") + 1);
    expect(tail.every((b) => b.kind === "bullet" || (b.kind === "paragraph" && spansText(b.spans).startsWith("* Trách nhiệm thuộc về: ")))).toBe(true);
    expect(paragraphText(sectionOne(report.body)).join("\n")).not.toMatch(/Hội đồng thẩm định|tài liệu kiểm chứng/);
  });
});
