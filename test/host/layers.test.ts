// The arrows point one way: the pane uses the host layer, the host layer never uses the pane.
import * as fs from "fs";
import * as path from "path";

const SRC = path.join(__dirname, "../../src");

function importsOf(dir: string): Array<{ file: string; from: string }> {
  const found: Array<{ file: string; from: string }> = [];
  for (const file of fs.readdirSync(path.join(SRC, dir)).filter((f) => f.endsWith(".ts"))) {
    const text = fs.readFileSync(path.join(SRC, dir, file), "utf8");
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm)) found.push({ file: `${dir}/${file}`, from: m[1] });
  }
  return found;
}

test("no module of src/host imports from the task pane, the page or the command line", () => {
  const upward = importsOf("host").filter((i) => /\.\.\/(taskpane|standalone|cli)\b/.test(i.from));
  expect(upward).toEqual([]);
});

test("the Office adapter takes its interface and its errors from the host layer", () => {
  const froms = importsOf("host").filter((i) => i.file === "host/officeWorkbook.ts").map((i) => i.from);
  expect(froms).toEqual(expect.arrayContaining(["./paneHost", "./hostErrors"]));
});
