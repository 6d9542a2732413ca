// The sheet panel's lines on the appraisal round (pure functions; the browser test shows them in
// the page): each kind of difference from the criteria set named, an appraisal with nothing cut,
// an explanation that lowered points, and nothing said without the columns.
import { analyzeSheet, applyTemplate, readTemplate, type Grid, type ScoringSheet } from "../../src/engine";
import { appraisalLines, evidenceLine, explanationLine, templateLine } from "../../src/forms/roundText";

type Row = [string, string, number | null, number | null, number | null];

function sheet(name: string, rows: Row[], extra: string[] = [], extraValues: Record<string, Array<string | number | null>> = {}): Grid {
  return {
    name,
    values: [
      ["STT", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", ...extra],
      ...rows.map(([code, ...rest]) => [code, ...rest, ...(extraValues[code] ?? extra.map(() => null))]),
    ],
  };
}

function scoring(grid: Grid): ScoringSheet {
  const s = analyzeSheet(grid);
  if (s.kind !== "scoring") throw new Error(`${grid.name}: ${s.kind}`);
  return s;
}

const SET: Row[] = [
  ["1", "Chỉ đạo, điều hành", 4, null, null],
  ["1.1", "Kế hoạch cải cách hành chính", 2, null, null],
  ["1.2", "Báo cáo cải cách hành chính", 2, null, null],
  ["2", "Cải cách thể chế", 3, null, null],
  ["2.1", "Kiểm tra văn bản", 1, null, null],
  ["2.2", "Rà soát văn bản", 2, null, null],
];

describe("the criteria set's line", () => {
  const read = readTemplate([sheet("Bộ tiêu chí", SET)]);
  if (!read.ok) throw new Error(read.error);
  const template = read.template;

  function compared(rows: Row[]): ScoringSheet {
    const analysis = applyTemplate({ sheets: [scoring(sheet("Đơn vị", rows))], acrossUnits: null }, template, { file: "mau.xlsx", sheet: "Bộ tiêu chí" });
    return analysis.sheets[0] as ScoringSheet;
  }

  test("a conforming sheet, and one with each kind of difference counted and named by code", () => {
    const same = compared(SET.map(([c, n, m]) => [c, n, m, m, m]));
    expect(templateLine(same.template!)).toBe('Theo đúng bộ tiêu chí mau.xlsx (sheet "Bộ tiêu chí").');
    const changed = compared([
      ["1", "Chỉ đạo, điều hành", 4, 4, 4],
      ["1.1", "Kế hoạch CCHC năm", 2, 2, 2],
      ["1.2", "Báo cáo cải cách hành chính", 2, 2, 2],
      ["2", "Cải cách thể chế", 3, 3, 3],
      ["2.1", "Kiểm tra văn bản", 1, 1, 1],
      ["2.3", "Theo dõi thi hành pháp luật", 2, 2, 2],
    ]);
    expect(changed.template!.differences.map((d) => d.rule)).toEqual(["template-name", "template-missing", "template-extra"]);
    expect(templateLine(changed.template!)).toBe(
      '3 khác biệt với bộ tiêu chí mau.xlsx (sheet "Bộ tiêu chí"): 1 khác tên (1.1), 1 thiếu tiêu chí (2.2), 1 thừa tiêu chí (2.3).',
    );
  });

  test("a sheet of the same workbook is named as such; the total maximum has no code to list", () => {
    expect(
      templateLine({ file: null, sheet: "Bộ tiêu chí", conforms: false, differences: [{ rule: "template-total", code: "" }, { rule: "template-moved", code: "1.4.1" }] }),
    ).toBe('2 khác biệt với bộ tiêu chí sheet "Bộ tiêu chí" của bảng tính này: 1 khác tổng điểm tối đa, 1 chuyển chỗ (1.4.1).');
  });
});

describe("the appraisal, evidence and explanation lines", () => {
  const rows: Row[] = [
    ["1", "Chỉ đạo, điều hành", 4, 4, 3.5],
    ["1.1", "Kế hoạch", 2, 2, 1.5],
    ["1.2", "Báo cáo", 2, 2, 2],
  ];

  test("nothing cut; nothing said without self-assessed points, evidence or explanation columns", () => {
    const full = scoring(sheet("Đủ", rows.map(([c, n, m]) => [c, n, m, m, m])));
    expect(appraisalLines(full)).toEqual(["Thẩm định không trừ điểm tiêu chí nào so với điểm tự đánh giá."]);
    expect(evidenceLine(full)).toBeNull();
    expect(explanationLine(full)).toBeNull();
    const appraisedOnly = scoring({ name: "TĐ", values: [["STT", "Nội dung", "Điểm tối đa", "Điểm thẩm định"], ["1", "A", 2, 1], ["1.1", "B", 2, 1]] });
    expect(appraisedOnly.hasSelf).toBe(false);
    expect(appraisalLines(appraisedOnly)).toEqual([]);
  });

  test("an explanation that lowered a criterion and left a cut one alone", () => {
    const s = scoring(sheet("Giải trình", rows, ["Điểm sau giải trình"], { "1.2": [1.75] }));
    expect(s.explanation).toEqual({
      restored: [{ code: "1.2", name: "Báo cáo", appraised: 2, after: 1.75, change: -0.25 }],
      kept: [{ code: "1.1", name: "Kế hoạch", appraised: 1.5 }],
    });
    expect(explanationLine(s)).toBe("Sau giải trình: 1 tiêu chí được sửa điểm (1.2), bị trừ thêm 0,25 điểm; 1 tiêu chí giữ mức trừ (1.1).");
    expect(appraisalLines(s)[0]).toBe("Thẩm định trừ 0,5 điểm ở 1 tiêu chí; trừ nhiều nhất: 1.1 (0,5 điểm).");
  });

  test("an evidence column with nothing cited", () => {
    const s = scoring(sheet("Minh chứng", rows, ["Tài liệu kiểm chứng"]));
    expect(evidenceLine(s)).toBe("Tài liệu kiểm chứng: 0 tiêu chí dẫn văn bản (0 văn bản), 0 đường dẫn; 2 tiêu chí tự chấm điểm mà không có tài liệu kiểm chứng.");
  });
});
