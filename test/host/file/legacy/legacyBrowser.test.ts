// The readers in Chromium: the entry bundled by webpack for the web (as the standalone page will
// take it) reads the same .xls and .ods as Node does, with the browser's own DataView,
// TextDecoder and DecompressionStream. Needs Chromium and LibreOffice: fails on CI without them.
import { existsSync, promises as fs } from "fs";
import * as path from "path";
import webpack from "webpack";
import { readLegacyWorkbook } from "../../../../src/host/file/legacy/legacyWorkbook";
import { CHROMIUM, launchChromium } from "../../../support/browser";
import { makeTempDir, removeDir, writeGrids } from "../../../cli/helpers/xlsxFiles";
import { communesGrid, districtGrid } from "../../../fixtures/seed";
import { convert, libreOfficeMissing } from "./legacyFixture";

const ROOT = path.resolve(__dirname, "../../../..");

function chromiumMissing(): boolean {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.CI === "true") throw new Error(`Không chạy được kiểm thử đọc .xls/.ods trong trình duyệt: Chromium không có ở ${CHROMIUM}.`);
  process.stdout.write(`BỎ QUA kiểm thử đọc .xls/.ods trong trình duyệt: Chromium không có ở ${CHROMIUM}.\n`);
  return true;
}

const maybe = libreOfficeMissing("đọc .xls/.ods trong trình duyệt") || chromiumMissing() ? describe.skip : describe;

/** The legacy entry as one script for the web, exposing `CchcLegacy`. */
async function bundle(outDir: string): Promise<string> {
  const compiler = webpack({
    mode: "production",
    context: ROOT,
    entry: "./src/host/file/legacy/legacyWorkbook.ts",
    output: { path: outDir, filename: "legacy.js", library: { name: "CchcLegacy", type: "var" } },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [{ test: /\.ts$/, loader: "ts-loader", options: { transpileOnly: true } }] },
    target: "web",
    performance: { hints: false },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => (err || stats?.hasErrors() ? reject(err ?? new Error(stats?.toString("errors-only"))) : resolve())),
  );
  return fs.readFile(path.join(outDir, "legacy.js"), "utf8");
}

/** Plain JSON of a read workbook: dates as ISO text. */
function plain(data: unknown): unknown {
  return JSON.parse(JSON.stringify(data));
}

maybe("the legacy readers in Chromium", () => {
  let dir: string;
  let script: string;
  const files: Record<string, Uint8Array> = {};

  beforeAll(async () => {
    dir = await makeTempDir("cchc-legacy-browser-");
    const source = await writeGrids(path.join(dir, "bang-diem.xlsx"), [districtGrid(), communesGrid()]);
    const [bundled, xls, ods] = await Promise.all([bundle(path.join(dir, "dist")), convert(source, "xls", dir), convert(source, "ods", dir)]);
    script = bundled;
    files.xls = new Uint8Array(await fs.readFile(xls));
    files.ods = new Uint8Array(await fs.readFile(ods));
  }, 240_000);
  afterAll(async () => removeDir(dir));

  it("read the same workbooks there as in Node", async () => {
    const { context, profile } = await launchChromium();
    try {
      const page = await context.newPage();
      await page.goto("about:blank");
      await page.addScriptTag({ content: script });
      for (const format of ["xls", "ods"]) {
        const base64 = Buffer.from(files[format]).toString("base64");
        const inBrowser = await page.evaluate(async (b64) => {
          const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const legacy = (globalThis as unknown as { CchcLegacy: { readLegacyWorkbook(b: Uint8Array): Promise<unknown> } }).CchcLegacy;
          return JSON.stringify(await legacy.readLegacyWorkbook(bytes));
        }, base64);
        const inNode = plain(await readLegacyWorkbook(files[format]));
        expect(JSON.parse(inBrowser)).toEqual(inNode);
        expect((inNode as { sheets: { name: string }[] }).sheets.map((s) => s.name)).toEqual(["Huyện Kon Rẫy", "Xếp loại xã"]);
      }
      const refused = await page.evaluate(async () => {
        const legacy = (globalThis as unknown as { CchcLegacy: { readLegacyWorkbook(b: Uint8Array): Promise<unknown> } }).CchcLegacy;
        try {
          await legacy.readLegacyWorkbook(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
          return "read";
        } catch (err) {
          return (err as Error).message;
        }
      });
      expect(refused).toBe("Tệp .xls bị hỏng: phần đầu tệp (header) không đầy đủ. Hãy mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx.");
    } finally {
      await context.close();
      await fs.rm(profile, { recursive: true, force: true });
    }
  }, 120_000);
});
