// An in-pane confirmation (Office blocks window.confirm): a title, the list of what will
// change, and two buttons. Focus goes to the safe choice.
import { el, button } from "./dom";

export interface ConfirmOptions {
  title: string;
  items: string[];
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function confirmView(doc: Document, o: ConfirmOptions): HTMLElement {
  const titleId = "confirm-title";
  const list = el(doc, "ul", { className: "confirm-list" });
  for (const item of o.items) list.appendChild(el(doc, "li", { text: item }));
  const cancel = button(doc, o.cancelLabel, o.onCancel, { className: "secondary", attrs: { id: "confirm-cancel" } });
  const ok = button(doc, o.confirmLabel, o.onConfirm, { className: "danger", attrs: { id: "confirm-ok" } });
  const box = el(doc, "div", { className: "confirm", attrs: { role: "alertdialog", "aria-labelledby": titleId, id: "confirm" } }, [
    el(doc, "h2", { text: o.title, attrs: { id: titleId } }),
    list,
    el(doc, "div", { className: "actions" }, [ok, cancel]),
  ]);
  box.addEventListener("keydown", (e) => {
    if (e.key === "Escape") o.onCancel();
  });
  // Focus once attached: the safe choice.
  queueMicrotask(() => cancel.focus());
  return box;
}
