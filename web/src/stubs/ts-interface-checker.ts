/**
 * Stand-in for `ts-interface-checker` in the browser build (vite.config.ts aliases it). sucrase uses
 * it only to validate its options object, and the course always passes the same fixed options
 * (transform.ts), so the check is dropped and 36 kB stay out of the code worker.
 */
const none = (): null => null;
export const array = none;
export const iface = none;
export const lit = none;
export const opt = none;
export const union = none;
export function createCheckers(): { Options: { strictCheck(v: unknown): void } } {
  return { Options: { strictCheck() {} } };
}
