// A real old-format workbook (.xls, an OLE compound file written by LibreOffice) renamed .xlsx
// keeps the ".xls cũ" message: only a compound file holding EncryptionInfo is called
// password-protected (test/host/xlsxPackageCheck.test.ts).
import { execFileSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as path from "path";
import { isEncryptedOffice, isOleFile } from "../../../../src/host/file/package/oleFile";
import { loadWorkbook } from "../../../../src/host/file/read/xlsxLoad";
import { districtGrid } from "../../../fixtures/seed";
import { makeTempDir, removeDir, writeGrids } from "../../../cli/helpers/xlsxFiles";

const SOFFICE = "/usr/bin/soffice";
const missing = !existsSync(SOFFICE);
if (missing && process.env.CI === "true") throw new Error(`LibreOffice không có ở ${SOFFICE}: kiểm thử tệp .xls phải chạy trên CI.`);
if (missing) process.stdout.write(`BỎ QUA kiểm thử tệp .xls: không có ${SOFFICE}.\n`);
const maybe = missing ? describe.skip : describe;

maybe("an old .xls workbook", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir("cchc-xls-");
  });
  afterAll(async () => removeDir(dir));

  it("is an OLE file without EncryptionInfo, refused with the .xls message", async () => {
    const source = await writeGrids(path.join(dir, "huyen.xlsx"), [districtGrid()]);
    const profile = `file://${path.join(dir, "profile")}`;
    const out = path.join(dir, "xls");
    execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "xls", "--outdir", out, source], {
      stdio: "ignore",
      timeout: 120_000,
    });
    const bytes = await fs.readFile(path.join(out, "huyen.xls"));
    expect(isOleFile(bytes)).toBe(true);
    expect(isEncryptedOffice(bytes)).toBe(false);
    await expect(loadWorkbook(bytes)).rejects.toThrow("Không phải tệp Excel .xlsx (có thể là tệp .xls cũ). Hãy mở bằng Excel và lưu lại dạng .xlsx.");
  }, 120_000);
});
