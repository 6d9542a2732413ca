// Issue 19 §3: the evidence column of a scoring sheet. A leaf self-assessed above 0 with nothing
// cited is a warning at its evidence cell; documents cited are recognised; malformed links warned.
import { analyzeSheet, type CellValue, type Grid, type ScoringSheet } from "../../../src/engine";
import { documentReferences, isWellFormedLink, linksIn } from "../../../src/engine/scoring/evidence";
import { toA1 } from "../../../src/engine/core/address";
import { DISTRICT_CRITERIA, districtGrid } from "../../fixtures/seed";

function scoring(grid: Grid): ScoringSheet {
  const result = analyzeSheet(grid);
  if (result.kind !== "scoring") throw new Error(`not a scoring sheet: ${JSON.stringify(result)}`);
  return result;
}

const isLeaf = (code: string) => !DISTRICT_CRITERIA.some((d) => d.code.startsWith(code + "."));

/** The seed district's sheet with an evidence column (H) filled by `cite` per criterion code. */
function withEvidence(cite: (code: string) => CellValue, header = "Tài liệu kiểm chứng"): Grid {
  const grid = districtGrid();
  const headerRow = grid.values.findIndex((r) => r[0] === "STT");
  grid.values.forEach((row, r) => {
    const code = row[0];
    row[7] = r === headerRow ? header : typeof code === "string" && r > headerRow ? cite(code) : null;
  });
  return grid;
}

const rowOf = (grid: Grid, code: string) => grid.values.findIndex((r) => r[0] === code);

describe("document references", () => {
  test("a decision with number, symbol and date", () => {
    expect(documentReferences("Quyết định số 12/QĐ-UBND ngày 05/01/2023 của UBND huyện")).toEqual([
      { kind: "Quyết định", number: "12", symbol: "QĐ-UBND", date: "2023-01-05", text: "Quyết định số 12/QĐ-UBND ngày 05/01/2023" },
    ]);
  });

  test("several kinds in one cell, with and without 'số' and a date", () => {
    const refs = documentReferences("Kế hoạch 45/KH-UBND; Công văn số 123/UBND-NC, Báo cáo số 7/BC-UBND ngày 5 tháng 12 năm 2023");
    expect(refs.map((r) => [r.kind, r.number, r.symbol, r.date])).toEqual([
      ["Kế hoạch", "45", "KH-UBND", null],
      ["Công văn", "123", "UBND-NC", null],
      ["Báo cáo", "7", "BC-UBND", "2023-12-05"],
    ]);
  });

  test("typed in lower case or decomposed Unicode, and an impossible date", () => {
    const refs = documentReferences("quyết định số 3/QĐ-UBND ngày 31/02/2023".normalize("NFD"));
    expect(refs).toHaveLength(1);
    expect(refs[0]).toMatchObject({ kind: "Quyết định", number: "3", symbol: "QĐ-UBND", date: null });
    expect(documentReferences("Đã thực hiện đầy đủ theo kế hoạch")).toEqual([]);
  });
});

describe("links", () => {
  test.each([
    ["https://sonoivu.kontum.gov.vn/van-ban/12", true],
    ["http://abc.vn", true],
    ["www.kontum.gov.vn/tin", true],
    ["D:\\Minh chung\\QD12.pdf", true],
    ["\\\\maychu\\chung\\qd.pdf", true],
    ["file:///C:/minhchung/qd.pdf", true],
    ["htp//abc", false],
    ["www", false],
    ["http://", false],
    ["https://localhost-khong-cham", false],
    ["https://dichvucong.kontum.gov.vn:8080/hs?ma=12#a", true],
    ["http://abc..vn", false],
    ["http://-abc.vn", false],
  ])("%s well-formed: %s", (link, ok) => {
    expect(isWellFormedLink(link)).toBe(ok);
  });

  test("only words typed as links are taken from a cell", () => {
    expect(linksIn("Quyết định 12/QĐ-UBND, xem https://a.gov.vn/x; htp//abc (www)")).toEqual(["https://a.gov.vn/x", "htp//abc", "www"]);
  });
});

describe("the seed district's sheet with an evidence column", () => {
  test("without the column: no evidence and no evidence findings", () => {
    const sheet = scoring(districtGrid());
    expect(sheet.evidence).toBeUndefined();
    expect(sheet.findings.filter((f) => f.rule === "missing-evidence" || f.rule === "bad-evidence-link")).toEqual([]);
  });

  test("the column is found by each of its usual headers", () => {
    for (const header of ["Tài liệu kiểm chứng", "Tài liệu, minh chứng", "Hồ sơ kiểm chứng", "Minh chứng", "Tài liệu chứng minh"]) {
      const sheet = scoring(withEvidence(() => "Kế hoạch 45/KH-UBND", header));
      expect(sheet.header.columns.evidence).toBe(7);
    }
  });

  test("leaves self-assessed above 0 with an empty cell are warned at their evidence cell, and nothing else", () => {
    const empty = ["1.6.1", "5.6", "3.3.4"];
    const grid = withEvidence((code) => (empty.includes(code) ? null : "Báo cáo số 7/BC-UBND"));
    const sheet = scoring(grid);
    const warned = sheet.findings.filter((f) => f.rule === "missing-evidence");
    const scored = empty.filter((code) => {
      const c = DISTRICT_CRITERIA.find((d) => d.code === code)!;
      return isLeaf(code) && (c.self ?? c.max) > 0;
    });
    expect(scored.length).toBeGreaterThan(0);
    expect(warned.map((f) => f.cell)).toEqual(scored.map((code) => toA1(rowOf(grid, code), 7)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
    expect(warned.every((f) => f.severity === "warning")).toBe(true);
    // The seed's figures stand as before.
    const plain = scoring(districtGrid());
    expect(sheet.totals).toEqual(plain.totals);
    expect(sheet.findings.filter((f) => f.rule !== "missing-evidence")).toEqual(plain.findings);
  });

  test("a parent row with an empty cell is no warning", () => {
    const sheet = scoring(withEvidence((code) => (isLeaf(code) ? "Kế hoạch 45/KH-UBND" : null)));
    expect(sheet.findings.filter((f) => f.rule === "missing-evidence")).toEqual([]);
  });

  test("documents and links listed per criterion; a malformed link warned at its cell", () => {
    const cites: Record<string, string> = {
      "1.1": "Quyết định số 12/QĐ-UBND ngày 05/01/2023; https://kontum.gov.vn/qd12.pdf",
      "2.1": "Công văn số 123/UBND-NC, htp//abc",
    };
    const grid = withEvidence((code) => cites[code] ?? "Kế hoạch 45/KH-UBND");
    const sheet = scoring(grid);
    const byCode = new Map(sheet.evidence!.map((e) => [e.code, e]));
    expect(byCode.get("1.1")).toEqual({
      code: "1.1",
      row: rowOf(grid, "1.1"),
      references: [{ kind: "Quyết định", number: "12", symbol: "QĐ-UBND", date: "2023-01-05", text: "Quyết định số 12/QĐ-UBND ngày 05/01/2023" }],
      links: ["https://kontum.gov.vn/qd12.pdf"],
    });
    expect(byCode.get("2.1")!.references.map((r) => r.symbol)).toEqual(["UBND-NC"]);
    expect(byCode.get("2.1")!.links).toEqual([]);
    const bad = sheet.findings.filter((f) => f.rule === "bad-evidence-link");
    expect(bad.map((f) => f.cell)).toEqual([toA1(rowOf(grid, "2.1"), 7)]);
    expect(bad[0].message).toContain("htp//abc");
    expect(sheet.evidence!.length).toBe(DISTRICT_CRITERIA.length);
  });
});
