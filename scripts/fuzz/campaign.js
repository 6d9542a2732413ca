// A run of many cases: builds them from (seed, case number), runs `jobs` at a time, and sums the
// outcomes per mutator. Shared by the Jest test and `npm run fuzz`.
const fs = require("fs");
const { buildCase, recipe } = require("./cases");
const { executeCase, probeTools, makeWorkRoot, BIN } = require("./execute");

/**
 * Runs cases first..first+count-1 of `seed`. `onResult(result, done, total)` is called as each
 * finishes. Resolves with the results in case order.
 */
async function runCampaign({ seed, count, first = 0, jobs = 2, onResult = () => {}, tools = probeTools() }) {
  if (!fs.existsSync(BIN)) throw new Error(`${BIN} is missing: build the CLI first (npx tsc -p tsconfig.cli.json)`);
  const workRoot = makeWorkRoot();
  const results = new Array(count);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const spec = await buildCase(seed, first + i);
      const result = await executeCase(spec, { tools, workRoot });
      results[i] = result;
      onResult(result, ++done, count);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  } finally {
    fs.rmSync(workRoot, { recursive: true, force: true });
  }
  return results;
}

/** The outcome of a case for the table: "pass" or its violation kinds joined. */
const outcomeOf = (result) => (result.violations.length ? [...new Set(result.violations.map((v) => v.kind))].sort().join("+") : "pass");

/** One line naming a failing case and how to rebuild it. */
function describeFailure(result, keepDir) {
  const { spec, run } = result;
  const what = result.violations.map((v) => `${v.kind}: ${v.message}`).join("; ");
  return `case ${spec.caseNo} (seed ${spec.seed}) ${spec.mutator} [${spec.detail}] ran ${JSON.stringify(spec.argv)} → exit ${run.timedOut ? "killed" : run.exitCode}; ${what}. Rebuild: ${recipe(spec.seed, spec.caseNo, keepDir)}`;
}

module.exports = { runCampaign, outcomeOf, describeFailure };
