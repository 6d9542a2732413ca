// The production build in dist/ (made by `npm run build`, which `npm test` runs first):
// the files the manifest points to, functions.json generated from the JSDoc of the nine
// CCHC functions, and add-in bundles free of ExcelJS.
import * as fs from "fs";
import * as path from "path";
import { FUNCTION_TABLE } from "../../src/cli/formula/functionTable";

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const read = (name: string) => fs.readFileSync(path.join(DIST, name), "utf8");

interface ParameterMetadata {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: ParameterMetadata[];
  result: { type: string; dimensionality?: string };
}

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, "functions.json"))) {
    throw new Error(`${DIST} has no build: run "npm run build" first (npm test does it)`);
  }
});

/** The signatures: name, parameters ("?" optional, "[]" a range), result type. */
const EXPECTED: Record<string, { params: string[]; result: string }> = {
  RATIO: { params: ["part", "whole", "max", "target?", "decimals?"], result: "number" },
  STEPS: { params: ["value", "thresholds[]", "points[]"], result: "number" },
  DEDUCT: { params: ["max", "count", "perCase", "floor?"], result: "number" },
  INDEX: { params: ["achieved", "max", "decimals?"], result: "number" },
  GRADE: { params: ["index", "bands[]?"], result: "string" },
  LOST: { params: ["max", "achieved"], result: "number" },
  SUBTOTAL: { params: ["codes[]", "points[]", "code"], result: "number" },
  CHECK: { params: ["points", "max"], result: "string" },
  NUM: { params: ["text"], result: "number" },
};

function describeParam(p: ParameterMetadata): string {
  return `${p.name}${p.dimensionality === "matrix" ? "[]" : ""}${p.optional ? "?" : ""}`;
}

describe("dist/", () => {
  test("holds the add-in's files with the official templates' names", () => {
    for (const name of ["functions.js", "functions.json", "taskpane.html", "taskpane.js", "manifest.xml", "office-js/office.js"]) {
      expect(fs.existsSync(path.join(DIST, name))).toBe(true);
    }
  });

  test("every URL of the built manifest names a file in dist/", () => {
    const manifest = read("manifest.xml");
    const base = /<SourceLocation DefaultValue="([^"]+)taskpane\.html"/.exec(manifest)?.[1];
    expect(base).toMatch(/^https:\/\//);
    const urls = [...manifest.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) {
      expect(url.startsWith(base as string)).toBe(true);
      expect(fs.existsSync(path.join(DIST, url.slice((base as string).length)))).toBe(true);
    }
  });

  test("taskpane.html is the shared runtime page: office.js from dist, then the functions, then the task pane", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(scripts[0]).toBe("office-js/office.js");
    expect(scripts.indexOf("functions.js")).toBeGreaterThan(0);
    expect(scripts.indexOf("taskpane.js")).toBeGreaterThan(scripts.indexOf("functions.js"));
    for (const src of scripts) expect(src).not.toMatch(/^(https?:)?\/\//); // nothing from the internet
    expect(html).toMatch(/Content-Security-Policy/);
  });

  test("functions.js and taskpane.js contain no ExcelJS", () => {
    for (const name of ["functions.js", "taskpane.js"]) {
      const js = read(name);
      expect(js).not.toMatch(/exceljs/i);
      expect(js).not.toContain("xl/worksheets/");
      expect(js).not.toContain("sharedStrings");
    }
  });

  test("functions.js registers each function id (the associate calls the metadata plugin adds)", () => {
    const js = read("functions.js");
    for (const id of Object.keys(EXPECTED)) expect(js).toContain(`CustomFunctions.associate("${id}"`);
  });
});

describe("functions.json", () => {
  const metadata = () => JSON.parse(read("functions.json")) as { functions: FunctionMetadata[] };

  test("lists the nine functions with their parameters and result types", () => {
    const functions = metadata().functions;
    const actual = Object.fromEntries(
      functions.map((f) => [f.id, { params: f.parameters.map(describeParam), result: f.result.type }]),
    );
    expect(actual).toEqual(EXPECTED);
    for (const f of functions) {
      expect(f.name).toBe(f.id); // Excel shows CCHC.<name>; the namespace comes from the manifest
      for (const p of f.parameters) expect(p.type).toBe("any");
    }
  });

  test("descriptions and parameter help are in Vietnamese, within Excel's limits", () => {
    for (const f of metadata().functions) {
      expect(f.description).toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
      for (const p of f.parameters) {
        expect(p.description).toEqual(expect.stringMatching(/\S/));
        expect((p.description as string).length).toBeLessThanOrEqual(128);
      }
    }
  });

  test("matches the table `cchc eval` uses, so both call the functions the same way", () => {
    const byId = new Map(metadata().functions.map((f) => [f.id, f]));
    for (const entry of FUNCTION_TABLE) {
      const f = byId.get(entry.name) as FunctionMetadata;
      expect(f).toBeDefined();
      expect(entry.maxArgs).toBe(f.parameters.length);
      expect(entry.minArgs).toBe(f.parameters.filter((p) => !p.optional).length);
      expect(entry.matrixParams).toEqual(f.parameters.flatMap((p, i) => (p.dimensionality === "matrix" ? [i] : [])));
      expect(entry.implementation.length).toBe(f.parameters.length);
    }
    expect(FUNCTION_TABLE).toHaveLength(byId.size);
  });
});
