/**
 * The library on the page's own thread, loaded on first use (live figures, exercise checks,
 * the playground) so the home page stays light.
 */
export type Nabla = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let lib: Promise<Nabla> | null = null;

/** The whole library as one object (see nabla-lib.ts). */
export function loadLib(): Promise<Nabla> {
  lib ??= import('./nabla-lib.js').then((m) => m.nabla as Nabla);
  return lib;
}

/** A function the library exports, or null if that piece has not landed. */
export function fn<T extends (...a: any[]) => any>(n: Nabla, name: string): T | null { // eslint-disable-line @typescript-eslint/no-explicit-any
  const f = n[name];
  return typeof f === 'function' ? (f as T) : null;
}
