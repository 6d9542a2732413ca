// The contract every fuzz case must keep, as one function used by the Jest test and the long run:
// given what a run of the `cchc` command did (exit, output bytes, time, memory, files), the list of
// ways it broke the contract. An empty list is a pass.

/** Bounds per case: guards against hangs and memory blow-ups, not speed targets. */
const BOUNDS = { wallMs: 20000, rssKb: 1024 * 1024 };

/** Library and runtime English that must never reach the clerk (they read Vietnamese). */
const ENGLISH_INTERNALS = [
  /Cannot read propert(y|ies)[^\n]{0,60}/,
  /Cannot (set|merge|find|convert|access)\b[^\n]{0,60}/,
  /\bundefined\b/,
  /\b(Type|Range|Reference|Syntax|Internal|Aggregate)Error\b/,
  /is not a function/,
  /is not (defined|iterable)/,
  /exceeds 31 char(acter)?s/,
  /is protected/,
  /\bE(NOENT|ISDIR|ACCES|NOTDIR|PERM|EXIST|LOOP|NAMETOOLONG|MFILE|BADF)\b/,
  /no such file or directory/,
  /illegal operation on a directory/,
  /Maximum call stack/,
  /heap out of memory|FATAL ERROR/,
  /Unexpected (token|end)/,
  /\bat position \d+/,
  /\b(Infinity|NaN)\b/,
  /\b(invalid|Invalid) (signature|zip|XML|character|value|array length)\b/,
  /End of data reached|Corrupted zip|Can't find end of central directory/,
  /\[object Object\]/,
];

const STACK_TRACE = /^\s*at (?:async )?[^\n]*?\(?(?:\/|node:|file:)[^\n]*:\d+(?::\d+)?\)?\s*$/m;

/**
 * Judges one run. `spec` is the case (argv, expectations); `run` is what happened:
 * { exitCode, signal, timedOut, memoryKilled, stdout: Buffer, stderr: Buffer, wallMs, maxRssKb (null if not
 *   measured), inputsChanged: string[], outExists, outIsFile, leftovers: string[],
 *   validation: { newErrors, preExistingErrors, lines } | null, json: parsed stdout or undefined,
 *   judgeMessage: string | null }.
 * Returns [{ kind, message }].
 */
function checkContract(spec, run) {
  const v = [];
  const add = (kind, message) => v.push({ kind, message });
  const command = spec.argv[0];
  const writes = (command === "summary" || command === "report") && spec.out;

  // A run the watchdog killed (time or memory) is judged on that alone, not on its exit or output.
  const killed = run.timedOut || run.memoryKilled;
  if (run.timedOut) add("timeout", `still running after ${BOUNDS.wallMs / 1000} s (killed)`);
  else if (run.memoryKilled) add("memory", `killed past ${BOUNDS.rssKb / 1024} MB resident (peak seen ${Math.round((run.maxRssKb ?? 0) / 1024)} MB)`);
  else if (![0, 1, 2].includes(run.exitCode)) add("exit-code", `exit ${run.exitCode}${run.signal ? ` (signal ${run.signal})` : ""}, not 0, 1 or 2`);
  if (!run.timedOut && run.wallMs > BOUNDS.wallMs) add("timeout", `took ${(run.wallMs / 1000).toFixed(1)} s (bound ${BOUNDS.wallMs / 1000} s)`);
  if (!run.memoryKilled && run.maxRssKb !== null && run.maxRssKb > BOUNDS.rssKb) add("memory", `peak RSS ${Math.round(run.maxRssKb / 1024)} MB (bound ${BOUNDS.rssKb / 1024} MB)`);

  const stdout = run.stdout.toString("utf8");
  const stderr = run.stderr.toString("utf8");
  if (STACK_TRACE.test(stderr)) add("stack-trace", `stack trace on stderr: ${stderr.match(STACK_TRACE)[0].trim().slice(0, 120)}`);
  // What the user reads: stderr always, stdout as text; in JSON only the messages (cell text may say anything).
  const readable = [stderr];
  if (run.json === undefined) readable.push(stdout);
  else readable.push(...messagesOf(run.json));
  for (const text of readable) {
    const found = ENGLISH_INTERNALS.map((re) => text.match(re)).filter(Boolean).map((m) => m[0]);
    // "undefined" inside "Cannot read properties of undefined" is one finding, not two.
    for (const m of found) if (!found.some((o) => o !== m && o.includes(m))) add("english-text", `internal English shown to the user: "${m.slice(0, 100)}"`);
  }
  if (spec.argv.includes("--json") && !killed && run.json === undefined) add("json-parse", `--json stdout does not parse: ${JSON.stringify(stdout.slice(0, 120))}`);
  if (run.stdout.includes(0x1b) || run.stderr.includes(0x1b)) add("raw-escape", `raw ESC byte on ${run.stdout.includes(0x1b) ? "stdout" : "stderr"}`);
  const c1 = /[\u0080-\u009f]/;
  if (c1.test(stdout) || c1.test(stderr)) add("raw-escape", "raw C1 control character (e.g. U+009B CSI) on stdout/stderr");

  if (run.inputsChanged.length) add("input-changed", `input changed: ${run.inputsChanged.join(", ")}`);
  if (writes && !killed) {
    if (run.exitCode === 2 && run.outExists) add("out-after-failure", `exit 2 but ${spec.out} was written`);
    if ((run.exitCode === 0 || run.exitCode === 1) && !run.outIsFile) add("out-missing", `exit ${run.exitCode} but no ${spec.out}`);
  }
  if (run.leftovers.length) add("temp-left", `temporary file(s) left: ${run.leftovers.join(", ")}`);
  if (run.validation) {
    if (run.validation.newErrors.length) add("out-invalid", `OUT has new ERROR(s): ${run.validation.newErrors.slice(0, 2).join(" | ").slice(0, 240)}`);
    // The seeds validate clean, so an ERROR already in IN is the mutation's damage, copied into OUT.
    const inherited = run.validation.preExistingErrors;
    if (inherited.length) add("out-copies-damage", `OUT carries the input's damage (pre-existing ERROR): ${inherited[0].slice(0, 200)}`);
  }

  if (spec.expectExit && !killed && !spec.expectExit.includes(run.exitCode)) add("expected-exit", `exit ${run.exitCode}, expected ${spec.expectExit.join(" or ")} for this input`);
  if (spec.forbiddenText && (stdout.includes(spec.forbiddenText) || stderr.includes(spec.forbiddenText))) add("entity-expanded", "an XML entity was expanded into the output");
  if (run.judgeMessage) add("oracle", run.judgeMessage);
  return v;
}

/** Every "message"/"error"/"reason" string in a check --json document. */
function messagesOf(json) {
  const out = [];
  const walk = (x, key) => {
    if (typeof x === "string") {
      if (/^(message|error|reason|detail|warning)s?$/i.test(key)) out.push(x);
    } else if (Array.isArray(x)) x.forEach((y) => walk(y, key));
    else if (x && typeof x === "object") for (const [k, y] of Object.entries(x)) walk(y, k);
  };
  walk(json, "");
  return out;
}

module.exports = { checkContract, BOUNDS, ENGLISH_INTERNALS };
