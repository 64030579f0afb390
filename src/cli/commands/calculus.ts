/**
 * Symbolic calculus commands: `nabla integrate`, `nabla limit`, `nabla series`, `nabla solve`,
 * `nabla critical`, `nabla sum`, `nabla product`. Each prints the exact result as parseable text (or LaTeX with --latex, or a
 * JSON record with --json).
 */
import { dict } from '../../core/dict.js';
import { LIMITS } from '../../core/limits.js';
import type { Command } from 'commander';
import { ArgumentError } from '../../core/errors.js';
import { pyRepr } from '../../core/format.js';
import {
  NAN, NEG_OO, OO, ZOO, criticalPoints, evaluateComplex, freeSymbols, IdentityError, integrate, latex, limit, parse, product, series, seriesDetailed, solveDetailed, sub, summation, symbol, toString, ZERO,
  evaluate, type Expr, type LimitDir, type SymbolNode,
} from '../../symbolic/index.js';
import type { CliIO } from '../io.js';

interface Common {
  var?: string;
  /** Same as --var (the spelling `nabla diff` uses). */
  wrt?: string;
  latex?: boolean;
  json?: boolean;
}

/** The variable: --var/--wrt, else the expression's only symbol, else x. */
function variableOf(e: Expr, name?: string): SymbolNode {
  if (name) return symbol(name);
  const syms = freeSymbols(e);
  if (syms.length === 1) return syms[0]!;
  if (syms.length === 0) return symbol('x');
  if (syms.some((s) => s.name === 'x')) return symbol('x');
  throw new ArgumentError(`the expression has several variables (${syms.map((s) => s.name).join(', ')}): choose one with --var`);
}

/** Exact text (or LaTeX); a float prints as a plain number. */
const show = (e: Expr, asLatex?: boolean): string => (e.kind === 'Float' ? pyRepr(e.value) : asLatex ? latex(e) : toString(e));
const KIND_TEXT = dict<string>({
  min: 'local min',
  max: 'local max',
  saddle: 'saddle point',
  inflection: 'stationary inflection point (not an extremum)',
  inconclusive: 'inconclusive',
});
const num = (e: Expr): number | null => {
  if (freeSymbols(e).length) return null;
  const v = evaluate(e);
  return Number.isFinite(v) ? v : null;
};

/** A limit of integration: a number, pi/2, ±oo, or an expression in other symbols (not x). */
function bound(text: string, x: Expr, option = 'the limit of integration'): Expr {
  const t = text.trim();
  if (t === 'oo' || t === '+oo' || t === 'inf') return OO;
  if (t === '-oo' || t === '-inf') return NEG_OO;
  // JavaScript's spellings would parse as symbols named Infinity and NaN (`Infinity^3/3`).
  if (/^[+-]?(infinity|nan)$/i.test(t)) throw new ArgumentError(`${option} must be a number or an expression (like 1.5, pi/2, a, -oo, oo), got '${text}'${/inf/i.test(t) ? '; infinity is written oo' : ''}`);
  const e = parse(t);
  if (e === NAN || e === ZOO) throw new ArgumentError(`${option} must be a number or an expression (like 1.5, pi/2, a, -oo, oo), got '${text}'`);
  if (freeSymbols(e).includes(x as never)) throw new ArgumentError(`a limit of integration cannot contain the variable of integration, got '${text}'`);
  return e;
}

/** A limit or expansion point: a number, pi/2 or ±oo. */
function point(text: string, x: Expr): Expr {
  const e = /^[+-]?(infinity|nan)$/i.test(text.trim()) ? NAN : bound(text, x, 'the point');
  if (freeSymbols(e).length || e === NAN || e === ZOO) throw new ArgumentError(`the point must be a number (like 0, pi/2, oo), got '${text}'`);
  return e;
}

/** `nabla integrate EXPR [--from a --to b] [--steps] [--numeric]`. */
export function runIntegrate(expr: string, opts: Common & { from?: string; to?: string; steps?: boolean; numeric?: boolean }, io: CliIO): void {
  const e = parse(expr);
  const x = variableOf(e, opts.var ?? opts.wrt);
  if ((opts.from === undefined) !== (opts.to === undefined)) throw new ArgumentError('give both --from and --to for a definite integral');
  const spec = opts.from !== undefined ? ([x, bound(opts.from, x, '--from'), bound(opts.to!, x, '--to')] as const) : x;
  const r = integrate(e, spec, { steps: true, numeric: opts.numeric ?? false });
  if (opts.json) {
    io.out(
      JSON.stringify({
        integrand: toString(e),
        variable: x.name,
        result: toString(r.value),
        latex: latex(r.value),
        value: num(r.value),
        method: r.method,
        ...(r.antiderivative ? { antiderivative: toString(r.antiderivative) } : {}),
        ...(r.reason ? { reason: r.reason } : {}),
        steps: r.steps.map((s) => ({ depth: s.depth, rule: s.rule, integrand: toString(s.integrand), result: toString(s.result), ...(s.detail ? { detail: s.detail } : {}) })),
      }),
    );
    return;
  }
  io.out(show(r.value, opts.latex));
  if (r.method === 'numeric') io.err(`note: no antiderivative found (${r.reason}); value by adaptive quadrature, error ≈ ${r.error?.toExponential(1)}`);
  else if (r.method === 'unevaluated') io.err(`note: left unevaluated: ${r.reason}`);
  else if (r.reason) io.err(`note: ${r.reason}`);
  if (opts.steps) {
    for (const s of r.steps) {
      const pad = '  '.repeat(s.depth);
      io.out(`${pad}- ${s.rule}: ∫ ${toString(s.integrand)} d${s.variable.name} = ${toString(s.result)}${s.detail ? `   [${s.detail}]` : ''}`);
    }
  }
}

export function runLimit(expr: string, to: string, opts: Common & { dir?: string }, io: CliIO): void {
  const e = parse(expr);
  const x = variableOf(e, opts.var ?? opts.wrt);
  const dir = (opts.dir ?? '+-') as LimitDir;
  if (!['+', '-', '+-'].includes(dir)) throw new ArgumentError(`--dir must be +, - or +-, got '${opts.dir}'`);
  const r = limit(e, x, point(to, x), dir);
  if (opts.json) io.out(JSON.stringify({ expr: toString(e), variable: x.name, to, dir, result: toString(r), value: num(r) }));
  else io.out(show(r, opts.latex));
}

export function runSeries(expr: string, opts: Common & { at: string; order: string }, io: CliIO): void {
  const e = parse(expr);
  const n = Number(opts.order);
  if (!Number.isInteger(n) || n < 1 || n > LIMITS.seriesOrder) throw new ArgumentError(`--order must be an integer 1-${LIMITS.seriesOrder}, got '${opts.order}'`);
  const names = (opts.var ?? opts.wrt ?? '').split(/[\s,]+/).filter(Boolean);
  if (names.length > 1) {
    // Several variables: the Taylor polynomial of total degree < n at the point --at a,b,….
    const xs = names.map((v) => symbol(v));
    const ats = opts.at.split(',').map((a) => a.trim());
    const points = ats.length === 1 && ats[0] === '0' ? xs.map(() => '0') : ats;
    if (points.length !== xs.length) throw new ArgumentError(`--at needs ${xs.length} comma-separated numbers for --var ${names.join(',')}, got '${opts.at}'`);
    const at = points.map((p, i) => point(p, xs[i]!));
    const r = series(e, xs, at, n);
    const disp = xs.map((x, i) => toString(at[i] === ZERO ? x : sub(x, at[i]!))).join(', ');
    if (opts.json) io.out(JSON.stringify({ expr: toString(e), variables: names, at: points, order: n, result: toString(r), error: `O(|(${disp})|^${n})` }));
    else io.out(`${show(r, opts.latex)}${opts.latex ? '' : ` + O(|(${disp})|^${n})`}`);
    return;
  }
  const x = variableOf(e, names[0]);
  const at = point(opts.at, x);
  const r = seriesDetailed(e, x, at, n);
  // SymPy's form of the error term: O(x^4), O(x^3*log(x)^3), O(1/x^3, x → oo).
  const error = `O(${toString(r.order)}${at === OO || at === NEG_OO ? `, ${x.name} → ${toString(at)}` : ''})`;
  if (opts.json) io.out(JSON.stringify({ expr: toString(e), variable: x.name, at: opts.at, order: n, result: toString(r.series), error }));
  else io.out(`${show(r.series, opts.latex)}${opts.latex ? '' : ` + ${error}`}`);
}

/** A root's approximate value: a number, or { re, im } for a complex one (null when not a constant). */
function approx(e: Expr): number | { re: number; im: number } | null {
  if (freeSymbols(e).length) return null;
  const z = evaluateComplex(e);
  if (!Number.isFinite(z.re) || !Number.isFinite(z.im)) return null;
  return z.im === 0 ? z.re : z;
}

export function runSolve(equation: string, opts: Common & { complex?: boolean; domain?: string }, io: CliIO): void {
  const lhs = equation.split('=')[0]!;
  const x = variableOf(parse(equation.includes('=') ? `(${lhs}) - (${equation.split('=')[1]})` : equation), opts.var ?? opts.wrt);
  const domain = opts.complex ? 'complex' : (opts.domain ?? 'real');
  if (domain !== 'real' && domain !== 'complex') throw new ArgumentError(`--domain must be real or complex, got '${domain}'`);
  if (opts.complex && opts.domain === 'real') throw new ArgumentError('--complex and --domain real contradict each other');
  let sols: ReturnType<typeof solveDetailed>;
  try {
    sols = solveDetailed(equation, x, { domain });
  } catch (e) {
    if (!(e instanceof IdentityError)) throw e;
    if (opts.json) io.out(JSON.stringify({ equation, variable: x.name, identity: true, solutions: [] }));
    else io.out(`every ${domain === 'real' ? 'real' : 'complex'} ${x.name} is a solution (the equation holds identically)`);
    return;
  }
  if (opts.json) {
    io.out(JSON.stringify({ equation, variable: x.name, domain, solutions: sols.map((s) => ({ value: toString(s.value), approx: approx(s.value), numeric: s.numeric })) }));
    return;
  }
  if (!sols.length) {
    io.out(domain === 'real' ? 'no real solutions' : 'no solutions');
    return;
  }
  for (const s of sols) io.out(`${x.name} = ${show(s.value, opts.latex)}${s.numeric ? '   (numeric approximation)' : ''}`);
}

export function runCritical(expr: string, opts: Common & { vars?: string }, io: CliIO): void {
  const e = parse(expr);
  const vars = opts.vars ? opts.vars.split(/[\s,]+/).filter(Boolean) : opts.var ? [opts.var] : undefined;
  const r = criticalPoints(e, vars);
  if (opts.json) {
    io.out(
      JSON.stringify({
        expr: toString(e),
        derivative: r.derivative.map(toString),
        points: r.points.map((p) => ({ point: Object.fromEntries(Object.entries(p.point).map(([k, v]) => [k, toString(v)])), value: toString(p.value), kind: p.kind, test: p.test, numeric: p.numeric })),
        complete: r.complete,
        ...(r.reason ? { reason: r.reason } : {}),
      }),
    );
    return;
  }
  const names = Object.keys(r.points[0]?.point ?? {});
  io.out(r.derivative.length === 1 ? `f' = ${show(r.derivative[0]!, opts.latex)}` : `grad f = (${r.derivative.map((d) => show(d, opts.latex)).join(', ')})`);
  if (!r.points.length) io.out(`no critical points: ${r.reason}`);
  for (const p of r.points) {
    const at = names.map((n) => `${n} = ${show(p.point[n]!, opts.latex)}`).join(', ');
    io.out(`${at}: ${KIND_TEXT[p.kind]}, f = ${show(p.value, opts.latex)}   [${p.test}]`);
  }
  // A list that may miss points says so and why (principal solutions only, a numeric scan, ...).
  if (r.points.length && r.reason) io.out(`note: ${r.reason}`);
}

/** `nabla sum EXPR --from a --to b [--var k]` and `nabla product …`: the index is --var, else k when the expression has it, else its only symbol. */
export function runSumOrProduct(which: 'sum' | 'product', expr: string, opts: Common & { from?: string; to?: string }, io: CliIO): void {
  const e = parse(expr);
  const syms = freeSymbols(e);
  const k = opts.var ?? opts.wrt ? symbol((opts.var ?? opts.wrt)!) : syms.find((s) => s.name === 'k') ?? (syms.length === 1 ? syms[0]! : null);
  if (!k) throw new ArgumentError(`choose the index of the ${which} with --var (the expression has ${syms.length ? syms.map((s) => s.name).join(', ') : 'no symbols'})`);
  if (opts.from === undefined || opts.to === undefined) throw new ArgumentError(`give the range with --from and --to (e.g. --from 1 --to n, or --to oo)`);
  const lo = bound(opts.from, k, '--from'), hi = bound(opts.to, k, '--to');
  const r = which === 'sum' ? summation(e, [k, lo, hi]) : product(e, [k, lo, hi]);
  if (opts.json) io.out(JSON.stringify({ expr: toString(e), index: k.name, from: toString(lo), to: toString(hi), result: toString(r), latex: latex(r), value: num(r) }));
  else io.out(show(r, opts.latex));
}

export function register(program: Command, io: CliIO): void {
  program
    .command('integrate')
    .description('integrate an expression exactly (indefinite, or definite with --from/--to; limits may be -oo, oo)')
    .argument('<expr>', "integrand, e.g. '3x^2 - 4x'")
    .option('--var <name>', 'integration variable (default: the only symbol, else x)')
    .option('--wrt <name>', 'same as --var')
    .option('--from <a>', 'lower limit')
    .option('--to <b>', 'upper limit')
    .option('--steps', 'show the rules applied')
    .option('--numeric', 'definite integrals: fall back to quadrature when there is no antiderivative')
    .option('--latex', 'print LaTeX')
    .option('--json', 'print a JSON record')
    .action((expr: string, opts) => runIntegrate(expr, opts, io));
  program
    .command('limit')
    .description('limit of an expression at a point or at ±oo')
    .argument('<expr>', "e.g. 'sin(x)/x'")
    .argument('<to>', 'the point: a number, pi/2, oo or -oo')
    .option('--var <name>', 'the variable')
    .option('--wrt <name>', 'same as --var')
    .option('--dir <d>', "direction: '+' (from the right), '-' (from the left) or '+-' (both)", '+-')
    .option('--latex', 'print LaTeX')
    .option('--json', 'print a JSON record')
    .action((expr: string, to: string, opts) => runLimit(expr, to, opts, io));
  program
    .command('series')
    .description('series with exact coefficients: Taylor/Laurent, fractional powers and logs (x^x), at oo (in 1/x), or in several variables')
    .argument('<expr>', "e.g. 'exp(x)', 'sqrt(x^2+1)' (with --at oo), 'exp(x)*sin(y)' (with --var x,y)")
    .option('--var <name>', "the variable; several ('x,y') for a multivariate Taylor polynomial")
    .option('--wrt <name>', 'same as --var')
    .option('--at <x0>', "expansion point: a number, oo or -oo; with several variables 'a,b'", '0')
    .option('--order <n>', 'powers below n (of 1/x at oo; total degree below n with several variables)', '6')
    .option('--latex', 'print LaTeX')
    .option('--json', 'print a JSON record')
    .action((expr: string, opts) => runSeries(expr, opts, io));
  program
    .command('solve')
    .description("real (or with --complex, complex) solutions of an equation, e.g. 'x^3 - 2x^2 + 1 = 0' or 'exp(x) = 2'")
    .argument('<equation>', 'an equation, or an expression meaning = 0')
    .option('--var <name>', 'the unknown')
    .option('--complex', 'every complex root, written with I (same as --domain complex)')
    .option('--domain <d>', 'real (default) or complex')
    .option('--wrt <name>', 'same as --var')
    .option('--latex', 'print LaTeX')
    .option('--json', 'print a JSON record')
    .action((eq: string, opts) => runSolve(eq, opts, io));
  for (const [which, word, eg] of [
    ['sum', 'Σ', "'k^2' --from 1 --to n, '1/k^2' --from 1 --to oo"],
    ['product', 'Π', "'k' --from 1 --to n"],
  ] as const)
    program
      .command(which)
      .description(`${word}: the ${which} of an expression over an integer range in closed form, e.g. ${eg}`)
      .argument('<expr>', "the term, e.g. 'k^2' or 'x^k/factorial(k)'")
      .option('--var <name>', 'the index (default: k, else the only symbol)')
      .option('--wrt <name>', 'same as --var')
      .option('--from <a>', 'first index (an integer or a symbol)')
      .option('--to <b>', 'last index (an integer, a symbol or oo)')
      .option('--latex', 'print LaTeX')
      .option('--json', 'print a JSON record')
      .action((expr: string, opts) => runSumOrProduct(which, expr, opts, io));
  program
    .command('critical')
    .description('critical points and their kind (second-derivative / Hessian test)')
    .argument('<expr>', "e.g. 'x^3 - 2x^2 + 1' or 'x^2 + y^2'")
    .option('--var <name>', 'the variable (one-variable functions)')
    .option('--vars <list>', 'variables, comma separated (default: all symbols)')
    .option('--latex', 'print LaTeX')
    .option('--json', 'print a JSON record')
    .action((expr: string, opts) => runCritical(expr, opts, io));
}
