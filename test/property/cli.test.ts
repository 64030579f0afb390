// Hostile input, one property per CLI command, run in-process (runCli, no process per case): random
// and mutated argument lists. Every run exits 0 with output, or 2 with one "error: …" message;
// never 1 ("internal error") or an exception out of runCli, within the node bound (hostile.ts).
// Files are only ever written inside a fresh temporary folder: option values that name files are
// drawn from paths in it (or from paths that must be refused), never mutated.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import type { CliIO } from '../../src/cli/io.js';
import { NODE_BOUND, PARAMS, TIMEOUT, applyEdit, mutatedExpr, show } from './hostile.js';
import { internedCount } from '../../src/symbolic/index.js';

const dir = mkdtempSync(join(tmpdir(), 'nabla-cli-prop-'));
writeFileSync(join(dir, 'a-file'), 'x');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Arg = fc.Arbitrary<string>;
const pick = (...xs: string[]): Arg => fc.constantFrom(...xs);
/** A pool of sensible values and values that must be refused, then lightly mutated. */
const pool = (...xs: string[]): Arg =>
  fc.oneof(
    { weight: 4, arbitrary: pick(...xs) },
    { weight: 1, arbitrary: fc.tuple(pick(...xs), fc.constantFrom('', '-', '.', 'e9', '0', ',', 'x')).map(([v, c]) => v + c) },
    { weight: 1, arbitrary: pick('', ' ', 'NaN', 'Infinity', '-Infinity', '1e309', '-1', 'abc', '__proto__', 'constructor', '0x10', '1e9') },
  );

const expr: Arg = mutatedExpr;
const num = pool('0', '1', '2', '-1', '2.5', 'pi/2', 'oo', '-oo', '1/3', '-pi');
const small = pool('1', '2', '3', '0', '5');
const vars = pool('x', 'x,y', 'x y', 'y', 'x,constructor', 'toString');
const at = pool('x=1', 'x=1,y=2', 'x=pi/2', 'x=0', 'y=-1', 'x=NaN', 'x', '=1', 'valueOf=1', 'x=1=2');
const v1 = pool('x', 'y', 'z', 'theta');
const outFile = pick(join(dir, 'f.svg'), join(dir, 'f.svg'), join(dir, 'f.png'), join(dir, 'f.txt'), join(dir, 'missing', 'f.svg'), join(dir, 'a-file', 'f.svg'), dir, '/proc/nabla.svg', '');
const outDir = pick(join(dir, 'out'), join(dir, 'a-file'), '/proc/nabla', join(dir, 'a-file', 'sub'));
const jsonFile = pick(join(dir, 'm.json'), join(dir, 'missing', 'm.json'), dir, '/proc/m.json');
const onnxFile = pick(join(dir, 'm.onnx'), join(dir, 'missing', 'm.onnx'), dir);
const matExpr = pool("norm(X*w - y)^2", "x'*A*x", "logsumexp(W*x) - y'*W*x", 'log(det(A))', "sum(softplus(X*w)) - y'*X*w", 'trace(A*B)', "w'*w", 'norm(w)');
const shapes = pool('X:n,m w:m y:n', 'x:n A:n,n', 'W:k,d x:d y:k', 'A:n,n', 'A:n,n B:n,n', 'w:m', 'X:n,m', 'lambda:', 'x:n,n,n');

/** A command's arguments: positionals, then options (a flag is `true`). */
interface Spec {
  pos: Arg[];
  opts: Record<string, Arg | true>;
  /** Options always present (keeps the valid cases small: sample counts, epochs, output paths). */
  always?: Record<string, Arg>;
}
const SYM = { '--vars': vars, '--pretty': true, '--latex': true, '--json': true, '--at': at } as const;
const SPECS: Record<string, Spec> = {
  diff: { pos: [expr], opts: { ...SYM, '--wrt': v1, '--order': pool('1', '2', '3', '0', '1000', '1001'), '--steps': true } },
  grad: { pos: [expr], opts: { ...SYM, '--text': true } },
  jacobian: { pos: [fc.tuple(expr, expr).map(([a, b]) => `${a}, ${b}`)], opts: { ...SYM, '--text': true } },
  hessian: { pos: [expr], opts: { ...SYM, '--text': true } },
  eval: { pos: [expr], opts: { '--vars': vars, '--pretty': true, '--latex': true, '--json': true, '--at': at } },
  integrate: { pos: [expr], opts: { '--var': v1, '--wrt': v1, '--from': num, '--to': num, '--steps': true, '--numeric': true, '--latex': true, '--json': true } },
  limit: { pos: [expr, num], opts: { '--var': v1, '--dir': pool('+', '-', '+-'), '--latex': true, '--json': true } },
  series: { pos: [expr], opts: { '--var': v1, '--at': num, '--order': pool('1', '3', '6', '0', '61'), '--latex': true, '--json': true } },
  solve: { pos: [fc.oneof(expr, fc.tuple(expr, expr).map(([a, b]) => `${a} = ${b}`))], opts: { '--var': v1, '--latex': true, '--json': true, '--complex': true, '--domain': pool('real', 'complex', 'bogus') } },
  critical: { pos: [expr], opts: { '--var': v1, '--vars': vars, '--latex': true, '--json': true } },
  sum: { pos: [expr], opts: { '--var': pool('x', 'k', 'n'), '--from': pool('1', '0', 'n', '-oo', '1/2', '-3'), '--to': pool('n', 'oo', '10', '1000', '-3', 'x'), '--latex': true, '--json': true } },
  product: { pos: [expr], opts: { '--var': pool('x', 'k', 'n'), '--from': pool('1', '0', 'n', '1/2', '-3'), '--to': pool('n', 'oo', '10', '300', '-3'), '--latex': true, '--json': true } },
  matdiff: {
    pos: [matExpr],
    opts: { '--symmetric': pool('A', 'A,B', 'X'), '--layout': pool('mixed', 'numerator', 'denominator'), '--hessian': true, '--pretty': true, '--unicode': true, '--latex': true, '--json': true, '--check': true, '--seed': small },
    always: { '--wrt': pool('w', 'x', 'W', 'A', 'X'), '--shapes': shapes },
  },
  quad: { pos: [expr], opts: { '--from': num, '--to': num, '--var': v1, '--epsabs': pool('1e-8', '0', '1e-300', '-1'), '--epsrel': pool('1e-8', '1e-3', '0'), '--limit': pool('50', '1', '0', '1000000'), '--points': pool('0', '0,1', 'pi', 'a') } },
  nderiv: { pos: [expr], opts: { '--at': num, '--method': pool('forward', 'central', 'five-point', 'richardson', 'dual', 'spline'), '--var': v1 } },
  minimize: {
    pos: [expr],
    opts: {
      '--x0': pool('0', '1,1', '0,0,0', '1e308', 'a'),
      '--method': pool('gradient-descent', 'bfgs', 'l-bfgs-b', 'nelder-mead', 'slsqp', 'newton', 'BFGS'),
      '--constraint': pool('x + y <= 1', 'x >= 0', 'x = 1', 'x < 1', 'x^2 + y^2 = 1'),
      '--bounds': pool('x=-2:2', 'x=-2:2,y=0:', 'x=2:-2', 'x=:'),
      '--vars': vars,
      '--tol': pool('1e-8', '0', '-1'),
      '--json': true,
    },
    always: { '--maxiter': pool('5', '50', '0', '1') },
  },
  train: {
    pos: [],
    opts: {
      '--data': pool('circles', 'moons', 'blobs', 'iris'),
      '--layers': pool('2,4,1', '2,3', '2,4,3', '2,1', '3,4,1', '2,0,1', '2,100000,1', '1'),
      '--lr': pool('0.1', '0.5', '0', '1e308'),
      '--optimizer': pool('sgd', 'momentum', 'adam', 'adamw', 'rmsprop'),
      '--batch-size': pool('2', '8', '0', '1000'),
      '--weight-decay': pool('0', '1e-3', '-1'),
      '--schedule': pool('cosine', 'step', 'exponential', 'none', 'linear'),
      '--validation': pool('0.2', '0.5', '0', '1'),
      '--patience': small,
      '--save': jsonFile,
      '--seed': small,
      '--noise': pool('0', '0.1', '-1', '1e308'),
      '--every': small,
      '--json': true,
      '--onnx': onnxFile,
    },
    always: { '--samples': pool('2', '10', '30', '1', '0', '1000000000'), '--epochs': pool('1', '2', '3', '0', '1000000000') },
  },
  svm: {
    pos: [],
    opts: {
      '--data': pool('circles', 'moons', 'blobs', 'xor'),
      '--noise': pool('0', '0.1', '-1'),
      '--factor': pool('0.5', '0', '1', '2'),
      '--classes': pool('2', '3', '1', '50'),
      '--seed': small,
      '--test-seed': small,
      '--kernel': pool('linear', 'rbf', 'poly', 'sigmoid', 'cubic'),
      '--C': pool('1', '0.1', '1e6', '0', '-1', '1e308'),
      '--gamma': pool('scale', 'auto', '0.5', '0', '-1', '1e308'),
      '--degree': pool('1', '3', '100', '0'),
      '--coef0': pool('0', '1', '-1', '1e308'),
      '--tol': pool('1e-3', '0', '-1'),
      '--solver': pool('auto', 'smo', 'linear', 'dual'),
      '--probability': true,
      '--onnx': onnxFile,
      '--json': true,
    },
    always: { '--samples': pool('10', '20', '40', '1', '0', '1000000000'), '--test-samples': pool('5', '20', '0', '1000000000') },
  },
  plot: {
    pos: [expr],
    opts: { '--from': num, '--to': num, '--deriv': true, '--surface': true, '--quiver': pool('[x, y]', '[-y, x]', '[1]', 'x'), '-n': pool('10', '40', '0', '1', '100000000'), '--width': pool('200', '640', '0', '100000'), '--height': pool('200', '480', '-1'), '--title': pool('t', '<script>', '') },
    always: { '--out': outFile },
  },
  lesson: { pos: [pool('1', '2', '3', '4', '5', '6', '7', '0', '8', '1.5', 'abc')], opts: { '--no-figures': true }, always: { '--out': outDir } },
  start: { pos: [], opts: {}, always: { '--out': outDir } },
};

/** Build argv from a spec: each option present or not, then 0–2 argv-level edits. */
function argvOf(name: string, spec: Spec): fc.Arbitrary<string[]> {
  const optEntries = Object.entries(spec.opts);
  const always = Object.entries(spec.always ?? {});
  return fc
    .tuple(
      fc.tuple(...spec.pos),
      fc.tuple(...optEntries.map(([, a]) => fc.option(a === true ? fc.constant('') : a, { freq: 3 }))),
      fc.tuple(...always.map(([, a]) => a)),
      fc.array(
        fc.oneof(
          fc.record({ k: fc.constant('drop' as const), i: fc.nat() }),
          fc.record({ k: fc.constant('dup' as const), i: fc.nat() }),
          fc.record({ k: fc.constant('add' as const), a: pick('--foo', '-x', '--', '-', '--json=1', '--help', '--order', 'extra', '--vars', '-x^2') }),
          fc.record({ k: fc.constant('edit' as const), i: fc.nat(), e: fc.record({ k: fc.constant('ins' as const), at: fc.nat(), c: pick('-', '=', ',', ' ', '\u0000', '9') }) }),
        ),
        { maxLength: 2 },
      ),
    )
    .map(([pos, opts, alw, edits]) => {
      const argv = [name, ...pos];
      optEntries.forEach(([flag, a], i) => {
        const v = opts[i];
        if (v === null) return;
        argv.push(flag);
        if (a !== true) argv.push(v!);
      });
      always.forEach(([flag], i) => argv.push(flag, alw[i]!));
      // Edits leave the command name, and never touch a path (files go only where we said).
      const isPath = (s: string) => s.startsWith(dir) || s.startsWith('/proc');
      for (const e of edits) {
        const i = 1 + (('i' in e ? e.i : 0) % Math.max(1, argv.length - 1));
        if (e.k === 'drop' && argv.length > 1 && !isPath(argv[i] ?? '')) argv.splice(i, 1);
        else if (e.k === 'dup' && argv[i] !== undefined) argv.splice(i, 0, argv[i]!);
        else if (e.k === 'add') argv.push(e.a);
        else if (e.k === 'edit' && argv[i] !== undefined && !isPath(argv[i]!)) argv[i] = applyEdit(argv[i]!, e.e);
      }
      // --out must stay: the default folder would be the working directory.
      if ((name === 'lesson' || name === 'start') && !argv.includes('--out')) argv.push('--out', join(dir, 'out'));
      return argv;
    });
}

/** Runs per command: the same argv twice gives the same output, so each distinct argv runs once. */
const seen = new Map<string, { code: number; out: string; err: string }>();
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const key = JSON.stringify(argv);
  const hit = seen.get(key);
  if (hit) return hit;
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const before = internedCount();
  let code: number;
  try {
    code = await runCli(argv, io);
  } catch (e) {
    expect.fail(`runCli threw for ${show(argv)}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  const work = internedCount() - before;
  if (work > NODE_BOUND) expect.fail(`${show(argv)} made ${work} expression nodes (bound ${NODE_BOUND})`);
  const r = { code, out: out.join('\n'), err: err.join('\n') };
  seen.set(key, r);
  return r;
}

describe('nabla CLI on hostile argument lists: exit 0, or exit 2 with a message; never an internal error', () => {
  for (const [name, spec] of Object.entries(SPECS)) {
    it(
      name,
      async () => {
        await fc.assert(
          fc.asyncProperty(argvOf(name, spec), async (argv) => {
            const r = await run(argv);
            expect([0, 2], `${show(argv)} exited ${r.code}: ${r.err.slice(0, 500)}`).toContain(r.code);
            expect(r.err, show(argv)).not.toMatch(/internal error|TypeError|RangeError|Maximum call stack|undefined is not|Cannot read prop/);
            if (r.code === 2) expect(r.err, show(argv)).toMatch(/^error: |^hint: |^Usage: |error: /m);
          }),
          PARAMS,
        );
      },
      TIMEOUT,
    );
  }
});
