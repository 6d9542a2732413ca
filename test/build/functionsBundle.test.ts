// The production dist/functions.js loaded the way Excel's shared runtime loads it: a browser
// page (Debian's Chromium) with a `CustomFunctions` global whose associate() records the
// registrations the metadata plugin injected. Each function is then called in the page.
import { existsSync, readFileSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import ERROR_ARGUMENTS from "../../src/functions/errorArguments.json";
import { acceptsErrorAt, functionsTakingErrors } from "../../src/functions/errorPolicy";

// The build step is a CommonJS webpack plugin; its pure part is tested directly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { applyErrorArguments } = require("../../scripts/functions-metadata") as {
  applyErrorArguments(metadata: object, table: object): string[];
};

const CHROMIUM = "/usr/bin/chromium";
const BUNDLE = path.resolve(__dirname, "..", "..", "dist", "functions.js");
const METADATA = path.resolve(__dirname, "..", "..", "dist", "functions.json");

/** Why the test cannot run here, or null; on CI a missing program is a failure, never a skip. */
function unavailable(): string | null {
  let reason: string | null = null;
  if (!existsSync(CHROMIUM)) reason = `Chromium không có ở ${CHROMIUM}`;
  else if (!existsSync(BUNDLE) || !existsSync(METADATA)) reason = "chưa build dist/ (hãy chạy npm run build)";
  if (reason !== null && process.env.CI === "true") throw new Error(`Không chạy được kiểm thử functions.js trong trình duyệt: ${reason}.`);
  if (reason !== null) process.stdout.write(`BỎ QUA kiểm thử functions.js trong trình duyệt: ${reason}.\n`);
  return reason;
}

const RUNTIME_STAND_IN = `
window.__registered = {};
window.CustomFunctions = {
  Error: class { constructor(code, message) { this.code = code; this.message = message; } },
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
  associate(id, fn) { window.__registered[id] = fn; },
};`;

const skip = unavailable();
const suite = skip === null ? describe : describe.skip;

suite("dist/functions.js in Chromium", () => {
  let context: BrowserContext;
  let profile: string;
  let page: Page;

  beforeAll(async () => {
    profile = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-functions-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"],
    });
    page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.setContent("<!doctype html><html><body></body></html>");
    await page.addScriptTag({ content: RUNTIME_STAND_IN });
    await page.addScriptTag({ content: await fs.readFile(BUNDLE, "utf8") });
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await context?.close();
    if (profile) await fs.rm(profile, { recursive: true, force: true });
  });

  /** Calls a registered function in the page: its result, or the Excel error code it threw. */
  const call = (id: string, ...args: unknown[]) =>
    page.evaluate(
      ([name, list]) => {
        const registered = (window as unknown as { __registered: Record<string, (...a: unknown[]) => unknown> }).__registered;
        try {
          return { value: registered[name as string](...(list as unknown[])) };
        } catch (err) {
          return { error: (err as { code?: string }).code ?? String(err) };
        }
      },
      [id, args] as const,
    );

  test("registers the nine functions", async () => {
    const ids = await page.evaluate(() => Object.keys((window as unknown as { __registered: object }).__registered).sort());
    expect(ids).toEqual(["CHECK", "DEDUCT", "GRADE", "INDEX", "LOST", "NUM", "RATIO", "STEPS", "SUBTOTAL"]);
  });

  test.each([
    ["RATIO", [5, 48, 0.5], { value: 0.05 }],
    ["RATIO", [51740, 94561, 2], { value: 1.09 }],
    ["RATIO", [45, 198, 1, 0.5, null], { value: 0.45 }],
    ["RATIO", [199, 200, 1], { value: 1 }],
    ["RATIO", [5, 0, 1], { error: "#DIV/0!" }],
    ["RATIO", [49, 48, 1], { error: "#NUM!" }],
    ["RATIO", ["năm", 48, 1], { error: "#VALUE!" }],
    ["STEPS", [0.85, [[0.7], [0.9]], [[1], [2]]], { value: 1 }],
    ["STEPS", [0.9, [[0.7, 0.9]], [[1, 2]]], { value: 2 }],
    ["STEPS", [0.5, [[0.7, 0.9]], [[1, 2]]], { value: 0 }],
    ["STEPS", [0.8, [[0.7, 0.9]], [[1]]], { error: "#VALUE!" }],
    ["DEDUCT", [3, 2, 1], { value: 1 }],
    ["DEDUCT", [3, 5, 1], { value: 0 }],
    ["INDEX", [89.21, 97, 3], { value: 91.969 }],
    ["INDEX", [86.92, 95.5, 2], { value: 91.02 }],
    ["GRADE", [90.41], { value: "Xuất sắc" }],
    ["GRADE", [89.23, null], { value: "Tốt" }],
    ["LOST", [0.5, 0.26], { value: 0.24 }],
    ["LOST", [13, 12.89], { value: 0.11 }],
    ["SUBTOTAL", [[["6"], ["6.1"], ["6.1.1"], ["6.1.2"], ["6.2"]], [[10], [""], [1.09], [2], [4]], "6"], { value: 7.09 }],
    ["SUBTOTAL", [[["6"]], [[1]], "7"], { error: "#N/A" }],
    ["CHECK", [5, 4], { value: "Vượt điểm tối đa (4)" }],
    ["CHECK", [3.5, 4], { value: "" }],
    ["NUM", ["3,89"], { value: 3.89 }],
    ["NUM", ["abc"], { error: "#VALUE!" }],
  ])("%s(%j) → %j", async (id, args, expected) => {
    expect(await call(id, ...args)).toEqual(expected);
  });

  // With allowErrorForDataTypeAny Excel hands every function its error arguments as
  // Excel.ErrorCellValue objects; the bundle must apply errorArguments.json itself.
  const NA = { type: "Error", basicType: "Error", basicValue: "#N/A", errorType: "NotAvailable" };
  test.each([
    ["CHECK", [NA, 4], { value: "Không phải là số (#N/A)" }],
    ["CHECK", [3, NA], { error: "#N/A" }],
    ["RATIO", ["năm", NA, 1], { error: "#N/A" }],
    ["LOST", [{ type: "Error", basicValue: "#REF!", errorType: "Ref" }, 1], { error: "#VALUE!" }],
    ["STEPS", [0.8, [[0.7], [NA]], [[1], [2]]], { error: "#N/A" }],
    ["SUBTOTAL", [[["6"], ["6.1"], ["7"]], [[1], [2], [NA]], "6"], { value: 2 }],
    ["SUBTOTAL", [[["6"], ["6.1"], ["7"]], [[1], [NA], [3]], "6"], { error: "#N/A" }],
    ["INDEX", [1e308, 1e-300], { error: "#NUM!" }],
    ["LOST", [1e308, 1], { value: 1e308 }],
  ])("error arguments and overflow: %s(%j) → %j", async (id, args, expected) => {
    expect(await call(id, ...args)).toEqual(expected);
  });

  test("CCHC.GRADE reads the bands the task pane stores in the shared slot", async () => {
    await page.evaluate(() => {
      (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("cchc.functionBands")] = [
        { min: 95, name: "Xuất sắc" },
        { min: 0, name: "Chưa xuất sắc" },
      ];
    });
    expect(await call("GRADE", 90.41)).toEqual({ value: "Chưa xuất sắc" });
    await page.evaluate(() => {
      delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("cchc.functionBands")];
    });
    expect(await call("GRADE", 90.41)).toEqual({ value: "Xuất sắc" });
  });
});


interface Metadata {
  allowErrorForDataTypeAny?: unknown;
  functions: { id: string; options?: Record<string, unknown>; parameters: { name: string; type?: string }[] }[];
}

const built = skip === null ? describe : describe.skip;

built("dist/functions.json says allowErrorForDataTypeAny exactly as errorArguments.json needs", () => {
  const metadata = () => JSON.parse(readFileSync(METADATA, "utf8")) as Metadata;

  test("the option is the top-level switch (Excel reads it nowhere else), set because CHECK and SUBTOTAL take errors", () => {
    expect(functionsTakingErrors()).toEqual(["CHECK", "SUBTOTAL"]);
    expect(metadata().allowErrorForDataTypeAny).toBe(true);
    for (const f of metadata().functions) expect(f.options?.allowErrorForDataTypeAny).toBeUndefined();
  });

  test("the parameters that take errors are where the table says, of type any (the only type the option reaches)", () => {
    const taking = metadata().functions.flatMap((f) =>
      f.parameters.flatMap((p, k) => (acceptsErrorAt(f.id, k) ? [`${f.id}.${p.name}:${p.type ?? "any"}`] : [])),
    );
    expect(taking).toEqual(["SUBTOTAL.codes:any", "SUBTOTAL.points:any", "CHECK.points:any"]);
  });
});

describe("the build step (scripts/functions-metadata.js)", () => {
  const generated = () => ({
    allowCustomDataForDataTypeAny: true,
    functions: [
      { id: "CHECK", parameters: [{ name: "points", type: "any" }, { name: "max", type: "any" }] },
      { id: "SUBTOTAL", parameters: [{ name: "codes", type: "any" }, { name: "points", type: "any" }, { name: "code", type: "any" }] },
    ],
  });

  test("adds the top-level option from the project's table, keeping the rest", () => {
    const metadata = generated();
    expect(applyErrorArguments(metadata, ERROR_ARGUMENTS)).toEqual([]);
    expect(metadata).toEqual({ ...generated(), allowErrorForDataTypeAny: true });
  });

  test("leaves it out when no function takes errors", () => {
    const metadata = { ...generated(), allowErrorForDataTypeAny: true };
    expect(applyErrorArguments(metadata, { "//": "none" })).toEqual([]);
    expect(metadata).not.toHaveProperty("allowErrorForDataTypeAny");
  });

  test("reports a table that drifted from the JSDoc: the build fails rather than guess", () => {
    const metadata = generated();
    metadata.functions[0].parameters[0].type = "number";
    expect(
      applyErrorArguments(metadata, { CHECK: { points: 0, max: 2 }, SUM: { x: 0 }, SUBTOTAL: { points: 0 } }),
    ).toEqual([
      "errorArguments.json: CHECK.points is of type number; Excel passes errors only to type any",
      'errorArguments.json: CHECK has no parameter "max" at position 2',
      "errorArguments.json names SUM, which functions.json does not define",
      'errorArguments.json: SUBTOTAL has no parameter "points" at position 0',
    ]);
  });
});
