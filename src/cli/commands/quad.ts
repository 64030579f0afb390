import type { Command } from 'commander';
import { ArgumentError } from '../../core/errors.js';
import { pyRepr } from '../../core/format.js';
import { QUAD_MAX_EVAL, quad } from '../../numeric/index.js';
import { evaluate, freeSymbols, lambdify, parse } from '../../symbolic/index.js';
import type { CliIO } from '../io.js';

/** A one-variable expression as a JS function (compiled from the parsed tree, never eval'd text). */
export function compileInVariable(text: string, variable: string, what: string): (x: number) => number {
  const e = parse(text);
  const extra = freeSymbols(e).map((s) => s.name).filter((n) => n !== variable);
  if (extra.length > 0) {
    throw new ArgumentError(`${what} may only use the variable ${variable}, but it also uses ${extra.join(', ')} (set the variable with --var)`);
  }
  return lambdify(e, [variable]) as unknown as (x: number) => number;
}

/** A number typed on the command line: `1.5`, `pi/2`, `-oo`, `oo`. */
export function parseNumberArg(text: string, name: string, allowInfinite = false): number {
  const e = parse(text);
  if (freeSymbols(e).length > 0) throw new ArgumentError(`--${name} must be a number (like 1.5, pi/2${allowInfinite ? ', -oo, oo' : ''}), got '${text}'`);
  const v = evaluate(e);
  if (Number.isNaN(v) || (!allowInfinite && !Number.isFinite(v))) {
    throw new ArgumentError(`--${name} must be a ${allowInfinite ? '' : 'finite '}number, got '${text}'`);
  }
  return v;
}

interface QuadCliOptions {
  from: string;
  to: string;
  var: string;
  epsabs?: string;
  epsrel: string;
  limit: string;
  points?: string;
  maxEval: string;
}

/** `nabla quad`: prints the value (Python repr), then the error estimate, evaluations and method. */
export function runQuad(expr: string, opts: QuadCliOptions, io: CliIO): void {
  const f = compileInVariable(expr, opts.var, 'the integrand');
  const a = parseNumberArg(opts.from, 'from', true);
  const b = parseNumberArg(opts.to, 'to', true);
  const epsabs = opts.epsabs === undefined ? undefined : parseNumberArg(opts.epsabs, 'epsabs');
  const epsrel = parseNumberArg(opts.epsrel, 'epsrel');
  const limit = parseNumberArg(opts.limit, 'limit');
  const points = opts.points ? opts.points.split(',').map((p) => parseNumberArg(p, 'points')) : undefined;
  const maxEval = parseNumberArg(opts.maxEval, 'max-eval');
  const r = quad(f, a, b, { epsrel, limit, maxEval, ...(epsabs !== undefined ? { epsabs } : {}), ...(points ? { points } : {}) });
  io.out(pyRepr(r.value));
  io.out(`error estimate ${r.error.toExponential(2)}, ${r.neval} evaluations (${r.method})`);
  if (r.status !== 0) io.err(`warning: ${r.message}`);
}

export function register(program: Command, io: CliIO): void {
  program
    .command('quad')
    .description('definite integral of an expression by adaptive Gauss–Kronrod quadrature (limits may be -oo, oo)')
    .argument('<expr>', "integrand, e.g. 'exp(-x^2)'")
    .requiredOption('--from <a>', 'lower limit (number, pi/2, -oo)')
    .requiredOption('--to <b>', 'upper limit (number, oo)')
    .option('--var <name>', 'integration variable', 'x')
    .option('--epsabs <tol>', 'absolute error goal (default 1.49e-8, then refined toward --epsrel for small integrals)')
    .option('--epsrel <tol>', 'relative error goal', '1.49e-8')
    .option('--limit <n>', 'maximum number of subintervals', '50')
    .option('--max-eval <n>', 'most integrand evaluations over all stages (past it: the first estimate, with a warning)', String(QUAD_MAX_EVAL))
    .option('--points <list>', 'interior break points, comma separated (singularities, kinks)')
    .action((expr: string, opts: QuadCliOptions) => runQuad(expr, opts, io));
}
