import { parseCode, parentCode, compareCodes, detectHeader, roleOf } from "../../../src/engine";

describe("criterion codes", () => {
  test.each([
    ["1.6.1", "1.6.1", 3],
    ["1.1.", "1.1", 2],
    [" 2 ", "2", 1],
    [5.6, "5.6", 2],
    [3, "3", 1],
    ["I", "1", 1],
    ["IV", "4", 1],
    ["VIII", "8", 1],
    ["XX", "20", 1],
    ["XIV.", "14", 1],
  ])("%p → %s (level %d)", (input, code, level) => {
    expect(parseCode(input)).toEqual({ code, level });
  });

  test.each([["a"], ["-"], ["Tổng điểm"], [""], [null], [0], [-1], ["1..2"], ["IIII"], ["1.0"]])("%p is no code", (input) => {
    expect(parseCode(input as never)).toBeNull();
  });

  test("parents and order", () => {
    expect(parentCode("1.6.1")).toBe("1.6");
    expect(parentCode("1")).toBeNull();
    expect(["2", "1.10", "1.2", "1"].sort(compareCodes)).toEqual(["1", "1.2", "1.10", "2"]);
  });
});

describe("header texts", () => {
  test.each([
    ["STT", "code"],
    ["Mã tiêu chí", "code"],
    ["TT", "code"],
    ["Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "name"],
    ["Nội dung", "name"],
    ["Điểm tối đa", "max"],
    ["ĐIỂM CHUẨN", "max"],
    ["Thang điểm", "max"],
    ["Điểm tự đánh giá", "self"],
    ["Tự chấm", "self"],
    ["diem tham dinh", "appraised"],
    ["Thẩm  định", "appraised"],
    ["Nguyên nhân mất điểm", "cause"],
    ["Trách nhiệm thuộc về", "responsible"],
    ["Đơn vị chịu trách nhiệm", "responsible"],
    ["Tên đơn vị", "unit"],
    ["Cơ quan, đơn vị", "unit"],
    ["Chỉ số (%)", "index"],
    ["Xếp loại", "grade"],
    ["Xếp hạng", "rank"],
    ["Ghi chú", null],
  ])("%s → %s", (text, role) => {
    expect(roleOf(text)).toBe(role);
  });

  test("a two-row header ('Điểm' merged above its sub-columns) is read as one", () => {
    const grid = {
      name: "x",
      values: [
        ["BẢNG ĐIỂM", null, null, null],
        ["TT", "Nội dung", "Điểm", null],
        [null, null, "Tối đa", "Thẩm định"],
        ["1", "Lĩnh vực 1", 2, 1.5],
      ],
    };
    expect(detectHeader(grid)).toEqual({ kind: "scoring", header: { row: 2, columns: { code: 0, name: 1, max: 2, appraised: 3 } } });
  });

  test("a sheet that is not a scoring sheet says which columns it lacks", () => {
    const result = detectHeader({ name: "Ghi chú", values: [["STT", "Nội dung", "Ghi chú"], [1, "abc", "x"]] });
    expect(result.kind).toBe("other");
    if (result.kind === "other") {
      expect(result.reason).toContain("điểm tối đa");
      expect(result.reason).toContain("điểm tự đánh giá hoặc điểm thẩm định");
      expect(result.reason).not.toContain("mã tiêu chí");
    }
    const empty = detectHeader({ name: "Trống", values: [] });
    expect(empty).toEqual({ kind: "other", reason: "Sheet trống." });
  });

  test("the header is searched in the first 30 rows only", () => {
    const values: (string | null)[][] = Array.from({ length: 30 }, () => [null, null, null]);
    values.push(["STT", "Điểm tối đa", "Điểm thẩm định"]);
    expect(detectHeader({ name: "x", values }).kind).toBe("other");
    values.splice(0, 1);
    expect(detectHeader({ name: "x", values }).kind).toBe("scoring");
  });
});
