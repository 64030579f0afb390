/**
 * Show a figure that changes a little at a time (lesson 05's training) without re-parsing all of
 * it: the plot layer writes one element per line, so a new SVG is compared with the last one line
 * by line and only the elements whose line changed are replaced (the 2000 data points never are).
 * A figure with a different shape (other panels, another size) is set whole.
 */

/** A line that opens an element whose children follow on the next lines (`<g …>`). */
const opens = (l: string): boolean => /^<[a-zA-Z][^>]*[^/]>$/.test(l) && !/<\//.test(l);
/** A line that closes one (`</g>`). */
const closes = (l: string): boolean => /^<\/[a-zA-Z]+>$/.test(l);

/** A line's role in the tree: 'o'pen, 'c'lose or a whole 'e'lement (the shape must match to patch). */
const shape = (lines: string[]): string => lines.map((l) => (opens(l) ? `o${l}` : closes(l) ? 'c' : 'e')).join('\n');

export interface SvgPatcher {
  /** Show `svg`; returns how many elements were replaced (−1: set whole). */
  set(svg: string): number;
}

/** A patcher drawing into `host` (its content is replaced by the figure). */
export function svgPatcher(host: HTMLElement): SvgPatcher {
  let lines: string[] = [];
  let form = '';
  let nodes: (Element | null)[] = [];
  let scratch: SVGSVGElement | null = null;

  /** Which element each line of the current figure is (null for closing lines). */
  function index(root: Element): void {
    nodes = [];
    const stack: (Element | null)[] = [];
    let parent: Element | null = null;
    let next: Element | null = root;
    for (const l of lines) {
      if (closes(l)) {
        nodes.push(null);
        next = parent ? parent.nextElementSibling : null;
        parent = stack.pop() ?? null;
        continue;
      }
      nodes.push(next);
      if (opens(l) && next) {
        stack.push(parent);
        parent = next;
        next = next.firstElementChild;
      } else next = next ? next.nextElementSibling : null;
    }
  }

  return {
    set(svg) {
      const fresh = svg.trimEnd().split('\n');
      const freshForm = shape(fresh);
      const root = host.firstElementChild;
      if (freshForm !== form || !root || root.tagName.toLowerCase() !== 'svg') {
        host.innerHTML = svg;
        lines = fresh;
        form = freshForm;
        index(host.firstElementChild!);
        return -1;
      }
      scratch ??= document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      let replaced = 0;
      for (let i = 0; i < fresh.length; i++) {
        if (fresh[i] === lines[i]) continue;
        const old = nodes[i];
        if (!old || opens(fresh[i]!)) {
          // An opening line changed (attributes of a group): rare; set the figure whole.
          host.innerHTML = svg;
          lines = fresh;
          index(host.firstElementChild!);
          return -1;
        }
        scratch.innerHTML = fresh[i]!;
        const el = scratch.firstElementChild;
        if (!el) continue;
        old.replaceWith(el);
        nodes[i] = el;
        replaced++;
      }
      lines = fresh;
      return replaced;
    },
  };
}

/**
 * The scatter marks' dots as one path per colour instead of one element each: the same picture,
 * but 4 elements instead of 4000 for the page to style and lay out at every frame.
 * @example compactScatter('<g class="scatter"><circle cx="1" cy="2" r="1" fill="red"/></g>')
 * // '<path class="scatter" fill="red" d="M0 2a1 1 0 1 0 2 0a1 1 0 1 0-2 0"/>'
 */
export function compactScatter(svg: string): string {
  return svg.replace(/<g class="scatter">((?:<circle [^>]*\/>)+)<\/g>/g, (whole, dots: string) => {
    let fill: string | null = null;
    let d = '';
    for (const m of dots.matchAll(/<circle cx="([^"]+)" cy="([^"]+)" r="([^"]+)" fill="([^"]+)"\/>/g)) {
      if (fill !== null && m[4] !== fill) return whole; // several colours: left as it is
      fill = m[4]!;
      const [cx, cy, r] = [Number(m[1]), Number(m[2]), Number(m[3])];
      d += `M${+(cx - r).toFixed(2)} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0-${2 * r} 0`;
    }
    return fill === null ? whole : `<path class="scatter" fill="${fill}" d="${d}"/>`;
  });
}
