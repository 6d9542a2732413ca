// Whether the pane may hand the clerk a file. Office on the web runs the pane in an iframe of the
// user's own browser, so a download link works there. Excel on Windows and on Mac run it in a
// webview (WebView2, WKWebView) where Microsoft documents that downloads cannot always be done
// inside the add-in (the OpenBrowserWindow API exists for that, and a blob made in the pane cannot
// be opened in another browser): there the pane writes the draft into a sheet instead.
import { offerDownload } from "../report/download";

/** A way to save bytes as a file the clerk keeps; absent where the host cannot. */
export type SaveFile = (bytes: Uint8Array, fileName: string, mime: string) => void;

/** Office.PlatformType.OfficeOnline, as Office.context.platform reports it. */
const OFFICE_ON_THE_WEB = "OfficeOnline";

export function canSaveFiles(platform: unknown): boolean {
  return platform === OFFICE_ON_THE_WEB;
}

/** Saves through a download link the browser follows (Office on the web). */
export function browserSaveFile(doc: Document): SaveFile {
  return (bytes, fileName, mime) => {
    const link = doc.createElement("a");
    link.hidden = true;
    doc.body.appendChild(link);
    offerDownload(link, bytes, fileName, mime);
    link.remove();
  };
}
