// src/engine is pure: it compiles with no DOM, Node or Office types, and imports only itself.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ENGINE = path.join(__dirname, "../../src/engine");

test("every engine module imports only other engine modules", () => {
  const offenders: string[] = [];
  for (const file of fs.readdirSync(ENGINE).filter((f) => f.endsWith(".ts"))) {
    const text = fs.readFileSync(path.join(ENGINE, file), "utf8");
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm)) if (!m[1].startsWith("./")) offenders.push(`${file}: ${m[1]}`);
    if (/\brequire\(/.test(text)) offenders.push(`${file}: require()`);
  }
  expect(offenders).toEqual([]);
});

test("the engine type-checks without DOM, Node or Office types", () => {
  const tsc = require.resolve("typescript/bin/tsc");
  // Throws (failing the test) with tsc's output when any engine file uses document, fs, Office...
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.engine.json"], { cwd: path.join(__dirname, "../.."), stdio: "pipe" });
});
