import type { Command } from 'commander';
import { ArgumentError } from '../../core/errors.js';
import { pyRepr } from '../../core/format.js';
import { minimize, SOLVERS, type Bound, type Constraint, type OptimizeMethod, type OptimizeResult } from '../../optimize/index.js';
import { freeSymbols, jacobian, lambdify, parse, type Expr } from '../../symbolic/index.js';
import type { CliIO } from '../io.js';

/** Options of `nabla minimize` (commander's parsed strings). */
export interface MinimizeCliOptions {
  x0?: string;
  method?: string;
  constraint?: string[];
  bounds?: string[];
  vars?: string;
  tol?: string;
  maxiter?: string;
  json?: boolean;
}

/** A constraint typed by the user: `lhs <= rhs`, `lhs >= rhs` or `lhs = rhs`. */
function parseConstraint(text: string): { type: 'eq' | 'ineq'; expr: Expr; text: string } {
  const m = /^(.*?)(<=|>=|==|=|<|>)(.*)$/.exec(text);
  if (!m || m[1]!.trim() === '' || m[3]!.trim() === '') {
    throw new ArgumentError(`--constraint must look like 'lhs <= rhs', 'lhs >= rhs' or 'lhs = rhs', got '${text}'`);
  }
  const [, lhs, op, rhs] = m as unknown as [string, string, string, string];
  if (/[<>=]/.test(rhs)) throw new ArgumentError(`--constraint has more than one comparison: '${text}'`);
  // ineq means g(x) ≥ 0: lhs ≤ rhs → rhs − lhs ≥ 0; lhs ≥ rhs → lhs − rhs ≥ 0; lhs = rhs → lhs − rhs = 0
  const body = op === '<=' || op === '<' ? `(${rhs}) - (${lhs})` : `(${lhs}) - (${rhs})`;
  return { type: op === '=' || op === '==' ? 'eq' : 'ineq', expr: parse(body), text };
}

function parseNumber(text: string, what: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) throw new ArgumentError(`${what} must be a number, got '${text}'`);
  return v;
}

/** `x=-2:2,y=0:` → per-variable bounds (empty side = unbounded). */
function parseBounds(specs: string[], vars: string[]): Bound[] {
  const out: Array<[number | null, number | null]> = vars.map(() => [null, null]);
  for (const part of specs.flatMap((s) => s.split(',')).filter((s) => s.trim() !== '')) {
    const m = /^\s*([A-Za-z_]\w*)\s*=\s*([^:]*):([^:]*)$/.exec(part);
    if (!m) throw new ArgumentError(`--bounds entries look like 'x=-2:2' (either side may be empty), got '${part}'`);
    const i = vars.indexOf(m[1]!);
    if (i < 0) throw new ArgumentError(`--bounds names '${m[1]}', which is not a variable (variables: ${vars.join(', ')})`);
    out[i] = [m[2]!.trim() === '' ? null : parseNumber(m[2]!, `lower bound of ${m[1]}`), m[3]!.trim() === '' ? null : parseNumber(m[3]!, `upper bound of ${m[1]}`)];
  }
  return out;
}

/** Scalar function and exact gradient (symbolic Jacobian, compiled) of an expression. */
function compile(e: Expr, vars: string[]): { f: (x: Float64Array) => number; g: (x: Float64Array) => number[] } {
  const f = lambdify(e, vars);
  const J = lambdify(jacobian([e], vars), vars);
  return { f, g: (x) => J(x)[0]! };
}

/**
 * `nabla minimize`: parse an objective and constraints, differentiate them symbolically, and run
 * `minimize` with exact gradients. Returns the result and the variable order.
 */
export function runMinimize(objective: string, opts: MinimizeCliOptions): { vars: string[]; result: OptimizeResult; constraints: string[] } {
  const f = parse(objective);
  const cons = (opts.constraint ?? []).map(parseConstraint);
  let vars: string[];
  if (opts.vars !== undefined) {
    vars = opts.vars.split(',').map((s) => s.trim()).filter(Boolean);
  } else {
    const names = new Set<string>();
    for (const e of [f, ...cons.map((c) => c.expr)]) for (const s of freeSymbols(e)) names.add(s.name);
    vars = [...names].sort();
  }
  if (vars.length === 0) throw new ArgumentError(`the objective '${objective}' has no variables to minimise over`);
  let x0: number[];
  if (opts.x0 !== undefined) {
    x0 = opts.x0.split(',').map((s, i) => parseNumber(s, `--x0 entry ${i + 1}`));
    if (x0.length !== vars.length) {
      throw new ArgumentError(`--x0 has ${x0.length} values but there are ${vars.length} variables (${vars.join(', ')})`);
    }
  } else x0 = vars.map(() => 0);
  const method = opts.method as OptimizeMethod | undefined;
  if (method !== undefined && !Object.hasOwn(SOLVERS, method)) {
    throw new ArgumentError(`--method must be one of ${Object.keys(SOLVERS).join(', ')}, got '${method}'`);
  }
  const obj = compile(f, vars);
  const constraints: Constraint[] = cons.map((c) => {
    const k = compile(c.expr, vars);
    return { type: c.type, fun: k.f, jac: k.g };
  });
  const result = minimize(obj.f, x0, {
    method,
    jac: method === 'nelder-mead' ? undefined : obj.g,
    bounds: opts.bounds && opts.bounds.length > 0 ? parseBounds(opts.bounds, vars) : undefined,
    constraints: constraints.length > 0 ? constraints : undefined,
    tol: opts.tol !== undefined ? parseNumber(opts.tol, '--tol') : undefined,
    maxiter: opts.maxiter !== undefined ? parseNumber(opts.maxiter, '--maxiter') : undefined,
  });
  return { vars, result, constraints: cons.map((c) => c.text) };
}

/** The result as printable lines. */
export function formatMinimize(vars: string[], r: OptimizeResult, constraints: string[]): string[] {
  const lines = [
    `method: ${r.method}`,
    `success: ${r.success ? 'True' : 'False'} (status ${r.status}: ${r.message})`,
    `x: ${vars.map((v, i) => `${v} = ${pyRepr(r.x[i]!)}`).join(', ')}`,
    `fun: ${pyRepr(r.fun)}`,
    `nit: ${r.nit}, nfev: ${r.nfev}, njev: ${r.njev}`,
  ];
  if (r.jac) lines.push(`jac: ${Array.from(r.jac, (v) => pyRepr(v)).join(', ')}`);
  if (constraints.length > 0 && r.multipliers) {
    lines.push('multipliers:');
    constraints.forEach((c, i) => lines.push(`  ${c}: ${pyRepr(r.multipliers![i]!)}`));
  }
  if (r.maxcv !== undefined) lines.push(`max violation: ${pyRepr(r.maxcv)}`);
  for (const w of r.warnings) lines.push(`warning: ${w}`);
  return lines;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

export function register(program: Command, io: CliIO): void {
  program
    .command('minimize')
    .description('minimise an expression, optionally under constraints and bounds (exact symbolic gradients)')
    .argument('<objective>', "objective, e.g. '100*(y-x^2)^2 + (1-x)^2'")
    .option('--x0 <values>', 'start point, comma-separated in variable order (default zeros)')
    .option('--method <name>', `one of ${Object.keys(SOLVERS).join(', ')} (default: slsqp with constraints, l-bfgs-b with bounds, else bfgs)`)
    .option('--constraint <c>', "a constraint 'lhs <= rhs', 'lhs >= rhs' or 'lhs = rhs' (repeatable)", collect)
    .option('--bounds <spec>', "bounds like 'x=-2:2,y=0:' (repeatable)", collect)
    .option('--vars <names>', 'variable order, comma-separated (default: sorted by name)')
    .option('--tol <tol>', 'termination tolerance')
    .option('--maxiter <n>', 'iteration limit')
    .option('--json', 'print the result as JSON')
    .action((objective: string, opts: MinimizeCliOptions) => {
      const { vars, result, constraints } = runMinimize(objective, opts);
      if (opts.json) {
        io.out(JSON.stringify({
          vars,
          x: Array.from(result.x),
          fun: result.fun,
          jac: result.jac ? Array.from(result.jac) : null,
          nit: result.nit,
          nfev: result.nfev,
          njev: result.njev,
          status: result.status,
          message: result.message,
          success: result.success,
          method: result.method,
          multipliers: result.multipliers ? Array.from(result.multipliers) : null,
          maxcv: result.maxcv ?? null,
          warnings: result.warnings,
        }, null, 2));
      } else for (const line of formatMinimize(vars, result, constraints)) io.out(line);
    });
}
