/** Splitting typed vector input into its components. */

/**
 * Split "a, f(b, c), d" at top-level commas; an outer [ ] is dropped.
 * @example splitTop('[x*y, f(a, b)]') // ['x*y', 'f(a, b)']
 */
export function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  const body = /^\s*\[.*\]\s*$/.test(s) ? s.trim().slice(1, -1) : s;
  for (const ch of body) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}
