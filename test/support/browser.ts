// Support for the browser tests: a static server over dist/ on 127.0.0.1 and Debian's
// Chromium driven by playwright-core. A missing Chromium or build fails on CI, else a notice.
import { existsSync, promises as fs } from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
/** The built pages; CCHC_DIST points elsewhere (e.g. a build of one entry alone). */
export const DIST = path.resolve(process.env.CCHC_DIST ?? path.join(__dirname, "..", "..", "dist"));
export const OUTPUT = path.resolve(__dirname, "..", "..", "test-output");

/** Why a page's browser test cannot run here, or null when it can. Throws on CI. */
export function browserUnavailable(page: string, what: string): string | null {
  let reason: string | null = null;
  if (!existsSync(CHROMIUM)) reason = `Chromium không có ở ${CHROMIUM}`;
  else if (!existsSync(path.join(DIST, page))) reason = "chưa build dist/ (hãy chạy npm run build)";
  if (reason !== null && process.env.CI === "true") throw new Error(`Không chạy được kiểm thử ${what} trong trình duyệt: ${reason}.`);
  if (reason !== null) process.stdout.write(`BỎ QUA kiểm thử ${what} trong trình duyệt: ${reason}.\n`);
  return reason;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".png": "image/png",
  ".xml": "application/xml",
};

export interface StaticServer {
  url: string;
  /** Paths requested, to prove nothing but the page's own files was fetched. */
  requests: string[];
  close(): Promise<void>;
}

export async function serveDirectory(root: string = DIST): Promise<StaticServer> {
  const requests: string[] = [];
  const server = http.createServer(async (req, res) => {
    const urlPath = decodeURIComponent((req.url ?? "/").split("?")[0]);
    requests.push(`${req.method} ${urlPath}`);
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
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Chromium with a fresh profile (Playwright passes it as --user-data-dir). */
export async function launchChromium(
  options: { viewport?: { width: number; height: number }; acceptDownloads?: boolean } = {},
): Promise<{ context: BrowserContext; profile: string }> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "cchc-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    ...options,
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
