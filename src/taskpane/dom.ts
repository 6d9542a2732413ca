// Building DOM with createElement and textContent only: text from cells is never parsed as HTML.

export interface ElementProps {
  className?: string;
  text?: string;
  /** Attributes set with setAttribute (never event handlers). */
  attrs?: Record<string, string>;
  onClick?: (event: Event) => void;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: ElementProps = {},
  children: Array<Node | string | null | undefined> = [],
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (/^on/i.test(name)) throw new Error(`event attribute not allowed: ${name}`);
    node.setAttribute(name, value);
  }
  if (props.onClick) node.addEventListener("click", props.onClick);
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.appendChild(typeof child === "string" ? doc.createTextNode(child) : child);
  }
  return node;
}

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
