// Seed workbooks for the fuzzer: the project's test fixtures (test/fixtures/seed.ts, units.ts)
// written with ExcelJS the way test/cli/helpers/xlsxFiles.ts does, plus the committed sample.
// Every package is re-zipped with fixed member order and no dates, so the same seed always has
// the same bytes and a byte-level mutation lands on the same byte in every run.
const fs = require("fs");
const path = require("path");
const Module = require("module");
const { Workbook } = require("exceljs");
const { deflated, unzipParts, writeZip } = require("../bench/support/rawZip");

const REPO = path.resolve(__dirname, "..", "..");

/** Lets plain Node require the TypeScript fixtures (outside Jest, which transforms them itself). */
function allowTypeScriptRequire() {
  if (Module._extensions[".ts"]) return;
  const ts = require("typescript");
  Module._extensions[".ts"] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    const out = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
      fileName: filename,
    });
    module._compile(out.outputText, filename);
  };
}

function fixtures() {
  allowTypeScriptRequire();
  const seed = require(path.join(REPO, "test", "fixtures", "seed.ts"));
  const units = require(path.join(REPO, "test", "fixtures", "units.ts"));
  return { seed, units };
}

/**
 * The grid seeds, by name: each a list of grids (one sheet each). `options` go to districtGrid so
 * a semantic mutator can ask for the fixture's own variants (numeric codes, comma text...).
 */
function gridSeeds(options = {}) {
  const { seed, units } = fixtures();
  return {
    district: [seed.districtGrid(options)],
    units: [seed.communesGrid(), units.blockColumnGrid(), units.blockHeadingGrid()],
  };
}

const FIXED_DATE = new Date(Date.UTC(2024, 0, 15, 8, 0, 0));

/** A package with the members in their order, deflated, without dates: same input, same bytes. */
async function canonicalZip(bytes) {
  const parts = await unzipParts(bytes);
  return writeZip([...parts].map(([name, content]) => deflated(name, content)));
}

/** Writes grids as one workbook with ExcelJS (cells as in xlsxFiles.ts) and returns canonical bytes. */
async function workbookBytes(grids) {
  const wb = new Workbook();
  wb.creator = "cchc-fuzz";
  wb.lastModifiedBy = "cchc-fuzz";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const grid of grids) {
    const ws = wb.addWorksheet(grid.name);
    grid.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
  }
  return canonicalZip(Buffer.from(await wb.xlsx.writeBuffer()));
}

const SEED_NAMES = ["district", "units", "sample"];
let cache = null;

/** Every seed package by name (built once per process). */
async function seedPackages() {
  if (cache) return cache;
  const grids = gridSeeds();
  cache = {
    district: await workbookBytes(grids.district),
    units: await workbookBytes(grids.units),
    sample: fs.readFileSync(path.join(REPO, "assets", "mau-chi-so-cchc.xlsx")),
  };
  return cache;
}

module.exports = { REPO, SEED_NAMES, gridSeeds, seedPackages, workbookBytes, canonicalZip };
