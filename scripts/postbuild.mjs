// After tsc emits dist/: make the CLI entry executable, and remove source maps that an older build
// left behind (the package ships none: they would point at src/, which is not shipped).
import { chmodSync, existsSync, readdirSync, rmSync } from 'node:fs';
const dist = new URL('../dist/', import.meta.url);
const bin = new URL('cli/main.js', dist);
if (existsSync(bin)) chmodSync(bin, 0o755);
if (existsSync(dist)) {
  for (const f of readdirSync(dist, { recursive: true })) if (String(f).endsWith('.map')) rmSync(new URL(String(f), dist));
}
