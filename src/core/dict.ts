/**
 * Lookup tables keyed by names a user may type. A plain object literal inherits from
 * Object.prototype, so `table['constructor']`, `table['toString']` or `table['__proto__']` return
 * JavaScript built-ins instead of "no entry"; tables made by `dict` have no prototype, and `own`
 * reads objects that come from users (an `evaluate` environment) by their own keys only.
 *
 * @example
 * const t = dict({ sin: 1 });
 * t.constructor === undefined; // → true
 * own({ x: 1 }, 'toString') === undefined; // → true
 */

/** A copy of `entries` without a prototype: only its own keys are entries. @example dict({ a: 1 })['valueOf'] // → undefined */
export function dict<T>(entries: Readonly<Record<string, T>> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** `obj[key]` if `key` is one of obj's own properties, else undefined. @example own({ x: 2 }, 'x') // → 2 */
export function own<T>(obj: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}
