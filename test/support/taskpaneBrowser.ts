// Support for the task pane's browser test: a static server over dist/ on 127.0.0.1 and
// Debian's Chromium via playwright-core. Missing Chromium or build: a failure on CI, else a notice.
import { existsSync, promises as fs } from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const DIST = path.resolve(__dirname, "..", "..", "dist");
export const OUTPUT = path.resolve(__dirname, "..", "..", "test-output");

/** Why the test cannot run here, or null. Throws when CI=true. */
export function taskpaneUnavailable(): string | null {
  let reason: string | null = null;
  if (!existsSync(CHROMIUM)) reason = `Chromium không có ở ${CHROMIUM}`;
  else if (!existsSync(path.join(DIST, "taskpane.html"))) reason = "chưa build dist/ (hãy chạy npm run build)";
  if (reason !== null && process.env.CI === "true") throw new Error(`Không chạy được kiểm thử task pane trong trình duyệt: ${reason}.`);
  if (reason !== null) process.stdout.write(`BỎ QUA kiểm thử task pane trong trình duyệt: ${reason}.\n`);
  return reason;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

export interface Server {
  url: string;
  close(): Promise<void>;
}

export async function serveDirectory(root: string): Promise<Server> {
  const server = http.createServer(async (req, res) => {
    const urlPath = decodeURIComponent((req.url ?? "/").split("?")[0]);
    const file = path.join(root, path.normalize(urlPath).replace(/^([/\\])+/, ""));
    if (!file.startsWith(root) || req.method !== "GET") {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Chromium with a fresh profile (Playwright passes it as --user-data-dir). */
export async function launch(): Promise<{ context: BrowserContext; profile: string }> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-taskpane-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    viewport: { width: 360, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return { context, profile };
}
