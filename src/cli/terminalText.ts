// What reaches the clerk's terminal: text shown, never obeyed. Cell text, file names and arguments
// may carry escape sequences; every line on stderr passes through one guard, and libraries'
// console chatter (in English) never reaches the clerk.

/**
 * C0 controls other than tab and line feed, DEL, C1 controls and the bidirectional overrides,
 * which a terminal would obey (an ESC sequence can recolour, move the cursor or retitle the window;
 * a carriage return overwrites the line) instead of showing.
 */
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** Text from a workbook as safe terminal text: each control shown as \x1b (or \u202e). */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

type Write = typeof process.stderr.write;

/**
 * From here on, every string written to stderr is shown with its controls escaped, whichever
 * module writes it (an argument echoed in an error, a file name in a message), and console output
 * of libraries is dropped: the command speaks only through its own Vietnamese messages.
 */
export function guardTerminal(): void {
  const stderr = process.stderr;
  const write = stderr.write.bind(stderr) as (...args: unknown[]) => boolean;
  stderr.write = ((chunk: unknown, ...rest: unknown[]) => write(typeof chunk === "string" ? escapeControls(chunk) : chunk, ...rest)) as Write;
  const silent = () => undefined;
  for (const level of ["log", "info", "warn", "error", "debug", "trace"] as const) console[level] = silent;
}
