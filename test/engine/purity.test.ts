// src/engine is pure: it compiles with no DOM, Node or Office types, and imports only itself.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ENGINE = path.join(__dirname, "../../src/engine");

/** Every .ts file below the engine's folder, its wings included. */
function engineModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? engineModules(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );
}

test("every engine module imports only other engine modules", () => {
  const offenders: string[] = [];
  const modules = engineModules(ENGINE);
  expect(modules.length).toBeGreaterThan(40);
  for (const full of modules) {
    const file = path.relative(ENGINE, full);
    const text = fs.readFileSync(full, "utf8");
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm)) {
      const target = path.resolve(path.dirname(full), m[1]);
      if (!m[1].startsWith(".") || !target.startsWith(ENGINE + path.sep)) offenders.push(`${file}: ${m[1]}`);
    }
    if (/\brequire\(/.test(text)) offenders.push(`${file}: require()`);
  }
  expect(offenders).toEqual([]);
});

test("the engine type-checks without DOM, Node or Office types", () => {
  const tsc = require.resolve("typescript/bin/tsc");
  // Throws (failing the test) with tsc's output when any engine file uses document, fs, Office...
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.engine.json"], { cwd: path.join(__dirname, "../.."), stdio: "pipe" });
});
