/**
 * A tiny element builder. Text is always set with text nodes, never parsed as
 * HTML: everything from the API stays data.
 */
type Child = Node | string | null | undefined | false;

export interface Attrs {
  class?: string;
  id?: string;
  role?: string;
  title?: string;
  type?: string;
  scope?: string;
  lang?: string;
  tabindex?: string;
  [attribute: `aria-${string}`]: string | undefined;
  [attribute: `data-${string}`]: string | undefined;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, value);
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

export function button(label: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = h('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}
