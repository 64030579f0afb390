// Module hooks for a fresh worker thread: load the TypeScript sources directly (sucrase strips the
// types), mapping the sources' `./x.js` imports to `./x.ts`. Used by load-order.test.ts only.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transform } from 'sucrase';

export async function resolve(specifier, context, next) {
  if (specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(ts))) return { url: ts.href, shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const code = transform(readFileSync(fileURLToPath(url), 'utf8'), { transforms: ['typescript'], disableESTransforms: true }).code;
  return { format: 'module', source: code, shortCircuit: true };
}
