// Issue 19 §1: each unit's scoring sheet against the official criteria set (the template).
import {
  analyzeSheet,
  applyTemplate,
  compareWithTemplate,
  criterionNameKey,
  readTemplate,
  tallyTemplate,
  toA1,
  type CellValue,
  type Grid,
  type ScoringSheet,
} from "../../../src/engine";
import { DISTRICT_CRITERIA, districtGrid, seedSum } from "../../fixtures/seed";

function scoring(grid: Grid): ScoringSheet {
  const s = analyzeSheet(grid);
  if (s.kind !== "scoring") throw new Error(`${grid.name} is ${s.kind}`);
  return s;
}

function templateOf(grid: Grid): ScoringSheet {
  const read = readTemplate([grid]);
  if (!read.ok) throw new Error(read.error);
  return read.template;
}

/** The A1 address of a column on the row holding `code` (or the first cell equal to it) in the grid. */
function cellOf(grid: Grid, code: string | null, col: number): string {
  const row = grid.values.findIndex((r) => r[0] === code || (code !== null && r[1] === code));
  if (row < 0) throw new Error(`no row ${code}`);
  return toA1(row, col);
}

/** The seed sheet with every point, cause and responsible unit emptied: the criteria set. */
function seedTemplate(): Grid {
  const grid = districtGrid({}, "Bộ tiêu chí");
  const header = grid.values.findIndex((r) => r[0] === "STT");
  for (let r = header + 1; r < grid.values.length; r++) for (const c of [3, 4, 5, 6]) grid.values[r][c] = null;
  return grid;
}

const TOTAL = "Tổng điểm";

describe("reading a criteria set", () => {
  test("the seed with its points emptied: every code, name and maximum, no finding", () => {
    const t = templateOf(seedTemplate());
    expect(t.findings).toEqual([]);
    expect(t.nodes.map((n) => [n.code, n.name, n.max])).toEqual(
      DISTRICT_CRITERIA.map((c) => [c.code, c.name, { kind: "number", value: c.max }]),
    );
    // The seed's own reading is unchanged by the reader accepting empty points.
    const seed = scoring(districtGrid());
    expect(seed.totals.appraised?.achieved).toBe(89.21);
    expect(seed.totals.appraised?.max).toBe(97);
  });

  test("a set with no points column at all (STT | Nội dung | Điểm tối đa) is read from its code and maximum", () => {
    const grid: Grid = {
      name: "Mẫu",
      values: [
        ["BỘ TIÊU CHÍ"],
        ["STT", "Nội dung", "Điểm tối đa"],
        ["1", "Lĩnh vực một", 2],
        ["1.1", "Tiêu chí một", 2],
      ],
    };
    expect(analyzeSheet(grid).kind).toBe("other");
    const t = templateOf(grid);
    expect(t.nodes.map((n) => [n.code, n.max])).toEqual([
      ["1", { kind: "number", value: 2 }],
      ["1.1", { kind: "number", value: 2 }],
    ]);
    expect(t.findings).toEqual([]);
  });

  test("a workbook without any criteria set, or a sheet name not in it: a Vietnamese reason", () => {
    const notes: Grid = { name: "Ghi chú", values: [["Danh sách đơn vị"], ["Xã A"]] };
    const none = readTemplate([notes]);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error).toMatch(/không có bảng tiêu chí nào/);
    const wrong = readTemplate([notes, seedTemplate()], "Không có");
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error).toContain('"Bộ tiêu chí"');
    const named = readTemplate([seedTemplate(), { ...seedTemplate(), name: "Khác" }], "Khác");
    expect(named.ok && named.template.sheet).toBe("Khác");
  });
});

describe("the seed district against a template made from it", () => {
  const template = templateOf(seedTemplate());

  test("conforms: no finding, no difference", () => {
    const c = compareWithTemplate(scoring(districtGrid()), template);
    expect(c).toEqual({ findings: [], conforms: true, differences: [] });
  });

  // One maximum changed (2.1.1: 1,5 → 2) and one sub-criterion deleted (1.3.2): exactly those two.
  // The total maximum they imply (97 − 1 + 0,5) is not a third finding, whether the total row
  // still says 97 or was updated to 96,5: the per-criterion findings explain it.
  test.each([
    ["the total row left at 97", null],
    ["the total row updated to 96,5", 96.5],
  ])("one maximum changed and one sub-criterion deleted, %s: exactly those two found", (_label, total) => {
    const grid = districtGrid();
    grid.values[grid.values.findIndex((r) => r[0] === "2.1.1")][2] = 2;
    grid.values.splice(grid.values.findIndex((r) => r[0] === "1.3.2"), 1);
    if (total !== null) grid.values[grid.values.findIndex((r) => r[1] === TOTAL)][2] = total;
    const c = compareWithTemplate(scoring(grid), template);
    expect(c.conforms).toBe(false);
    expect(c.differences).toEqual([
      { rule: "template-missing", code: "1.3.2" },
      { rule: "template-max", code: "2.1.1" },
    ]);
    expect(c.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ["template-missing", "error", cellOf(grid, "1.3", 0)],
      ["template-max", "error", cellOf(grid, "2.1.1", 2)],
    ]);
    expect(c.findings[0].message).toContain("1.3.2");
    expect(c.findings[0].message).toContain("Xử lý các vấn đề phát hiện qua kiểm tra");
    expect(c.findings[1].message).toBe("Điểm tối đa của 2.1.1: bộ tiêu chí ghi 1,5, bảng này ghi 2.");
  });

  test("a total maximum typed apart from both the template and the sheet's own criteria is a third finding", () => {
    const grid = districtGrid();
    const totalRow = grid.values.findIndex((r) => r[1] === TOTAL);
    grid.values[totalRow][2] = 100;
    const c = compareWithTemplate(scoring(grid), template);
    expect(c.differences).toEqual([{ rule: "template-total", code: "" }]);
    expect(c.findings[0].cell).toBe(toA1(totalRow, 2));
    expect(c.findings[0].message).toBe(`Tổng điểm tối đa: theo bộ tiêu chí là ${String(seedSum("", "max")).replace(".", ",")}, bảng này ghi 100.`);
  });
});

// A small criteria set and unit sheets built from it, one kind of difference each.
type Row = [string, string, CellValue, CellValue?];

const SET: Row[] = [
  ["1", "Công tác chỉ đạo, điều hành", 4],
  ["1.1", "Kế hoạch cải cách hành chính", 2],
  ["1.1.1", "Ban hành kế hoạch", 1],
  ["1.1.2", "Thực hiện kế hoạch", 1],
  ["1.2", "Báo cáo định kỳ", 2],
  ["2", "Cải cách thủ tục hành chính", 6],
  ["2.1", "Công khai thủ tục hành chính", 3],
  ["2.2", "Số hóa hồ sơ, kết quả giải quyết", 2],
  ["2.3", "Mức độ hài lòng của người dân", 1],
];

/** Title, header, one row per criterion (leaves scored full unless given), a total row. */
function unitGrid(name: string, rows: Row[], total: CellValue, withPoints = true): Grid {
  const codes = rows.map((r) => r[0]);
  const values: CellValue[][] = [[`UBND ${name}`], ["STT", "Tên tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"]];
  for (const [code, title, max, self] of rows) {
    const leaf = !codes.some((c) => c.startsWith(code + "."));
    const points = withPoints && leaf ? (self ?? max) : null;
    values.push([code, title, max, points, null]);
  }
  values.push([null, TOTAL, total, null, null]);
  return { name, values };
}

function edit(rows: Row[], code: string, change: (r: Row) => Row | null): Row[] {
  return rows.flatMap((r) => {
    if (r[0] !== code) return [r];
    const next = change([...r] as Row);
    return next === null ? [] : [next];
  });
}

describe("ten unit sheets against one template, each kind of difference at its cell", () => {
  const templateGrid = unitGrid("Bộ tiêu chí", SET, 10, false);
  const template = templateOf(templateGrid);

  function check(grid: Grid) {
    const c = compareWithTemplate(scoring(grid), template);
    return { ...c, at: c.findings.map((f) => [f.rule, f.cell]) };
  }

  test("the template has no finding of its own", () => {
    expect(template.findings).toEqual([]);
  });

  test("a conforming unit: none", () => {
    const c = check(unitGrid("Xã Đúng", SET, 10));
    expect([c.conforms, c.findings, c.differences]).toEqual([true, [], []]);
  });

  test("missing: at its parent's row; a whole area missing: at the header, once with its sub-criteria", () => {
    const grid = unitGrid("Xã Thiếu", edit(SET, "1.1.2", () => null), 10);
    const c = check(grid);
    expect(c.at).toEqual([["template-missing", cellOf(grid, "1.1", 0)]]);
    expect(c.findings[0].message).toBe('Thiếu tiêu chí 1.1.2 "Thực hiện kế hoạch" (tối đa 1, thuộc 1.1): bộ tiêu chí có, bảng này không có dòng mã 1.1.2.');

    const noArea = unitGrid("Xã Thiếu lĩnh vực", SET.filter((r) => !r[0].startsWith("2")), 4);
    const a = check(noArea);
    expect(a.differences).toEqual([{ rule: "template-missing", code: "2" }]);
    expect(a.findings[0].cell).toBe(toA1(1, 0));
    expect(a.findings[0].message).toContain("cùng 3 tiêu chí con");
  });

  test("extra: at its code cell, once with its sub-criteria", () => {
    const rows: Row[] = [...SET, ["2.4", "Ứng dụng công nghệ thông tin", 1], ["2.4.1", "Phần mềm một cửa", 1]];
    const grid = unitGrid("Xã Thừa", rows, 10);
    const c = check(grid);
    expect(c.at).toEqual([["template-extra", cellOf(grid, "2.4", 0)]]);
    expect(c.findings[0].message).toBe('Tiêu chí 2.4 "Ứng dụng công nghệ thông tin" cùng 1 tiêu chí con không có trong bộ tiêu chí: bảng này có dòng mã 2.4, bộ tiêu chí không có.');
  });

  test("moved to another parent: at its new code cell, both places named", () => {
    const rows: Row[] = [...SET.filter((r) => r[0] !== "1.2"), ["2.4", "Báo cáo định kỳ", 2]];
    const grid = unitGrid("Xã Chuyển", rows, 10);
    const c = check(grid);
    expect(c.at).toEqual([["template-moved", cellOf(grid, "2.4", 0)]]);
    expect(c.findings[0].message).toBe('Tiêu chí "Báo cáo định kỳ" bị chuyển chỗ: bộ tiêu chí ghi mã 1.2 (thuộc 1), bảng này ghi mã 2.4 (thuộc 2).');
  });

  test("a criterion moved with its sub-criteria: one move, the sub-criteria compared under their new codes", () => {
    const rows: Row[] = [
      ...SET.filter((r) => !r[0].startsWith("1.1")),
      ["2.4", "Kế hoạch cải cách hành chính", 2],
      ["2.4.1", "Ban hành kế hoạch", 1],
      ["2.4.2", "Thực hiện kế hoạch", 1.5],
    ];
    const grid = unitGrid("Xã Chuyển cả nhánh", rows, 10);
    const c = check(grid);
    expect(c.at).toEqual([
      ["template-moved", cellOf(grid, "2.4", 0)],
      ["template-max", cellOf(grid, "2.4.2", 2)],
    ]);
    expect(c.findings[1].message).toBe("Điểm tối đa của 2.4.2: bộ tiêu chí ghi 1, bảng này ghi 1,5.");
  });

  test("a parent row missing while its sub-criteria are there: the parent alone", () => {
    const grid = unitGrid("Xã Thiếu dòng cha", SET.filter((r) => r[0] !== "1.1"), 10);
    const c = check(grid);
    expect(c.at).toEqual([["template-missing", cellOf(grid, "1", 0)]]);
    expect(c.findings[0].message).toBe('Thiếu tiêu chí 1.1 "Kế hoạch cải cách hành chính" (tối đa 2, thuộc 1): bộ tiêu chí có, bảng này không có dòng mã 1.1.');
  });

  test("a maximum that differs: at the maximum cell with both figures; parents that only follow it are not reported", () => {
    const grid = unitGrid("Xã Điểm", edit(SET, "2.3", (r) => [r[0], r[1], 1.5]), 10);
    const c = check(grid);
    expect(c.at).toEqual([["template-max", cellOf(grid, "2.3", 2)]]);
    expect(c.findings[0].message).toBe("Điểm tối đa của 2.3: bộ tiêu chí ghi 1, bảng này ghi 1,5.");

    // The clerk carried the change up: area 2 says 6,5 and the total 10,5. Still the one finding.
    const carried = edit(edit(SET, "2.3", (r) => [r[0], r[1], 1.5]), "2", (r) => [r[0], r[1], 6.5]);
    const g2 = unitGrid("Xã Điểm cộng dồn", carried, 10.5);
    expect(check(g2).at).toEqual([["template-max", cellOf(g2, "2.3", 2)]]);

    // A parent changed on its own (its children as in the set) is reported at the parent.
    const g3 = unitGrid("Xã Điểm cha", edit(SET, "1.1", (r) => [r[0], r[1], 3]), 10);
    expect(check(g3).at).toEqual([["template-max", cellOf(g3, "1.1", 2)]]);
  });

  test("a name that differs: a warning at the name cell with both texts", () => {
    const grid = unitGrid("Xã Tên", edit(SET, "2.1", (r) => [r[0], "Công khai kết quả giải quyết", r[2]]), 10);
    const c = check(grid);
    expect(c.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([["template-name", "warning", cellOf(grid, "2.1", 1)]]);
    expect(c.findings[0].message).toBe('Tên tiêu chí 2.1 khác bộ tiêu chí: bộ tiêu chí ghi "Công khai thủ tục hành chính", bảng này ghi "Công khai kết quả giải quyết".');
    expect(c.conforms).toBe(false);
  });

  test("names typed differently but meaning the same are no difference", () => {
    const variants = edit(
      edit(edit(SET, "2.2", (r) => [r[0], "Số hoá hồ sơ  kết quả giải quyết.", r[2]]), "1", (r) => [r[0], r[1].normalize("NFD").toUpperCase(), r[2]]),
      "2.3",
      (r) => [r[0], " Mức độ hài lòng của người dân: ", r[2]],
    );
    const c = check(unitGrid("Xã Gõ khác", variants, 10));
    expect([c.conforms, c.findings]).toEqual([true, []]);
  });

  test("a total maximum that differs: at the total row's maximum", () => {
    const grid = unitGrid("Xã Tổng", SET, 12);
    const c = check(grid);
    expect(c.at).toEqual([["template-total", cellOf(grid, TOTAL, 2)]]);
    expect(c.findings[0].message).toBe("Tổng điểm tối đa: theo bộ tiêu chí là 10, bảng này ghi 12.");
  });

  test("KPS: the total less the criteria not applicable is right, so is the full total; another total names the KPS part", () => {
    const kps = edit(SET, "2.3", (r) => [r[0], r[1], "KPS", "KPS"]);
    for (const total of [9, 10]) {
      const c = check(unitGrid(`Xã KPS ${total}`, kps, total));
      expect([total, c.conforms, c.findings]).toEqual([total, true, []]);
    }
    // Not applicable in the points column only: the maximum stays, the total may drop it.
    const selfKps = edit(SET, "2.3", (r) => [r[0], r[1], r[2], "KPS"]);
    expect(check(unitGrid("Xã KPS điểm", selfKps, 9)).conforms).toBe(true);
    const grid = unitGrid("Xã KPS sai", kps, 8);
    const c = check(grid);
    expect(c.at).toEqual([["template-total", cellOf(grid, TOTAL, 2)]]);
    expect(c.findings[0].message).toBe("Tổng điểm tối đa: theo bộ tiêu chí là 9 (10 trừ 1 điểm của các tiêu chí không phát sinh), bảng này ghi 8.");
  });

  test("over a run: how many conform and the most common differences", () => {
    const grids = [
      unitGrid("Xã 1", SET, 10),
      unitGrid("Xã 2", edit(SET, "2.3", (r) => [r[0], r[1], 1.5]), 10),
      unitGrid("Xã 3", edit(edit(SET, "2.3", (r) => [r[0], r[1], 2]), "1.1.2", () => null), 10),
    ];
    const sheets = grids.map((g) => applyTemplate({ sheets: [scoring(g)] }, template, { file: "mau.xlsx", sheet: template.sheet }).sheets[0] as ScoringSheet);
    expect(sheets[1].template).toEqual({ file: "mau.xlsx", sheet: "Bộ tiêu chí", conforms: false, differences: [{ rule: "template-max", code: "2.3" }] });
    expect(sheets[1].findings.some((f) => f.rule === "template-max")).toBe(true);
    expect(tallyTemplate(sheets)).toEqual({
      units: 3,
      conforming: 1,
      differences: [
        { rule: "template-max", code: "2.3", units: 2 },
        { rule: "template-missing", code: "1.1.2", units: 1 },
      ],
    });
  });
});

describe("criterionNameKey", () => {
  test.each([
    ["Số hóa hồ sơ", "SỐ HOÁ HỒ SƠ"],
    ["Hòa giải", "Hoà giải"],
    ["Thủy lợi", "Thuỷ lợi"],
    ["Khỏe mạnh", "Khoẻ mạnh"],
    ["Rà soát, hệ thống hóa", "Rà soát - hệ thống hoá"],
    ["Văn  bản\u00a0QPPL", "văn bản qppl"],
    ["Tiêu chí (a)", "Tiêu chí a"],
  ])("%s ≡ %s", (a, b) => {
    expect(criterionNameKey(a)).toBe(criterionNameKey(b));
    expect(criterionNameKey(a.normalize("NFD"))).toBe(criterionNameKey(b.normalize("NFC")));
  });

  test.each([
    ["Đăk Tô", "Đắk Tô"],
    ["Hòa giải", "Hóa giải"],
    ["Số hóa", "So hoa"],
    ["Công khai", "Công khai kết quả"],
  ])("%s ≠ %s", (a, b) => {
    expect(criterionNameKey(a)).not.toBe(criterionNameKey(b));
  });
});
