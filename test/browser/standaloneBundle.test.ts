// The built bundles: only the standalone page carries ExcelJS; the add-in's task pane and
// functions never do. The page loads its own script only, under a Content Security Policy.
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { DIST } from "./standaloneSupport";

/** Strings only ExcelJS's code holds (OOXML part names it writes). */
const EXCELJS_MARKS = ["xl/sharedStrings.xml", "xl/workbook.xml"];

const built = existsSync(path.join(DIST, "standalone.js"));
if (!built && process.env.CI === "true") throw new Error(`Chưa build ${DIST}: chạy npm run build trước.`);
if (!built) process.stdout.write(`BỎ QUA kiểm tra gói: chưa build ${DIST}.\n`);
const maybe = built ? describe : describe.skip;

maybe("bundles", () => {
  const read = (name: string) => readFileSync(path.join(DIST, name), "utf8");

  it("puts ExcelJS in standalone.js only, never in taskpane.js or functions.js", () => {
    for (const mark of EXCELJS_MARKS) expect(read("standalone.js")).toContain(mark);
    for (const bundle of ["taskpane.js", "functions.js"]) {
      const code = read(bundle);
      for (const mark of EXCELJS_MARKS) expect([bundle, code.includes(mark)]).toEqual([bundle, false]);
    }
  });

  it("serves standalone.html with a CSP, its own script only, and the sample next to it", () => {
    const html = read("standalone.html");
    expect(html).toMatch(/http-equiv="?Content-Security-Policy"?/);
    expect(html).toContain("script-src 'self'");
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/src="?standalone\.js"?/);
    expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/); // no inline script
    expect(html).not.toMatch(/https?:\/\//);
    expect(existsSync(path.join(DIST, "assets", "mau-chi-so-cchc.xlsx"))).toBe(true);
  });
});
