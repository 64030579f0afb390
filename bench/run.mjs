// `npm run bench`: run every bench/*.mjs (except this file) in turn against the built dist/.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
// ab.mjs compares two builds and needs the other one's path: it is run by hand.
const BY_HAND = new Set(['run.mjs', 'ab.mjs']);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && !BY_HAND.has(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n## ${f}`);
  const r = spawnSync(process.execPath, [join(here, f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
