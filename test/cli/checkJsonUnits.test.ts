// The --json additions of issue 10, on real .xlsx files: blocks, the two-part index and last
// year in a units table; each scoring sheet's unit and comparison (--previous); acrossUnits.
import { promises as fs } from "fs";
import * as path from "path";
import type { CheckJson } from "../../src/cli/checkJson";
import { districtGrid } from "../fixtures/seed";
import { BLOCK_UNITS, blockColumnGrid, blockHeadingGrid, unitScoringGrid } from "../fixtures/units";
import { runCli } from "./helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir("cchc-units-");
});
afterAll(async () => removeDir(dir));

async function check(...args: string[]): Promise<{ code: number; json: CheckJson; stderr: string }> {
  const r = await runCli(["check", ...args, "--json"]);
  return { code: r.code, json: JSON.parse(r.stdout) as CheckJson, stderr: r.stderr };
}

describe("units tables", () => {
  it.each([
    // "năm trước" headers, and headers naming the year before the title's (2022 under 2023).
    ["a block column", blockColumnGrid, "chỉ số năm trước ở F2, xếp hạng năm trước ở G2"],
    ["block heading rows", blockHeadingGrid, "chỉ số năm trước ở G2, xếp hạng năm trước ở H2"],
  ])("with %s: the text report says which cells were taken for last year", async (_how, make, says) => {
    const file = await writeGrids(path.join(dir, `text-${make.name}.xlsx`), [make()]);
    const r = await runCli(["check", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Cột năm trước đã nhận: ${says}.`);
  });

  it("a table without last year's columns says nothing of them", async () => {
    const file = await writeGrids(path.join(dir, "text-plain.xlsx"), [districtGrid()]);
    const r = await runCli(["check", file]);
    expect(r.stdout).not.toContain("Cột năm trước");
  });

  it.each([
    ["a block column", blockColumnGrid],
    ["block heading rows", blockHeadingGrid],
  ])("with %s: ranking[] gains block, survey, previous, change; the sheet gains blocks", async (_how, make) => {
    const file = await writeGrids(path.join(dir, `${make.name}.xlsx`), [make()]);
    const { code, json } = await check(file);
    expect(code).toBe(0);
    const sheet = json.files[0].sheets[0];
    expect(sheet.ranking![0]).toEqual({
      unit: "Sở Tư pháp",
      self: null,
      appraised: 54.95,
      max: 61.5,
      index: expect.closeTo(86.14, 9) as unknown as number,
      grade: "Tốt",
      rank: 3,
      block: "Khối sở, ban, ngành",
      survey: { achieved: 31.19, max: 38.5 },
      previous: { index: 84.78, rank: 4 },
      change: { index: 1.36, rank: 1 },
    });
    expect(sheet.ranking!.map((r) => [r.block, r.rank])).toEqual(BLOCK_UNITS.map((u) => [u.block, u.rankInBlock]));
    expect(sheet.blocks).toEqual([
      { block: "Khối sở, ban, ngành", units: 3, grades: { "Xuất sắc": 1, Tốt: 2, Khá: 0, "Trung bình": 0, Yếu: 0 } },
      { block: "Khối phường", units: 2, grades: { "Xuất sắc": 2, Tốt: 0, Khá: 0, "Trung bình": 0, Yếu: 0 } },
      { block: "Khối xã", units: 3, grades: { "Xuất sắc": 1, Tốt: 1, Khá: 1, "Trung bình": 0, Yếu: 0 } },
    ]);
  });
});

describe("scoring sheets", () => {
  let current: string;
  let previous: string;
  beforeAll(async () => {
    current = await writeGrids(path.join(dir, "2023.xlsx"), [
      unitScoringGrid("Đăk Kôi", "UBND XÃ ĐĂK KÔI", 2023, { "1.1.1": 0.5 }),
      unitScoringGrid("Tân Lập", "UBND XÃ TÂN LẬP", 2023, { "1.1.1": 0, "2.3": 1 }),
    ]);
    // Last year's sheets in another order, named otherwise: matched by the unit in their titles.
    previous = await writeGrids(path.join(dir, "2022.xlsx"), [
      unitScoringGrid("TL 2022", "UBND XÃ TÂN LẬP", 2022, { "2.3": 1 }),
      unitScoringGrid("ĐK 2022", "UBND XÃ ĐĂK KÔI", 2022, { "1.6.1": 4 }),
    ]);
  });

  it("gives each scoring sheet's unit, comparison null and acrossUnits without --previous", async () => {
    const { json } = await check(current);
    expect(json.files[0].sheets.map((s) => [s.unit, s.comparison])).toEqual([
      ["UBND XÃ ĐĂK KÔI", null],
      ["UBND XÃ TÂN LẬP", null],
    ]);
    const across = json.files[0].acrossUnits!;
    expect(across.units).toEqual(["UBND XÃ ĐĂK KÔI", "UBND XÃ TÂN LẬP"]);
    expect(across.criteria.find((c) => c.code === "1.1.1")).toEqual({
      code: "1.1.1",
      name: "Ban hành kế hoạch CCHC năm kịp thời",
      max: 1,
      unitsLosing: 2,
      lostTotal: 1.5,
      lostBy: [
        { unit: "UBND XÃ TÂN LẬP", achieved: 0, lost: 1 },
        { unit: "UBND XÃ ĐĂK KÔI", achieved: 0.5, lost: 0.5 },
      ],
    });
    expect(across.areas[0].units).toEqual([
      { unit: "UBND XÃ ĐĂK KÔI", achieved: 12.39, index: expect.closeTo((12.39 / 13) * 100, 9), rank: 1 },
      { unit: "UBND XÃ TÂN LẬP", achieved: 11.89, index: expect.closeTo((11.89 / 13) * 100, 9), rank: 2 },
    ]);
  });

  it("with --previous compares each sheet with last year's sheet of the same unit", async () => {
    const { code, json, stderr } = await check(current, "--previous", previous);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const kon = json.files[0].sheets[0].comparison!;
    // Đăk Kôi: 88,71 this year; last year 89,21 − 0 + 0,11 (1.6.1 full) = 89,32.
    expect(kon.previous).toEqual({ file: previous, sheet: "ĐK 2022", achieved: 89.32, max: 97, index: expect.closeTo((89.32 / 97) * 100, 9), grade: "Xuất sắc" });
    expect(kon.change).toEqual({ achieved: -0.61, index: -0.629 });
    expect(kon.newlyLost).toEqual(["1.1.1", "1.6.1"]);
    expect(kon.recovered).toEqual([]);
    expect(kon.areas[0]).toEqual({ code: "1", name: "Công tác chỉ đạo, điều hành cải cách hành chính", current: 12.39, previous: 13, change: -0.61 });
    const tl = json.files[0].sheets[1].comparison!;
    expect(tl.previous.sheet).toBe("TL 2022");
    expect(tl.newlyLost).toEqual(["1.1.1"]);
  });

  it("--previous with a file that is not a workbook, or without a matching sheet: a message naming it, exit 2", async () => {
    const notXlsx = path.join(dir, "ghichu.xlsx");
    await fs.writeFile(notXlsx, "không phải bảng tính");
    const bad = await runCli(["check", current, "--previous", notXlsx]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain(notXlsx);
    const other = await writeGrids(path.join(dir, "khac.xlsx"), [districtGrid({ titleRows: 0 }, "A"), districtGrid({ titleRows: 0 }, "B")]);
    const none = await runCli(["check", current, "--previous", other]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`không tìm thấy sheet cùng đơn vị trong tệp năm trước ${other}`);
  });
});

describe("the text report", () => {
  it("shows blocks, the survey part and the change; the comparison; the analysis across units", async () => {
    const table = await writeGrids(path.join(dir, "khoi.xlsx"), [blockColumnGrid()]);
    const t = await runCli(["check", table]);
    expect(t.stdout).toContain("Hạng 3 (Khối sở, ban, ngành): Sở Tư pháp: 54,95/61,5 điểm, điều tra XHH 31,19/38,5, chỉ số 86,14, xếp loại Tốt; tăng 1,36 điểm; tăng 01 bậc");
    const lines = t.stdout.split("\n").filter((l) => l.includes("Hạng "));
    expect(lines.map((l) => /\(([^)]*)\)/.exec(l)![1])).toEqual(["Khối sở, ban, ngành", "Khối sở, ban, ngành", "Khối sở, ban, ngành", "Khối phường", "Khối phường", "Khối xã", "Khối xã", "Khối xã"]);
    const current = path.join(dir, "2023.xlsx");
    const c = await runCli(["check", current, "--previous", path.join(dir, "2022.xlsx")]);
    expect(c.stdout).toContain(`So với năm trước (${path.join(dir, "2022.xlsx")}, sheet "ĐK 2022"): 89,32/97 điểm, xếp loại Xuất sắc; điểm giảm 0,61, chỉ số giảm 0,629`);
    expect(c.stdout).toContain("Mới bị mất điểm: 1.1.1, 1.6.1");
    expect(c.stdout).toContain("Phân tích 2 đơn vị (2 bảng điểm cùng bộ tiêu chí):");
    expect(c.stdout).toContain("1.1.1 Ban hành kế hoạch CCHC năm kịp thời: 2/2 đơn vị mất điểm, tổng 1,5 điểm (UBND XÃ TÂN LẬP; UBND XÃ ĐĂK KÔI)");
  });
});
