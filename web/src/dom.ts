/** A tiny element builder: `h('p', { class: 'x' }, 'text', child)`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** An element from trusted HTML written in this app (prose), never from user input. */
export function html(markup: string, tag: keyof HTMLElementTagNameMap = 'div'): HTMLElement {
  const el = document.createElement(tag);
  el.innerHTML = markup;
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * A square SVG element `size` px wide for a figure the learner clicks or drags; `label` is its
 * accessible description.
 * @example interactiveSvg(420, 'gradient field; click a point').getAttribute('viewBox') // '0 0 420 420'
 */
export function interactiveSvg(size: number, label: string, attrs: Record<string, string> = {}): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  for (const [k, v] of Object.entries({ viewBox: `0 0 ${size} ${size}`, width: String(size), class: 'interactive', ...attrs, 'aria-label': label })) {
    svg.setAttribute(k, v);
  }
  return svg;
}

/** An SVG child element (a group for marks). @example svgChild('g') */
export function svgChild<K extends keyof SVGElementTagNameMap>(tag: K): SVGElementTagNameMap[K] {
  return document.createElementNS(SVG_NS, tag);
}
