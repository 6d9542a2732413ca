// Section II of the draft takes every units table of the workbook; a table with no unit to rank
// is named next to the draft, never dropped in silence.
import { analyzeWorkbook } from "../../../src/engine";
import { draftErrorNotice, draftLines, draftReport } from "../../../src/engine/reportDraft";
import type { Grid } from "../../../src/engine/core/types";
import { COMMUNES, communesGrid, districtGrid } from "../../fixtures/seed";
import { BLOCK_UNITS, blockColumnGrid } from "../../fixtures/units";

/** A units table whose units have no points yet: read as a table, nothing to rank. */
function unscoredTable(name: string): Grid {
  return {
    name,
    values: [
      ["STT", "Tên đơn vị", "Điểm tự đánh giá", "Điểm tối đa"],
      [1, "UBND xã A", null, 100],
      [2, "UBND xã B", null, 100],
    ],
  };
}

function draftOf(grids: Grid[]) {
  const analysis = analyzeWorkbook(grids);
  return draftReport(analysis, { grids });
}

describe("the draft with several units tables", () => {
  const report = draftOf([districtGrid(), communesGrid(), blockColumnGrid(), unscoredTable("Chưa chấm")]);
  const all = draftLines(report).map((l) => l.text).join("\n");

  test("names every ranked table as a source and the unscored one as left out", () => {
    expect(report.source.units).toEqual(["Xếp loại xã", "Kết quả 2023"]);
    expect(report.source.leftOut.map((t) => t.sheet)).toEqual(["Chưa chấm"]);
  });

  test("gives each table's units under its sheet's name", () => {
    const first = all.indexOf('Bảng "Xếp loại xã" (07 đơn vị):');
    const second = all.indexOf(`Bảng "Kết quả 2023" (${String(BLOCK_UNITS.length).padStart(2, "0")} đơn vị):`);
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    for (const c of COMMUNES) expect(all.slice(first, second)).toContain(c.unit.replace(/^UBND /, "Ủy ban nhân dân "));
    for (const u of BLOCK_UNITS) expect(all.slice(second)).toContain(u.unit.replace(/^UBND /, ""));
  });

  test("says next to the draft which table was left out and why", () => {
    expect(draftErrorNotice(report)[0]).toMatch(/^Bảng đơn vị "Chưa chấm" không được đưa vào báo cáo: không có đơn vị nào đủ điểm/);
  });
});

describe("the draft with one units table", () => {
  test("keeps the single table's results without a table heading", () => {
    const report = draftOf([districtGrid(), communesGrid()]);
    const all = draftLines(report).map((l) => l.text).join("\n");
    expect(report.source.units).toEqual(["Xếp loại xã"]);
    expect(all).not.toContain('Bảng "Xếp loại xã"');
    expect(draftErrorNotice(report).some((l) => l.startsWith("Bảng đơn vị"))).toBe(false);
  });
});
