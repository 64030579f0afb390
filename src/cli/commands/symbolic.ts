/**
 * Differentiation commands: `nabla diff`, `nabla grad`, `nabla jacobian`, `nabla hessian`,
 * `nabla eval`. Output is parseable text by default (matrices 2-D), or `--pretty`, `--latex`,
 * `--json`; `--at x=1.5,y=2` also prints the value there. Bad input exits 2 with a caret message.
 */
import { dict } from '../../core/dict.js';
import { LIMITS } from '../../core/limits.js';
import type { Command } from 'commander';
import { ArgumentError } from '../../core/errors.js';
import {
  I,
  diff,
  evaluate,
  evaluateComplex,
  freeSymbols,
  has,
  gradient,
  hessian,
  jacobian,
  latex,
  parse,
  parseAny,
  pretty,
  symbol,
  toString,
  SymMatrix,
  type Expr,
  type ParseOptions,
} from '../../symbolic/index.js';
import type { CliIO } from '../io.js';

/** The output options every symbolic command shares. */
export interface OutputOpts {
  vars?: string;
  pretty?: boolean;
  latex?: boolean;
  json?: boolean;
  text?: boolean;
  at?: string;
}

/** 'x,y' or 'x y' → ['x', 'y']. */
export const splitList = (s: string | undefined): string[] => (s ? s.split(/[\s,]+/).filter(Boolean) : []);

/** `x=1.5,y=2` → { x: 1.5, y: 2 }; values may be constant expressions like pi/2. @example parseAt('x=1.5,y=2') // → { x: 1.5, y: 2 } */
export function parseAt(text: string | undefined): Record<string, number> {
  const env = dict<number>();
  for (const part of splitList(text)) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(part);
    if (!m) throw new ArgumentError(`--at wants name=value pairs like x=1.5,y=2, got '${part}'`);
    const e = parse(m[2]!);
    const v = freeSymbols(e).length ? NaN : evaluate(e);
    if (!Number.isFinite(v)) throw new ArgumentError(`--at ${m[1]}: '${m[2]}' is not a finite number (give a number or a constant expression such as pi/2)`);
    env[m[1]!] = v;
  }
  return env;
}

/** Parse options for --vars (they let "2xy" mean 2·x·y). */
export function parseOpts(vars: string[]): ParseOptions {
  return vars.length ? { vars } : {};
}

/** One result as text, 2-D (--pretty) or LaTeX (--latex). */
export function showExpr(e: Expr, o: OutputOpts): string {
  return o.latex ? latex(e) : o.pretty ? pretty(e) : toString(e);
}

function showMatrix(m: SymMatrix, o: OutputOpts): string {
  if (o.latex) return latex(m);
  if (o.text) return `[${m.toRows().map((r) => r.map(toString).join(', ')).join('; ')}]`;
  return pretty(m);
}

const valueText = (v: number): string => String(v);

/** `nabla diff EXPR [--wrt x] [--order n] [--steps]`. 
 * @example
 * const lines: string[] = [];
 * runDiff('x^3 - 2x^2 + 1', {}, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
 * lines // → ['3*x^2 - 4*x']
 */
export function runDiff(expr: string, o: OutputOpts & { wrt?: string; order?: string; steps?: boolean }, io: CliIO): void {
  const vars = splitList(o.vars);
  if (o.wrt && !vars.includes(o.wrt) && vars.length) vars.push(o.wrt);
  const e = parse(expr, parseOpts(vars));
  const order = o.order === undefined ? 1 : Number(o.order);
  if (!Number.isInteger(order) || order < 0 || order > LIMITS.derivativeOrder)
    throw new ArgumentError(`--order must be an integer 0..${LIMITS.derivativeOrder}, got '${o.order}'`);
  let x = o.wrt ? symbol(o.wrt) : undefined;
  if (!x) {
    const fs = freeSymbols(e);
    if (fs.length > 1 && !fs.some((s) => s.name === 'x'))
      throw new ArgumentError(`several variables (${fs.map((s) => s.name).join(', ')}): choose one with --wrt`);
    x = fs.length === 1 ? fs[0]! : symbol('x');
  }
  const env = o.at ? parseAt(o.at) : null;
  if (o.steps) {
    if (order !== 1) throw new ArgumentError('--steps traces a first derivative (drop --order)');
    const t = diff(e, x, { steps: true });
    if (o.json) {
      io.out(JSON.stringify({ input: toString(e), wrt: x.name, result: toString(t.result), steps: t.steps.map((s) => ({ rule: s.rule, formula: s.formula, expr: toString(s.expr), result: toString(s.result) })) }));
      return;
    }
    io.out(`d/d${x.name} ${toString(e)}`);
    for (const s of t.steps) io.out(`  ${s.rule.padEnd(22)} d/d${x.name}[${toString(s.expr)}] = ${toString(s.result)}    (${s.formula})`);
    io.out(`= ${showExpr(t.result, o)}`);
    if (env) io.out(`at ${o.at}: ${valueText(evaluate(t.result, env))}`);
    return;
  }
  const d = diff(e, [x, order]);
  if (o.json) {
    io.out(JSON.stringify({ input: toString(e), wrt: x.name, order, result: toString(d), latex: latex(d), ...(env ? { at: env, value: evaluate(d, env) } : {}) }));
    return;
  }
  io.out(showExpr(d, o));
  if (env) io.out(`at ${o.at}: ${valueText(evaluate(d, env))}`);
}

function matrixCommand(m: SymMatrix, o: OutputOpts, io: CliIO): void {
  const env = o.at ? parseAt(o.at) : null;
  if (o.json) {
    io.out(JSON.stringify({ rows: m.rows, cols: m.cols, entries: m.toRows().map((r) => r.map(toString)), latex: latex(m), ...(env ? { at: env, value: m.evaluate(env) } : {}) }));
    return;
  }
  io.out(showMatrix(m, o));
  if (env) io.out(`at ${o.at}: ${JSON.stringify(m.evaluate(env))}`);
}

function varsFor(exprs: Expr[], o: OutputOpts): string[] {
  const v = splitList(o.vars);
  if (v.length) return v;
  const s = new Set<string>();
  for (const e of exprs) for (const f of freeSymbols(e)) s.add(f.name);
  return [...s].sort();
}

/** `nabla jacobian "[f1, f2]" --vars x,y`. 
 * @example
 * const lines: string[] = [];
 * runJacobian('[2xy, x^2 y]', { vars: 'x,y' }, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
 * lines // → ['⎡ 2⋅y   2⋅x⎤\n⎢          ⎥\n⎢        2 ⎥\n⎣2⋅x⋅y  x  ⎦']
 */
export function runJacobian(text: string, o: OutputOpts, io: CliIO): void {
  const r = parseAny(text, parseOpts(splitList(o.vars)));
  const exprs = r instanceof SymMatrix ? [...r.data] : [r];
  matrixCommand(jacobian(exprs, varsFor(exprs, o)), o, io);
}

/**
 * Register diff, grad, jacobian, hessian and eval on the CLI program.
 * @example
 * const program = buildProgram({ out: () => {}, err: () => {} }); // calls register
 * ['diff', 'grad', 'jacobian', 'hessian', 'eval'].every((n) => program.commands.some((c) => c.name() === n)) // → true
 */
export function register(program: Command, io: CliIO): void {
  const common = (c: Command): Command =>
    c
      .option('--vars <list>', 'variables, e.g. x,y (lets "2xy" mean 2·x·y)')
      .option('--pretty', '2-D output')
      .option('--latex', 'LaTeX output')
      .option('--json', 'JSON output')
      .option('--at <values>', 'also evaluate at, e.g. x=1.5,y=2');
  common(program.command('diff').description('differentiate an expression: nabla diff "x^3 - 2x^2 + 1"').argument('<expr>'))
    .option('--wrt <var>', 'variable to differentiate by (default: the only one, or x)')
    .option('--order <n>', 'order of the derivative', '1')
    .option('--steps', 'show the rules applied')
    .action((expr: string, o) => runDiff(expr, o, io));
  common(program.command('grad').description('gradient of an expression: nabla grad "x^2 + y^3" --vars x,y').argument('<expr>'))
    .option('--text', 'one-line text instead of 2-D')
    .action((expr: string, o: OutputOpts) => {
      const e = parse(expr, parseOpts(splitList(o.vars)));
      matrixCommand(gradient(e, varsFor([e], o)), o, io);
    });
  common(program.command('jacobian').description('Jacobian of a vector: nabla jacobian "[2xy, x^2 y]" --vars x,y').argument('<exprs>'))
    .option('--text', 'one-line text instead of 2-D')
    .action((text: string, o: OutputOpts) => runJacobian(text, o, io));
  common(program.command('hessian').description('Hessian of an expression: nabla hessian "x^2 y" --vars x,y').argument('<expr>'))
    .option('--text', 'one-line text instead of 2-D')
    .action((expr: string, o: OutputOpts) => {
      const e = parse(expr, parseOpts(splitList(o.vars)));
      matrixCommand(hessian(e, varsFor([e], o)), o, io);
    });
  common(program.command('eval').description('evaluate an expression: nabla eval "sin(x)^2" --at x=0.5 (with I: the complex value)').argument('<expr>')).action(
    (expr: string, o: OutputOpts) => {
      const e = parse(expr, parseOpts(splitList(o.vars)));
      const at = parseAt(o.at);
      if (has(e, I)) {
        // With the imaginary unit: the complex value, as SymPy's N prints it (1.0 + 2.0*I).
        const z = evaluateComplex(e, at);
        const text = z.im === 0 ? valueText(z.re) : `${z.re === 0 ? '' : `${valueText(z.re)} ${z.im < 0 ? '-' : '+'} `}${valueText(z.re === 0 ? z.im : Math.abs(z.im))}*I`;
        io.out(o.json ? JSON.stringify({ input: toString(e), value: z.im === 0 ? z.re : z }) : text);
        return;
      }
      const v = evaluate(e, at);
      io.out(o.json ? JSON.stringify({ input: toString(e), value: v }) : valueText(v));
    },
  );
}
