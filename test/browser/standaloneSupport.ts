// The standalone page's browser tests use the shared browser support.
import { promises as fs } from "fs";
import type { BrowserContext, Page } from "playwright-core";
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
