// The pane's second file for the Word draft: read by the project's .xlsx reader, its generated
// sheets left out; a file that cannot be read gives a Vietnamese UserError naming it.
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { communesGrid, districtGrid } from "../fixtures/seed";
import { writeGrids } from "../cli/helpers/xlsxFiles";
import { readSecondWorkbook, THIS_WORKBOOK, withSecondWorkbook } from "../../src/taskpane/secondWorkbook";
import { UserError } from "../../src/taskpane/messages";

const chosen = (name: string, bytes: Uint8Array) => ({ name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });

describe("the pane's second workbook", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-second-"));
  });
  afterAll(async () => fs.rm(dir, { recursive: true, force: true }));

  test("is read with its sheets, and combined with this workbook's under distinct names", async () => {
    const file = await writeGrids(path.join(dir, "xa-2023.xlsx"), [communesGrid("Sheet1")]);
    const second = await readSecondWorkbook(chosen("xa-2023.xlsx", await fs.readFile(file)));
    expect(second.name).toBe("xa-2023.xlsx");
    expect(second.grids.map((g) => g.name)).toEqual(["Sheet1"]);
    expect(second.hidden).toEqual([]);
    const combined = withSecondWorkbook([districtGrid({}, "Sheet1")], { official: "auto" }, second);
    expect(combined.grids.map((g) => g.name)).toEqual([`Sheet1 (${THIS_WORKBOOK})`, "Sheet1 (xa-2023.xlsx)"]);
    expect(combined.settings.official).toBe("auto");
  });

  test("without a second file, this workbook's grids and settings are used as they are", () => {
    const grids = [districtGrid()];
    const settings = { official: "self" as const };
    expect(withSecondWorkbook(grids, settings, null)).toEqual({ grids, hidden: [], settings });
  });

  test("a file that is not a workbook is named in a Vietnamese sentence", async () => {
    const bad = chosen("ghi-chu.xlsx", new TextEncoder().encode("không phải bảng tính"));
    await expect(readSecondWorkbook(bad)).rejects.toThrow(UserError);
    await expect(readSecondWorkbook(bad)).rejects.toThrow(/^Không đọc được tệp "ghi-chu\.xlsx": /);
  });
});
