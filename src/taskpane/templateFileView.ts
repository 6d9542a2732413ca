// Cài đặt → "Tệp bộ tiêu chí mẫu (.xlsx)": choose a file, see what was read (or why not), remove
// it; the choice is saved with "Lưu cài đặt". Part of the settings form's chunk.
import type { StoredTemplate } from "../engine/core/types";
import { button, el } from "./dom";
import { errorSentence } from "./messages";
import { readTemplateFile, templateChoiceNote, templateFileSummary } from "./templateFile";

export interface TemplateFileField {
  root: HTMLElement;
  /** The set to save: the one chosen, the saved one, or null when removed. */
  value(): StoredTemplate | null;
  /** Says again which set is used (call when the template sheet's choice changes). */
  refresh(): void;
  /** Resolves once the file being read (if any) is read or refused: "Lưu" waits for it. */
  settled(): Promise<void>;
}

/** `sheet()`: the template sheet chosen beside it ("" for none). */
export function templateFileField(doc: Document, saved: StoredTemplate | null, sheet: () => string): TemplateFileField {
  let chosen = saved;
  let reading: Promise<void> = Promise.resolve();
  const input = el(doc, "input", { attrs: { type: "file", id: "template-file", accept: ".xlsx,.xlsm,.xls,.ods" } });
  const status = el(doc, "p", { className: "hint", attrs: { id: "template-file-status", role: "status" } });
  const error = el(doc, "p", { className: "error-box", attrs: { id: "template-file-error", role: "alert" } });
  const note = el(doc, "p", { className: "hint", attrs: { id: "template-choice-note" } });
  const remove = button(doc, "Bỏ tệp bộ tiêu chí", () => {
    chosen = null;
    error.textContent = "";
    refresh();
  }, { attrs: { id: "template-file-remove" } });
  const refresh = () => {
    status.textContent = chosen ? templateFileSummary(chosen) : "Chưa chọn tệp bộ tiêu chí.";
    remove.hidden = !chosen;
    note.textContent = templateChoiceNote(sheet(), chosen) ?? "";
    note.hidden = note.textContent === "";
    error.hidden = error.textContent === "";
  };
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (!file) return;
    error.textContent = "";
    status.textContent = `Đang đọc tệp "${file.name}"…`;
    reading = readTemplateFile(file).then(
      (stored) => {
        chosen = stored;
        refresh();
      },
      (err: unknown) => {
        // Nothing changes: the set chosen before (if any) stays.
        error.textContent = errorSentence(err);
        refresh();
      },
    );
    // The same file may be chosen again after a fix.
    input.value = "";
  });
  refresh();
  const root = el(doc, "div", { className: "field template-file" }, [
    el(doc, "label", { text: "Tệp bộ tiêu chí mẫu (.xlsx)", attrs: { for: "template-file" } }),
    input,
    status,
    error,
    remove,
    note,
  ]);
  return { root, value: () => chosen, refresh, settled: () => reading };
}
