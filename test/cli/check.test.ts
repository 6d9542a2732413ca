// `cchc check` on real .xlsx files written by the tests: layouts, broken inputs, the --json
// contract field by field on the seed, exit codes, folders and progress.
import { promises as fs } from "fs";
import * as path from "path";
import { Workbook } from "exceljs";
import type { CheckJson, JsonSheet } from "../../src/cli/checkJson";
import {
  AREA_MAXIMA,
  COMMUNES,
  DISTRICT_CRITERIA,
  LOST_CODES,
  communesGrid,
  districtGrid,
  seedSum,
} from "../fixtures/seed";
import { GENERATED_REASON } from "../../src/host/file/xlsxAnalysis";
import { bigGrid, kpsGrid, misprintGrid } from "./helpers/layouts";
import { runCli, spawnCli } from "./helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";

let dir: string;
let seedFile: string;

async function checkJson(...files: string[]): Promise<{ code: number; json: CheckJson; stderr: string }> {
  const r = await runCli(["check", ...files, "--json"]);
  return { code: r.code, json: JSON.parse(r.stdout) as CheckJson, stderr: r.stderr };
}

function scoring(json: CheckJson, file = 0, sheet = 0): JsonSheet {
  const s = json.files[file].sheets[sheet];
  expect(s.kind).toBe("scoring");
  return s;
}

beforeAll(async () => {
  dir = await makeTempDir();
  seedFile = await writeGrids(path.join(dir, "huyen.xlsx"), [districtGrid(), communesGrid()]);
});

afterAll(async () => removeDir(dir));

describe("the --json contract on the seed", () => {
  let json: CheckJson;
  let code: number;

  beforeAll(async () => {
    ({ json, code } = await checkJson(seedFile));
  });

  it("lists the file as given, without an error, and every sheet with its kind", () => {
    expect(code).toBe(0);
    expect(json.files).toHaveLength(1);
    expect(Object.keys(json.files[0])).toEqual(["file", "sheets"]);
    expect(json.files[0].file).toBe(seedFile);
    expect(json.files[0].sheets.map((s) => [s.sheet, s.kind])).toEqual([
      ["Huyện Kon Rẫy", "scoring"],
      ["Xếp loại xã", "units"],
    ]);
    expect(Object.keys(json.files[0].sheets[0])).toEqual(["sheet", "kind", "totals", "areas", "lost", "units", "unit", "comparison", "appraisal", "findings"]);
    expect(Object.keys(json.files[0].sheets[1])).toEqual(["sheet", "kind", "ranking", "blocks", "findings"]);
  });

  it("gives totals as SCORE objects: 89.21/97, index 91.969… unrounded, Xuất sắc", () => {
    const { totals } = scoring(json);
    expect(totals!.appraised).toEqual({ achieved: 89.21, max: 97, index: (89.21 / 97) * 100, grade: "Xuất sắc" });
    // The district's self-assessed total is the fixture's own (test/fixtures/seed.ts): the seed
    // report gives only appraised figures for the district.
    const self = seedSum("", "self");
    expect(totals!.self).toMatchObject({ achieved: self, max: 97 });
    expect(totals!.self!.index).toBeCloseTo((self / 97) * 100, 10);
  });

  it("lists the eight areas with maxima, self-assessed and appraised points", () => {
    const { areas } = scoring(json);
    expect(areas).toEqual(
      AREA_MAXIMA.map((max, i) => {
        const code = String(i + 1);
        return {
          code,
          name: DISTRICT_CRITERIA.find((c) => c.code === code)!.name,
          max,
          // The fixture's own figures: the seed report gives no district self-assessment.
          self: seedSum(code, "self"),
          appraised: seedSum(code, "appraised"),
        };
      }),
    );
  });

  it("lists the lost sub-criteria on the appraised score, with cause and responsible units with records", () => {
    const { lost } = scoring(json);
    expect(lost!.map((l) => l.code)).toEqual(LOST_CODES);
    for (const item of lost!) {
      const seed = DISTRICT_CRITERIA.find((c) => c.code === item.code)!;
      expect(Object.keys(item)).toEqual(["code", "name", "max", "achieved", "lost", "cause", "responsible"]);
      expect(item).toMatchObject({ name: seed.name, max: seed.max, achieved: seed.appraised, cause: seed.cause });
      expect(item.lost).toBe(Math.round((seed.max - seed.appraised!) * 100) / 100);
    }
    const l334 = lost!.find((l) => l.code === "3.3.4")!;
    expect(l334.responsible).toEqual([
      { unit: "Phòng Lao động - TB&XH", records: 6 },
      { unit: "Phòng Tư pháp", records: 2 },
      { unit: "Phòng Tài nguyên - Môi trường", records: 39 },
      { unit: "UBND xã Đăk Kôi", records: 1 },
      { unit: "UBND thị trấn Đăk Rve", records: 3 },
      { unit: "UBND xã Đăk Tô Re", records: 3 },
      { unit: "UBND xã Tân Lập", records: 1 },
      { unit: "UBND xã Đăk Tô Lung", records: 2 },
    ]);
    // "UBND các xã, thị trấn" is one unit: never split on a comma.
    expect(lost!.find((l) => l.code === "6.3.1")!.responsible.map((r) => r.unit)).toEqual([
      "Các cơ quan, đơn vị liên quan",
      "UBND các xã, thị trấn",
      "Phòng Tài chính - Kế hoạch",
    ]);
    expect(lost!.find((l) => l.code === "6.3.1")).toMatchObject({ achieved: 0, lost: 1 });
  });

  it("lists responsible units sorted by points lost, with their criteria and records", () => {
    const { units } = scoring(json);
    for (let i = 1; i < units!.length; i++) expect(units![i - 1].lost).toBeGreaterThanOrEqual(units![i].lost);
    // Phòng Tài nguyên - Môi trường: 1.6.1 (0.11) + 3.3.4 (1) + 3.4.1 (1), 39 records.
    expect(units!.find((u) => u.unit === "Phòng Tài nguyên - Môi trường")).toEqual({
      unit: "Phòng Tài nguyên - Môi trường",
      criteria: ["1.6.1", "3.3.4", "3.4.1"],
      lost: 2.11,
      records: 39,
    });
    expect(units!.find((u) => u.unit === "Phòng Tư pháp")).toEqual({
      unit: "Phòng Tư pháp",
      criteria: ["3.3.4", "3.4.1"],
      lost: 2,
      records: 2,
    });
    expect(units!.find((u) => u.unit === "Phòng Nội vụ")).toEqual({ unit: "Phòng Nội vụ", criteria: ["5.1.1"], lost: 1, records: null });
    // Most lost: "các cơ quan, đơn vị liên quan", named (in two casings) on 5.1.1, 6.1.1, 6.3.1 and 7.3.2.
    const lostOf = (code: string) => {
      const c = DISTRICT_CRITERIA.find((x) => x.code === code)!;
      return c.max - c.appraised!;
    };
    expect(units![0].unit.toLowerCase()).toBe("các cơ quan, đơn vị liên quan");
    expect(units![0].criteria.sort()).toEqual(["5.1.1", "6.1.1", "6.3.1", "7.3.2"]);
    expect(units![0].lost).toBeCloseTo(["5.1.1", "6.1.1", "6.3.1", "7.3.2"].reduce((n, c) => n + lostOf(c), 0), 10);
  });

  it("ranks the communes in the seed's order with unrounded indices", () => {
    const { ranking } = json.files[0].sheets[1];
    expect(ranking).toEqual(
      COMMUNES.map((c, i) => ({
        unit: c.unit,
        self: c.self,
        appraised: c.appraised,
        max: c.max,
        index: expect.closeTo((c.appraised / c.max) * 100, 10) as unknown as number,
        grade: c.grade,
        rank: i + 1,
        block: null,
        survey: null,
        previous: null,
        change: null,
      })),
    );
  });

  it("gives findings as rule, severity, cell and a Vietnamese message, and no error on the sound seed", async () => {
    expect(json.files[0].sheets.flatMap((s) => s.findings).filter((f) => f.severity === "error")).toEqual([]);
    // The sound seed has no finding to show the shape on: the misprinted one (area 6 typed as 10)
    // and a blank score do.
    const grid = misprintGrid();
    const row11 = grid.values.findIndex((r) => r[0] === "1.1.1");
    grid.values[row11][4] = null;
    const file = await writeGrids(path.join(dir, "findings.xlsx"), [grid]);
    const { json: bad } = await checkJson(file);
    const findings = bad.files[0].sheets.flatMap((s) => s.findings);
    expect(new Set(findings.map((f) => f.severity))).toEqual(new Set(["error", "warning"]));
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(["rule", "severity", "cell", "message"]);
      expect(f.rule).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(f.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
      // Vietnamese: letters only Vietnamese has (ơ, ư, đ, ạ, ả, …).
      expect(f.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    }
    const area6Row = 3 + 1 + DISTRICT_CRITERIA.findIndex((c) => c.code === "6") + 1;
    expect(findings).toContainEqual(expect.objectContaining({ rule: "subtotal-mismatch", severity: "error", cell: `E${area6Row}` }));
    expect(findings.map((f) => f.cell)).toContain(`E${row11 + 1}`);
  });
});

describe("layouts", () => {
  const layouts: [string, () => ReturnType<typeof districtGrid>][] = [
    ["no title rows", () => districtGrid({ titleRows: 0 })],
    ["five title rows", () => districtGrid({ titleRows: 5 })],
    ["headers without diacritics", () => districtGrid({ plainHeaders: true })],
    ["numbers as text with decimal commas", () => districtGrid({ commaText: true })],
    ["codes stored as numbers", () => districtGrid({ numericCodes: true })],
    ["parents left blank", () => districtGrid({ blankParents: true })],
  ];

  it.each(layouts)("reads %s as 89.21/97", async (label, make) => {
    const file = await writeGrids(path.join(dir, "layouts", `${label}.xlsx`), [make()]);
    const { code, json } = await checkJson(file);
    const s = scoring(json);
    expect(s.totals!.appraised).toMatchObject({ achieved: 89.21, max: 97, grade: "Xuất sắc" });
    expect(s.lost!.map((l) => l.code)).toEqual(LOST_CODES);
    expect(code).toBe(0);
  });

  it("excludes a KPS criterion from both points and maximum", async () => {
    const file = await writeGrids(path.join(dir, "kps.xlsx"), [kpsGrid("1.5")]);
    const { json } = await checkJson(file);
    const s = scoring(json);
    expect(s.totals!.appraised).toMatchObject({ achieved: 88.21, max: 96 });
    expect(s.totals!.appraised!.index).toBeCloseTo((88.21 / 96) * 100, 10);
    expect(s.areas![0]).toMatchObject({ code: "1", max: 12, appraised: 11.89 });
  });

  it("reports the seed's misprinted area 6 as an error and exits 1", async () => {
    const file = await writeGrids(path.join(dir, "misprint.xlsx"), [misprintGrid()]);
    const { code, json } = await checkJson(file);
    const errors = json.files[0].sheets[0].findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.rule)).toContain("subtotal-mismatch");
    // Area 6's appraised cell: column E of its row (3 title rows + header + position in the list).
    const area6Row = 3 + 1 + DISTRICT_CRITERIA.findIndex((c) => c.code === "6") + 1;
    expect(errors.map((f) => f.cell)).toContain(`E${area6Row}`);
    expect(code).toBe(1);
  });

  it("reads a sheet of 10,000 rows", async () => {
    const file = await writeGrids(path.join(dir, "big.xlsx"), [bigGrid(100, 100)]);
    const { code, json } = await checkJson(file);
    const s = scoring(json);
    expect(s.areas).toHaveLength(100);
    expect(s.totals!.appraised).toMatchObject({ achieved: 9850, max: 9900 });
    expect(s.lost).toHaveLength(100);
    expect(s.units![0]).toMatchObject({ lost: 0.5, criteria: [expect.stringMatching(/^\d+\.1$/)] });
    expect(code).toBe(0);
  });
});

describe("inputs that cannot be read", () => {
  it("reports a truncated file, a renamed text file and a missing path, checks the others, exits 2", async () => {
    const bytes = await fs.readFile(seedFile);
    const broken = path.join(dir, "bad", "hong.xlsx");
    await fs.mkdir(path.dirname(broken), { recursive: true });
    await fs.writeFile(broken, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const text = path.join(dir, "bad", "van-ban.xlsx");
    await fs.writeFile(text, "STT;Tiêu chí;Điểm tối đa\n1;Kế hoạch;2\n", "utf8");
    const missing = path.join(dir, "bad", "khong-co.xlsx");

    const { code, json } = await checkJson(broken, seedFile, text, missing);
    expect(code).toBe(2);
    expect(json.files.map((f) => f.file)).toEqual([broken, seedFile, text, missing]);
    expect(json.files[0].error).toMatch(/bị hỏng/);
    expect(json.files[2].error).toMatch(/Không phải tệp Excel/);
    expect(json.files[3].error).toMatch(/Không tìm thấy/);
    for (const i of [0, 2, 3]) expect(json.files[i].sheets).toEqual([]);
    expect(json.files[1].error).toBeUndefined();
    expect(json.files[1].sheets[0].totals!.appraised!.achieved).toBe(89.21);

    const text2 = await runCli(["check", broken, seedFile]);
    expect(text2.code).toBe(2);
    expect(text2.stdout).toContain(`Tệp ${broken}\n  KHÔNG ĐỌC ĐƯỢC: Tệp .xlsx bị hỏng`);
    expect(text2.stdout).toContain("Thẩm định: 89,21/97 điểm");
  });

  it("reads an empty workbook and an empty sheet without error", async () => {
    const none = path.join(dir, "empty", "khong-sheet.xlsx");
    await fs.mkdir(path.dirname(none), { recursive: true });
    await new Workbook().xlsx.writeFile(none);
    const blank = path.join(dir, "empty", "sheet-trong.xlsx");
    const wb = new Workbook();
    wb.addWorksheet("Sheet1");
    await wb.xlsx.writeFile(blank);
    const { code, json } = await checkJson(none, blank);
    expect(code).toBe(0);
    expect(json.files[0]).toEqual({ file: none, sheets: [] });
    expect(json.files[1].sheets).toHaveLength(1);
    expect(json.files[1].sheets[0]).toMatchObject({ sheet: "Sheet1", kind: "other", findings: [] });
    expect(json.files[1].sheets[0].reason).toEqual(expect.any(String));
    const text = await runCli(["check", none]);
    expect(text.stdout).toContain("Bảng tính không có sheet nào.");
  });
});

describe("folders and progress", () => {
  it("checks every .xlsx in a folder recursively, skipping other files and Excel's lock files", async () => {
    const root = path.join(dir, "folder");
    await writeGrids(path.join(root, "b.xlsx"), [districtGrid()]);
    await writeGrids(path.join(root, "sub", "deeper", "a.XLSX"), [communesGrid()]);
    await fs.writeFile(path.join(root, "ghi-chu.txt"), "không phải bảng tính");
    await fs.writeFile(path.join(root, "~$b.xlsx"), "lock");
    const { code, json } = await checkJson(root);
    expect(code).toBe(0);
    expect(json.files.map((f) => path.relative(root, f.file))).toEqual(["b.xlsx", path.join("sub", "deeper", "a.XLSX")]);
    const empty = path.join(dir, "folder-empty");
    await fs.mkdir(empty);
    const r = await checkJson(empty);
    expect(r.code).toBe(2);
    expect(r.json.files).toEqual([{ file: empty, error: "Thư mục không có tệp .xlsx nào.", sheets: [] }]);
  });

  it("shows progress on stderr past 10 files, and none for 10", async () => {
    const many = path.join(dir, "many");
    const bytes = await fs.readFile(seedFile);
    await fs.mkdir(many);
    for (let i = 1; i <= 11; i++) await fs.writeFile(path.join(many, `xa-${String(i).padStart(2, "0")}.xlsx`), bytes);
    const eleven = await runCli(["check", many, "--json"]);
    expect(eleven.stderr.trim().split("\n")).toHaveLength(11);
    expect(eleven.stderr).toContain(`Đang kiểm tra 11/11: ${path.join(many, "xa-11.xlsx")}`);
    expect((JSON.parse(eleven.stdout) as CheckJson).files).toHaveLength(11);
    await fs.rm(path.join(many, "xa-11.xlsx"));
    const ten = await runCli(["check", many]);
    expect(ten.stderr).toBe("");
    expect(ten.stdout).toContain("Tổng cộng: 10 tệp, 0 lỗi");
  });
});

describe("a workbook the summary command wrote", () => {
  it("lists the generated sheets as not analysed, and reads the user's sheets as before", async () => {
    const out = path.join(dir, "da-tong-hop.xlsx");
    expect((await runCli(["summary", seedFile, "-o", out])).code).toBe(0);
    const { code, json } = await checkJson(out);
    expect(code).toBe(0);
    expect(json.files[0].sheets.map((s) => [s.sheet, s.kind])).toEqual([
      ["Huyện Kon Rẫy", "scoring"],
      ["Xếp loại xã", "units"],
      ["Tổng hợp trách nhiệm", "other"],
      ["Xếp hạng", "other"],
    ]);
    for (const s of json.files[0].sheets.slice(2)) expect(s).toEqual({ sheet: s.sheet, kind: "other", reason: GENERATED_REASON, findings: [] });
    const original = await checkJson(seedFile);
    expect(json.files[0].sheets.slice(0, 2)).toEqual(original.json.files[0].sheets);
  });
});

describe("the text report and the command line", () => {
  it("prints totals, index, grade, areas, lost points and responsible units in Vietnamese", async () => {
    const r = await runCli(["check", seedFile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Tệp ${seedFile}`);
    expect(r.stdout).toContain('Sheet "Huyện Kon Rẫy": bảng điểm');
    expect(r.stdout).toContain("Thẩm định: 89,21/97 điểm, chỉ số 91,969, xếp loại Xuất sắc");
    expect(r.stdout).toContain("6. Cải cách tài chính công: tối đa 13, tự đánh giá 11,09, thẩm định 11,09");
    expect(r.stdout).toContain("3.3.4 Sử dụng Hệ thống thông tin giải quyết thủ tục hành chính tỉnh: đạt 1/2, mất 1 điểm");
    expect(r.stdout).toContain("Phòng Tài nguyên - Môi trường (39 hồ sơ)");
    expect(r.stdout).toContain("Phòng Tài nguyên - Môi trường: 2,11 điểm (1.6.1, 3.3.4, 3.4.1), 39 hồ sơ");
    expect(r.stdout).toContain("Hạng 1: UBND xã Đăk Pnê: 87,23/94,5 điểm, chỉ số 92,307, xếp loại Xuất sắc");
    expect(r.stdout).toMatch(/Tổng cộng: 1 tệp, 0 lỗi, \d+ cảnh báo\.\n$/);
  });

  it("answers a wrong command line with a Vietnamese message and exit 2", async () => {
    const none = await runCli(["check"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Thiếu tệp hoặc thư mục cần kiểm tra.");
    const bad = await runCli(["check", seedFile, "--jsn"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Tùy chọn không hợp lệ: --jsn");
  });

  it("exits 0, 1 and 2 as a real process (the built bin)", async () => {
    const misprint = await writeGrids(path.join(dir, "bin", "sai.xlsx"), [misprintGrid()]);
    const broken = path.join(dir, "bin", "hong.xlsx");
    await fs.writeFile(broken, "PK\u0003\u0004 không đầy đủ");
    expect((await spawnCli(["check", seedFile])).code).toBe(0);
    const one = await spawnCli(["check", seedFile, misprint, "--json"]);
    expect(one.code).toBe(1);
    expect((JSON.parse(one.stdout) as CheckJson).files).toHaveLength(2);
    expect((await spawnCli(["check", misprint, broken])).code).toBe(2);
  });
});

describe("points after explanation and evidence (issue 19 §3, §4)", () => {
  const cutLeaves = DISTRICT_CRITERIA.filter(
    (c) => !DISTRICT_CRITERIA.some((d) => d.code.startsWith(c.code + ".")) && (c.appraised ?? c.max) < (c.self ?? c.max),
  );
  const restored = cutLeaves[0];
  let file: string;

  beforeAll(async () => {
    const grid = districtGrid();
    const headerRow = grid.values.findIndex((r) => r[0] === "STT");
    grid.values.forEach((row, r) => {
      const isRestored = row[0] === restored.code;
      row[7] = r === headerRow ? "Điểm sau giải trình" : isRestored ? restored.self! : null;
      row[8] = r === headerRow ? "Tài liệu kiểm chứng" : r > headerRow && typeof row[0] === "string" ? (isRestored ? "Quyết định số 12/QĐ-UBND ngày 05/01/2023, htp//abc" : "Kế hoạch 45/KH-UBND") : null;
    });
    file = await writeGrids(path.join(dir, "giaitrinh.xlsx"), [grid]);
  });

  it("gives the criteria the explanation changed, the evidence and its findings in --json", async () => {
    const { json } = await checkJson(file);
    const s = scoring(json);
    const change = Math.round((restored.self! - restored.appraised!) * 100) / 100;
    expect(s.explanation).toEqual({
      restored: [{ code: restored.code, name: restored.name, appraised: restored.appraised, after: restored.self, change }],
      kept: cutLeaves.slice(1).map((c) => ({ code: c.code, name: c.name, appraised: c.appraised })),
    });
    expect(s.totals!.appraised!.achieved).toBe(Math.round((89.21 + change) * 100) / 100);
    const cited = s.evidence!.find((e) => e.code === restored.code)!;
    expect(cited.references.map((r) => [r.number, r.symbol, r.date])).toEqual([["12", "QĐ-UBND", "2023-01-05"]]);
    expect(s.findings.filter((f) => f.rule === "bad-evidence-link")).toHaveLength(1);
  });

  it("says what the explanation restored in the text", async () => {
    const r = await runCli(["check", file]);
    const change = Math.round((restored.self! - restored.appraised!) * 100) / 100;
    expect(r.stdout).toContain(`Sau giải trình: khôi phục ${String(change).replace(".", ",")} điểm ở 1 tiêu chí`);
  });
});
