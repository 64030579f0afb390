/**
 * Drawing a 2-D panel: the data domain from the marks, the plotting rectangle, ticks, title,
 * legend and colorbar around the marks.
 */
import { colorbarScale, cycleColors, nextId, type Axes, type Box, type LegendPosition, type RenderState } from './axes.js';
import { renderColorbar } from './colorbar.js';
import { esc, fmt, unionExtent } from './svg.js';
import { displayDomain, formatTicks, inside, linear, niceTicks } from './ticks.js';
import type { Frame2D, LegendEntry, RenderContext } from './types.js';

/** Work out the plotting rectangle and data → pixel maps of a 2-D panel inside `box`. */
export function frame2d(ax: Axes, box: Box, withDecorations = true): Frame2D {
  const o = ax.options;
  let ex: [number, number] | null = null;
  let ey: [number, number] | null = null;
  let tight = false;
  for (const m of ax.marks) {
    const e = m.extent();
    ex = unionExtent(ex, e.x);
    ey = unionExtent(ey, e.y);
    tight ||= !!e.tight;
  }
  const pad = o.margin ?? (tight ? 0 : 0.05);
  const xDomain = o.xDomain ?? displayDomain(ex, pad);
  const yDomain = o.yDomain ?? displayDomain(ey, pad);
  let left = box.left;
  let top = box.top;
  let width = box.width;
  let height = box.height;
  if (withDecorations) {
    const ml = 52 + (o.yLabel ? 18 : 0);
    const cs = colorbarScale(ax);
    const mr = 14 + (cs ? (cs.label ? 86 : 70) : 0);
    const mt = o.title ? 28 : 12;
    const mb = 30 + (o.xLabel ? 18 : 0);
    left += ml;
    top += mt;
    width = Math.max(10, width - ml - mr);
    height = Math.max(10, height - mt - mb);
  }
  if (o.aspect === 'equal') {
    const kx = width / (xDomain[1] - xDomain[0] || 1);
    const ky = height / (yDomain[1] - yDomain[0] || 1);
    const k = Math.min(kx, ky);
    const w = k * (xDomain[1] - xDomain[0] || 1);
    const h = k * (yDomain[1] - yDomain[0] || 1);
    left += (width - w) / 2;
    top += (height - h) / 2;
    width = w;
    height = h;
  }
  return {
    kind: '2d',
    left,
    top,
    width,
    height,
    xDomain,
    yDomain,
    sx: linear(xDomain, [left, left + width]),
    sy: linear(yDomain, [top + height, top]),
  };
}

/** SVG of one panel. */
export function render2d(ax: Axes, box: Box, state: RenderState): string {
  const o = ax.options;
  const f = frame2d(ax, box);
  const out: string[] = [];
  const colors = cycleColors(ax.marks);
  const clip = nextId(state, 'clip');
  out.push(`<g class="axes">`);
  out.push(`<clipPath id="${clip}"><rect x="${fmt(f.left)}" y="${fmt(f.top)}" width="${fmt(f.width)}" height="${fmt(f.height)}"/></clipPath>`);
  const nt = o.ticks ?? 6;
  const xt = niceTicks(f.xDomain, nt).filter((t) => inside(t, f.xDomain));
  const yt = niceTicks(f.yDomain, nt).filter((t) => inside(t, f.yDomain));
  if (o.grid) {
    const g = [...xt.map((t) => `M${fmt(f.sx(t))} ${fmt(f.top)}V${fmt(f.top + f.height)}`), ...yt.map((t) => `M${fmt(f.left)} ${fmt(f.sy(t))}H${fmt(f.left + f.width)}`)];
    out.push(`<path class="grid" d="${g.join('')}" stroke="#e5e5e5" stroke-width="0.8" fill="none"/>`);
  }
  out.push(`<g class="marks" clip-path="url(#${clip})">`);
  ax.marks.forEach((m, i) => {
    const ctx: RenderContext = { frame: f, color: colors[i]!, id: (p) => nextId(state, p) };
    out.push(m.render(ctx));
  });
  out.push(`</g>`);
  out.push(`<rect class="frame" x="${fmt(f.left)}" y="${fmt(f.top)}" width="${fmt(f.width)}" height="${fmt(f.height)}" fill="none" stroke="#333" stroke-width="0.8"/>`);
  out.push(tickMarks(f, xt, yt));
  if (o.title) out.push(`<text class="title" x="${fmt(f.left + f.width / 2)}" y="${fmt(f.top - 9)}" text-anchor="middle" font-size="13">${esc(o.title)}</text>`);
  if (o.xLabel) out.push(`<text class="xlabel" x="${fmt(f.left + f.width / 2)}" y="${fmt(f.top + f.height + 40)}" text-anchor="middle">${esc(o.xLabel)}</text>`);
  if (o.yLabel) {
    const x = f.left - 52;
    const y = f.top + f.height / 2;
    out.push(`<text class="ylabel" x="${fmt(x)}" y="${fmt(y)}" text-anchor="middle" transform="rotate(-90 ${fmt(x)} ${fmt(y)})">${esc(o.yLabel)}</text>`);
  }
  const entries = ax.marks.map((m, i) => m.legend?.(colors[i]!) ?? null).filter((e): e is LegendEntry => !!e);
  if (entries.length && o.legend !== false) out.push(renderLegend(entries, f, o.legend === true || o.legend === undefined ? 'top-right' : o.legend));
  const cs = colorbarScale(ax);
  if (cs) out.push(renderColorbar(cs, { left: f.left + f.width + 14, top: f.top, width: 14, height: f.height }, state));
  out.push(`</g>`);
  return out.join('\n');
}


function tickMarks(f: Frame2D, xt: number[], yt: number[]): string {
  const out: string[] = [];
  const bottom = f.top + f.height;
  const xl = formatTicks(xt);
  const yl = formatTicks(yt);
  const d = [...xt.map((t) => `M${fmt(f.sx(t))} ${fmt(bottom)}v4`), ...yt.map((t) => `M${fmt(f.left)} ${fmt(f.sy(t))}h-4`)].join('');
  out.push(`<path class="ticks" d="${d}" stroke="#333" stroke-width="0.8"/>`);
  out.push(`<g class="xticks" text-anchor="middle">` + xt.map((t, i) => `<text x="${fmt(f.sx(t))}" y="${fmt(bottom + 16)}">${xl[i]}</text>`).join('') + `</g>`);
  out.push(`<g class="yticks" text-anchor="end">` + yt.map((t, i) => `<text x="${fmt(f.left - 7)}" y="${fmt(f.sy(t) + 4)}">${yl[i]}</text>`).join('') + `</g>`);
  return out.join('\n');
}

/** Legend box with one row per entry. */
function renderLegend(entries: LegendEntry[], f: Frame2D, pos: LegendPosition): string {
  const rowH = 17;
  const w = 34 + Math.max(...entries.map((e) => e.label.length)) * 6.6;
  const h = entries.length * rowH + 8;
  const x = pos.endsWith('left') ? f.left + 8 : f.left + f.width - w - 8;
  const y = pos.startsWith('top') ? f.top + 8 : f.top + f.height - h - 8;
  const out: string[] = [`<g class="legend">`, `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${fmt(h)}" fill="white" fill-opacity="0.85" stroke="#ccc" rx="3"/>`];
  entries.forEach((e, i) => {
    const cy = y + 4 + rowH * i + rowH / 2;
    const op = e.opacity !== undefined && e.opacity < 1 ? ` opacity="${fmt(e.opacity)}"` : '';
    if (e.kind === 'line' || e.kind === 'arrow') {
      const dash = e.dash ? ` stroke-dasharray="${esc(e.dash)}"` : '';
      out.push(`<path d="M${fmt(x + 6)} ${fmt(cy)}h20" stroke="${esc(e.color)}" stroke-width="2"${dash}${op}/>`);
    } else if (e.kind === 'dot') {
      out.push(`<circle cx="${fmt(x + 16)}" cy="${fmt(cy)}" r="4" fill="${esc(e.color)}"${op}/>`);
    } else {
      out.push(`<rect x="${fmt(x + 8)}" y="${fmt(cy - 5)}" width="16" height="10" fill="${esc(e.color)}"${op}/>`);
    }
    out.push(`<text x="${fmt(x + 30)}" y="${fmt(cy + 4)}">${esc(e.label)}</text>`);
  });
  out.push(`</g>`);
  return out.join('');
}

