// Issue 19 §3: a cell's own hyperlink (Grid.links) counts as evidence and is checked like a typed link.
import { analyzeSheet, type Grid, type ScoringSheet } from "../../../src/engine";
import { DISTRICT_CRITERIA, districtGrid } from "../../fixtures/seed";

function scoring(grid: Grid): ScoringSheet {
  const result = analyzeSheet(grid);
  if (result.kind !== "scoring") throw new Error(`not a scoring sheet: ${JSON.stringify(result)}`);
  return result;
}

const isLeaf = (code: string) => !DISTRICT_CRITERIA.some((d) => d.code.startsWith(code + "."));

/** The seed sheet with an evidence column (H) holding "x" everywhere, and the rows of two leaves. */
function gridWithColumn(): { grid: Grid; a: number; b: number; codeA: string; codeB: string } {
  const grid = districtGrid();
  const headerRow = grid.values.findIndex((r) => r[0] === "STT");
  grid.values.forEach((row, r) => {
    row[7] = r === headerRow ? "Tài liệu kiểm chứng" : typeof row[0] === "string" && r > headerRow ? "Quyết định số 1/QĐ-UBND" : null;
  });
  const leaves = grid.values.map((r, i) => [r[0], i] as const).filter(([c, i]) => typeof c === "string" && i > headerRow && isLeaf(c));
  const [[codeA, a], [codeB, b]] = leaves as [string, number][];
  return { grid, a, b, codeA, codeB };
}

describe("hyperlinks in the evidence column", () => {
  test("a cell with only a hyperlink has evidence; its target is listed", () => {
    const { grid, a, codeA } = gridWithColumn();
    grid.values[a][7] = null;
    const without = scoring(structuredClone(grid));
    expect(without.findings.filter((f) => f.rule === "missing-evidence").length).toBeGreaterThan(0);
    grid.links = { [`${a},7`]: "https://sonoivu.kontum.gov.vn/qd12.pdf" };
    const sheet = scoring(grid);
    expect(sheet.findings.filter((f) => f.rule === "missing-evidence")).toHaveLength(
      without.findings.filter((f) => f.rule === "missing-evidence").length - 1,
    );
    expect(sheet.evidence?.find((e) => e.code === codeA)?.links).toEqual(["https://sonoivu.kontum.gov.vn/qd12.pdf"]);
  });

  test("a malformed hyperlink target is a warning at its cell; an internal link is kept", () => {
    const { grid, a, b, codeA, codeB } = gridWithColumn();
    grid.links = { [`${a},7`]: "htp//x", [`${b},7`]: "#Sheet2!A1" };
    const sheet = scoring(grid);
    const bad = sheet.findings.filter((f) => f.rule === "bad-evidence-link");
    expect(bad).toHaveLength(1);
    expect(bad[0].message).toContain("htp//x");
    expect(bad[0].message).toContain(codeA);
    expect([bad[0].row, bad[0].col, bad[0].severity]).toEqual([a, 7, "warning"]);
    expect(sheet.evidence?.find((e) => e.code === codeA)?.links).toEqual([]);
    expect(sheet.evidence?.find((e) => e.code === codeB)?.links).toEqual(["#Sheet2!A1"]);
  });
});
