/**
 * Test helpers for plot: golden SVG files and small SVG/PNG readers.
 *
 * Goldens: `expectGolden(name, svg)` compares with `test/plot/golden/<name>.svg` after rounding
 * every number in both to one decimal (so last-digit float noise never fails a test).
 *  - golden missing → it is written and the check passes (commit the new file after looking at it);
 *  - mismatch → the new output is written next to it as `<name>-changed.svg` and the test fails:
 *    look at both, and if the change is intended, replace the golden with the -changed file;
 *  - match → any stale `-changed.svg` is removed.
 * A golden is only a regression check; each test also asserts structural facts.
 */
import { expect } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inflateSync } from 'node:zlib';

const GOLDEN = resolve(__dirname, 'golden');

/** Round every number in an SVG to one decimal (and `-0` to `0`). */
export function normalize(svg: string): string {
  return svg.replace(/-?\d+\.?\d*(?:e[-+]?\d+)?/g, (m) => {
    const v = Math.round(Number(m) * 10) / 10;
    return v === 0 ? '0' : String(v);
  });
}

export function expectGolden(name: string, svg: string): void {
  mkdirSync(GOLDEN, { recursive: true });
  const file = resolve(GOLDEN, `${name}.svg`);
  const changed = resolve(GOLDEN, `${name}-changed.svg`);
  if (!existsSync(file)) {
    writeFileSync(file, svg);
    return;
  }
  const same = normalize(readFileSync(file, 'utf8')) === normalize(svg);
  if (same) {
    if (existsSync(changed)) rmSync(changed);
    return;
  }
  writeFileSync(changed, svg);
  expect.fail(`SVG differs from golden ${name}.svg; new output written to ${name}-changed.svg`);
}

/** Count matches of a regular expression. */
export function count(svg: string, re: RegExp): number {
  return (svg.match(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g')) ?? []).length;
}

/** Text contents of `<text>` elements inside the first `<g class="NAME" …>…</g>` of each panel. */
export function texts(svg: string, cls: string): string[][] {
  const out: string[][] = [];
  const re = new RegExp(`<g class="${cls}"[^>]*>(.*?)</g>`, 'g');
  for (const m of svg.matchAll(re)) out.push([...m[1]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]!));
  return out;
}

/** All text contents of `<text class="CLS">`. */
export function classText(svg: string, cls: string): string[] {
  return [...svg.matchAll(new RegExp(`<text class="${cls}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => m[1]!);
}

/** The elements (whole tags) inside `<g class="CLS"…>…</g>`, flattening panels. */
export function inside(svg: string, cls: string): string[] {
  const out: string[] = [];
  for (const m of svg.matchAll(new RegExp(`<g class="${cls}"[^>]*>(.*?)</g>`, 'gs'))) out.push(...(m[1]!.match(/<(path|circle|rect|text)\b[^>]*>/g) ?? []));
  return out;
}

/** Numbers of a path's `d` attribute in order. */
export function pathNumbers(d: string): number[] {
  return (d.match(/-?\d+\.?\d*/g) ?? []).map(Number);
}

/** A decoded PNG: size and RGBA pixels. */
export interface Decoded {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  rgba: Uint8Array;
}

/** A small PNG decoder (8-bit RGB/RGBA, non-interlaced): chunks → inflate → unfilter. */
export function decodePNG(buf: Uint8Array): Decoded {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  sig.forEach((b, i) => {
    if (buf[i] !== b) throw new Error('not a PNG: bad signature');
  });
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let pos = 8;
  let width = 0, height = 0, bitDepth = 0, colorType = 0, interlace = 0;
  const idat: Uint8Array[] = [];
  while (pos < buf.length) {
    const len = dv.getUint32(pos);
    const type = String.fromCharCode(...buf.subarray(pos + 4, pos + 8));
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = dv.getUint32(pos + 8);
      height = dv.getUint32(pos + 12);
      bitDepth = data[8]!;
      colorType = data[9]!;
      interlace = data[12]!;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  if (bitDepth !== 8 || (colorType !== 6 && colorType !== 2) || interlace !== 0) throw new Error(`unsupported PNG: depth ${bitDepth}, colour type ${colorType}, interlace ${interlace}`);
  const bpp = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const px = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? px[y * stride + i - bpp]! : 0;
      const b = y > 0 ? px[(y - 1) * stride + i]! : 0;
      const c = i >= bpp && y > 0 ? px[(y - 1) * stride + i - bpp]! : 0;
      let v = line[i]!;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      px[y * stride + i] = v & 255;
    }
  }
  let rgba = px;
  if (bpp === 3) {
    rgba = new Uint8Array(width * height * 4);
    for (let k = 0; k < width * height; k++) rgba.set([px[3 * k]!, px[3 * k + 1]!, px[3 * k + 2]!, 255], 4 * k);
  }
  return { width, height, bitDepth, colorType, rgba };
}

/** Number of distinct RGBA colours in a region (whole image by default). */
export function distinctColors(img: Decoded, x0 = 0, y0 = 0, x1 = img.width, y1 = img.height): number {
  const seen = new Set<number>();
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    const k = 4 * (y * img.width + x);
    seen.add(((img.rgba[k]! << 24) | (img.rgba[k + 1]! << 16) | (img.rgba[k + 2]! << 8) | img.rgba[k + 3]!) >>> 0);
  }
  return seen.size;
}
