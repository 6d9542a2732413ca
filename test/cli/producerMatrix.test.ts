// The same workbook as every program that writes clerks' files writes it (test/fixtures/producers.ts),
// through the built `cchc` command: (a) `check --json` reads the same figures as from the
// original; (b) `summary` writes a package the OOXML checker passes against its input (and so
// do the reruns against theirs); (c)
// LibreOffice opens it and shows the seed's total 89.21 on the summary sheet; (d) rerunning
// summary on its own output twice adds no styles: it replaces its sheets and reuses what it
// appended before.
import { promises as fs } from "fs";
import * as path from "path";
import { communesGrid, districtGrid } from "../fixtures/seed";
import { libreOfficeSheets, PRODUCERS, styleCounts, type Producer, type StyleCounts } from "../fixtures/producers";
import { sofficeUnavailable } from "../support/libreoffice";
import { expectValidOoxml, ooxmlCheckUnavailable, readCheck, validateOoxml } from "../support/ooxmlCheck";
import { spawnCli, type CliResult } from "./helpers/runCli";
import { makeTempDir, removeDir, writeGrids } from "./helpers/xlsxFiles";

const DATE = "2024-01-15";
const SAMPLE = path.resolve(__dirname, "..", "..", "assets", "mau-chi-so-cchc.xlsx");
/** The generated summary sheet's name, as the CLI reports it and LibreOffice names its CSV. */
const SUMMARY_SHEET = "Tổng hợp trách nhiệm";

interface Source {
  name: string;
  /** Writes the original (an ExcelJS-written .xlsx) into `dir`, returns its path. */
  write(dir: string): Promise<string>;
}

const SOURCES: Source[] = [
  { name: "seed", write: (dir) => writeGrids(path.join(dir, "seed.xlsx"), [districtGrid(), communesGrid()]) },
  {
    name: "mẫu",
    write: async (dir) => {
      const file = path.join(dir, "mau.xlsx");
      await fs.copyFile(SAMPLE, file);
      return file;
    },
  },
];

/** What the programs each producer needs say: null when all can run (throws on CI when one cannot). */
async function unavailable(p: Producer): Promise<string | null> {
  if (p.needs === "soffice") return sofficeUnavailable(`nhà sản xuất ${p.name}`);
  if (p.needs === "python") return ooxmlCheckUnavailable(`nhà sản xuất ${p.name}`);
  return null;
}

/** `check --json` figures without the file's name (which differs by design). */
function figures(result: CliResult): unknown {
  const json = JSON.parse(result.stdout) as { files: { file: string }[] };
  if (json.files.length !== 1) throw new Error(`check --json: ${json.files.length} files`);
  const { file: _file, ...rest } = json.files[0];
  return rest;
}

const fileName = (p: Producer) => p.name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();

// The checker and LibreOffice run for every case: fail on CI when missing, else skip the matrix.
const ready = sofficeUnavailable("ma trận nhà sản xuất") === null;
const matrix = ready ? describe : describe.skip;

const CASES = SOURCES.flatMap((source) => PRODUCERS.map((producer) => ({ source, producer, title: `${producer.name} (${source.name})` })));

matrix.each(CASES)("$title", ({ source, producer }) => {
  let dir: string;
  let skipped: string | null = null;
  let original: string;
  let input: string;
  let originalCheck: CliResult;
  let inputCheck: CliResult;
  /** summary over input, then over run 1's output, then over run 2's. */
  const runs: { out: string; result: CliResult }[] = [];

  beforeAll(async () => {
    skipped = await unavailable(producer);
    if (skipped !== null) return;
    dir = await makeTempDir("cchc-producer-");
    original = await source.write(dir);
    input = path.join(dir, `${fileName(producer)}.xlsx`);
    await producer.make(original, input);
    originalCheck = await spawnCli(["check", original, "--json"]);
    inputCheck = await spawnCli(["check", input, "--json"]);
    let from = input;
    for (let run = 1; run <= 3; run++) {
      const out = path.join(dir, `${fileName(producer)}-lan-${run}.xlsx`);
      const result = await spawnCli(["summary", from, "-o", out, "--date", DATE]);
      runs.push({ out, result });
      if (result.code !== 0) break;
      from = out;
    }
  }, 300_000);
  afterAll(async () => {
    if (dir) await removeDir(dir);
  });

  /** Run `n` (1-based) must have written its file; else the test fails with the CLI's words. */
  function written(n: number): string {
    const r = runs[n - 1];
    if (!r) throw new Error(`lần chạy summary thứ ${n} không chạy vì lần trước đã lỗi: ${runs[runs.length - 1]?.result.stderr}`);
    if (r.result.code !== 0) throw new Error(`summary lần ${n} thoát với mã ${r.result.code}: ${r.result.stderr.trim()}`);
    return r.out;
  }

  it("the producer's file is itself valid OOXML (the fixture is what the producer writes)", async () => {
    if (skipped !== null) return;
    if ((await ooxmlCheckUnavailable(path.basename(input))) !== null) return;
    if (!producer.needs) {
      await expectValidOoxml(input);
      return;
    }
    // LibreOffice and openpyxl are real programs: what they write is checked against the
    // ExcelJS original; an ERROR they bring in themselves must be one documented in ownFindings.
    const result = await validateOoxml(input, { base: original });
    const own = result.newErrors.map((f) => `${f.level} ${f.part}: ${f.message}`);
    expect(own.filter((line) => !(producer.ownFindings ?? []).some((known) => known.test(line)))).toEqual([]);
    const read = await readCheck([input]);
    expect(read.filter((r) => !r.ok)).toEqual([]);
  });

  it("(a) check --json reads the same figures as from the original", () => {
    if (skipped !== null) return;
    expect(originalCheck.code).toBe(0);
    expect(inputCheck.stderr).toBe("");
    expect(figures(inputCheck)).toEqual(figures(originalCheck));
  });

  it("(b) summary writes a package the OOXML checker passes against its input, on every run", async () => {
    if (skipped !== null) return;
    // Every run is checked, and every failure reported at once: run n against what it read.
    const failures: string[] = [];
    for (const n of [1, 2, 3]) {
      try {
        await expectValidOoxml(written(n), { base: n === 1 ? input : written(n - 1) });
      } catch (e) {
        failures.push(`lần ${n}: ${(e as Error).message}`);
        if (!runs[n]) break;
      }
    }
    expect(failures).toEqual([]);
  });

  it("(c) LibreOffice opens the output and shows the total 89.21 on the summary sheet", async () => {
    if (skipped !== null) return;
    const sheets = await libreOfficeSheets(written(1));
    expect([...sheets.keys()]).toContain(SUMMARY_SHEET);
    expect(sheets.get(SUMMARY_SHEET)).toMatch(/89[.,]21/);
  });

  it("(d) a second and a third run add no styles", async () => {
    if (skipped !== null) return;
    const counts: StyleCounts[] = [];
    for (const n of [1, 2, 3]) counts.push(await styleCounts(written(n)));
    expect({ run2: counts[1], run3: counts[2] }).toEqual({ run2: counts[0], run3: counts[0] });
  });
});
