// What clerks still receive, through the command line: an old .xls and a LibreOffice .ods are
// checked with the same figures as the .xlsx they came from; a summary writes a new .xlsx that
// Excel opens (values, formulas, merges plus the generated sheets) and says what was not carried;
// the draft report is written from them; a folder run picks them up.
import { promises as fs } from "fs";
import * as path from "path";
import { convert, DISTRICT, libreOfficeMissing, writeLegacyFixture } from "../host/file/legacy/legacyFixture";
import { expectValidOoxml } from "../support/ooxmlCheck";
import { spawnCli } from "./helpers/runCli";
import { makeTempDir, removeDir } from "./helpers/xlsxFiles";

const maybe = libreOfficeMissing("đọc .xls/.ods bằng cchc") ? describe.skip : describe;

interface CheckJson {
  files: { file: string; error?: string; sheets?: { sheet: string; kind: string; totals?: { appraised?: { achieved: number; max: number; index: number } } }[] }[];
}

maybe("cchc on .xls and .ods files", () => {
  let dir: string;
  let source: string;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    dir = await makeTempDir("cchc-legacy-cli-");
    source = path.join(dir, "bang-diem.xlsx");
    await writeLegacyFixture(source);
    for (const format of ["xls", "ods"]) files[format] = await convert(source, format, path.join(dir, format));
  }, 240_000);
  afterAll(() => removeDir(dir));

  const district = (json: CheckJson) => json.files[0].sheets!.find((s) => s.sheet === DISTRICT)!;

  test.each(["xls", "ods"])("check reads the .%s with the .xlsx's figures", async (format) => {
    const [own, original] = await Promise.all([spawnCli(["check", files[format], "--json"]), spawnCli(["check", source, "--json"])]);
    expect(own.stderr).toBe("");
    const a = district(JSON.parse(own.stdout) as CheckJson);
    const b = district(JSON.parse(original.stdout) as CheckJson);
    expect(a.kind).toBe("scoring");
    expect([a.totals!.appraised!.achieved, a.totals!.appraised!.max]).toEqual([89.21, 97]);
    expect(a.totals).toEqual(b.totals);
    expect(own.code).toBe(original.code);
  });

  test.each(["xls", "ods"])("summary of the .%s writes a new .xlsx Excel opens, and says what was not carried", async (format) => {
    const out = path.join(dir, `tong-hop-${format}.xlsx`);
    const r = await spawnCli(["summary", files[format], "-o", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Lưu ý: Tệp .${format} được chuyển sang .xlsx: giữ nguyên giá trị, công thức, ô gộp`);
    await expectValidOoxml(out);
    const back = JSON.parse((await spawnCli(["check", out, "--json"])).stdout) as CheckJson;
    const kinds = back.files[0].sheets!.map((s) => s.sheet);
    expect(kinds).toEqual(expect.arrayContaining([DISTRICT, "Tổng hợp trách nhiệm"]));
    expect(district(back).totals!.appraised!.achieved).toBe(89.21);
  });

  test("summary of an .xls refuses an output named .xls or .xlsm, writing nothing", async () => {
    for (const name of ["ra.xls", "ra.xlsm"]) {
      const out = path.join(dir, name);
      const r = await spawnCli(["summary", files.xls, "-o", out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/đuôi \.xlsx/);
      await expect(fs.stat(out)).rejects.toThrow();
    }
  });

  test("report drafts the Word document from an .ods", async () => {
    const out = path.join(dir, "bao-cao.docx");
    const r = await spawnCli(["report", files.ods, "-o", out]);
    expect(r.code).toBe(0);
    await expectValidOoxml(out);
  });

  test("a folder run checks the .xls and .ods beside the .xlsx", async () => {
    const folder = path.join(dir, "folder");
    await fs.mkdir(folder);
    for (const f of [source, files.xls, files.ods]) await fs.copyFile(f, path.join(folder, path.basename(f)));
    const r = await spawnCli(["check", folder, "--json"]);
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(json.files.map((f) => path.basename(f.file)).sort()).toEqual(["bang-diem.ods", "bang-diem.xls", "bang-diem.xlsx"]);
    expect(json.files.every((f) => f.error === undefined)).toBe(true);
  });
});
