// Writing a command's report to stdout so that a failed write is never a silent success: a full
// disk, /dev/full or a closed pipe makes the command say so on stderr and exit 2.
import * as fs from "fs";
import * as tty from "tty";
import { systemReason } from "./systemErrors";

type Stream = NodeJS.WritableStream & { fd?: unknown };

/**
 * The descriptor to write with fs.writeSync when the stream is a file or a device: Node's stream
 * for those ignores short writes (a full disk cuts the output with no error), so every byte is
 * written here in a loop until it is taken or the write fails. Pipes and terminals keep the stream.
 */
function fileDescriptor(stream: Stream): number | null {
  if (typeof stream.fd !== "number") return null;
  try {
    const stat = fs.fstatSync(stream.fd);
    return stat.isFile() || (stat.isCharacterDevice() && !tty.isatty(stream.fd)) ? stream.fd : null;
  } catch {
    return null;
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done);
}

/** One writer for a command's output; after the first failure it writes nothing more. */
export class OutputWriter {
  private failure: Error | null = null;
  private readonly fd: number | null;

  constructor(private readonly stream: Stream = process.stdout) {
    this.fd = fileDescriptor(stream);
    // Without a listener, an asynchronous write error would crash the process with a stack trace.
    stream.on("error", (err: Error) => this.fail(err));
  }

  /** The first write error, or null while every write has succeeded. */
  get error(): Error | null {
    return this.failure;
  }

  /** Writes `text` and waits until it is taken (the drain), so memory stays bounded. */
  async write(text: string): Promise<void> {
    if (this.failure !== null || text === "") return;
    try {
      if (this.fd !== null) writeAll(this.fd, Buffer.from(text, "utf8"));
      else await new Promise<void>((resolve, reject) => this.stream.write(text, (err) => (err ? reject(err) : resolve())));
    } catch (err) {
      this.fail(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private fail(err: Error): void {
    if (this.failure === null) this.failure = err;
  }
}

/** The Vietnamese message for a failed write to stdout. */
export function outputErrorMessage(err: Error): string {
  return `Không ghi được kết quả ra đầu ra chuẩn (${systemReason(err)}); kết quả đã ghi không đầy đủ, đừng dùng.`;
}
