// Build the API reference from this tree for a test: tsc emits the declarations into a temporary
// folder (TypeScript 7 is only a command), then scripts/docs/build.mjs renders them into `outDir`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDocs } from '../../scripts/docs/build.mjs';

const ROOT = resolve(__dirname, '../..');

/**
 * The reference of the current sources written to `outDir`. The declarations stay in `dtsDir`
 * (the reader's results point into it) until `dispose()`.
 */
export function buildApiInto(outDir: string): ReturnType<typeof buildDocs> & { dtsDir: string; dispose(): void } {
  const dtsDir = mkdtempSync(join(tmpdir(), 'nabla-dts-'));
  const dispose = (): void => rmSync(dtsDir, { recursive: true, force: true });
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(ROOT, 'tsconfig.build.json'), '--emitDeclarationOnly', '--outDir', dtsDir], { stdio: 'pipe' });
    return { ...buildDocs({ distDir: dtsDir, outDir }), dtsDir, dispose };
  } catch (e) {
    dispose();
    throw e;
  }
}
