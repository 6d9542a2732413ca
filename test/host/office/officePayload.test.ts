// The pure splitting of src/host/office/officePayload.ts: row blocks and batches within a budget.
import { batchesWithin, planBytes, splitRows, utf8Length, type PlanBytes } from "../../../src/host/office/officePayload";
import { styleRuns } from "../../../src/host/office/officeRender";
import { stripedPlan } from "../../support/largePlans";

const rows = (...costs: Array<[number, number]>): PlanBytes["rows"] => costs.map(([opening, continuing]) => ({ opening, continuing }));

describe("splitRows", () => {
  test("a plan that fits what the current sync has left is one block in it", () => {
    expect(splitRows({ fixed: 100, rows: rows([50, 50], [80, 10], [80, 10]) }, 200, 1000)).toEqual({ blocks: [{ first: 0, last: 2, bytes: 170 }], fresh: false });
  });

  test("a row opening a block pays in full what it pays little for when it continues one", () => {
    const { blocks, fresh } = splitRows({ fixed: 100, rows: rows([50, 50], [80, 10], [80, 10], [80, 10]) }, 170, 200);
    expect(fresh).toBe(false);
    expect(blocks).toEqual([
      { first: 0, last: 2, bytes: 170 },
      { first: 3, last: 3, bytes: 80 },
    ]);
  });

  test("a sheet whose first row does not fit the current sync starts a new one; a row over the budget is a block alone", () => {
    const { blocks, fresh } = splitRows({ fixed: 100, rows: rows([50, 50], [500, 500], [20, 20]) }, 120, 300);
    expect(fresh).toBe(true);
    expect(blocks).toEqual([
      { first: 0, last: 0, bytes: 150 },
      { first: 1, last: 1, bytes: 500 },
      { first: 2, last: 2, bytes: 20 },
    ]);
  });

  test("every block of a large plan stays within the budget and the blocks cover every row once", () => {
    const plan = stripedPlan(3000);
    const bytes = planBytes(plan, styleRuns(plan.cells));
    const { blocks } = splitRows(bytes, 4_000_000, 4_000_000);
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) expect(b.bytes).toBeLessThanOrEqual(4_000_000);
    expect(blocks[0].first).toBe(0);
    blocks.slice(1).forEach((b, i) => expect(b.first).toBe(blocks[i].last + 1));
    expect(blocks[blocks.length - 1].last).toBe(bytes.rows.length - 1);
    // The merge and the height below the last cell are in the last block.
    expect(bytes.rows.length).toBe(3000);
  });
});

test("batchesWithin keeps the order and the budget, and gives an oversized item a batch of its own", () => {
  expect(batchesWithin([3, 4, 2, 9, 1, 1], (n) => n, 7)).toEqual([[3, 4], [2], [9], [1, 1]]);
  expect(batchesWithin([], (n: number) => n, 7)).toEqual([]);
});

test("utf8Length counts Vietnamese letters as UTF-8 does", () => {
  for (const text of ["Xếp loại xã", "Đăk Tô Re", "abc", "😀 x"]) expect(utf8Length(text)).toBe(Buffer.byteLength(text, "utf8"));
});
