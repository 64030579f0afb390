/**
 * Stand-in for `@jridgewell/gen-mapping` in the browser build (vite.config.ts aliases it): sucrase
 * builds a source map only when asked for one, and transform.ts never asks (it keeps lines instead).
 */
export class GenMapping {}
export function maybeAddSegment(): void {}
export function toEncodedMap(): Record<string, never> {
  return {};
}
