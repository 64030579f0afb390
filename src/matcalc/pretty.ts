/**
 * 2-D pretty printing: the printer's Unicode form with layout markup (print.ts `MARK`) laid out as
 * boxes of text lines with a baseline — scalar fractions stacked over a bar, exponents that have
 * no superscript characters raised, parentheses grown to the height of what they hold.
 */
import type { MExpr } from './node.js';
import { MARK, prettyMarkup } from './print.js';

interface Box {
  lines: string[];
  base: number;
}

const width = (s: string): number => [...s].length;
const boxWidth = (b: Box): number => Math.max(0, ...b.lines.map(width));
const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - width(s)));

function hcat(boxes: Box[]): Box {
  if (boxes.length === 0) return { lines: [''], base: 0 };
  const above = Math.max(...boxes.map((b) => b.base));
  const below = Math.max(...boxes.map((b) => b.lines.length - b.base - 1));
  const lines = Array.from({ length: above + below + 1 }, () => '');
  for (const b of boxes) {
    const w = boxWidth(b);
    for (let r = 0; r < lines.length; r++) {
      const src = r - (above - b.base);
      lines[r] += pad(src >= 0 && src < b.lines.length ? b.lines[src]! : '', w);
    }
  }
  return { lines, base: above };
}

function center(s: string, w: number): string {
  const left = Math.floor((w - width(s)) / 2);
  return pad(' '.repeat(left) + s, w);
}

function frac(n: Box, d: Box): Box {
  const w = Math.max(boxWidth(n), boxWidth(d)) + 2;
  return { lines: [...n.lines.map((l) => center(l, w)), '─'.repeat(w), ...d.lines.map((l) => center(l, w))], base: n.lines.length };
}

function raised(e: Box): Box {
  // The exponent's bottom line sits one line above the baseline.
  const w = boxWidth(e);
  return { lines: [...e.lines.map((l) => pad(l, w)), ' '.repeat(w)], base: e.lines.length };
}

function parens(b: Box): Box {
  const h = b.lines.length;
  if (h === 1) return { lines: [`(${b.lines[0]})`], base: 0 };
  const w = boxWidth(b);
  const lines = b.lines.map((l, i) => {
    const [lp, rp] = i === 0 ? ['⎛', '⎞'] : i === h - 1 ? ['⎝', '⎠'] : ['⎜', '⎟'];
    return `${lp}${pad(l, w)}${rp}`;
  });
  return { lines, base: b.base };
}

/** Lay out markup from position `i` until one of `stops`; returns the box and the stop position. */
function layout(m: string, i: number, stops: string): [Box, number] {
  const parts: Box[] = [];
  let text = '';
  const flush = (): void => {
    if (text) parts.push({ lines: [text], base: 0 });
    text = '';
  };
  while (i < m.length && !stops.includes(m[i]!)) {
    const c = m[i]!;
    if (c === MARK.fracOpen) {
      flush();
      const [n, j] = layout(m, i + 1, MARK.fracBar);
      const [d, k] = layout(m, j + 1, MARK.fracClose);
      parts.push(frac(n, d));
      i = k + 1;
    } else if (c === MARK.supOpen) {
      flush();
      const [e, j] = layout(m, i + 1, MARK.supClose);
      parts.push(raised(e));
      i = j + 1;
    } else if (c === MARK.parenOpen) {
      flush();
      const [b, j] = layout(m, i + 1, MARK.parenClose);
      parts.push(parens(b));
      i = j + 1;
    } else {
      text += c;
      i++;
    }
  }
  flush();
  return [hcat(parts), i];
}

/**
 * A multi-line Unicode rendering (fractions stacked, exponents raised), lines joined by \n.
 * @example toPretty(parseMatrixExpr('x/norm(x)', 'x:n')) // →
 * //   x
 * // ─────
 * //  ‖x‖
 */
export function toPretty(e: MExpr): string {
  const [box] = layout(prettyMarkup(e), 0, '');
  return box.lines.map((l) => l.replace(/\s+$/, '')).join('\n');
}
