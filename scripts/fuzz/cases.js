// From (seed, case number) to a case: which mutator, which seed workbook, which command, which
// files to lay out and what must hold. Mutators are dealt round by round in a seeded order, so
// every mutator gets an even share of any run and case N is always the same case.
const { makeRng } = require("./prng");
const { MUTATORS } = require("./mutators");
const { seedPackages } = require("./seeds");

/** The mutator of case `caseNo`: round r = floor(caseNo / M) deals the M mutators in a shuffled order. */
function mutatorOf(seed, caseNo) {
  const m = MUTATORS.length;
  const round = Math.floor(caseNo / m);
  const order = makeRng(seed ^ 0x5eed, round).shuffle(MUTATORS.map((_, i) => i));
  return MUTATORS[order[caseNo % m]];
}

/** The names of the first `count` cases' mutators (no files built), e.g. for naming tests. */
function planCases(seed, count, first = 0) {
  return Array.from({ length: count }, (_, i) => ({ caseNo: first + i, mutator: mutatorOf(seed, first + i).name }));
}

const COMMANDS = [
  { argv: ["check", "in.xlsx"], out: null },
  { argv: ["check", "--json", "in.xlsx"], out: null },
  { argv: ["summary", "in.xlsx", "-o", "out.xlsx"], out: "out.xlsx" },
  { argv: ["report", "in.xlsx", "-o", "out.docx"], out: "out.docx" },
];

/** Builds case `caseNo` of `seed`: everything needed to run it and judge it. */
async function buildCase(seed, caseNo) {
  const mutator = mutatorOf(seed, caseNo);
  const rng = makeRng(seed, caseNo);
  const seeds = await seedPackages();
  const base = { seed, caseNo, mutator: mutator.name, family: mutator.name.split(".")[0], files: [], dirs: [], symlinks: [], out: null };
  if (mutator.kind === "args") {
    const c = await mutator.build(rng, seeds);
    return { ...base, ...c, inputs: c.files.map((f) => f.path) };
  }
  const seedName = mutator.name.startsWith("semantic.") ? null : rng.pick(["district", "units", "sample"]);
  const m = await mutator.build(rng, seedName ? seeds[seedName] : null);
  const needsJson = Boolean(m.judge || m.sameAsSeed);
  const command = needsJson ? COMMANDS[1] : rng.pick(COMMANDS);
  return {
    ...base,
    detail: `${seedName ? `seed workbook ${seedName}: ` : ""}${m.detail}`,
    files: [{ path: "in.xlsx", bytes: m.bytes }],
    inputs: ["in.xlsx"],
    argv: command.argv,
    out: command.out,
    expectExit: m.expectExit,
    damagedPart: m.damagedPart,
    forbiddenText: m.forbiddenText,
    baselineSeed: m.baselineSeed || (m.sameAsSeed ? seedName : undefined),
    judge: m.judge || (m.sameAsSeed ? require("./judge").sameFigures : undefined),
  };
}

/** The command that rebuilds a case's files (and reruns it) by hand. */
const recipe = (seed, caseNo, keep = "fuzz-output/case") => `node scripts/fuzz/run.js --seed ${seed} --case ${caseNo} --keep ${keep}`;

module.exports = { mutatorOf, planCases, buildCase, recipe, MUTATORS };
