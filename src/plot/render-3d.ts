/**
 * Drawing a 3-D panel: an orthographic camera around the data box, the box's three back panes
 * with grid lines, ticks on the front edges, then the marks (which sort their own faces).
 *
 * Camera, for azimuth a and elevation e (radians): it looks from c = (cos e cos a, cos e sin a,
 * sin e); screen right is r = (−sin a, cos a, 0) and screen up is u = (−sin e cos a,
 * −sin e sin a, cos e). A point p in the normalised box projects to (p·r, p·u) with depth p·c.
 */
import { colorbarScale, cycleColors, nextId, type Axes, type Box, type RenderState } from './axes.js';
import { renderColorbar } from './colorbar.js';
import { esc, fmt, unionExtent } from './svg.js';
import { displayDomain, formatTicks, inside, linear, niceTicks } from './ticks.js';
import type { Frame3D, RenderContext } from './types.js';

/** Relative lengths of the box's x, y and z sides (matplotlib's 4:4:3). */
const ASPECT = [1, 1, 0.75] as const;

/** The 3-D frame of a panel inside `box` (margins for ticks unless `bare`). */
export function frame3d(ax: Axes, box: Box, bare = false): Frame3D {
  const o = ax.options;
  let ex: [number, number] | null = null;
  let ey: [number, number] | null = null;
  let ez: [number, number] | null = null;
  for (const m of ax.marks) {
    const e = m.extent();
    ex = unionExtent(ex, e.x);
    ey = unionExtent(ey, e.y);
    ez = unionExtent(ez, e.z ?? null);
  }
  const xDomain = o.xDomain ?? displayDomain(ex, 0);
  const yDomain = o.yDomain ?? displayDomain(ey, 0);
  const zDomain = o.zDomain ?? displayDomain(ez, 0);
  const azimuth = o.azimuth ?? -60;
  const elevation = o.elevation ?? 30;
  const a = (azimuth * Math.PI) / 180;
  const e = (elevation * Math.PI) / 180;
  const [ca, sa, ce, se] = [Math.cos(a), Math.sin(a), Math.cos(e), Math.sin(e)];
  // Rows of the view matrix in normalised box coordinates (each side scaled by ASPECT).
  const rx = -sa * ASPECT[0], ry = ca * ASPECT[1], rz = 0;
  const ux = -se * ca * ASPECT[0], uy = -se * sa * ASPECT[1], uz = ce * ASPECT[2];
  const cx = ce * ca * ASPECT[0], cy = ce * sa * ASPECT[1], cz = se * ASPECT[2];
  // Fit the projected box corners into the panel.
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < 8; i++) {
    const X = i & 1 ? 1 : -1, Y = i & 2 ? 1 : -1, Z = i & 4 ? 1 : -1;
    const px = X * rx + Y * ry + Z * rz;
    const py = X * ux + Y * uy + Z * uz;
    minX = Math.min(minX, px); maxX = Math.max(maxX, px);
    minY = Math.min(minY, py); maxY = Math.max(maxY, py);
  }
  const mt = bare ? 0 : o.title ? 30 : 14;
  const mside = bare ? 0 : 46;
  const mr = bare ? 0 : colorbarScale(ax) ? 80 : 0;
  const left = box.left + mside;
  const top = box.top + mt;
  const width = Math.max(10, box.width - 2 * mside - mr);
  const height = Math.max(10, box.height - mt - (bare ? 0 : 36));
  const s = Math.min(width / (maxX - minX), height / (maxY - minY));
  const ox = left + width / 2 - ((minX + maxX) / 2) * s;
  const oy = top + height / 2 + ((minY + maxY) / 2) * s;
  // Data → the normalised box [−1, 1]³ (through `linear`, which survives spans near ±1e308).
  const nx = linear(xDomain, [-1, 1]), ny = linear(yDomain, [-1, 1]), nz = linear(zDomain, [-1, 1]);
  return {
    kind: '3d',
    left,
    top,
    width,
    height,
    xDomain,
    yDomain,
    zDomain,
    azimuth,
    elevation,
    project(x, y, z, out) {
      const X = nx(x), Y = ny(y), Z = nz(z);
      out[0] = ox + (X * rx + Y * ry + Z * rz) * s;
      out[1] = oy - (X * ux + Y * uy + Z * uz) * s;
      out[2] = X * cx + Y * cy + Z * cz;
    },
  };
}

/** SVG of a 3-D panel. */
export function render3d(ax: Axes, box: Box, state: RenderState): string {
  const o = ax.options;
  const f = frame3d(ax, box);
  const out: string[] = ['<g class="axes axes-3d">'];
  const [x0, x1] = f.xDomain, [y0, y1] = f.yDomain, [z0, z1] = f.zDomain;
  const lo = [x0, y0, z0], hi = [x1, y1, z1];
  const p = new Float64Array(3);
  const pt = (v: number[]): [number, number, number] => {
    f.project(v[0]!, v[1]!, v[2]!, p);
    return [p[0]!, p[1]!, p[2]!];
  };
  const centre = pt([(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2]);
  const ticks = [niceTicks(f.xDomain, 5), niceTicks(f.yDomain, 5), niceTicks(f.zDomain, 5)].map((t, k) => t.filter((v) => inside(v, [lo[k]!, hi[k]!])));
  // Back panes: the face on side s of axis k is at the back when moving towards it moves away
  // from the camera, i.e. its corner's depth is below the centre's.
  const panes: string[] = [];
  const grid: string[] = [];
  for (let k = 0; k < 3; k++) {
    for (const side of [0, 1]) {
      const fixed = side ? hi[k]! : lo[k]!;
      const probe = [(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2];
      probe[k] = fixed;
      if (pt(probe)[2] >= centre[2]) continue;
      const [i, j] = [0, 1, 2].filter((q) => q !== k) as [number, number];
      const corner = (a: number, b: number): string => {
        const v = [0, 0, 0];
        v[k] = fixed; v[i] = a; v[j] = b;
        const q = pt(v);
        return `${fmt(q[0])} ${fmt(q[1])}`;
      };
      panes.push(`M${corner(lo[i]!, lo[j]!)}L${corner(hi[i]!, lo[j]!)}L${corner(hi[i]!, hi[j]!)}L${corner(lo[i]!, hi[j]!)}Z`);
      for (const t of ticks[i]!) grid.push(`M${corner(t, lo[j]!)}L${corner(t, hi[j]!)}`);
      for (const t of ticks[j]!) grid.push(`M${corner(lo[i]!, t)}L${corner(hi[i]!, t)}`);
    }
  }
  out.push(`<path class="panes" d="${panes.join('')}" fill="#f2f2f2" stroke="#bbb" stroke-width="0.8"/>`);
  out.push(`<path class="grid" d="${grid.join('')}" fill="none" stroke="#dcdcdc" stroke-width="0.7"/>`);
  const colors = cycleColors(ax.marks);
  out.push('<g class="marks">');
  ax.marks.forEach((m, i) => {
    const ctx: RenderContext = { frame: f, color: colors[i]!, id: (q) => nextId(state, q) };
    out.push(m.render(ctx));
  });
  out.push('</g>');
  // Tick labels. x runs along the bottom edge nearer the camera (y at the near side), y along
  // the bottom edge at the near x, z up the leftmost vertical edge.
  const near = (k: number): number => {
    const probe = [(x0 + x1) / 2, (y0 + y1) / 2, z0];
    probe[k] = lo[k]!;
    const dl = pt(probe)[2];
    probe[k] = hi[k]!;
    return pt(probe)[2] > dl ? hi[k]! : lo[k]!;
  };
  const labels: string[] = [];
  const axisNames = [o.xLabel, o.yLabel, o.zLabel];
  const edge = (k: number): number[] => {
    if (k === 0) return [NaN, near(1), z0];
    if (k === 1) return [near(0), NaN, z0];
    // z: the vertical edge whose projection is leftmost.
    let best = [x0, y0, NaN];
    let bx = Infinity;
    for (const xx of [x0, x1]) for (const yy of [y0, y1]) {
      const q = pt([xx, yy, z0]);
      if (q[0] < bx) { bx = q[0]; best = [xx, yy, NaN]; }
    }
    return best;
  };
  const tickPath: string[] = [];
  for (let k = 0; k < 3; k++) {
    const base = edge(k);
    const text = formatTicks(ticks[k]!);
    // Labels of an edge all move the same way: away from the box centre through the edge's
    // midpoint (x, y), or left (z), so labels of two edges meeting at a corner spread apart.
    const mid = base.slice();
    mid[k] = (lo[k]! + hi[k]!) / 2;
    const qm = pt(mid);
    let dx = k === 2 ? -1 : qm[0] - centre[0], dy = k === 2 ? 0 : qm[1] - centre[1];
    const len = Math.hypot(dx, dy) || 1;
    dx /= len;
    dy /= len;
    const anchor = dx < -0.3 ? 'end' : dx > 0.3 ? 'start' : 'middle';
    ticks[k]!.forEach((t, n) => {
      const v = base.slice();
      v[k] = t;
      const q = pt(v);
      tickPath.push(`M${fmt(q[0])} ${fmt(q[1])}l${fmt(dx * 4)} ${fmt(dy * 4)}`);
      labels.push(`<text x="${fmt(q[0] + dx * 9)}" y="${fmt(q[1] + dy * 9 + 4)}" text-anchor="${anchor}">${text[n]}</text>`);
    });
    const name = axisNames[k];
    if (name) labels.push(`<text x="${fmt(qm[0] + dx * 36)}" y="${fmt(qm[1] + dy * 36 + 4)}" text-anchor="middle">${esc(name)}</text>`);
  }
  out.push(`<path class="ticks" d="${tickPath.join('')}" stroke="#333" stroke-width="0.8"/>`);
  out.push(`<g class="ticklabels" font-size="10">${labels.join('')}</g>`);
  if (o.title) out.push(`<text class="title" x="${fmt(box.left + box.width / 2)}" y="${fmt(box.top + 18)}" text-anchor="middle" font-size="13">${esc(o.title)}</text>`);
  const cs = colorbarScale(ax);
  if (cs) out.push(renderColorbar(cs, { left: box.left + box.width - 74, top: f.top + f.height * 0.15, width: 14, height: f.height * 0.7 }, state));
  out.push('</g>');
  return out.join('\n');
}
