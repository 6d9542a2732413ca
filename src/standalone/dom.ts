// Building elements safely on the page: the forms' el() (text through textContent, never as HTML,
// no event attributes) on the page's own document.
import { el as elementIn, type ElementProps } from "../forms/dom";

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: Array<Node | string | null | undefined> = [],
): HTMLElementTagNameMap[K] {
  return elementIn(document, tag, props, children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`Thiếu phần tử #${id} trong trang.`);
  return node as T;
}

export function clear(node: Element): void {
  node.replaceChildren();
}
