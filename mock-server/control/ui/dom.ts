/**
 * The one way the dashboard builds DOM: elements from a tag, properties and children, where every
 * string child becomes a text node. Nothing here parses HTML, so a merchant_uid of
 * `<script>` or `" onerror=` shows as those characters and never runs.
 */
export type Child = Node | string | number | null | undefined | false
type Props = Record<string, string | number | boolean | ((event: Event) => void) | undefined>

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value)
    else if (name === 'value' && 'value' in el) (el as HTMLInputElement).value = String(value)
    else el.setAttribute(name, value === true ? '' : String(value))
  }
  append(el, children)
  return el
}

export function append(el: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    el.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child)
  }
}

/** Replaces `el`'s children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren()
  append(el, children)
}

/** A labelled form field: the label names the control for assistive technology. */
export function field(label: string, control: HTMLElement): HTMLLabelElement {
  return h('label', { class: 'field' }, h('span', {}, label), control)
}

/**
 * A disclosure that stays open across the once-a-second re-render: `opened` remembers the keys
 * the user opened (a view keeps one set per table).
 */
export function disclosure(opened: Set<string>, key: string, summary: Child, ...children: Child[]): HTMLDetailsElement {
  const el = h('details', { open: opened.has(key) }, h('summary', {}, summary), ...children)
  el.addEventListener('toggle', () => {
    if (el.open) opened.add(key)
    else opened.delete(key)
  })
  return el
}
