/** A vertical colorbar beside a panel. */
import { nextId, type Box, type RenderState } from './axes.js';
import { colormap, type ColorScale } from './colormap.js';
import { esc, fmt } from './svg.js';
import { formatTicks, inside, linear, niceTicks } from './ticks.js';

/** A vertical colorbar: a gradient over the scale's domain with its own ticks. */
export function renderColorbar(cs: ColorScale, b: Box, state: RenderState): string {
  const id = nextId(state, 'cbar');
  const cmap = colormap(cs.colormap);
  const stops: string[] = [];
  for (let i = 0; i <= 16; i++) stops.push(`<stop offset="${fmt(i / 16)}" stop-color="${cmap(1 - i / 16)}"/>`);
  const [lo, hi] = cs.domain;
  const ticks = niceTicks([lo, hi], 5).filter((t) => inside(t, [lo, hi]));
  const labels = formatTicks(ticks);
  const sy = linear([lo, hi], [b.top + b.height, b.top]);
  const out = [
    `<g class="colorbar">`,
    `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">${stops.join('')}</linearGradient>`,
    `<rect x="${fmt(b.left)}" y="${fmt(b.top)}" width="${fmt(b.width)}" height="${fmt(b.height)}" fill="url(#${id})" stroke="#333" stroke-width="0.8"/>`,
    `<path d="${ticks.map((t) => `M${fmt(b.left + b.width)} ${fmt(sy(t))}h4`).join('')}" stroke="#333" stroke-width="0.8"/>`,
    ...ticks.map((t, i) => `<text x="${fmt(b.left + b.width + 7)}" y="${fmt(sy(t) + 4)}">${labels[i]}</text>`),
  ];
  if (cs.label) {
    const x = b.left + b.width + 46;
    const y = b.top + b.height / 2;
    out.push(`<text x="${fmt(x)}" y="${fmt(y)}" text-anchor="middle" transform="rotate(90 ${fmt(x)} ${fmt(y)})">${esc(cs.label)}</text>`);
  }
  out.push(`</g>`);
  return out.join('');
}
