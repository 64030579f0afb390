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
  if (entries.length && o.legend !== false) {
    const want = o.legend === true || o.legend === undefined ? 'best' : o.legend;
    out.push(renderLegend(entries, f, want === 'best' ? bestCorner(ax, f, entries) : want));
  }
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

const ROW_H = 17;

/** Top-left corner and size of the legend box at a corner. */
function legendBox(entries: LegendEntry[], f: Frame2D, pos: Exclude<LegendPosition, 'best'>): [number, number, number, number] {
  const w = 34 + Math.max(...entries.map((e) => e.label.length)) * 6.6;
  const h = entries.length * ROW_H + 8;
  const x = pos.endsWith('left') ? f.left + 8 : f.left + f.width - w - 8;
  const y = pos.startsWith('top') ? f.top + 8 : f.top + f.height - h - 8;
  return [x, y, w, h];
}

/** The corner whose legend box covers the fewest points sampled along the marks' polylines. */
function bestCorner(ax: Axes, f: Frame2D, entries: LegendEntry[]): Exclude<LegendPosition, 'best'> {
  const corners = ['top-right', 'top-left', 'bottom-left', 'bottom-right'] as const;
  const boxes = corners.map((c) => legendBox(entries, f, c));
  const hits = [0, 0, 0, 0];
  const ctx: RenderContext = { frame: f, color: '', id: (p) => p };
  const test = (x: number, y: number): void => {
    boxes.forEach(([bx, by, bw, bh], k) => {
      if (x >= bx && x <= bx + bw && y >= by && y <= by + bh) hits[k]!++;
    });
  };
  for (const m of ax.marks) {
    for (const p of m.polylines?.(ctx) ?? []) {
      if (p.length === 2) test(p[0]!, p[1]!);
      for (let i = 2; i < p.length; i += 2) {
        // Sample each segment every ~8 px so long straight lines count too.
        const x0 = p[i - 2]!, y0 = p[i - 1]!, x1 = p[i]!, y1 = p[i + 1]!;
        const n = Math.min(200, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 8));
        for (let s = 0; s <= n; s++) test(x0 + ((x1 - x0) * s) / (n || 1), y0 + ((y1 - y0) * s) / (n || 1));
      }
    }
  }
  let best = 0;
  for (let k = 1; k < 4; k++) if (hits[k]! < hits[best]!) best = k;
  return corners[best]!;
}

/** Legend box with one row per entry. */
function renderLegend(entries: LegendEntry[], f: Frame2D, pos: Exclude<LegendPosition, 'best'>): string {
  const rowH = ROW_H;
  const [x, y, w, h] = legendBox(entries, f, pos);
  const out: string[] = [`<g class="legend">`, `<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(w)}" height="${fmt(h)}" fill="white" fill-opacity="0.85" stroke="#ccc" rx="3"/>`];
  entries.forEach((e, i) => {
    const cy = y + 4 + rowH * i + rowH / 2;
    const op = e.opacity !== undefined && e.opacity < 1 ? ` opacity="${fmt(e.opacity)}"` : '';
    if (e.kind === 'line' || e.kind === 'arrow') {
      const dash = e.dash ? ` stroke-dasharray="${esc(e.dash)}"` : '';
      out.push(`<path d="M${fmt(x + 6)} ${fmt(cy)}h20" stroke="${esc(e.color)}" stroke-width="2"${dash}${op}/>`);
    } else if (e.kind === 'dot') {
      const ring = e.stroke ? ` stroke="${esc(e.stroke)}"` : '';
      const cx = x + 16;
      if (e.symbol === 'square') out.push(`<rect x="${fmt(cx - 4)}" y="${fmt(cy - 4)}" width="8" height="8" fill="${esc(e.color)}"${ring}${op}/>`);
      else if (e.symbol === 'diamond') out.push(`<path d="M${fmt(cx)} ${fmt(cy - 5)}L${fmt(cx + 5)} ${fmt(cy)}L${fmt(cx)} ${fmt(cy + 5)}L${fmt(cx - 5)} ${fmt(cy)}Z" fill="${esc(e.color)}"${ring}${op}/>`);
      else if (e.symbol === 'cross') out.push(`<path d="M${fmt(cx - 4)} ${fmt(cy - 4)}L${fmt(cx + 4)} ${fmt(cy + 4)}M${fmt(cx - 4)} ${fmt(cy + 4)}L${fmt(cx + 4)} ${fmt(cy - 4)}" stroke="${esc(e.color)}" stroke-width="1.5"${op}/>`);
      else out.push(`<circle cx="${fmt(cx)}" cy="${fmt(cy)}" r="4" fill="${esc(e.color)}"${ring}${op}/>`);
    } else {
      out.push(`<rect x="${fmt(x + 8)}" y="${fmt(cy - 5)}" width="16" height="10" fill="${esc(e.color)}"${op}/>`);
    }
    out.push(`<text x="${fmt(x + 30)}" y="${fmt(cy + 4)}">${esc(e.label)}</text>`);
  });
  out.push(`</g>`);
  return out.join('');
}

