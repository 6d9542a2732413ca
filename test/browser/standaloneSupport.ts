// The standalone page's browser tests use the shared browser support.
import { promises as fs } from "fs";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { makeTempDir, removeDir } from "../cli/helpers/xlsxFiles";
import { browserUnavailable as unavailable, launchChromium as launch, serveDirectory, DIST, type StaticServer } from "../support/browser";
export { DIST, OUTPUT, type StaticServer } from "../support/browser";

export const browserUnavailable = () => unavailable("standalone.html", "trang độc lập");
export const serveDist = () => serveDirectory(DIST);
export const launchChromium = () => launch({ acceptDownloads: true });

export interface OpenPage {
  server: StaticServer;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Serves dist/, opens Chromium and the standalone page; `watch` attaches a test's listeners to
 * the page before it loads.
 */
export async function openStandalone(watch?: (page: Page, serverUrl: string) => void): Promise<OpenPage> {
  const server = await serveDist();
  const { context, profile } = await launchChromium();
  const page = await context.newPage();
  watch?.(page, server.url);
  await page.goto(`${server.url}/standalone.html`);
  return {
    server,
    context,
    page,
    async close() {
      await context.close();
      await server.close();
      await fs.rm(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the element's text contains `text` (the page works asynchronously). */
export async function expectText(locator: Locator, text: string): Promise<void> {
  try {
    await locator.filter({ hasText: text }).waitFor({ timeout: 20_000 });
  } catch {
    throw new Error(`Expected text "${text}", got "${await locator.textContent()}"`);
  }
}

export interface PageSession {
  readonly page: Page;
  /** A temporary folder for the block's files. */
  readonly dir: string;
  /** Errors thrown in the page and dialogs it opened: a test ends expecting none. */
  readonly problems: string[];
}

/**
 * One standalone page for a describe block: a temporary folder and the page opened before its
 * tests, both closed after them.
 */
export function standaloneSession(dirPrefix: string): PageSession {
  let opened: OpenPage | undefined;
  let dir = "";
  const problems: string[] = [];
  beforeAll(async () => {
    dir = await makeTempDir(dirPrefix);
    opened = await openStandalone((p) => {
      p.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
      p.on("dialog", (d) => problems.push(`dialog: ${d.message()}`));
    });
  }, 60_000);
  afterAll(async () => {
    await opened?.close();
    if (dir) await removeDir(dir);
  });
  return {
    get page() {
      if (!opened) throw new Error("the page is not open yet");
      return opened.page;
    },
    get dir() {
      return dir;
    },
    problems,
  };
}
