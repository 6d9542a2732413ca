// Elements built with createElement and textContent only: text from cells is never parsed as HTML.
// The forms' own copy, so the pane and the page can both use them (each face has its own dom.ts).

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { className?: string; text?: string; attrs?: Record<string, string> } = {},
  children: Array<Node | null> = [],
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (/^on/i.test(name)) throw new Error(`event attribute not allowed: ${name}`);
    node.setAttribute(name, value);
  }
  for (const child of children) if (child) node.appendChild(child);
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
