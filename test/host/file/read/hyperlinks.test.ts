// Issue 19 §3: a cell's hyperlink in a real .xlsx (written by ExcelJS, as Excel writes them: the
// address in the sheet's relationships, a place in the workbook as `location`) reaches the grid,
// and the evidence check lists it or warns about it; `cchc check --json` shows the links.
import { promises as fs } from "fs";
import * as path from "path";
import { Workbook } from "exceljs";
import type { ScoringSheet } from "../../../../src/engine";
import type { CheckJson } from "../../../../src/cli/checkJson";
import { openXlsx } from "../../../../src/host/file/xlsxAnalysis";
import { districtGrid } from "../../../fixtures/seed";
import { addGridSheet, makeTempDir, removeDir } from "../../../cli/helpers/xlsxFiles";
import { runCli } from "../../../cli/helpers/runCli";
import { expectValidOoxmlBytes } from "../../../support/ooxmlCheck";

const GOOD = "https://sonoivu.kontum.gov.vn/qd12.pdf";

/** The seed sheet with an evidence column H: typed references, three cells with hyperlinks. */
async function workbookWithLinks(): Promise<{ bytes: Uint8Array; rows: { good: number; bad: number; inside: number }; codes: string[] }> {
  const grid = districtGrid();
  const header = grid.values.findIndex((r) => r[0] === "STT");
  grid.values.forEach((row, r) => {
    row[7] = r === header ? "Tài liệu kiểm chứng" : typeof row[0] === "string" && r > header ? "Quyết định số 1/QĐ-UBND" : null;
  });
  const leaves = grid.values.map((r, i) => [r[0], i] as const).filter(([c, i]) => typeof c === "string" && i > header && /^\d+\.\d+\.\d+$/.test(c));
  const [[codeGood, good], [codeBad, bad], [codeInside, inside]] = leaves as [string, number][];
  const wb = new Workbook();
  addGridSheet(wb, grid);
  wb.addWorksheet("Minh chứng").getCell("A1").value = "Danh mục";
  const ws = wb.getWorksheet(grid.name)!;
  ws.getCell(good + 1, 8).value = { text: "QĐ 12", hyperlink: GOOD };
  ws.getCell(bad + 1, 8).value = { text: "Kế hoạch", hyperlink: "htp//x" };
  ws.getCell(inside + 1, 8).value = { text: "Xem danh mục", hyperlink: "#'Minh chứng'!A1" };
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), rows: { good, bad, inside }, codes: [codeGood, codeBad, codeInside] };
}

describe("hyperlinks of a real .xlsx", () => {
  test("reach the grid as the cells' links, and the evidence check uses them", async () => {
    const { bytes, rows, codes } = await workbookWithLinks();
    await expectValidOoxmlBytes(bytes, "hyperlinks.xlsx");
    const opened = await openXlsx(bytes);
    const grid = opened.userSheets[0];
    expect(grid.links).toEqual({ [`${rows.good},7`]: GOOD, [`${rows.bad},7`]: "htp//x", [`${rows.inside},7`]: "#'Minh chứng'!A1" });
    const sheet = opened.analysis.sheets[0] as ScoringSheet;
    expect(sheet.evidence?.find((e) => e.code === codes[0])?.links).toEqual([GOOD]);
    expect(sheet.evidence?.find((e) => e.code === codes[2])?.links).toEqual(["#'Minh chứng'!A1"]);
    const bad = sheet.findings.filter((f) => f.rule === "bad-evidence-link");
    expect(bad.map((f) => [f.row, f.col])).toEqual([[rows.bad, 7]]);
  });

  test("cchc check --json lists a criterion's link", async () => {
    const dir = await makeTempDir("cchc-links-");
    try {
      const file = path.join(dir, "minh-chung.xlsx");
      const { bytes, codes } = await workbookWithLinks();
      await fs.writeFile(file, bytes);
      const r = await runCli(["check", file, "--json"]);
      const sheet = (JSON.parse(r.stdout) as CheckJson).files[0].sheets[0] as unknown as { evidence: { code: string; links: string[] }[] };
      expect(sheet.evidence.find((e) => e.code === codes[0])?.links).toEqual([GOOD]);
    } finally {
      await removeDir(dir);
    }
  });
});
