// The manifest's ExcelApi requirement must cover every Excel member the Office adapter uses
// (src/host/office*.ts, every such file), except calls guarded by isSetSupported; and it must
// ask no more than that, or Excel versions that could run the add-in would be shut out.
// The annotations come from @types/office-js (apiSetScan.ts); the scanner is itself tested on
// small sources below, so a scanner that sees nothing cannot pass.
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { type ApiUse, compareVersions, scanApiSets } from "./apiSetScan";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const HOST = path.join(ROOT, "src", "host", "office");

/** The ExcelApi MinVersion in the manifest's top-level <Requirements>. */
function declaredExcelApi(): string {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => name === "Set" }).parse(
    fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"),
  ) as { OfficeApp: { Requirements: { Sets: { Set: Array<Record<string, string>> } } } };
  const set = doc.OfficeApp.Requirements.Sets.Set.find((s) => s["@_Name"] === "ExcelApi");
  if (!set) throw new Error("manifest.xml declares no ExcelApi set");
  return set["@_MinVersion"];
}

const describeUse = (u: ApiUse) => `${u.file}:${u.line} ${u.member} needs ${u.set} ${u.version}${u.guardedBy ? ` (guarded by ${u.guardedBy})` : ""}`;

/** Uses a manifest declaring ExcelApi `declared` does not cover. */
function uncovered(uses: ApiUse[], declared: string): string[] {
  return uses
    .filter((u) => {
      const guarded = u.guardedBy !== null && u.set === "ExcelApi" && compareVersions(u.guardedBy, u.version) >= 0;
      if (guarded) return false;
      // Sets a manifest cannot declare (ExcelApiOnline, ExcelApiDesktop) always need a guard.
      return u.set !== "ExcelApi" || compareVersions(u.version, declared) > 0;
    })
    .map(describeUse);
}

// Small sources for the scanner's own tests, each a file of its own in memory.
const GUARD_HELPERS = `function supports(version: string): boolean { return Office.context.requirements.isSetSupported("ExcelApi", version); }
const canReadMerges = () => Office.context.requirements.isSetSupported("ExcelApi", "1.13");
`;
const GUARDED: Array<[string, string]> = [
  ["a direct check", `if (Office.context.requirements.isSetSupported("ExcelApi", "1.13")) range.getMergedAreasOrNullObject();`],
  ["a check joined with &&", `if (ok && Office.context.requirements.isSetSupported("ExcelApi", "1.14")) { range.getMergedAreasOrNullObject(); }`],
  ["a wrapper taking the version", `if (supports("1.13")) range.getMergedAreasOrNullObject();`],
  ["a wrapper with the version inside", `const merged = canReadMerges() ? range.getMergedAreasOrNullObject() : null;`],
  ["a flag holding the check", `const can = Office.context.requirements.isSetSupported("ExcelApi", "1.13"); if (can) range.getMergedAreasOrNullObject();`],
  ["an early return", `if (!supports("1.13")) return; range.getMergedAreasOrNullObject();`],
];
const UNGUARDED: Array<[string, string]> = [
  ["no check", `range.getMergedAreasOrNullObject();`],
  ["a check of a lower version", `if (Office.context.requirements.isSetSupported("ExcelApi", "1.12")) range.getMergedAreasOrNullObject();`],
  ["a check of another set", `if (Office.context.requirements.isSetSupported("WordApi", "1.13")) range.getMergedAreasOrNullObject();`],
  ["the else branch of a check", `if (Office.context.requirements.isSetSupported("ExcelApi", "1.13")) ok = false; else range.getMergedAreasOrNullObject();`],
  ["a negated check", `if (!Office.context.requirements.isSetSupported("ExcelApi", "1.13")) range.getMergedAreasOrNullObject();`],
  ["a check after the call", `range.getMergedAreasOrNullObject(); if (!Office.context.requirements.isSetSupported("ExcelApi", "1.13")) return;`],
];
const guardProbe = (body: string) => `${GUARD_HELPERS}export function f(range: Excel.Range, ok: boolean): void { ${body} }\n`;
const PROBES: Record<string, string> = {
  chains: `export function f(range: Excel.Range, ws: Excel.Worksheet): void {
  const fill = range.format.fill;
  fill.pattern = "Solid";
  ws.pageLayout.orientation = "Landscape";
  range.getMergedAreasOrNullObject();
}
`,
  literals: `const PROPS = "color,pattern";
function queue(range: Excel.Range, props: string): void {
  range.load(props);
}
export function f(ws: Excel.Worksheet, sheets: Excel.WorksheetCollection, range: Excel.Range): void {
  ws.pageLayout.zoom = { horizontalFitToPages: 1 };
  sheets.load("items/name");
  range.format.fill.load(PROPS);
  queue(range, "values,rowIndex");
}
`,
  unknownLoad: `export function f(range: Excel.Range, props: string): void { range.load(props); }\n`,
  ...Object.fromEntries(GUARDED.map(([what, body]) => [`guarded ${what}`, guardProbe(body)])),
  ...Object.fromEntries(UNGUARDED.map(([what, body]) => [`unguarded ${what}`, guardProbe(body)])),
};
const probeFile = (name: string) => path.join(HOST, `scannerProbe_${name.replace(/\W+/g, "_")}.ts`);

// One program for the adapter and the probes: building the type checker is the slow part.
const adapterFiles = fs
  .readdirSync(HOST)
  .filter((f) => /^office.*\.ts$/.test(f))
  .map((f) => path.join(HOST, f));
const scan = scanApiSets([...adapterFiles, ...Object.keys(PROBES).map(probeFile)], Object.fromEntries(Object.entries(PROBES).map(([n, t]) => [probeFile(n), t])));
const inFile = (file: string) => ({
  uses: scan.uses.filter((u) => u.file === path.relative(ROOT, file)),
  unresolvedLoads: scan.unresolvedLoads.filter((u) => u.file === path.relative(ROOT, file)),
});

describe("Excel API sets of the Office adapter", () => {
  const adapter = {
    uses: adapterFiles.flatMap((f) => inFile(f).uses),
    unresolvedLoads: adapterFiles.flatMap((f) => inFile(f).unresolvedLoads),
  };
  const declared = declaredExcelApi();

  test("every src/host/office*.ts file is scanned and Excel members are found in them", () => {
    expect(adapterFiles.map((f) => path.basename(f))).toEqual(expect.arrayContaining(["officeWorkbook.ts", "officeRender.ts"]));
    expect([...new Set(adapter.uses.map((u) => path.basename(u.file)))]).toEqual(expect.arrayContaining(["officeWorkbook.ts", "officeRender.ts"]));
  });

  test("every load() names its properties so they can be checked", () => {
    expect(adapter.unresolvedLoads).toEqual([]);
  });

  test("no member needs more than the manifest's ExcelApi unless guarded by isSetSupported", () => {
    expect(uncovered(adapter.uses, declared)).toEqual([]);
  });

  test("the manifest asks no higher ExcelApi than the unguarded uses need", () => {
    const unguarded = adapter.uses.filter((u) => u.set === "ExcelApi" && u.guardedBy === null);
    const needed = unguarded.reduce((max, u) => (compareVersions(u.version, max) > 0 ? u.version : max), "1.1");
    const highest = unguarded.filter((u) => u.version === needed).map(describeUse);
    expect({ declared, highest }).toEqual({ declared: needed, highest });
  });
});

describe("the API-set scanner", () => {
  test("reads the annotation of the member used, through variables and chains", () => {
    const { uses } = inFile(probeFile("chains"));
    const summary = Object.fromEntries(uses.map((u) => [u.member, `${u.set} ${u.version}`]));
    expect(summary).toEqual(
      expect.objectContaining({
        "Range.format": "ExcelApi 1.1",
        "RangeFill.pattern": "ExcelApi 1.9",
        "Worksheet.pageLayout": "ExcelApi 1.9",
        "Range.getMergedAreasOrNullObject": "ExcelApi 1.13",
      }),
    );
    expect(uncovered(uses, "1.9")).toEqual([expect.stringMatching(/scannerProbe_chains\.ts:5 Range\.getMergedAreasOrNullObject needs ExcelApi 1\.13$/)]);
  });

  test("sees object literals given to Excel types and the paths named in load strings", () => {
    const probe = inFile(probeFile("literals"));
    expect(probe.uses.map((u) => u.member)).toEqual(
      expect.arrayContaining([
        "PageLayoutZoomOptions.horizontalFitToPages",
        "Worksheet.name",
        "RangeFill.pattern",
        "Range.values",
        "Range.rowIndex",
      ]),
    );
    expect(probe.unresolvedLoads).toEqual([]);
    // A load whose properties cannot be known is reported, not skipped.
    expect(inFile(probeFile("unknownLoad")).unresolvedLoads).toEqual([expect.objectContaining({ text: "range.load(props)" })]);
  });

  test.each(GUARDED)("accepts a call guarded by %s", (what) => {
    const [use] = inFile(probeFile(`guarded ${what}`)).uses.filter((u) => u.member === "Range.getMergedAreasOrNullObject");
    expect(use.guardedBy).toMatch(/^1\.1[34]$/);
    expect(uncovered([use], "1.9")).toEqual([]);
  });

  test.each(UNGUARDED)("refuses a call with %s", (what) => {
    const [use] = inFile(probeFile(`unguarded ${what}`)).uses.filter((u) => u.member === "Range.getMergedAreasOrNullObject");
    expect(uncovered([use], "1.9")).toEqual([expect.stringContaining("Range.getMergedAreasOrNullObject needs ExcelApi 1.13")]);
  });
});
