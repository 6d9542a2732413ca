// `cchc eval` as a user runs it: the compiled bin (lib/cli/main.js, built by `npm run build`).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "lib", "cli", "main.js");

function cchc(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" (or "npm run build:cli") first`);
});

describe("cchc eval prints the result alone and exits 0", () => {
  test.each([
    ["=CCHC.RATIO(5;48;0,5)", "0.05"],
    ["=CCHC.RATIO(5,48,0.5)", "0.05"],
    ["=CCHC.RATIO(51740;94561;2)", "1.09"],
    ["=CCHC.RATIO(24;26;1)", "0.92"],
    ["=CCHC.RATIO(45;198;1;0,5)", "0.45"],
    ["=CCHC.RATIO(199;200;1)", "1"],
    ["=CCHC.STEPS(0,85;{0,7;0,9};{1;2})", "1"],
    ["=CCHC.STEPS(0,9;{0,7;0,9};{1;2})", "2"],
    ["=CCHC.STEPS(0,5;{0,7;0,9};{1;2})", "0"],
    ["=CCHC.STEPS(0.85,{0.7,0.9},{1,2})", "1"],
    ["=CCHC.DEDUCT(3;2;1)", "1"],
    ["=CCHC.DEDUCT(3;5;1)", "0"],
    ["=CCHC.INDEX(89,21;97;3)", "91.969"],
    ["=CCHC.INDEX(86,92;95,5;2)", "91.02"],
    ["=CCHC.GRADE(CCHC.INDEX(82,06;95,5))", "Tốt"],
    ["=CCHC.LOST(0,5;0,26)", "0.24"],
    ["=CCHC.LOST(13;12,89)", "0.11"],
    ['=CCHC.SUBTOTAL({"6";"6.1";"6.1.1";"6.1.2";"6.2";"6.3";"6.3.1";"6.3.2";"6.4"};{10;"";1,09;2;4;"";0;2;2};"6")', "11.09"],
    ["=CCHC.CHECK(5;4)", "Vượt điểm tối đa (4)"],
    ["=CCHC.CHECK(3,5;4)", ""],
    ['=CCHC.NUM("3,89")', "3.89"],
    ["=CCHC.CHECK(#N/A;4)", "Không phải là số (#N/A)"],
    ['=CCHC.CHECK(CCHC.NUM("abc");4)', "Không phải là số (#VALUE!)"],
    ['=CCHC.SUBTOTAL({"6";"6.1";"7"};{1;2;#N/A};"6")', "2"],
    ["=-1e308", "-1e+308"],
    // As Excel's =ROUND(1E308-1;2): a huge result Excel can hold is no error.
    ["=CCHC.LOST(1e308;1)", "1e+308"],
  ])("%s → %s", (formula, expected) => {
    const r = cchc("eval", formula);
    expect(r).toEqual({ code: 0, stdout: expected + "\n", stderr: "" });
  });

  test.each([
    ["=CCHC.GRADE(90,41)", "Xuất sắc"],
    ["=CCHC.GRADE(89,23)", "Tốt"],
  ])("%s reads either way: the Vietnamese reading (%s) is taken and the doubt said on stderr", (formula, expected) => {
    const r = cchc("eval", formula);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected + "\n");
    expect(r.stderr).toContain("đọc được theo hai cách");
  });

  test("a formula only one style reads gives no such note", () => {
    expect(cchc("eval", "=CCHC.DEDUCT(3,5,1)")).toEqual({ code: 0, stdout: "0\n", stderr: "" });
  });

  test("an unquoted formula split by the shell is joined back", () => {
    expect(cchc("eval", "=CCHC.LOST(13;", "12,89)")).toEqual({ code: 0, stdout: "0.11\n", stderr: "" });
  });
});

describe("an Excel error prints its code, the message on stderr, and exits 1", () => {
  test.each([
    ["=CCHC.RATIO(5;0;1)", "#DIV/0!", "Tổng số bằng 0"],
    ["=CCHC.RATIO(-5;48;1)", "#NUM!", "không được âm"],
    ["=CCHC.RATIO(49;48;1)", "#NUM!", "lớn hơn tổng số"],
    ['=CCHC.RATIO("năm";48;1)', "#VALUE!", "không phải là số"],
    ["=CCHC.STEPS(0,8;{0,7;0,9};{1})", "#VALUE!", "phải dài bằng nhau"],
    ['=CCHC.NUM("abc")', "#VALUE!", "không phải là số"],
    ['=CCHC.SUBTOTAL({"1";"1.1"};{1;1};"2")', "#N/A", "Không tìm thấy mã 2"],
    ["=CCHC.GRADE(CCHC.INDEX(1;0))", "#DIV/0!", "Điểm tối đa bằng 0"],
    ['=CCHC.RATIO("năm";#N/A;1)', "#N/A", "Đối số thứ 2 đang có lỗi #N/A."],
    ["=CCHC.CHECK(3;#DIV/0!)", "#DIV/0!", "Đối số thứ 2 đang có lỗi #DIV/0!."],
    ['=CCHC.SUBTOTAL({"6";"6.1";"7"};{1;#N/A;3};"6")', "#N/A", "Ô điểm của mã 6.1 (dòng 2 của vùng)"],
    ["=#N/A", "#N/A", "Lỗi #N/A"],
    ["=CCHC.INDEX(1e308;1e-300)", "#NUM!", "lớn hơn điểm tối đa"],
    ["=CCHC.INDEX(-1e308;1e-300)", "#NUM!", "không được âm"],
  ])("%s → %s", (formula, code, message) => {
    const r = cchc("eval", formula);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(code + "\n");
    expect(r.stderr).toContain(message);
  });
});

describe("a malformed formula exits 2 with a clear message", () => {
  test.each([
    ["=CCHC.RATIO(5;48", "Thiếu dấu ngoặc đóng"],
    ["=CCHC.TONG(1;2)", 'Không có hàm "CCHC.TONG"'],
    ["=CCHC.RATIO(5;48)", "cần từ 3 đến 5 đối số"],
    ["=CCHC.NUM(A1:A3)", "không được hỗ trợ"],
    ["=SUM(1;2)", 'Không có hàm "SUM"'],
  ])("%s", (formula, message) => {
    const r = cchc("eval", formula);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Công thức không hợp lệ");
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(/\^ \(vị trí \d+\)/);
  });

  test("2,000 nested calls: Excel's limit of 64, the position shown in an excerpt, no stack overflow", () => {
    const formula = "=" + "CCHC.NUM(".repeat(2000) + '"1"' + ")".repeat(2000);
    const r = cchc("eval", formula);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.split("\n");
    expect(lines[0]).toBe("Công thức không hợp lệ: Quá 64 hàm lồng nhau (giới hạn của Excel).");
    expect(lines[2]).toMatch(/\^ \(vị trí 578\)$/); // the 65th CCHC.NUM, after "=" and 64 × "CCHC.NUM("
    expect(lines[1].length).toBeLessThan(100);
    expect(lines[1][lines[2].indexOf("^")]).toBe("C");
    expect(r.stderr).not.toMatch(/call stack|Lỗi không mong đợi/);
  });

  test("a number beyond Excel's numbers", () => {
    const r = cchc("eval", "=CCHC.LOST(1e400;1)");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("vượt giới hạn số của Excel");
    expect(r.stderr).toMatch(/\^ \(vị trí 12\)/);
  });

  test("no formula at all", () => {
    const r = cchc("eval");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Thiếu công thức");
  });

  test("--help lists the nine functions and exits 0", () => {
    const r = cchc("eval", "--help");
    expect(r.code).toBe(0);
    for (const name of ["RATIO", "STEPS", "DEDUCT", "INDEX", "GRADE", "LOST", "SUBTOTAL", "CHECK", "NUM"]) {
      expect(r.stdout).toContain(`CCHC.${name}`);
    }
  });
});
