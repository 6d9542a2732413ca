// Headers as provinces publish them (issue 17 §1): each wording class is found, with its kind,
// its lowest header row and its columns.
import { analyzeSheet, applyMergedAreas, detectHeader, type ColumnMap, type Grid } from "../../../src/engine";
import {
  appraisalGroupGrid,
  departmentsGrid,
  nationalExtractGrid,
  oneRowUnitsGrid,
  scoringGrid,
  threeRowHeaderGrid,
  yearGroupsGrid,
  yearGroupsUnmergedGrid,
} from "../../fixtures/realTables";

function detected(grid: Grid): { kind: string; row: number; columns: ColumnMap } {
  const d = detectHeader(grid);
  if (d.kind === "other") throw new Error(d.reason);
  return { kind: d.kind, row: d.header.row, columns: d.header.columns };
}

describe("units tables as published", () => {
  test("a national extract with no points: 'Tỉnh, thành phố | Chỉ số (%) | Xếp hạng'", () => {
    expect(detected(nationalExtractGrid())).toEqual({ kind: "units", row: 1, columns: { code: 0, unit: 1, index: 2, rank: 3 } });
  });

  test("'Năm 2022 | Năm 2023' merged above 'Chỉ số (%) | Xếp hạng' each: last year's and this year's", () => {
    expect(detected(yearGroupsGrid("oldFirst"))).toEqual({
      kind: "units",
      row: 2,
      columns: { code: 0, unit: 1, previousIndex: 2, previousRank: 3, index: 4, rank: 5 },
    });
  });

  test("the later year is this year's whichever comes first", () => {
    expect(detected(yearGroupsGrid("newFirst")).columns).toEqual({ code: 0, unit: 1, index: 2, rank: 3, previousIndex: 4, previousRank: 5 });
  });

  test("as the readers hand the merged header: STT and the unit merged down (their text copied down), the years across", () => {
    // Sheet rows 2–3 (0-based 1–2): A2:A3, B2:B3 one column wide, C2:D2 and E2:F2 across.
    const grid = applyMergedAreas(yearGroupsGrid("oldFirst"), [
      { row: 1, col: 0, rows: 2, cols: 1 },
      { row: 1, col: 1, rows: 2, cols: 1 },
      { row: 1, col: 2, rows: 1, cols: 2 },
      { row: 1, col: 4, rows: 1, cols: 2 },
    ]);
    expect(grid.values[2].slice(0, 2)).toEqual(["STT", "Tỉnh, thành phố"]);
    expect(detected(grid)).toEqual({ kind: "units", row: 2, columns: { code: 0, unit: 1, previousIndex: 2, previousRank: 3, index: 4, rank: 5 } });
  });

  test("years typed as numbers over a lower row that repeats the unit column (no merge)", () => {
    expect(detected(yearGroupsUnmergedGrid())).toEqual({ kind: "units", row: 1, columns: { unit: 0, previousIndex: 1, previousRank: 2, index: 3, rank: 4 } });
  });

  test("departments: 'Sở, ban, ngành | Tổng số điểm đạt được | Điểm tối đa'", () => {
    expect(detected(departmentsGrid())).toEqual({ kind: "units", row: 1, columns: { code: 0, unit: 1, achieved: 2, appraised: 2, max: 3 } });
  });

  test("three header rows: a year above appraisal and survey, each above 'Tối đa | Đạt'", () => {
    expect(detected(threeRowHeaderGrid())).toEqual({
      kind: "units",
      row: 3,
      columns: { code: 0, unit: 1, max: 2, appraised: 3, surveyMax: 4, survey: 5, rank: 6 },
    });
  });

  test("'Điểm thẩm định' above 'Tối đa | Đạt' is read to its lowest row even though the upper row would pass alone", () => {
    expect(detected(appraisalGroupGrid())).toEqual({ kind: "units", row: 1, columns: { code: 0, unit: 1, max: 2, appraised: 3, grade: 4 } });
  });

  test.each([
    "Tỉnh, thành phố",
    "Sở, ban, ngành",
    "Quận, huyện",
    "UBND các xã, phường",
    "Phường, xã, đặc khu",
    "Tên cơ quan, đơn vị",
    "Địa phương",
    "Bộ, ngành",
    "Đơn vị",
    "Tên đơn vị",
  ])("the unit column named by the kind of unit: '%s'", (unitHeader) => {
    expect(detected(oneRowUnitsGrid([unitHeader, "Chỉ số (%)", "Xếp hạng"], "A", [86.14, 1]))).toEqual({
      kind: "units",
      row: 1,
      columns: { unit: 0, index: 1, rank: 2 },
    });
  });

  test.each(["Tổng số điểm đạt được", "Tổng điểm đạt", "Tổng điểm", "Điểm đạt được"])("achieved points: '%s'", (h) => {
    expect(detected(oneRowUnitsGrid(["Đơn vị", h, "Điểm tối đa"], "A", [80, 100])).columns).toEqual({ unit: 0, achieved: 1, appraised: 1, max: 2 });
  });

  test.each(["Chỉ số (%)", "Chỉ số CCHC", "PAR INDEX", "Kết quả chỉ số", "Chỉ số CCHC năm 2023"])("the index: '%s'", (h) => {
    expect(detected(oneRowUnitsGrid(["Tỉnh, thành phố", h], "A", [86.14])).columns).toEqual({ unit: 0, index: 1 });
  });

  test.each(["Điểm đánh giá tác động", "Điểm điều tra xã hội học", "XHH"])("the survey part: '%s'", (h) => {
    expect(detected(oneRowUnitsGrid(["Đơn vị", "Điểm thẩm định", h, "Điểm tối đa XHH"], "A", [54.95, 31.19, 38.5])).columns).toEqual({
      unit: 0,
      appraised: 1,
      survey: 2,
      surveyMax: 3,
    });
  });

  test.each([
    ["Xếp hạng", "rank"],
    ["Hạng", "rank"],
    ["Thứ hạng", "rank"],
    ["Xếp loại", "grade"],
    ["Khối", "block"],
    ["Nhóm", "block"],
    ["Xếp hạng năm trước", "previousRank"],
    ["Chỉ số năm trước", "previousIndex"],
  ])("'%s' is the %s column", (h, role) => {
    expect(detected(oneRowUnitsGrid(["Đơn vị", "Điểm thẩm định (tối đa 61,5)", h], "A", [54.95, 1])).columns).toEqual({ unit: 0, appraised: 1, [role]: 2 });
  });

  test("a column naming the title's year before is last year's; the title's year is this year's", () => {
    const grid = oneRowUnitsGrid(["Tỉnh, thành phố", "Chỉ số năm 2022", "Xếp hạng năm 2022", "Chỉ số CCHC năm 2023"], "Kon Tum", [81.35, 55, 86.14]);
    expect(detected(grid).columns).toEqual({ unit: 0, previousIndex: 1, previousRank: 2, index: 3 });
  });
});

describe("the tables found are read", () => {
  const ranking = (grid: Grid) => {
    const r = analyzeSheet(grid);
    if (r.kind !== "units") throw new Error(r.kind);
    return r.ranking.map((e) => [e.unit, Math.round(e.index * 100) / 100, e.rank]);
  };

  test("departments ranked on 'Tổng số điểm đạt được' out of 'Điểm tối đa'", () => {
    expect(ranking(departmentsGrid())).toEqual([
      ["Sở Tư pháp", 86.14, 3],
      ["Sở Nội vụ", 91.3, 1],
      ["Sở Tài chính", 87.5, 2],
    ]);
  });

  test("three header rows: appraisal and survey with their maxima give the two-part index", () => {
    expect(ranking(threeRowHeaderGrid())).toEqual([
      ["Sở Tư pháp", 86.14, 2],
      ["Sở Nội vụ", 91.3, 1],
    ]);
  });
});

describe("scoring sheets as written", () => {
  test.each([
    [["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"], { code: 0, name: 1, max: 2, self: 3, appraised: 4 }],
    [["TT", "Lĩnh vực, tiêu chí", "Thang điểm", "Tự chấm", "Hội đồng thẩm định"], { code: 0, name: 1, max: 2, self: 3, appraised: 4 }],
    [["Mã tiêu chí", "Tiêu chí", "Điểm chuẩn", "Điểm tự đánh giá của đơn vị", "Điểm thẩm định (Hội đồng)"], { code: 0, name: 1, max: 2, self: 3, appraised: 4 }],
  ])("%j", (header, columns) => {
    expect(detected(scoringGrid(header))).toEqual({ kind: "scoring", row: 1, columns });
  });
});

describe("a sheet not recognised", () => {
  const grid: Grid = {
    name: "Lạ",
    origin: { row: 4, col: 1 },
    values: [
      ["Tỉnh, thành phố", "Điểm XYZ", "Ghi chú có một dòng chữ rất dài để xem nó được cắt ngắn ra sao trong thông báo"],
      ["Kon Tum", 86.14, null],
    ],
  };
  const result = detectHeader(grid);
  const reason = result.kind === "other" ? result.reason : "";

  test("shows the closest header row, each cell with its role or '?', origin applied", () => {
    expect(result.kind).toBe("other");
    expect(reason).toContain('dòng 5: B5 "Tỉnh, thành phố" → đơn vị; C5 "Điểm XYZ" → ?; D5 "Ghi chú có một dòng chữ rất dài để xem…" → ?');
  });

  test("says what a scoring sheet and a units table lack, and where to map the columns", () => {
    expect(reason).toContain("Bảng chấm điểm còn thiếu cột mã tiêu chí (STT, Mã), điểm tối đa, điểm tự đánh giá hoặc điểm thẩm định");
    expect(reason).toContain("Bảng tổng hợp đơn vị còn thiếu cột điểm (tự đánh giá, thẩm định, đạt) hoặc chỉ số");
    expect(reason).not.toContain("thiếu cột đơn vị");
    expect(reason).toContain("Cài đặt");
    expect(reason).toContain("--columns");
  });

  test("with no cell naming a role, the fullest row is shown; a wide row is cut short", () => {
    const wide = Array.from({ length: 20 }, (_, i) => `Cột ${i + 1}`);
    const r = detectHeader({ name: "x", values: [["Bảng"], wide, [1, 2, 3]] });
    expect(r.kind === "other" && r.reason).toContain('dòng 2: A2 "Cột 1" → ?; B2 "Cột 2" → ?');
    expect(r.kind === "other" && r.reason).toContain("… (8 ô nữa)");
  });
});
