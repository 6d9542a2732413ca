// The task pane's entry: waits for Office, then runs the pane over the Office.js adapter.
import { OfficeWorkbook } from "../host/office/officeWorkbook";
import { setFunctionBands } from "../functions/functionSettings";
import { PaneApp, showOutsideExcel } from "./app";
import { errorSentence } from "./messages";
import { browserSaveFile, canSaveFiles } from "./reportFile";

Office.onReady((info) => {
  const errorBox = document.getElementById("error");
  if (info.host !== Office.HostType.Excel) {
    showOutsideExcel(document);
    return;
  }
  try {
    const app = new PaneApp(document, new OfficeWorkbook(), {
      applyBands: (bands) => setFunctionBands(bands),
      saveFile: canSaveFiles(info.platform) ? browserSaveFile(document) : undefined,
    });
    void app.start();
  } catch (err) {
    if (errorBox) {
      errorBox.textContent = errorSentence(err);
      errorBox.hidden = false;
    }
  }
});
