// nabla as others use it: pack the package, install the tarball in an empty folder, type-check a
// TypeScript import against the shipped declarations, run it, and run the `nabla` bin.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const TSC = join(ROOT, 'node_modules/.bin/tsc');
let app = '';

const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });

beforeAll(() => {
  run('npm', ['run', 'build', '--silent'], ROOT);
  const packDir = mkdtempSync(join(tmpdir(), 'nabla-pack-'));
  run('npm', ['pack', '--silent', '--pack-destination', packDir], ROOT);
  const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'))!;
  app = mkdtempSync(join(tmpdir(), 'nabla-app-'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--silent', join(packDir, tarball)], app);
}, 300_000);

describe('the packed package', () => {
  it('type-checks and runs a TypeScript import of the root and a subpath', () => {
    writeFileSync(
      join(app, 'main.ts'),
      [
        "import { pyRepr, Q, ParseError, NablaError } from 'nabla';",
        "import { numpyArrayString } from 'nabla/core';",
        'const half: string = Q.toString(Q.add(Q.rational(1n, 3n), Q.rational(1n, 6n)));',
        'const e: NablaError = new ParseError("unexpected token", "x +", 3);',
        'console.log(half, pyRepr(2), numpyArrayString([2 / 3, 2 / 3, -1]), e instanceof NablaError);',
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, outDir: 'out', skipLibCheck: false, types: [] }, include: ['main.ts'] }),
    );
    run(TSC, ['-p', 'tsconfig.json'], app);
    const out = run(process.execPath, ['out/main.js'], app).trim();
    expect(out).toBe('1/2 2.0 [ 0.66666667  0.66666667 -1.        ] true');
  });

  it('installs a working `nabla` bin', () => {
    const help = run(join(app, 'node_modules/.bin/nabla'), ['--help'], app);
    expect(help).toContain('Usage: nabla');
    expect(help).toContain('lesson');
  });

  it('ships what the README links and no source maps that point at unshipped sources (review D3)', () => {
    const pkg = join(app, 'node_modules/nabla');
    const files = (readdirSync(pkg, { recursive: true }) as string[]).map((f) => f.replaceAll('\\', '/'));
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'ARCHITECTURE.md', 'dist/index.js', 'dist/index.d.ts']));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });
});
