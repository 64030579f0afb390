/**
 * Library errors name themselves after their class (`this.name = new.target.name`), and the
 * minifier renames classes. Give each error class among a module's exports its exported name
 * back, so a learner reads `ParseError`, not `d`.
 * @example nameErrors({ ParseError }) // ParseError.name === 'ParseError' even when minified
 */
export function nameErrors(exports: Record<string, unknown>): void {
  for (const [key, v] of Object.entries(exports)) {
    if (typeof v === 'function' && v.prototype instanceof Error && /Error$/.test(key) && v.name !== key) {
      Object.defineProperty(v, 'name', { value: key });
    }
  }
}
