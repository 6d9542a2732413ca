// Building DOM with createElement and textContent only: text from cells is never parsed as HTML.

export { el, type ElementProps } from "../forms/dom";
import { el, type ElementProps } from "../forms/dom";

/** Removes every child of `node`. */
export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** A <button type="button">. */
export function button(doc: Document, label: string, onClick: () => void, props: ElementProps = {}): HTMLButtonElement {
  const b = el(doc, "button", { ...props, text: label, attrs: { type: "button", ...(props.attrs ?? {}) } });
  b.addEventListener("click", onClick);
  return b;
}
