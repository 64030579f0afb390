// Runs in a fresh worker thread: builds the expressions of load-order.test.ts with or without the
// printers loaded first and reports each canonical form as a structural key (no printer needed).
import { register } from 'node:module';
import { workerData, parentPort } from 'node:worker_threads';

register('./ts-loader.mjs', import.meta.url);
const src = new URL('../../../src/symbolic/', import.meta.url);
const at = (p) => import(new URL(p, src).href);
if (workerData.printersFirst) {
  await at('print/text.ts');
  await at('print/pretty.ts');
  await at('print/latex.ts');
}
const { symbol } = await at('expr/expr.ts');
const { sub, add, mul } = await at('expr/arith.ts');
const { fn } = await at('functions/index.ts');
const { structuralKey } = await at('expr/display-order.ts');
const names = workerData.names;
const out = [];
for (let i = 0; i < names.length; i++)
  for (let j = i + 1; j < names.length; j++) {
    const [m, n] = [symbol(names[i]), symbol(names[j])];
    // Appendix A.1's shape and two more whose sign is a tie between the terms.
    out.push(structuralKey(fn('sin', sub(fn('cos', m), fn('cos', n)))));
    out.push(structuralKey(fn('tan', add(fn('exp', m), mul(-1, fn('exp', n)), fn('log', m), mul(-1, fn('log', n))))));
    out.push(structuralKey(fn('cos', sub(mul(m, fn('sin', n)), mul(n, fn('sin', m))))));
  }
if (!workerData.printersFirst) {
  // The printers loaded now must not change what the same construction returns.
  await at('print/text.ts');
  const again = fn('sin', sub(fn('cos', symbol(names[0])), fn('cos', symbol(names[4]))));
  out.push(structuralKey(again));
}
parentPort.postMessage(out);
