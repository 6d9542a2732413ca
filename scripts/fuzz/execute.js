// Runs one fuzz case: lays its files out in a fresh folder, runs the built `cchc` there under
// /usr/bin/time -v (peak memory) with a wall-clock kill, checks OUT with shared/ooxml-check, and
// hands everything to the contract. Also the tools probe: what can be measured on this machine.
const { spawn, spawnSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { REPO, seedPackages } = require("./seeds");
const { checkContract, BOUNDS } = require("./contract");

const BIN = path.join(REPO, "lib", "cli", "main.js");
const VALIDATE = path.join(REPO, "..", "shared", "ooxml-check", "validate.py");
const PYTHON = "/usr/bin/python3";
const TIME = "/usr/bin/time";

/** Which measuring tools exist: /usr/bin/time, and python3 with lxml for validate.py. */
function probeTools() {
  const time = fs.existsSync(TIME);
  const lxml = fs.existsSync(VALIDATE) && spawnSync(PYTHON, ["-c", "import lxml"], { stdio: "ignore" }).status === 0;
  return { time, lxml };
}

const sha = (file) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** Lays out a case's files, folders and symlinks under `dir`. */
function layOut(spec, dir) {
  for (const d of spec.dirs || []) fs.mkdirSync(path.join(dir, d), { recursive: true });
  for (const f of spec.files) {
    fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, f.path), f.bytes);
  }
  for (const s of spec.symlinks || []) fs.symlinkSync(s.target, path.join(dir, s.path));
}

/** The pids of a process's children (Linux /proc), or [] when it is gone. */
function childrenOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** A process's peak resident set in kB (VmHWM), or null. */
function peakRssKb(pid) {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+) kB/);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

const kill = (pid, signal = "SIGKILL") => {
  try {
    process.kill(pid, signal);
  } catch {
    /* already gone */
  }
};

/**
 * Runs the CLI with `argv` in `cwd`; resolves with exit, streams, time and peak memory. A watchdog
 * reads the node process's peak RSS every 200 ms and kills it past the memory bound or the wall
 * bound (only node: /usr/bin/time then still reports how it ended and its peak).
 */
function runCli(argv, cwd, timeFile, tools) {
  const nodeArgs = ["--max-old-space-size=1536", BIN, ...argv];
  const [cmd, args] = tools.time ? [TIME, ["-v", "-o", timeFile, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], detached: true, env: { ...process.env, FORCE_COLOR: "0" } });
    const out = [];
    const err = [];
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => err.push(d));
    let timedOut = false;
    let memoryKilled = false;
    let watchedRss = null;
    const nodePid = () => (tools.time ? childrenOf(child.pid)[0] : child.pid);
    const watchdog = setInterval(() => {
      const pid = nodePid();
      const rss = pid ? peakRssKb(pid) : null;
      if (rss !== null) watchedRss = Math.max(watchedRss ?? 0, rss);
      const overTime = Date.now() - started > BOUNDS.wallMs;
      if (overTime || (watchedRss ?? 0) > BOUNDS.rssKb) {
        if (overTime) timedOut = true;
        else memoryKilled = true;
        if (pid) kill(pid);
        // Whatever is left of the group (time itself, if node is already gone) a moment later.
        setTimeout(() => kill(-child.pid), 2000).unref();
      }
    }, 200);
    child.on("close", (code, signal) => {
      clearInterval(watchdog);
      const wallMs = Date.now() - started;
      let exitCode = code;
      let maxRssKb = watchedRss;
      if (tools.time && fs.existsSync(timeFile)) {
        const t = fs.readFileSync(timeFile, "utf8");
        const rss = t.match(/Maximum resident set size \(kbytes\): (\d+)/);
        if (rss) maxRssKb = Math.max(maxRssKb ?? 0, Number(rss[1]));
        const sig = t.match(/Command terminated by signal (\d+)/);
        if (sig) exitCode = 128 + Number(sig[1]);
      }
      resolve({ exitCode, signal, timedOut, memoryKilled, stdout: Buffer.concat(out), stderr: Buffer.concat(err), wallMs, maxRssKb });
    });
  });
}

/** validate.py OUT [--base IN]: the new ERRORs, and the ERRORs IN already had (copied into OUT). */
function validateOut(out, base) {
  const args = [VALIDATE, out];
  if (base && out.endsWith(".xlsx")) args.push("--base", base);
  const r = spawnSync(PYTHON, args, { encoding: "utf8", timeout: 120000 });
  const lines = (r.stdout || "").split("\n").filter((l) => l.startsWith("ERROR"));
  return { newErrors: lines.filter((l) => !l.includes("[pre-existing]")), preExistingErrors: lines.filter((l) => l.includes("[pre-existing]")), lines };
}

const baselines = new Map();

/** check --json on an unmutated seed (once per process), for the oracles that compare with it. */
async function baselineOf(seedName, tools, workRoot) {
  if (!baselines.has(seedName)) {
    const dir = fs.mkdtempSync(path.join(workRoot, `baseline-${seedName}-`));
    fs.writeFileSync(path.join(dir, "in.xlsx"), (await seedPackages())[seedName]);
    const r = await runCli(["check", "--json", "in.xlsx"], dir, path.join(dir, "time.txt"), tools);
    baselines.set(seedName, JSON.parse(r.stdout.toString("utf8")));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return baselines.get(seedName);
}

/**
 * Runs one case in a new folder under `workRoot` and judges it. Keeps the folder when `keep`
 * is true (for --keep), else removes it. Returns { spec, run, violations, dir }.
 */
async function executeCase(spec, { tools, workRoot, keep = false }) {
  const dir = fs.mkdtempSync(path.join(workRoot, `case-${spec.caseNo}-`));
  const cwd = path.join(dir, "work");
  fs.mkdirSync(cwd);
  layOut(spec, cwd);
  const hashes = new Map(spec.inputs.filter((f) => fs.existsSync(path.join(cwd, f))).map((f) => [f, sha(path.join(cwd, f))]));
  const r = await runCli(spec.argv, cwd, path.join(dir, "time.txt"), tools);
  const inputsChanged = [...hashes].filter(([f, h]) => !fs.existsSync(path.join(cwd, f)) || sha(path.join(cwd, f)) !== h).map(([f]) => f);
  const outPath = spec.out ? path.join(cwd, spec.out) : null;
  const outStat = outPath && fs.existsSync(outPath) ? fs.statSync(outPath) : null;
  const leftovers = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (/\.tmp$/.test(e.name) && e.name.startsWith(".")) leftovers.push(path.relative(cwd, path.join(d, e.name)));
    }
  };
  walk(cwd);
  let json;
  if (spec.argv.includes("--json")) {
    try {
      json = JSON.parse(r.stdout.toString("utf8"));
    } catch {
      json = undefined;
    }
  }
  let validation = null;
  if (tools.lxml && outStat && outStat.isFile() && [0, 1].includes(r.exitCode) && !spec.inputs.includes(spec.out)) {
    validation = validateOut(outPath, spec.inputs[0] ? path.join(cwd, spec.inputs[0]) : null);
  }
  let judgeMessage = null;
  if (spec.judge && json !== undefined && [0, 1].includes(r.exitCode)) {
    const baseline = spec.baselineSeed ? await baselineOf(spec.baselineSeed, tools, workRoot) : null;
    judgeMessage = spec.judge(json, baseline, cwd);
  } else if (spec.judge && json !== undefined && spec.baselineSeed) {
    judgeMessage = `a readable workbook was refused (exit ${r.exitCode})`;
  }
  const run = { ...r, inputsChanged, outExists: Boolean(outStat), outIsFile: Boolean(outStat && outStat.isFile()), leftovers, validation, json, judgeMessage };
  const violations = checkContract(spec, run);
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  return { spec, run, violations, dir };
}

/** A fresh scratch root for a run's case folders. */
const makeWorkRoot = () => fs.mkdtempSync(path.join(os.tmpdir(), "cchc-fuzz-"));

module.exports = { executeCase, probeTools, makeWorkRoot, BIN, VALIDATE };
