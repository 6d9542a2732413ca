// The Word draft's code (the docx package) is a chunk of its own, fetched only when a draft is
// asked for: taskpane.js stays small and free of it; the chunk sits next to the pages.
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";

const DIST = path.resolve(__dirname, "..", "..", "dist");
/** The task pane's budget: Excel loads taskpane.js before the pane shows anything. */
const TASKPANE_BUDGET_KB = 120;
/** Strings only the docx package's code holds (OOXML it writes for Word). */
const DOCX_MARKS = ["w:footnoteReference", "word/footnotes.xml"];

beforeAll(() => {
  if (!existsSync(path.join(DIST, "taskpane.js"))) throw new Error(`${DIST} has no build: run "npm run build" first (npm test does it)`);
});

describe("the Word draft's chunk", () => {
  const chunks = () => readdirSync(DIST).filter((f) => f.endsWith(".chunk.js"));

  test("taskpane.js, functions.js and standalone.js hold no docx code; a chunk does", () => {
    for (const bundle of ["taskpane.js", "functions.js", "standalone.js"]) {
      const code = readFileSync(path.join(DIST, bundle), "utf8");
      for (const mark of DOCX_MARKS) expect([bundle, mark, code.includes(mark)]).toEqual([bundle, mark, false]);
    }
    const withDocx = chunks().filter((f) => DOCX_MARKS.every((m) => readFileSync(path.join(DIST, f), "utf8").includes(m)));
    expect(withDocx.length).toBeGreaterThan(0);
  });

  test(`taskpane.js stays within ${TASKPANE_BUDGET_KB} KB`, () => {
    expect(statSync(path.join(DIST, "taskpane.js")).size / 1024).toBeLessThanOrEqual(TASKPANE_BUDGET_KB);
  });

  test("the pane loads chunks from its own folder, which its CSP ('self') allows", () => {
    const html = readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    expect(html).toMatch(/script-src 'self'/);
    for (const chunk of chunks()) expect(chunk).toMatch(/^[\w.-]+\.chunk\.js$/);
  });
});
