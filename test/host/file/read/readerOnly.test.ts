// ExcelJS no longer reads workbooks in the product: no module of src/ loads it at run time except
// src/host/file/read/xlsxLoad.ts, the ExcelJS path the tests keep to compare the reader with. The reader's
// own modules (src/host/file/read/) use no Node-only API, so the page runs them in the browser.
import * as fs from "fs";
import * as path from "path";

const SRC = path.join(__dirname, "../../../../src");

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(full) : e.name.endsWith(".ts") ? [full] : [];
  });
}

/** Modules imported for their code (`import type` left out). */
function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+"([^"]+)"/gm)].map((m) => m[1]);
}

test("only src/host/file/read/xlsxLoad.ts loads ExcelJS at run time", () => {
  const loading = tsFiles(SRC)
    .filter((f) => runtimeImports(f).includes("exceljs"))
    .map((f) => path.relative(SRC, f));
  expect(loading).toEqual([path.join("host", "file", "read", "xlsxLoad.ts")]);
});

test("the product reaches xlsxLoad.ts from nowhere", () => {
  const users = tsFiles(SRC)
    .filter((f) => runtimeImports(f).some((m) => /(^|\/)xlsxLoad$/.test(m)))
    .map((f) => path.relative(SRC, f));
  expect(users).toEqual([]);
});

test("the reader's modules use no Node-only module", () => {
  const read = tsFiles(path.join(SRC, "host", "file", "read"));
  expect(read.length).toBeGreaterThan(5);
  const nodeOnly = read.flatMap((f) => runtimeImports(f).filter((m) => /^(node:|fs$|path$|zlib$|stream$|buffer$|os$)/.test(m)));
  expect(nodeOnly).toEqual([]);
  for (const f of read) expect(fs.readFileSync(f, "utf8")).not.toMatch(/\bBuffer\.|\brequire\(/);
});
