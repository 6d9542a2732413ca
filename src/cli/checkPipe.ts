// `cchc check … | head`: when the reader closes the pipe early, stop quietly instead of
// crashing with EPIPE (the rest of the report has nowhere to go).
let installed = false;

export function quietOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  if (installed) return;
  installed = true;
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}
