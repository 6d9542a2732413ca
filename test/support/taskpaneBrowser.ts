// The task pane's browser tests: the shared browser support in a task pane's width, and the pane
// opened over the fake Excel host served in place of office.js.
import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { browserUnavailable, launchChromium, serveDirectory, DIST, OUTPUT, type StaticServer } from "./browser";
export { OUTPUT, DIST, serveDirectory, type StaticServer as Server } from "./browser";

export const taskpaneUnavailable = () => browserUnavailable("taskpane.html", "task pane");
export const launch = () => launchChromium({ viewport: { width: 360, height: 900 } });

/** The fake host: the fake Excel object model (test/support/fakeExcel.js) and its Office shim. */
export const FAKE_HOST_SCRIPT =
  readFileSync(path.join(__dirname, "fakeExcel.js"), "utf8") + "\n" + readFileSync(path.join(__dirname, "..", "browser", "fakeOffice.js"), "utf8");

export interface FakeHostPane {
  server: StaticServer;
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Serves dist/ and opens Chromium where office.js is the fake host (with `extra()` appended, read
 * on each request, for tests that change the host) and every other origin is refused (and
 * recorded in `outside` when given).
 */
export async function openFakeHostPane(options: { extra?: () => string; outside?: string[] } = {}): Promise<FakeHostPane> {
  const server = await serveDirectory(DIST);
  const { context, profile } = await launch();
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url + "/office-js/office.js")) {
      const body = FAKE_HOST_SCRIPT + (options.extra?.() ?? "");
      return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body });
    }
    if (url.startsWith(server.url)) return route.continue();
    options.outside?.push(url);
    return route.abort();
  });
  return {
    server,
    context,
    async close() {
      await context.close();
      await server.close();
      await fs.rm(profile, { recursive: true, force: true });
    },
  };
}

/** A new page of the pane over the fake host, on the workbook `init`, once its status matches `ready`. */
export async function openPaneOn(pane: FakeHostPane, init: unknown, ready: RegExp = /Tìm thấy/): Promise<Page> {
  const page = await pane.context.newPage();
  await page.addInitScript((value) => {
    (window as unknown as { __CCHC_FAKE_INIT__: unknown }).__CCHC_FAKE_INIT__ = value;
  }, init);
  await page.goto(`${pane.server.url}/taskpane.html`);
  await page.waitForFunction((source) => new RegExp(source).test(document.getElementById("status-text")?.textContent ?? ""), ready.source);
  return page;
}

/** A page of the pane, with what went wrong in it and the scripts it fetched (by file name). */
export interface WatchedPage {
  page: Page;
  /** Page errors, console errors and CSP reports. */
  problems: string[];
  scripts: string[];
}

/**
 * For a describe block: the fake-host pane opened before its tests and closed after, with a
 * scratch folder under test-output/ (`prefix`); `open(init)` opens the pane on a workbook.
 */
export function fakeHostPaneForTests(prefix: string): { dir(): string; open(init: unknown): Promise<WatchedPage> } {
  let pane: FakeHostPane | undefined;
  let dir = "";
  beforeAll(async () => {
    await fs.mkdir(OUTPUT, { recursive: true });
    dir = await fs.mkdtemp(path.join(OUTPUT, prefix));
    pane = await openFakeHostPane();
  });
  afterAll(async () => {
    await pane?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    async open(init) {
      const page = await pane!.context.newPage();
      const problems: string[] = [];
      const scripts: string[] = [];
      page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
      page.on("console", (msg) => {
        if (msg.type() === "error" || /Content Security Policy/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
      });
      page.on("request", (req) => {
        if (req.resourceType() === "script") scripts.push(path.basename(new URL(req.url()).pathname));
      });
      await page.addInitScript((value) => {
        (window as unknown as { __CCHC_FAKE_INIT__: unknown }).__CCHC_FAKE_INIT__ = value;
      }, init);
      await page.goto(`${pane!.server.url}/taskpane.html`);
      await page.waitForFunction(() => /Tìm thấy|Không tìm thấy/.test(document.getElementById("status-text")?.textContent ?? ""));
      return { page, problems, scripts };
    },
  };
}
