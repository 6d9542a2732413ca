// `--columns` and `--bands` on `cchc check|summary|report`, and the same maps saved in the workbook
// by the add-in (built with the fixture helper in Office's shape): one workbook, the same figures.
import { promises as fs } from "fs";
import * as path from "path";
import { parseBandsText } from "../../src/cli/bandsOption";
import type { CheckJson, JsonSheet } from "../../src/cli/checkJson";
import { parseColumns } from "../../src/cli/columnsOption";
import type { CellValue, EngineSettings, Grid } from "../../src/engine/core/types";
import { withAddinSettings } from "../support/addinSettingsFixture";
import { expectValidOoxml } from "../support/ooxmlCheck";
import { runCli } from "./helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";

// Headers no reader recognises: the clerk has to say which column is which.
const UNITS: Grid = {
  name: "Lạ",
  values: [
    ["KẾT QUẢ NĂM 2024", null, null, null, null],
    ["#", "Đối tượng", "Giá trị 1", "Giá trị 2", "Nhóm"],
    [1, "Xã An", 85.5, 100, "Khối xã"],
    [2, "Xã Bình", 92, 100, "Khối xã"],
    [3, "Phường Cường", 70, 100, "Khối phường"],
    [4, "Phường Dũng", 84, 100, "Khối phường"],
  ] as CellValue[][],
};
const SCORING: Grid = {
  name: "Chấm",
  values: [
    ["Số hiệu", "Việc", "Trần", "Tự chấm"],
    ["1", "Lĩnh vực một", 10, 8],
    ["1.1", "Việc a", 6, 5],
    ["1.2", "Việc b", 4, 3],
    ["2", "Lĩnh vực hai", 5, 5],
    ["2.1", "Việc c", 5, 5],
  ] as CellValue[][],
};
const COLUMNS = "Lạ!donvi=B,thamdinh=C,toida=D,khoi=E,header=2;Chấm!ma=A,noidung=B,toida=C,tudanhgia=D,header=1";
/** The same maps as the pane saves them: 0-based rows and columns. */
const SAVED: Partial<EngineSettings> = {
  columnMaps: {
    Lạ: { row: 1, columns: { unit: 1, appraised: 2, max: 3, block: 4 } },
    Chấm: { row: 0, columns: { code: 0, name: 1, max: 2, self: 3 } },
  },
};

let dir: string;
let plain: string;
let saved: string;

async function check(...args: string[]): Promise<{ code: number; json: CheckJson; stderr: string }> {
  const r = await runCli(["check", ...args, "--json"]);
  if (r.stdout === "") throw new Error(`no output: ${r.stderr}`);
  return { code: r.code, json: JSON.parse(r.stdout) as CheckJson, stderr: r.stderr };
}

const sheet = (json: CheckJson, name: string): JsonSheet => json.files[0].sheets.find((s) => s.sheet === name)!;
const gradesOf = (s: JsonSheet) => Object.fromEntries((s.ranking ?? []).map((r) => [r.unit, r.grade]));

async function bandsFile(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, text);
  return file;
}

beforeAll(async () => {
  dir = await makeTempDir();
  plain = await writeGrids(path.join(dir, "la.xlsx"), [UNITS, SCORING]);
  saved = path.join(dir, "la-da-luu.xlsx");
  await fs.writeFile(saved, await withAddinSettings(await fs.readFile(plain), SAVED));
});

afterAll(async () => removeDir(dir));

describe("a workbook whose tables are not recognised", () => {
  it("is 'other' without a map", async () => {
    const { json } = await check(plain);
    expect(sheet(json, "Lạ").kind).toBe("other");
    expect(sheet(json, "Chấm").kind).toBe("other");
    expect(json.files[0].settings).toBeUndefined();
  });

  it("gives the units' and the scoring sheet's figures with --columns", async () => {
    const { json, code } = await check(plain, "--columns", COLUMNS);
    expect(code).toBe(0);
    const units = sheet(json, "Lạ");
    expect(units.kind).toBe("units");
    expect(units.ranking!.map((r) => [r.unit, r.index, r.block])).toEqual([
      ["Xã An", 85.5, "Khối xã"],
      ["Xã Bình", 92, "Khối xã"],
      ["Phường Cường", 70, "Khối phường"],
      ["Phường Dũng", 84, "Khối phường"],
    ]);
    const scoring = sheet(json, "Chấm");
    expect(scoring.kind).toBe("scoring");
    expect(scoring.totals!.self).toMatchObject({ achieved: 13, max: 15 });
    expect(scoring.totals!.self!.index).toBeCloseTo((13 / 15) * 100, 9);
    expect(json.files[0].settings).toMatchObject({
      source: "options",
      columnMaps: {
        Lạ: { header: 2, columns: { unit: "B", appraised: "C", max: "D", block: "E" } },
        Chấm: { header: 1, columns: { code: "A", name: "B", max: "C", self: "D" } },
      },
    });
  });

  it("gives the same figures from the map the add-in saved in the workbook, with no option", async () => {
    const withOption = await check(plain, "--columns", COLUMNS);
    const fromWorkbook = await check(saved);
    expect(fromWorkbook.json.files[0].sheets).toEqual(withOption.json.files[0].sheets);
    expect(fromWorkbook.json.files[0].settings?.source).toBe("workbook");
    const text = await runCli(["check", saved]);
    expect(text.stdout).toContain('Dùng cài đặt đã lưu trong bảng tính (khai báo cột: sheet "Lạ", sheet "Chấm").');
  });

  it("replaces the saved map of the sheet --columns names, and only that one", async () => {
    // Saved: appraised in C. Given: the unit in B and the points in D as maximum read as C… swapped roles.
    const { json } = await check(saved, "--columns", "Lạ!donvi=B,thamdinh=C,toida=D,header=2");
    expect(json.files[0].settings?.source).toBe("workbook+options");
    expect(json.files[0].settings?.columnMaps["Lạ"].columns).toEqual({ unit: "B", appraised: "C", max: "D" });
    expect(sheet(json, "Lạ").ranking!.every((r) => r.block === null)).toBe(true);
    expect(sheet(json, "Chấm").kind).toBe("scoring");
  });

  it("warns, naming the sheets there are, when --columns names a sheet the file does not have", async () => {
    const r = await runCli(["check", plain, "--columns", "Không có!donvi=B,thamdinh=C,header=2"]);
    expect(r.stdout).toContain('Lưu ý: Khai báo cột cho sheet "Không có": bảng tính không có sheet này; các sheet có: "Lạ", "Chấm".');
  });

  it("asks for header= when the sheet's header is not recognised", async () => {
    const { json } = await check(plain, "--columns", "Lạ!donvi=B,thamdinh=C,toida=D");
    expect(sheet(json, "Lạ").kind).toBe("other");
    expect(json.files[0].settings?.notices.join(" ")).toMatch(/không nhận ra dòng tiêu đề của sheet này.*header=SỐ_DÒNG/);
  });
});

describe("bad --columns and --bands", () => {
  it.each([
    ["donvi=B", /thiếu tên sheet trước dấu "!"/],
    ["Lạ!donvi=B,diem=C", /không biết vai trò cột "diem"; các vai trò: code \(ma\)/],
    ["Lạ!donvi=1,thamdinh=C", /"1" không phải chữ cái cột \(A, B, …, XFD\) cho unit/],
    ["Lạ!donvi=B,thamdinh=B", /cột B được gán cho cả unit và appraised/],
    ["Lạ!donvi=B,thamdinh=C,header=0", /header=0 phải là số dòng tiêu đề trong Excel/],
    ["Lạ!donvi=B,thamdinh=C,kind=bang", /kind=bang phải là units \(bảng đơn vị\) hoặc scoring/],
    ["Lạ!donvi=B", /bảng đơn vị cần ít nhất một cột điểm hay chỉ số/],
    ["Chấm!ma=A,tudanhgia=D", /bảng điểm cần cột điểm tối đa/],
    ["Lạ!donvi=B,thamdinh=C;Lạ!donvi=B,thamdinh=C", /sheet "Lạ" được khai báo hai lần/],
  ])("refuses %s with exit code 2", async (value, message) => {
    const r = await runCli(["check", plain, "--columns", value]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^--columns: /);
    expect(r.stderr).toMatch(message);
  });

  it.each([
    ["Tốt: tám mươi\n", /dòng 1: "Tốt: tám mươi" cần dạng TÊN LOẠI và NGƯỠNG/],
    ["Tốt: 180\n", /Xếp loại "Tốt": ngưỡng "180" phải là một số từ 0 đến 100/],
    ["A: 80\nB 80\n", /Có hai loại cùng ngưỡng 80/],
    ["Nhóm B 80 – < 70\n", /cận trên 70 phải lớn hơn ngưỡng 80/],
    ["Tốt: 80\n[Khối xã]\n", /khối "Khối xã" chưa có mức xếp loại nào/],
    ["# chỉ có ghi chú\n", /không có mức xếp loại nào/],
    ['{"bands": [{"name": "Tốt"}]}', /mỗi mức cần dạng \{ "name": "Tốt", "min": 80 \}/],
    ['{"bands": [', /không phải JSON hợp lệ/],
  ])("refuses a bands file %j with exit code 2", async (text, message) => {
    const file = await bandsFile("sai.txt", text);
    for (const command of [["check", plain], ["summary", plain, "-o", path.join(dir, "ra.xlsx")]]) {
      const r = await runCli([...command, "--bands", file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it("says in Vietnamese when the bands file is missing", async () => {
    const r = await runCli(["check", plain, "--bands", path.join(dir, "khong-co.txt")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Không đọc được tệp xếp loại .*khong-co\.txt: không tồn tại\./);
  });
});

describe("--bands", () => {
  it("grades with the file's bands, with a BOM and comments, in text or JSON form", async () => {
    const text = await bandsFile("muc.txt", "\uFEFF# các mức của tỉnh\nNhóm A ≥ 90\nNhóm B 80 – < 90\nNhóm C: 0\n");
    const json = await bandsFile("muc.json", JSON.stringify({ bands: [{ name: "Nhóm A", min: 90 }, { name: "Nhóm B", min: "80" }, { name: "Nhóm C", min: 0 }] }));
    const expected = { "Xã An": "Nhóm B", "Xã Bình": "Nhóm A", "Phường Cường": "Nhóm C", "Phường Dũng": "Nhóm B" };
    const before = await check(saved);
    expect(gradesOf(sheet(before.json, "Lạ"))).toEqual({ "Xã An": "Tốt", "Xã Bình": "Xuất sắc", "Phường Cường": "Khá", "Phường Dũng": "Tốt" });
    for (const file of [text, json]) {
      const { json: out } = await check(saved, "--bands", file);
      expect(gradesOf(sheet(out, "Lạ"))).toEqual(expected);
      expect(out.files[0].settings?.bands.map((b) => b.name)).toEqual(["Nhóm A", "Nhóm B", "Nhóm C"]);
    }
  });

  it("takes [Khối …] sections as the bands of that block", async () => {
    const file = await bandsFile("khoi.txt", "Xuất sắc: 90\nTốt 80\nKhá 70\nYếu 0\n\n[Khối phường]\nNhóm A ≥ 85\nNhóm B 0\n");
    const { json } = await check(saved, "--bands", file);
    expect(json.files[0].settings?.blockBands).toEqual({ "Khối phường": [{ name: "Nhóm A", min: 85 }, { name: "Nhóm B", min: 0 }] });
    expect(json.files[0].settings?.summary).toContain('xếp loại riêng khối "Khối phường": Nhóm A từ 85, Nhóm B từ 0');
  });

  it("grades each block by its own bands", async () => {
    const file = await bandsFile("khoi2.txt", "Xuất sắc: 90\nTốt 80\nKhá 70\nYếu 0\n\n[Khối phường]\nNhóm A ≥ 80\nNhóm B 0\n");
    const { json } = await check(saved, "--bands", file);
    expect(gradesOf(sheet(json, "Lạ"))).toEqual({ "Xã An": "Tốt", "Xã Bình": "Xuất sắc", "Phường Cường": "Nhóm B", "Phường Dũng": "Nhóm A" });
  });
});

describe("summary and report from a workbook saved by the add-in", () => {
  it("summarises with the saved maps, says so, and writes a valid package keeping the add-in's parts", async () => {
    const out = path.join(dir, "tong-hop.xlsx");
    const r = await runCli(["summary", saved, "-o", out, "--force"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Dùng cài đặt đã lưu trong bảng tính (khai báo cột: sheet "Lạ", sheet "Chấm").');
    // The fixture's parts are sound themselves, and the summary brings no fault in.
    await expectValidOoxml(saved, { base: plain });
    await expectValidOoxml(out, { base: saved });
    // The copy still carries the settings: checked again, the same figures.
    const again = await check(out);
    const first = await check(saved);
    expect(sheet(again.json, "Lạ")).toEqual(sheet(first.json, "Lạ"));
    expect(again.json.files[0].settings?.source).toBe("workbook");
  });

  it("takes --columns on summary and report", async () => {
    const xlsx = await runCli(["summary", plain, "-o", path.join(dir, "th2.xlsx"), "--force", "--columns", COLUMNS]);
    expect(xlsx.code).toBe(0);
    expect(xlsx.stdout).toContain("Dùng cài đặt từ tùy chọn dòng lệnh (khai báo cột: sheet \"Lạ\", sheet \"Chấm\").");
    const docx = await runCli(["report", plain, "-o", path.join(dir, "bc.docx"), "--force", "--columns", COLUMNS]);
    expect(docx.stderr).toBe("");
    expect(docx.code).toBe(0);
    expect(docx.stdout).toContain('từ bảng điểm "Chấm" và bảng đơn vị "Lạ"');
  });
});

describe("the forms the options accept", () => {
  it("reads band lines as clerks write them", () => {
    const parsed = parseBandsText(
      ["Xuất sắc: từ 90 trở lên", "Loại 1: 85", "Tốt 80 điểm", "Khá từ 70", "Trung bình = 50,5", "Nhóm E 0 – < 50,5"].join("\r\n"),
      "x.txt",
    );
    expect(parsed).toEqual({
      bands: [
        { name: "Xuất sắc", min: 90 },
        { name: "Loại 1", min: 85 },
        { name: "Tốt", min: 80 },
        { name: "Khá", min: 70 },
        { name: "Trung bình", min: 50.5 },
        { name: "Nhóm E", min: 0 },
      ],
      blockBands: {},
    });
    expect(parseBandsText("≥ 90\n", "x.txt")).toEqual({ error: expect.stringMatching(/dòng 1: "≥ 90" cần dạng TÊN LOẠI và NGƯỠNG/) });
  });

  it("reads roles with diacritics and spaces, and quoted sheet names", () => {
    expect(parseColumns("'Bảng ''A'''!Đơn vị=b, Thẩm định=C ,Tối đa=d,header=3;S2!code=A,max=B,self=C,kind=scoring")).toEqual([
      { sheet: "Bảng 'A'", columns: { unit: 1, appraised: 2, max: 3 }, row: 2 },
      { sheet: "S2", columns: { code: 0, max: 1, self: 2 }, kind: "scoring" },
    ]);
    expect(parseColumns("S!donvi=B,chiso=XFE")).toEqual({ error: expect.stringMatching(/"XFE" không phải chữ cái cột/) });
  });

  it("reads a quoted sheet name holding ';' (and ''), the ';' between sheets still splitting", () => {
    expect(parseColumns("'Sở; ngành ''2023'''!donvi=B,chiso=F; 'Xã;phường'!donvi=A,thamdinh=C;S3!ma=A,toida=B,tudanhgia=C")).toEqual([
      { sheet: "Sở; ngành '2023'", columns: { unit: 1, index: 5 } },
      { sheet: "Xã;phường", columns: { unit: 0, appraised: 2 } },
      { sheet: "S3", columns: { code: 0, max: 1, self: 2 } },
    ]);
  });

  it("reads the evidence and after-explanation columns of a scoring sheet", () => {
    expect(parseColumns("Chấm!ma=A,toida=C,tudanhgia=D,thamdinh=E,minhchung=H,saugiaitrinh=I")).toEqual([
      { sheet: "Chấm", columns: { code: 0, max: 2, self: 3, appraised: 4, evidence: 7, afterExplanation: 8 } },
    ]);
  });
});
