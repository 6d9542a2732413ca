// The task pane's browser test uses the shared browser support, in a task pane's width.
import { browserUnavailable, launchChromium } from "./browser";
export { OUTPUT, DIST, serveDirectory, type StaticServer as Server } from "./browser";

export const taskpaneUnavailable = () => browserUnavailable("taskpane.html", "task pane");
export const launch = () => launchChromium({ viewport: { width: 360, height: 900 } });
