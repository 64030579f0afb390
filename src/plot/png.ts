/**
 * PNG output in Node through resvg, with DejaVu Sans shipped in `assets/fonts/` and system fonts
 * switched off, so a figure's text renders the same on a fresh machine as on ours. This module
 * is Node-only (it reads files and loads a native addon): the browser build never imports it,
 * and importing it installs the backend behind `Figure.toPNG()` / `savePNG()` / `save()`.
 */
import { Resvg } from '@resvg/resvg-js';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NablaError } from '../core/errors.js';
import { setPngBackend, type Figure, type PngOptions } from './figure.js';

/** Find `assets/fonts/DejaVuSans.ttf` walking up from this file (src/plot or dist/plot). */
function findFont(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const p = resolve(dir, 'assets/fonts/DejaVuSans.ttf');
    if (existsSync(p)) return p;
    dir = dirname(dir);
  }
  throw new NablaError('nabla: assets/fonts/DejaVuSans.ttf is missing from the package; reinstall nabla');
}

let fontPath: string | null = null;

/**
 * Render an SVG string to PNG bytes at `width × scale` pixels.
 *
 * @example
 * const png = svgToPNG(figure().add(line({ x: [0, 1], y: [0, 1] })).toSVG(), 640);
 * png[1] === 0x50 // → true ('P' of the PNG signature)
 */
export function svgToPNG(svg: string, width: number, options: PngOptions = {}): Uint8Array {
  fontPath ??= findFont();
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * (options.scale ?? 1)) },
    font: { fontFiles: [fontPath], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    background: 'white',
  });
  return new Uint8Array(r.render().asPng());
}

/**
 * A figure as PNG bytes (same as `fig.toPNG()`).
 *
 * @example
 * figurePNG(figure().add(line({ x: [0, 1], y: [0, 1] }))).length > 0 // → true
 */
export function figurePNG(fig: Figure, options?: PngOptions): Uint8Array {
  return svgToPNG(fig.toSVG(), fig.width, options);
}

/**
 * Write a figure to `path`, SVG or PNG by extension (same as `fig.save(path)`).
 *
 * @example
 * saveFigure(figure().add(line({ x: [0, 1], y: [0, 1] })), '/tmp/line.png');
 */
export function saveFigure(fig: Figure, path: string): void {
  fig.save(path);
}

setPngBackend({
  toPNG: svgToPNG,
  writeFile: (path, data) => writeFileSync(path, data),
});
