/**
 * The library on the page's own thread, loaded on first use (live figures, exercise checks,
 * the playground) so the home page stays light.
 */
import type { nabla } from './nabla-lib.js';

/** The whole library as one typed object (see nabla-lib.ts). */
export type Nabla = typeof nabla;

let lib: Promise<Nabla> | null = null;

/** The whole library, loaded once. */
export function loadLib(): Promise<Nabla> {
  lib ??= import('./nabla-lib.js').then((m) => m.nabla);
  return lib;
}
