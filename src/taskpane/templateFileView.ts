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
  // A file holding several criteria sets (one per level): the clerk picks the sheet.
  let sets: StoredTemplate[] = [];
  const pick = el(doc, "select", { attrs: { id: "template-file-sheet" } });
  const pickField = el(doc, "div", { className: "field" }, [el(doc, "label", { text: "Sheet bộ tiêu chí trong tệp", attrs: { for: "template-file-sheet" } }), pick]);
  pick.addEventListener("change", () => {
    chosen = sets[Number(pick.value)] ?? chosen;
    refresh();
  });
  const remove = button(doc, "Bỏ tệp bộ tiêu chí", () => {
    chosen = null;
    sets = [];
    error.textContent = "";
    refresh();
  }, { attrs: { id: "template-file-remove" } });
  const refresh = () => {
    status.textContent = chosen ? templateFileSummary(chosen) : "Chưa chọn tệp bộ tiêu chí.";
    remove.hidden = !chosen;
    note.textContent = templateChoiceNote(sheet(), chosen) ?? "";
    note.hidden = note.textContent === "";
    pickField.hidden = sets.length < 2;
    error.hidden = error.textContent === "";
  };
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (!file) return;
    error.textContent = "";
    status.textContent = `Đang đọc tệp "${file.name}"…`;
    reading = readTemplateFile(file).then(
      (read) => {
        sets = read;
        chosen = read[0];
        pick.replaceChildren(...read.map((t, i) => el(doc, "option", { text: `${t.sheet} (${t.criteria.length} dòng tiêu chí)`, attrs: { value: String(i) } })));
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
    pickField,
    remove,
    note,
  ]);
  return { root, value: () => chosen, refresh, settled: () => reading };
}
