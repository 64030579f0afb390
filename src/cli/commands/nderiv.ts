import type { Command } from 'commander';
import { ArgumentError } from '../../core/errors.js';
import { pyRepr } from '../../core/format.js';
import { D, derivative, richardson, type Dual } from '../../numeric/index.js';
import { evaluate, parse, postorder, type Expr } from '../../symbolic/index.js';
import type { CliIO } from '../io.js';
import { compileInVariable, parseNumberArg } from './quad.js';

const METHODS = ['forward', 'central', 'five-point', 'richardson', 'dual'] as const;

/** Functions that have a dual-number rule in `D`. */
const DUAL_FUNCTIONS: Record<string, (a: Dual) => Dual> = {
  sin: D.sin, cos: D.cos, tan: D.tan, asin: D.asin, acos: D.acos, atan: D.atan,
  sinh: D.sinh, cosh: D.cosh, tanh: D.tanh, exp: D.exp, log: D.log, sqrt: D.sqrt, abs: D.abs,
};

/**
 * f′(x) exactly (to rounding) by evaluating the expression tree over dual numbers x + 1·ε,
 * bottom-up with the tree's own (iterative) traversal.
 */
export function dualDerivativeOf(e: Expr, variable: string, x: number): Dual {
  const seed: Dual = { re: x, du: 1 };
  return postorder<Dual>(e, (node, v) => {
    switch (node.kind) {
      case 'Symbol':
        if (node.name !== variable) throw new ArgumentError(`the expression may only use ${variable}, not ${node.name}`);
        return seed;
      case 'Add': {
        const n = (v.length - 1) / 2;
        let s = v[0]!;
        for (let i = 0; i < n; i++) s = D.add(s, D.mul(v[1 + i]!, v[1 + n + i]!));
        return s;
      }
      case 'Mul': {
        const n = (v.length - 1) / 2;
        let p = v[0]!;
        for (let i = 0; i < n; i++) {
          const ex = v[1 + n + i]!;
          p = D.mul(p, ex.du === 0 && ex.re === 1 ? v[1 + i]! : D.pow(v[1 + i]!, ex));
        }
        return p;
      }
      case 'Pow':
        return D.pow(v[0]!, v[1]!);
      case 'Function': {
        const rule = DUAL_FUNCTIONS[node.name];
        if (!rule || v.length !== 1) throw new ArgumentError(`--method dual has no rule for ${node.name}(); use richardson`);
        return rule(v[0]!);
      }
      case 'Derivative':
      case 'Integral':
        throw new ArgumentError('--method dual cannot evaluate an unevaluated derivative or integral');
      default:
        return { re: evaluate(node), du: 0 };
    }
  });
}
type Method = (typeof METHODS)[number];

/** `nabla nderiv`: f′(at) by differences, Richardson (with its error estimate) or dual numbers. */
export function runNderiv(expr: string, opts: { at: string; method: string; var: string }, io: CliIO): void {
  if (!(METHODS as readonly string[]).includes(opts.method)) {
    throw new ArgumentError(`--method must be one of ${METHODS.join(', ')}, got '${opts.method}'`);
  }
  const f = compileInVariable(expr, opts.var, 'the expression');
  const x = parseNumberArg(opts.at, 'at');
  const method = opts.method as Method;
  if (method === 'dual') {
    io.out(pyRepr(dualDerivativeOf(parse(expr), opts.var, x).du));
    io.out('(dual numbers: exact to rounding)');
    return;
  }
  if (method === 'richardson') {
    const r = richardson(f, x);
    io.out(pyRepr(r.value));
    io.out(`error estimate ${r.error.toExponential(2)} (richardson)`);
    return;
  }
  io.out(pyRepr(derivative(f, x, { method })));
  io.out(`(${method} difference)`);
}

export function register(program: Command, io: CliIO): void {
  program
    .command('nderiv')
    .description('derivative of an expression at a point: finite differences, Richardson extrapolation or dual numbers')
    .argument('<expr>', "expression, e.g. 'exp(x)/sqrt(sin(x)^3+cos(x)^3)'")
    .requiredOption('--at <x>', 'the point (number or expression like pi/4)')
    .option('--method <m>', `${METHODS.join(' | ')}`, 'central')
    .option('--var <name>', 'the variable', 'x')
    .action((expr: string, opts: { at: string; method: string; var: string }) => runNderiv(expr, opts, io));
}
