// Elements built with createElement and textContent only: text from cells is never parsed as HTML.
// Shared by the forms, the pane (src/taskpane/dom.ts re-exports it) and the page's forms.

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

export function option(doc: Document, value: string, text: string, selected = false): HTMLOptionElement {
  const o = el(doc, "option", { text, attrs: { value } });
  o.selected = selected;
  return o;
}

/** A label and its control, tied by id. */
export function field(doc: Document, id: string, label: string, control: HTMLElement): HTMLElement {
  control.id = id;
  return el(doc, "div", { className: "field" }, [el(doc, "label", { text: label, attrs: { for: id } }), control]);
}
