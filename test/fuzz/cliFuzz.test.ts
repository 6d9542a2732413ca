// Seeded fuzzing of the built `cchc` command (issue "Hostile and damaged workbooks, round two"):
// four cases per mutator (128 in all), two at a time, each held to the contract in scripts/fuzz/contract.js.
// A failure names the mutator, the seed and case number, and the command that rebuilds the file.
// The longer run before a release is `npm run fuzz -- --cases N`.
import { createHash } from "crypto";
import { runCampaign, describeFailure } from "../../scripts/fuzz/campaign";
import { MUTATORS, buildCase, planCases } from "../../scripts/fuzz/cases";
import { checkContract } from "../../scripts/fuzz/contract";
import { probeTools } from "../../scripts/fuzz/execute";
import type { CaseResult, CaseRun } from "../../scripts/fuzz/types";

const SEED = 20261202;
const PER_MUTATOR = 4;
const COUNT = MUTATORS.length * PER_MUTATOR;
const tools = probeTools();
const onCi = process.env.CI === "true";

/** A run that kept every clause, to change one thing at a time. */
function cleanRun(over: Partial<CaseRun> = {}): CaseRun {
  return {
    exitCode: 0,
    signal: null,
    timedOut: false,
    stdout: Buffer.from("Tệp in.xlsx\n"),
    stderr: Buffer.alloc(0),
    wallMs: 500,
    maxRssKb: 80_000,
    inputsChanged: [],
    outExists: false,
    outIsFile: false,
    leftovers: [],
    validation: null,
    json: undefined,
    judgeMessage: null,
    ...over,
  };
}

describe("the fuzz contract itself", () => {
  const check = { argv: ["check", "in.xlsx"], out: null };
  const kinds = (run: CaseRun, spec: { argv: string[]; out: string | null } = check) => checkContract(spec, run).map((v) => v.kind);

  test("a clean run keeps it", () => {
    expect(kinds(cleanRun())).toEqual([]);
  });

  test("each clause catches its fault", () => {
    expect(kinds(cleanRun({ exitCode: 134 }))).toEqual(["exit-code"]);
    expect(kinds(cleanRun({ timedOut: true, exitCode: null }))).toEqual(["timeout"]);
    expect(kinds(cleanRun({ maxRssKb: 2_000_000 }))).toEqual(["memory"]);
    expect(kinds(cleanRun({ stderr: Buffer.from("Lỗi\n    at readSheet (/x/lib/cli/main.js:10:5)\n") }))).toEqual(["stack-trace"]);
    expect(kinds(cleanRun({ stderr: Buffer.from("Tệp hỏng (Cannot read properties of undefined (reading 'richText')).") }))).toEqual(["english-text"]);
    expect(kinds(cleanRun({ stderr: Buffer.from("ENOENT: no such file or directory, open 'x'") }))).toEqual(["english-text", "english-text"]);
    expect(kinds(cleanRun({ stdout: Buffer.from("Tệp \x1b[2J\n") }))).toEqual(["raw-escape"]);
    expect(kinds(cleanRun({ inputsChanged: ["in.xlsx"] }))).toEqual(["input-changed"]);
    expect(kinds(cleanRun({ stdout: Buffer.from("{ not json"), json: undefined }), { argv: ["check", "--json", "in.xlsx"], out: null })).toEqual(["json-parse"]);
    const summary = { argv: ["summary", "in.xlsx", "-o", "out.xlsx"], out: "out.xlsx" };
    expect(kinds(cleanRun({ exitCode: 2, outExists: true, outIsFile: true }), summary)).toEqual(["out-after-failure"]);
    expect(kinds(cleanRun({ exitCode: 0 }), summary)).toEqual(["out-missing"]);
    const validation = { newErrors: ["ERROR xl/workbook.xml: bad"], preExistingErrors: [], lines: [] };
    expect(kinds(cleanRun({ outExists: true, outIsFile: true, validation }), summary)).toEqual(["out-invalid"]);
  });

  test("cell text in --json output is not mistaken for a message", () => {
    const json = { files: [{ file: "in.xlsx", sheets: [{ sheet: "undefined", findings: [{ message: "Thiếu điểm" }] }] }] };
    expect(kinds(cleanRun({ stdout: Buffer.from(JSON.stringify(json)), json }), { argv: ["check", "--json", "in.xlsx"], out: null })).toEqual([]);
  });
});

describe("cases are rebuilt from (seed, case number)", () => {
  test("every mutator gets the same share of a run", () => {
    const counts = new Map<string, number>();
    for (const c of planCases(SEED, COUNT)) counts.set(c.mutator, (counts.get(c.mutator) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(MUTATORS.map((m) => m.name).sort());
    expect(new Set(counts.values())).toEqual(new Set([PER_MUTATOR]));
  });

  test("the same case twice has the same files and arguments", async () => {
    const digest = async (n: number) => {
      const c = await buildCase(SEED, n);
      return JSON.stringify([c.mutator, c.detail, c.argv, c.files.map((f) => [f.path, createHash("sha256").update(f.bytes).digest("hex")])]);
    };
    for (let n = 0; n < MUTATORS.length; n++) expect(await digest(n)).toBe(await digest(n));
  }, 60_000);
});

describe(`cchc keeps the contract on ${COUNT} seeded hostile cases (seed ${SEED})`, () => {
  let results: CaseResult[] = [];

  beforeAll(async () => {
    if (onCi && !tools.time) throw new Error("CI: /usr/bin/time is missing, peak memory cannot be measured (apt-get install time)");
    if (onCi && !tools.lxml) throw new Error("CI: /usr/bin/python3 with lxml (or shared/ooxml-check) is missing, OUT files cannot be validated");
    if (!tools.time) console.warn("/usr/bin/time missing: peak memory not measured");
    if (!tools.lxml) console.warn("lxml or shared/ooxml-check missing: OUT files not validated");
    results = await runCampaign({ seed: SEED, count: COUNT, jobs: 2, tools });
  }, 400_000);

  test.each(MUTATORS.map((m) => m.name))("%s", (name) => {
    const mine = results.filter((r) => r.spec.mutator === name);
    expect(mine).toHaveLength(PER_MUTATOR);
    const failures = mine.filter((r) => r.violations.length > 0).map((r) => describeFailure(r, `fuzz-output/seed${SEED}-case${r.spec.caseNo}`));
    expect(failures).toEqual([]);
  });
});
