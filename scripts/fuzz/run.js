#!/usr/bin/env node
// `npm run fuzz -- --cases N [--seed S] [--jobs J] [--first K]`: a long fuzz run of the `cchc`
// command, with progress, a mutator × outcome table and, in fuzz-output/, each failing case's
// files and a one-line recipe. `--case N --keep DIR` rebuilds one case into DIR and reruns it.
const fs = require("fs");
const path = require("path");
const { runCampaign, outcomeOf, describeFailure } = require("./campaign");
const { buildCase, recipe, MUTATORS } = require("./cases");
const { executeCase, probeTools } = require("./execute");
const { REPO } = require("./seeds");

function parseArgs(argv) {
  const opts = { seed: 1, cases: 200, jobs: 2, first: 0, case: null, keep: null, out: path.join(REPO, "fuzz-output") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--seed") opts.seed = Number(value());
    else if (a === "--cases") opts.cases = Number(value());
    else if (a === "--jobs") opts.jobs = Number(value());
    else if (a === "--first") opts.first = Number(value());
    else if (a === "--case") opts.case = Number(value());
    else if (a === "--keep") opts.keep = value();
    else if (a === "--out") opts.out = value();
    else throw new Error(`unknown option ${a}`);
  }
  for (const k of ["seed", "cases", "jobs", "first"]) if (!Number.isInteger(opts[k]) || opts[k] < 0) throw new Error(`--${k} must be a whole number`);
  return opts;
}

/** Writes a case's files (and its recipe) into `dir`, for a human to rerun by hand. */
function keepCase(spec, dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const d of spec.dirs || []) fs.mkdirSync(path.join(dir, d), { recursive: true });
  for (const f of spec.files) {
    fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, f.path), f.bytes);
  }
  for (const s of spec.symlinks || []) if (!fs.existsSync(path.join(dir, s.path))) fs.symlinkSync(s.target, path.join(dir, s.path));
  const line = `cd ${JSON.stringify(dir)} && node ${path.join(REPO, "lib", "cli", "main.js")} ${spec.argv.map((a) => JSON.stringify(a)).join(" ")}   # ${spec.mutator}: ${spec.detail}\n`;
  fs.writeFileSync(path.join(dir, "RECIPE.txt"), `${recipe(spec.seed, spec.caseNo, dir)}\n${line}`);
}

async function one(opts) {
  const spec = await buildCase(opts.seed, opts.case);
  const dir = opts.keep || path.join(opts.out, `seed${opts.seed}-case${opts.case}`);
  keepCase(spec, dir);
  const tools = probeTools();
  const result = await executeCase(spec, { tools, workRoot: fs.mkdtempSync(path.join(require("os").tmpdir(), "cchc-fuzz-one-")) });
  process.stdout.write(`${spec.mutator}: ${spec.detail}\nargv: ${JSON.stringify(spec.argv)} (files in ${dir})\n`);
  process.stdout.write(`exit ${result.run.timedOut ? "killed (timeout)" : result.run.exitCode}, ${(result.run.wallMs / 1000).toFixed(1)} s, peak ${result.run.maxRssKb === null ? "?" : Math.round(result.run.maxRssKb / 1024)} MB\n`);
  process.stdout.write(`--- stdout (first 2000 chars)\n${JSON.stringify(result.run.stdout.toString("utf8").slice(0, 2000))}\n--- stderr\n${JSON.stringify(result.run.stderr.toString("utf8").slice(0, 2000))}\n`);
  process.stdout.write(result.violations.length ? result.violations.map((v) => `VIOLATION ${v.kind}: ${v.message}`).join("\n") + "\n" : "contract kept\n");
  return result.violations.length ? 1 : 0;
}

function table(results) {
  const kinds = [...new Set(results.map(outcomeOf))].sort((a, b) => (a === "pass" ? -1 : b === "pass" ? 1 : a.localeCompare(b)));
  const byMutator = new Map(MUTATORS.map((m) => [m.name, new Map()]));
  for (const r of results) {
    const row = byMutator.get(r.spec.mutator);
    row.set(outcomeOf(r), (row.get(outcomeOf(r)) || 0) + 1);
  }
  const lines = [];
  for (const [name, row] of byMutator) {
    const total = [...row.values()].reduce((a, b) => a + b, 0);
    if (!total) continue;
    const cells = kinds.filter((k) => row.get(k)).map((k) => `${k}=${row.get(k)}`);
    lines.push(`${name.padEnd(34)} ${String(total).padStart(4)}  ${cells.join("  ")}`);
  }
  return lines.join("\n");
}

async function many(opts) {
  const tools = probeTools();
  if (!tools.time) process.stderr.write("note: /usr/bin/time missing, peak memory not measured\n");
  if (!tools.lxml) process.stderr.write("note: python3 lxml or shared/ooxml-check missing, OUT files not validated\n");
  fs.mkdirSync(opts.out, { recursive: true });
  const tag = `seed${opts.seed}-cases${opts.first}-${opts.first + opts.cases - 1}`;
  const failuresFile = path.join(opts.out, `failures-${tag}.txt`);
  fs.writeFileSync(failuresFile, "");
  let failed = 0;
  const started = Date.now();
  const results = await runCampaign({
    seed: opts.seed,
    count: opts.cases,
    first: opts.first,
    jobs: opts.jobs,
    tools,
    onResult: (result, done, total) => {
      if (result.violations.length) {
        failed++;
        const dir = path.join(opts.out, `seed${opts.seed}-case${result.spec.caseNo}`);
        keepCase(result.spec, dir);
        fs.appendFileSync(failuresFile, `${describeFailure(result, dir)}\n`);
      }
      if (done % 10 === 0 || done === total) process.stderr.write(`[${done}/${total}] ${failed} failing, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    },
  });
  process.stdout.write(`\nmutator × outcome (seed ${opts.seed}, cases ${opts.first}..${opts.first + opts.cases - 1})\n${table(results)}\n\n`);
  process.stdout.write(`${failed} of ${results.length} cases broke the contract; recipes in ${failuresFile}\n`);
  fs.writeFileSync(
    path.join(opts.out, `results-${tag}.json`),
    JSON.stringify(results.map((r) => ({ caseNo: r.spec.caseNo, mutator: r.spec.mutator, detail: r.spec.detail, argv: r.spec.argv, exit: r.run.timedOut ? "timeout" : r.run.exitCode, wallMs: r.run.wallMs, maxRssKb: r.run.maxRssKb, violations: r.violations, stderr: r.run.stderr.toString("utf8").slice(0, 600) })), null, 1),
  );
  return failed ? 1 : 0;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e.message}\nusage: node scripts/fuzz/run.js --cases N [--seed S] [--jobs J] [--first K] | --seed S --case N [--keep DIR]\n`);
    return 2;
  }
  return opts.case !== null ? one(opts) : many(opts);
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${e.stack}\n`);
    process.exit(2);
  },
);
