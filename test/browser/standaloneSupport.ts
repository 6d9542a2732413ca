// The standalone page's browser tests use the shared browser support.
import { browserUnavailable as unavailable, launchChromium as launch, serveDirectory, DIST } from "../support/browser";
export { DIST, OUTPUT, type StaticServer } from "../support/browser";

export const browserUnavailable = () => unavailable("standalone.html", "trang độc lập");
export const serveDist = () => serveDirectory(DIST);
export const launchChromium = () => launch({ acceptDownloads: true });
