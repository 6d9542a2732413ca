// Issue 17 §2: units scored but kept out of the ranking ("KXH", "không xếp hạng", a rank cell
// "-", a note, the settings) are listed with their figures and no rank; they count in no grade
// count, are no block's best or last, and shift no one's rank.
import { analyzeSheet, buildRankingPlan, type CellValue, type EngineSettings, type PlanCell, type UnitsSheet } from "../../../src/engine";
import { unitsSection } from "../../../src/engine/reportDraft/unitsSection";
import { Footnotes } from "../../../src/engine/reportDraft/spans";
import { spansText } from "../../../src/engine/reportDraft";
import { blockSpans } from "../../../src/engine/reportDraft/model";
import { sheetText } from "../../../src/cli/checkText";
import { checkJson } from "../../../src/cli/checkJson";
import { BLOCK_UNITS, BLOCKS, blockColumnGrid } from "../../fixtures/units";

function units(values: CellValue[][], settings?: Partial<EngineSettings>): UnitsSheet {
  const result = analyzeSheet({ name: "Bảng", values }, settings);
  if (result.kind !== "units") throw new Error(`not a units table: ${JSON.stringify(result)}`);
  return result;
}

/** The fixture's table (a block column) with a rank column and a note column; `edit` changes a row. */
function withRankAndNote(edit: (unit: string) => { rank?: CellValue; note?: CellValue; name?: string }): CellValue[][] {
  const rows = blockColumnGrid().values.map((r) => [...r]);
  rows[1].push("Xếp hạng", "Ghi chú");
  for (let r = 2; r < rows.length; r++) {
    const change = edit(String(rows[r][1]));
    if (change.name !== undefined) rows[r][1] = change.name;
    rows[r].push(change.rank ?? null, change.note ?? null);
  }
  return rows;
}

const ranksOf = (t: UnitsSheet) => Object.fromEntries(t.ranking.map((r) => [r.unit, r.rank]));

describe.each<[string, () => UnitsSheet]>([
  ["a rank cell 'KXH'", () => units(withRankAndNote((u) => (u === "Sở Nội vụ" ? { rank: "KXH" } : {})))],
  ["a rank cell '-'", () => units(withRankAndNote((u) => (u === "Sở Nội vụ" ? { rank: "-" } : {})))],
  ["'(không xếp hạng)' after the name", () => units(withRankAndNote((u) => (u === "Sở Nội vụ" ? { name: "Sở Nội vụ (không xếp hạng)" } : {})))],
  ["a note 'Không xếp hạng'", () => units(withRankAndNote((u) => (u === "Sở Nội vụ" ? { note: "Không xếp hạng" } : {})))],
  ["a note 'KXH (mới thành lập)'", () => units(withRankAndNote((u) => (u === "Sở Nội vụ" ? { note: "KXH (mới thành lập)" } : {})))],
  ["the settings (other case and spacing)", () => units(blockColumnGrid().values, { unranked: ["sở  nội vụ"] })],
])("Sở Nội vụ kept out of the ranking by %s", (_how, read) => {
  const table = read();
  const noiVu = table.ranking.find((r) => r.unit === "Sở Nội vụ")!;

  test("listed with its figures, no rank, flagged", () => {
    expect(noiVu).toMatchObject({ unit: "Sở Nội vụ", appraised: 58.2, max: 61.5, rank: null, unranked: true });
    expect(noiVu.index).toBeCloseTo(91.3, 9);
    expect(table.findings).toEqual([]);
  });

  test("the others ranked as if it were not there; other blocks unchanged", () => {
    const expected: Record<string, number | null> = Object.fromEntries(BLOCK_UNITS.map((u) => [u.unit, u.rankInBlock]));
    expected["Sở Nội vụ"] = null;
    expected["Sở Tài chính"] = 1;
    expected["Sở Tư pháp"] = 2;
    expect(ranksOf(table)).toEqual(expected);
  });

  test("in no grade count, neither best nor last; the block says how many are kept out", () => {
    expect(table.blocks![0]).toEqual({
      block: BLOCKS[0],
      units: 2,
      unranked: 1,
      grades: { "Xuất sắc": 0, Tốt: 2, Khá: 0, "Trung bình": 0, Yếu: 0 },
      best: "Sở Tài chính",
      last: "Sở Tư pháp",
    });
    expect(table.blocks![1].unranked).toBeUndefined();
  });

  test("no rank change is computed for it; its index change is", () => {
    expect(noiVu.previous).toEqual({ index: 90.5, rank: 1 });
    expect(noiVu.change).toEqual({ index: 0.8, rank: null });
  });
});

test("'KXH' in a column that is no note (an unrecognised last year's rank) keeps no one out", () => {
  const rows = withRankAndNote((u) => (u === "Sở Nội vụ" ? { note: "KXH" } : {}));
  rows[1][rows[1].length - 1] = "Năm 2021";
  const table = units(rows);
  expect(table.ranking.find((r) => r.unit === "Sở Nội vụ")).toMatchObject({ rank: 1 });
  expect(table.ranking.some((r) => r.unranked)).toBe(false);
});

describe("units kept out, in every output", () => {
  const table = units(withRankAndNote((u) => (u === "Sở Nội vụ" ? { rank: "KXH" } : {})));

  test("the Xếp hạng sheet lists it after the ranked units of its block, 'Không xếp hạng', outside RANK and COUNTIF ranges", () => {
    const plan = buildRankingPlan({ sheets: [table] }, { date: new Date(2024, 0, 15) })!;
    const at = (row: number, col: number): PlanCell | undefined => plan.cells.find((c) => c.row === row && c.col === col);
    const heading = plan.cells.find((c) => c.col === 0 && c.value === BLOCKS[0])!.row;
    expect([1, 2, 3].map((i) => at(heading + i, 1)!.value)).toEqual(["Sở Tài chính", "Sở Tư pháp", "Sở Nội vụ"]);
    expect(at(heading + 3, 9)).toMatchObject({ value: "Không xếp hạng" });
    expect(at(heading + 3, 9)!.formula).toBeUndefined();
    const first = heading + 2; // 1-based row of the first unit
    expect(at(heading + 2, 9)).toMatchObject({ formula: `=RANK(H${first + 1},$H$${first}:$H$${first + 1},0)`, result: 2 });
    // No rank change formula over "Không xếp hạng".
    expect(at(heading + 3, 13)!.formula).toBeUndefined();
    expect(at(heading + 3, 14)!.value).toBe("tăng 0,80 điểm");
    expect(at(heading + 4, 1)).toMatchObject({ result: "Xuất sắc: 0/2" });
    expect(at(heading + 4, 2)!.formula).toContain(`COUNTIF($I$${first}:$I$${first + 1},"Tốt")`);
  });

  test("the report draft lists it last in its block, 'Không xếp hạng', and counts it in no grade", () => {
    const blocks = unitsSection([table], null, { year: "2023", unit: "Sở Nội vụ", short: "Sở Nội vụ", named: false, level: null, footnotes: new Footnotes() });
    const start = blocks.findIndex((b) => b.kind === "paragraph" && spansText(b.spans).startsWith(BLOCKS[0]));
    expect(spansText(blockSpans(blocks[start + 1]))).toMatch(/^Kết quả xếp loại: .*\/02 /);
    const found = blocks.slice(start).find((b) => b.kind === "table");
    if (found?.kind !== "table") throw new Error("no table for the block");
    const rankCol = found.header.findIndex((h) => spansText(h) === "Xếp hạng");
    const rows = found.rows.map((r) => r.map(spansText));
    expect(rows.map((r) => r[1])).toEqual(["Sở Tài chính", "Sở Tư pháp", "Sở Nội vụ"]);
    expect(rows[2][rankCol]).toBe("Không xếp hạng");
  });

  test("cchc check says 'Không xếp hạng' and --json flags it", () => {
    const text = sheetText(table);
    const noiVu = text.findIndex((l) => l.includes("Sở Nội vụ"));
    expect(text[noiVu]).toMatch(/^ {4}Không xếp hạng \(Khối sở, ban, ngành\): Sở Nội vụ:/);
    expect(noiVu).toBeGreaterThan(text.findIndex((l) => l.includes("Sở Tư pháp")));
    const sheet = checkJson([{ file: "a.xlsx", analysis: { sheets: [table] } }]).files[0].sheets[0];
    expect(sheet.ranking!.find((r) => r.unit === "Sở Nội vụ")).toMatchObject({ rank: null, unranked: true });
    expect(sheet.ranking!.find((r) => r.unit === "Sở Tư pháp")!.unranked).toBeUndefined();
    expect(sheet.blocks![0]).toMatchObject({ units: 2, unranked: 1 });
  });
});
