// Issue 19 §4: the request for explanation of one unit as a document model (the Word face of
// `cchc appraisal`), from the seed district's sheet.
import { analyzeSheet, type Grid, type ScoringSheet } from "../../../src/engine";
import type { Block, Span } from "../../../src/engine/reportDraft/model";
import { spansText } from "../../../src/engine/reportDraft/plainText";
import { EXPLANATION_TABLE_HEADER, explanationRequest } from "../../../src/engine/reportDraft/explanationRequest";
import { DISTRICT_CRITERIA, districtGrid } from "../../fixtures/seed";

const leaves = DISTRICT_CRITERIA.filter((c) => !DISTRICT_CRITERIA.some((d) => d.code.startsWith(c.code + ".")));
const comma = (x: number) => String(Math.round(x * 100) / 100).replace(".", ",");

function scoring(grid: Grid): ScoringSheet {
  const result = analyzeSheet(grid);
  if (result.kind !== "scoring") throw new Error(`not a scoring sheet: ${JSON.stringify(result)}`);
  return result;
}

const tableOf = (body: Block[]) => body.find((b): b is Extract<Block, { kind: "table" }> => b.kind === "table");
const cells = (row: Span[][]) => row.map((c) => spansText(c));
const bodyText = (body: Block[]) => body.map((b) => (b.kind === "table" ? "" : spansText(b.spans))).join("\n");

describe("the seed district's request for explanation", () => {
  const report = explanationRequest(scoring(districtGrid()), { issuer: "UBND huyện Kon Rẫy", days: 5 })!;
  const expected = leaves.filter((c) => (c.appraised ?? c.max) < (c.self ?? c.max));

  test("the council's heading under its body, the title and the unit's subject", () => {
    expect(report.heading.issuer).toEqual(["ỦY BAN NHÂN DÂN", "HUYỆN KON RẪY", "HỘI ĐỒNG THẨM ĐỊNH"]);
    expect(spansText(report.heading.placeDate)).toContain("Kon Rẫy, ngày");
    expect(report.title).toBe("PHIẾU ĐỀ NGHỊ GIẢI TRÌNH");
    expect(spansText(report.subject)).toBe("Kết quả thẩm định Chỉ số cải cách hành chính năm 2023 của UBND huyện Kon Rẫy");
    expect(spansText(report.signature[0])).toBe("TM. HỘI ĐỒNG THẨM ĐỊNH");
    expect(report.recipients.map((r) => spansText(r))).toContain("- UBND huyện Kon Rẫy;");
  });

  test("one row per cut criterion, two empty columns for the unit, and a total row", () => {
    expect(expected.length).toBeGreaterThan(3);
    const table = tableOf(report.body)!;
    expect(cells(table.header)).toEqual([...EXPLANATION_TABLE_HEADER]);
    expect(table.widths).toHaveLength(EXPLANATION_TABLE_HEADER.length);
    expect(table.rows).toHaveLength(expected.length + 1);
    expected.forEach((seed, i) => {
      const self = seed.self ?? seed.max;
      const appraised = seed.appraised ?? seed.max;
      expect(cells(table.rows[i])).toEqual([
        String(i + 1),
        seed.code,
        seed.name,
        comma(seed.max),
        comma(self),
        comma(appraised),
        comma(self - appraised),
        seed.cause ?? "",
        "",
        "",
      ]);
    });
    const total = cells(table.rows[expected.length]);
    const sum = (pick: (c: (typeof expected)[number]) => number) => comma(expected.reduce((s, c) => s + pick(c), 0));
    expect(total.slice(2, 7)).toEqual([
      `Tổng cộng (${expected.length} tiêu chí)`,
      sum((c) => c.max),
      sum((c) => c.self ?? c.max),
      sum((c) => c.appraised ?? c.max),
      sum((c) => (c.self ?? c.max) - (c.appraised ?? c.max)),
    ]);
  });

  test("the deadline in days given, the date left to fill", () => {
    const text = bodyText(report.body);
    expect(text).toContain("trong thời hạn 05 ngày làm việc");
    expect(report.body.flatMap((b) => (b.kind === "table" ? [] : b.spans)).filter((s) => s.kind === "placeholder").map((s) => s.kind === "placeholder" && s.text)).toEqual(["hạn gửi giải trình"]);
    const without = explanationRequest(scoring(districtGrid()))!;
    expect(bodyText(without.body)).not.toContain("05 ngày");
    expect(without.body.some((b) => b.kind !== "table" && b.spans.some((s) => s.kind === "placeholder" && s.text === "số ngày"))).toBe(true);
    // Unknown body: the council alone.
    expect(without.heading.issuer).toEqual(["HỘI ĐỒNG THẨM ĐỊNH"]);
  });
});

describe("sheets without cuts or without appraisal", () => {
  test("nothing cut: a short document saying so, no table", () => {
    const grid = districtGrid();
    const header = grid.values.findIndex((r) => r[0] === "STT");
    for (const row of grid.values.slice(header + 1)) if (typeof row[3] === "number") row[4] = row[3];
    const report = explanationRequest(scoring(grid), { unit: "UBND XÃ ĐĂK KÔI" })!;
    expect(tableOf(report.body)).toBeUndefined();
    expect(bodyText(report.body)).toContain("không cắt điểm tiêu chí, tiêu chí thành phần nào");
    expect(bodyText(report.body)).toContain("UBND xã Đăk Kôi");
  });

  test("no appraised column: no request", () => {
    const grid = districtGrid();
    for (const row of grid.values) row.splice(4, 1);
    expect(explanationRequest(scoring(grid))).toBeNull();
  });
});
