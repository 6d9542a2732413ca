// Issue 19 §1: a workbook saved by the add-in with a criteria set chosen as a file in Cài đặt
// (templateFile): `cchc check` and `cchc summary` compare with it; `--template` overrides it.
import { promises as fs } from "fs";
import * as path from "path";
import type { CheckJson } from "../../src/cli/checkJson";
import { readTemplate, storeTemplate, toA1, type StoredTemplate } from "../../src/engine";
import { districtGrid } from "../fixtures/seed";
import { criteriaSet, rowOf } from "../fixtures/criteriaSet";
import { withAddinSettings } from "../support/addinSettingsFixture";
import { expectValidOoxml } from "../support/ooxmlCheck";
import { runCli } from "./helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";

let dir: string;
let saved: string;
let plain: string;
let official: string;
const unit = districtGrid({}, "Huyện B");
const cell = toA1(rowOf(unit, "2.1.1"), 2);

/** The stored form of a criteria set where 2.1.1's maximum is 2 (the unit has 1,5). */
function stored(): StoredTemplate {
  const other = criteriaSet();
  other.values[rowOf(other, "2.1.1")][2] = 2;
  const read = readTemplate([other]);
  if (!read.ok) throw new Error(read.error);
  return storeTemplate(read.template, "mau.xlsx");
}

beforeAll(async () => {
  dir = await makeTempDir("cchc-saved-template-");
  plain = await writeGrids(path.join(dir, "huyen-b.xlsx"), [unit]);
  saved = path.join(dir, "huyen-b-da-luu.xlsx");
  await fs.writeFile(saved, await withAddinSettings(await fs.readFile(plain), { templateFile: stored() }));
  // The set the unit follows.
  official = await writeGrids(path.join(dir, "mau-dung.xlsx"), [criteriaSet()]);
});

afterAll(async () => removeDir(dir));

async function check(...args: string[]): Promise<CheckJson> {
  const r = await runCli(["check", ...args, "--json"]);
  return JSON.parse(r.stdout) as CheckJson;
}

const templateRules = (json: CheckJson) => json.files[0].sheets[0].findings.filter((f) => f.rule.startsWith("template-"));

describe("cchc with a criteria set saved in the workbook", () => {
  test("check compares every scoring sheet with it: the maximum that differs, at its cell; the text names the set", async () => {
    const json = await check(saved);
    expect(templateRules(json).map((f) => [f.rule, f.cell])).toContainEqual(["template-max", cell]);
    expect(json.files[0].sheets[0].template).toMatchObject({ file: "mau.xlsx", sheet: "Bộ tiêu chí", conforms: false });
    // The settings block names the set it was read with.
    expect(json.files[0].settings).toMatchObject({ templateSheet: null, templateFile: { file: "mau.xlsx", sheet: "Bộ tiêu chí", criteria: stored().criteria.length } });
    const text = await runCli(["check", saved]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`ô ${cell} (template-max): Điểm tối đa của 2.1.1: bộ tiêu chí ghi 2, bảng này ghi 1,5.`);
    expect(text.stdout).toContain('bộ tiêu chí mẫu: tệp "mau.xlsx", sheet "Bộ tiêu chí"');
    expect(text.stdout).toContain('  Đối chiếu bộ tiêu chí mẫu (mau.xlsx, sheet "Bộ tiêu chí"):\n    Sheet "Huyện B": khác bộ tiêu chí ở ');
    expect(text.stdout).toContain("điểm tối đa khác 2.1.1");
    expect((await runCli(["check", plain])).stdout).not.toContain("Đối chiếu bộ tiêu chí mẫu");
    // The same workbook without the saved settings has no template.
    const without = await check(plain);
    expect(templateRules(without)).toEqual([]);
    expect(without.files[0].sheets[0].template).toBeUndefined();
  });

  test("--template overrides it: only the given set is compared with, once", async () => {
    const json = await check(saved, "--template", official);
    expect(templateRules(json)).toEqual([]);
    expect(json.files[0].sheets[0].template).toMatchObject({ file: official, conforms: true });
  });

  test("a saved template sheet is named as a sheet of the workbook itself", async () => {
    const both = await writeGrids(path.join(dir, "ca-mau.xlsx"), [criteriaSet(), unit]);
    const file = path.join(dir, "ca-mau-da-luu.xlsx");
    await fs.writeFile(file, await withAddinSettings(await fs.readFile(both), { templateSheet: "Bộ tiêu chí", templateFile: stored() }));
    const text = await runCli(["check", file]);
    expect(text.stdout).toContain('  Đối chiếu bộ tiêu chí mẫu (sheet "Bộ tiêu chí" của bảng tính này):\n    Sheet "Huyện B": theo đúng bộ tiêu chí.');
  });

  test("summary counts its differences among the workbook's errors and names it", async () => {
    const out = path.join(dir, "tong-hop.xlsx");
    const withSet = await runCli(["summary", saved, "-o", out, "--date", "2024-01-15"]);
    expect(withSet.code).toBe(0);
    expect(withSet.stdout).toContain('bộ tiêu chí mẫu: tệp "mau.xlsx", sheet "Bộ tiêu chí"');
    await expectValidOoxml(out);
    const out2 = path.join(dir, "tong-hop-2.xlsx");
    const withoutSet = await runCli(["summary", plain, "-o", out2, "--date", "2024-01-15"]);
    const errors = (s: string) => Number(/bảng tính có (\d+) lỗi/.exec(s)?.[1] ?? 0);
    expect(errors(withSet.stdout)).toBe(errors(withoutSet.stdout) + templateRules(await check(saved)).filter((f) => f.severity === "error").length);
    expect(errors(withSet.stdout)).toBeGreaterThan(errors(withoutSet.stdout));
  });
});
