// The command line parser shared by `cchc check` and `cchc summary`.
import { parseArgs } from "../../src/cli/args";
import { isWorkbookName } from "../../src/cli/files";

const SPEC = { flags: ["--force", "--json"], options: { "--output": ["-o", "--out"], "--date": [] } };

describe("parseArgs", () => {
  it("separates positional arguments, flags and options in any order and spelling", () => {
    const r = parseArgs(["a.xlsx", "--force", "-o", "ra.xlsx", "b.xlsx", "--date=2024-01-15"], SPEC);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.args.positional).toEqual(["a.xlsx", "b.xlsx"]);
    expect([...r.args.flags]).toEqual(["--force"]);
    expect(Object.fromEntries(r.args.options)).toEqual({ "--output": "ra.xlsx", "--date": "2024-01-15" });
    const long = parseArgs(["--out=x.xlsx", "--", "-tệp-bắt-đầu-bằng-gạch.xlsx"], SPEC);
    expect(long.ok && long.args.options.get("--output")).toBe("x.xlsx");
    expect(long.ok && long.args.positional).toEqual(["-tệp-bắt-đầu-bằng-gạch.xlsx"]);
  });

  it("rejects unknown options, missing or repeated values and values on flags, in Vietnamese", () => {
    expect(parseArgs(["--jsn"], SPEC)).toEqual({ ok: false, error: "Tùy chọn không hợp lệ: --jsn" });
    expect(parseArgs(["-o"], SPEC)).toEqual({ ok: false, error: "Tùy chọn -o cần một giá trị." });
    expect(parseArgs(["--output="], SPEC)).toEqual({ ok: false, error: "Tùy chọn --output cần một giá trị." });
    expect(parseArgs(["-o", "a.xlsx", "--out", "b.xlsx"], SPEC)).toEqual({ ok: false, error: "Tùy chọn --out chỉ được dùng một lần." });
    expect(parseArgs(["--json=1"], SPEC)).toEqual({ ok: false, error: "Tùy chọn --json không nhận giá trị." });
  });
});

describe("isWorkbookName", () => {
  it("takes .xlsx, .xlsm, .xls and .ods in any case, and leaves out Excel's lock files and other formats", () => {
    expect(["a.xlsx", "B.XLSX", "Bảng điểm.Xlsx", "a.xls", "a.xlsm", "b.ODS"].map(isWorkbookName)).toEqual([true, true, true, true, true, true]);
    expect(["~$a.xlsx", "~$a.xls", "a.csv", "xlsx", "a.xlsb"].map(isWorkbookName)).toEqual([false, false, false, false, false]);
  });
});
