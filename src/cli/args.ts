// A small command line parser: positional arguments, boolean flags and options with a value
// (`-o OUT`, `--output OUT`, `--output=OUT`). Messages are Vietnamese.

export interface ArgSpec {
  /** Boolean flags, e.g. ["--json"]. */
  flags: readonly string[];
  /** Options taking a value, canonical name → aliases, e.g. { "--output": ["-o"] }. */
  options: Readonly<Record<string, readonly string[]>>;
}

export interface ParsedArgs {
  positional: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

export type ParseResult = { ok: true; args: ParsedArgs } | { ok: false; error: string };

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParseResult {
  const canonical = new Map<string, string>();
  for (const [name, aliases] of Object.entries(spec.options)) {
    canonical.set(name, name);
    for (const a of aliases) canonical.set(a, name);
  }
  const parsed: ParsedArgs = { positional: [], flags: new Set(), options: new Map() };
  let onlyPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositional || arg === "-" || !arg.startsWith("-")) {
      parsed.positional.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPositional = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const key = eq > 0 ? arg.slice(0, eq) : arg;
    if (spec.flags.includes(key)) {
      if (eq > 0) return { ok: false, error: `Tùy chọn ${key} không nhận giá trị.` };
      parsed.flags.add(key);
      continue;
    }
    const option = canonical.get(key);
    if (option === undefined) return { ok: false, error: `Tùy chọn không hợp lệ: ${arg}` };
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    if (value === undefined || value === "") return { ok: false, error: `Tùy chọn ${key} cần một giá trị.` };
    if (parsed.options.has(option)) return { ok: false, error: `Tùy chọn ${key} chỉ được dùng một lần.` };
    parsed.options.set(option, value);
  }
  return { ok: true, args: parsed };
}
