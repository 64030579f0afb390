// A fresh clone with nothing beside it must pass: no source, test, bench, script or web file may
// name a path outside the repository (such as the hand-over folder beside it).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..');
const DIRS = ['src', 'test', 'bench', 'scripts', 'web', '.ci'];
/** The hand-over folder's name, assembled so that this file itself names no outside path. */
const HANDOVER = ['sha', 'red'].join('');
const CODE = /\.(ts|tsx|mts|mjs|js|cjs|json|html)$|^run$/;

function walk(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name === 'reference') return [];
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : CODE.test(name) ? [p] : [];
  });
}

/** Relative paths written in a file (string literals starting with ../) that leave the repository. */
export function escapingPaths(file: string, text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g)) {
    const target = resolve(dirname(file), m[1]!);
    if (target !== ROOT && !target.startsWith(ROOT + sep)) out.add(m[1]!);
  }
  // Paths built from pieces (resolve(here, '..', '..', <hand-over folder>)) or written absolute.
  for (const m of text.matchAll(new RegExp(`['"\`]([^'"\`\\n]*\\b${HANDOVER}\\/(?:reference|course|reviews)\\b[^'"\`\\n]*)['"\`]`, 'g'))) out.add(m[1]!);
  return [...out];
}

describe('the repository is self-contained', () => {
  it('finds an escaping path when there is one (the check can fail)', () => {
    const f = join(ROOT, 'test', 'x', 'a.test.ts');
    expect(escapingPaths(f, `readFileSync('../../../${HANDOVER}/reference/a.json')`)).toEqual([`../../../${HANDOVER}/reference/a.json`]);
    expect(escapingPaths(f, "readFileSync('../../reference/a.json')")).toEqual([]);
    expect(escapingPaths(f, `join(root, '/work/${HANDOVER}/reference/x.json')`)).toHaveLength(1);
  });

  it('no file under src, test, bench, scripts, web or .ci reads outside the repository', () => {
    const bad: string[] = [];
    for (const d of DIRS)
      for (const file of walk(join(ROOT, d))) {
        if (file === __filename) continue;
        for (const p of escapingPaths(file, readFileSync(file, 'utf8'))) bad.push(`${relative(ROOT, file)}: ${p}`);
      }
    expect(bad).toEqual([]);
  });
});
