// Imports run one way. Every module of src/ belongs to a wing (the deepest folder named below);
// a wing imports itself and the wings its rule lists, nothing else; and no module imports itself
// back through others. The wings and what each holds are described in the README.md at each door.
import * as fs from "fs";
import * as path from "path";

const SRC = path.join(__dirname, "../../src");

const ENGINE_BELOW: Record<string, string[]> = {
  "engine/core": [],
  "engine/cells": ["engine/core"],
  "engine/scoring": ["engine/core", "engine/cells"],
  "engine/units": ["engine/core", "engine/cells", "engine/scoring"],
  "engine/compare": ["engine/core", "engine/cells", "engine/scoring", "engine/units"],
  "engine/plans": ["engine/core", "engine/cells", "engine/scoring", "engine/units", "engine/compare"],
  "engine/reportDraft": ["engine/core", "engine/cells", "engine/scoring", "engine/units", "engine/compare", "engine/plans"],
};
const ENGINE = ["engine", ...Object.keys(ENGINE_BELOW)];
const HOST_FILE = ["host/file/package", "host/file/read", "host/file/write", "host/file/legacy"];

/** Wing → the wings it may import. */
const RULES: Record<string, string[]> = {
  ...ENGINE_BELOW,
  engine: Object.keys(ENGINE_BELOW),
  functions: ENGINE,
  report: ENGINE,
  host: ENGINE,
  "host/office": ["host", ...ENGINE],
  "host/file/package": [],
  "host/file/read": ["host", "host/file/package", ...ENGINE],
  "host/file/legacy": ["host/file/package", "host/file/read", ...ENGINE],
  // write/ takes the shape of a read workbook (read/workbookModel.ts) to convert .xls and .ods.
  "host/file/write": ["host", "host/file/read", ...ENGINE],
  "host/file": ["host", ...HOST_FILE, ...ENGINE],
  // Forms the pane and the page share (the column map): the engine only.
  forms: ENGINE,
  // host/file: combining a second workbook, and its reader as a chunk loaded when one is chosen.
  taskpane: ["host", "host/office", "host/file", "report", "functions", "forms", ...ENGINE],
  standalone: ["host", "host/file", ...HOST_FILE, "report", "forms", ...ENGINE],
  cli: ["host", "host/file", ...HOST_FILE, "report", "functions", ...ENGINE],
};

function listModules(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listModules(full));
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

const rel = (file: string) => path.relative(SRC, file).split(path.sep).join("/");

/** The deepest wing holding the module ("engine/units/unitsTable.ts" → "engine/units"). */
function wingOf(module: string): string {
  const dirs = path.posix.dirname(module).split("/");
  for (let n = dirs.length; n > 0; n--) {
    const wing = dirs.slice(0, n).join("/");
    if (wing in RULES) return wing;
  }
  return "(no wing)";
}

/** Relative imports of each module, resolved to module paths under src/. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of listModules(SRC)) {
    const text = fs.readFileSync(file, "utf8");
    const targets: string[] = [];
    const specs = [
      ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"(\.[^"]+)"/gm),
      ...text.matchAll(/\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?"(\.[^"]+)"\s*\)/g),
    ].map((m) => m[1]);
    for (const spec of specs) {
      const base = path.resolve(path.dirname(file), spec);
      const found = [base, `${base}.ts`, path.join(base, "index.ts")].find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
      if (found && found.endsWith(".ts")) targets.push(rel(found));
    }
    graph.set(rel(file), targets);
  }
  return graph;
}

const graph = importGraph();

test("every module of src/ sits in a wing with a rule", () => {
  const homeless = [...graph.keys()].filter((m) => wingOf(m) === "(no wing)");
  expect(homeless).toEqual([]);
});

test("each wing imports only the wings its rule allows", () => {
  const breaches: string[] = [];
  for (const [module, targets] of graph) {
    const wing = wingOf(module);
    for (const target of targets) {
      const other = wingOf(target);
      if (other !== wing && !RULES[wing].includes(other)) breaches.push(`${module} (${wing}) → ${target} (${other})`);
    }
  }
  expect(breaches).toEqual([]);
});

test("no import circle anywhere in src/", () => {
  const state = new Map<string, "open" | "done">();
  const circles: string[] = [];
  const visit = (module: string, trail: string[]) => {
    if (state.get(module) === "done") return;
    if (state.get(module) === "open") {
      circles.push([...trail.slice(trail.indexOf(module)), module].join(" → "));
      return;
    }
    state.set(module, "open");
    for (const next of graph.get(module) ?? []) visit(next, [...trail, module]);
    state.set(module, "done");
  };
  for (const module of graph.keys()) visit(module, []);
  expect(circles).toEqual([]);
});

test("the rule is alive: a module importing upward is caught", () => {
  const wing = wingOf("engine/core/numbers.ts");
  expect(wing).toBe("engine/core");
  expect(RULES[wing].includes(wingOf("engine/plans/plan.ts"))).toBe(false);
  expect(RULES[wingOf("host/office/officeWorkbook.ts")].includes(wingOf("host/file/xlsxWorkbook.ts"))).toBe(false);
});

test("every wing has a map at its door", () => {
  const missing = Object.keys(RULES).filter((w) => /^(engine|host)/.test(w) && fs.existsSync(path.join(SRC, w)) && !fs.existsSync(path.join(SRC, w, "README.md")));
  expect(missing).toEqual([]);
});

test("the Office adapter takes its interface and its errors from the host layer", () => {
  const targets = graph.get("host/office/officeWorkbook.ts") ?? [];
  expect(targets).toEqual(expect.arrayContaining(["host/paneHost.ts", "host/hostErrors.ts"]));
});
