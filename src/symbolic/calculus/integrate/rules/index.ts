/**
 * `RULES`: the integration rules in the order the engine tries them, one entry each. This list is
 * the only place the order is written: ARCHITECTURE.md's list is checked against it by
 * `test/symbolic/calculus/integrate/rules.test.ts`. To add a rule, write an `IntegrationRule`
 * (`rules/rule.ts`: return null to decline) and put it where it belongs here; the step traces
 * show its `step` label and its `name` as the step's `entry`.
 *
 * @example
 * RULES.map((r) => r.name).slice(0, 3) // → ['constant', 'sum rule', 'constant multiple']
 */
import { mul, pow, sub } from '../../../expr/arith.js';
import { NEG_ONE, isNum, type Expr } from '../../../expr/expr.js';
import { diff } from '../../diff/diff.js';
import { substitute } from '../../../algebra/util.js';
import { linearIn } from '../../diff/polynomial-in.js';
import { expandDoubleAngle, expandProducts, reduceTrigPowers, rewriteExpBase, rewriteHyperbolic } from '../../../algebra/rewrite.js';
import { constantMultipleRule, constantRule, exponentialRule, inverseQuadraticRule, polynomialRule, powerRule, sumRule, tableRule } from './basic.js';
import { uSubstitutionRule } from './substitution.js';
import { integrateRational, type RationalTrace } from './rational.js';
import { integrateHermite } from './hermite.js';
import { integrateByRoots } from './roots.js';
import { freshSymbol, integrateTrig, weierstrass } from './trig.js';
import { linearInner } from './linear.js';
import { integrateSpecial, integrateSqrtQuadratic } from './algebraic.js';
import { integrateEuler } from './euler.js';
import { integratePiecewise, signFactorRule } from './piecewise.js';
import { integrateExpRational, integratePowerExp } from './powexp.js';
import { FUNCTIONS } from '../../../functions/index.js';
import { biocheRule } from './bioche.js';
import { binomialRule, evenRadicalRule, linearRadicalRule, rationalSqrtRule } from './radical.js';
import { INVERSE, cyclic, liateParts, negativePowerParts, polyTimesTranscendental, polynomialParts, show } from './parts.js';
import { logRatioRule } from './logratio.js';
import { ansatzRule } from './ansatz.js';
import { inversePowerPartsRule } from './inverseparts.js';
import { halfAngleRadicalRule } from './halfangle.js';
import { secantRadicalRule } from './secradical.js';
import { multipleAngleRule } from './multiangle.js';
import { viaRelatives } from './relatives.js';
import { hyperbolicLaurentRule } from './hyperlaurent.js';
import { linearRootsRule } from './linearroot.js';
import { tabular } from './tabular.js';
import { tanSignRule } from './tansign.js';
import { trigOverPowerRule } from './trigoverpower.js';
import { CIRCULAR_NAMES, hasFunction, rationalInX, type IntegrationRule, type RuleContext } from './rule.js';

export { STOP, integrandShape, type IntegrandShape, type IntegrationRule, type RuleAnswer, type RuleContext, type StepText } from './rule.js';

/** u dv with dv a power of x and u an inverse function of a linear argument (xⁿ·log x, x^r·atan x). */
function liateFirstApplies({ x, fs }: RuleContext): boolean {
  // Not for logᵐx/x: there dv = dx/x gives v = log x = u, and u = log x substitutes directly.
  const logOverX =
    fs.some(([b, k]) => b === x && k === NEG_ONE) &&
    fs.every(([b, k]) => (b === x && k === NEG_ONE) || (b.kind === 'Function' && b.name === 'log' && b.args[0] === x));
  // Only for inverse functions of a linear argument: log(log x)/x is a substitution.
  const inverseOfLinear = (b: Expr) => b.kind === 'Function' && INVERSE.has(b.name) && linearIn(b.args[0]!, x) !== null;
  return !logOverX && fs.some(([b]) => inverseOfLinear(b)) && fs.every(([b, k]) => inverseOfLinear(b) || (b === x && isNum(k)));
}

/** A rewrite-and-retry rule: integrate the rewritten integrand when the rewrite changes it. */
const rewrite = (name: string, step: string, f: (e: Expr) => Expr): IntegrationRule => ({
  name,
  step,
  apply: (ctx) => {
    const g = f(ctx.f);
    return g === ctx.f ? null : ctx.integrate(g);
  },
});

/** The rules in order. */
export const RULES: readonly IntegrationRule[] = [
  constantRule,
  sumRule,
  constantMultipleRule,
  powerRule,
  exponentialRule,
  inverseQuadraticRule,
  tableRule,
  {
    // f = g(a·x + b): integrate g and put u back (compact, and accurate near u = 0).
    name: 'linear substitution',
    step: 'linear substitution',
    apply: ({ f, x, integrate }) => {
      const t = freshSymbol();
      const lin = linearInner(f, x, t);
      if (!lin) return null;
      const G = integrate(lin.g, t);
      return G && { result: mul(pow(lin.a, -1), substitute(G, t, lin.u)), detail: () => `${t.name} = ${show(lin.u)}` };
    },
  },
  polynomialRule,
  {
    name: 'partial fractions',
    step: 'partial fractions',
    needs: rationalInX,
    apply: ({ f, x }) => {
      const trace: RationalTrace = { decomposition: '' };
      const r = integrateRational(f, x, trace);
      return r && { result: r, detail: trace.decomposition };
    },
  },
  {
    name: 'Hermite reduction and Rothstein–Trager',
    step: 'Hermite reduction and Rothstein–Trager',
    needs: rationalInX,
    apply: ({ f, x }) => {
      const r = integrateHermite(f, x, (g) => integrateRational(g, x));
      return r && { result: r, detail: 'rational part by Hermite reduction, logarithms at the roots of the Rothstein–Trager resultant' };
    },
  },
  {
    name: 'logarithms at explicit roots',
    step: 'partial fractions over the roots',
    needs: rationalInX,
    apply: ({ f, x }) => {
      const r = integrateByRoots(f, x);
      return r && { result: r, detail: 'Hermite reduction, then c(ρ)·log(x − ρ) at each root ρ written in radicals, conjugate pairs as log + atan' };
    },
  },
  // Kinks (|u|, relu, max, …) before parts: split at the kink.
  { name: 'piecewise', step: 'piecewise', needs: (s) => [...s.functions].some((n) => FUNCTIONS[n]?.bySign !== undefined), apply: ({ f, x, integrate, note }) => integratePiecewise(f, x, (g) => integrate(g), note) },
  signFactorRule,
  // Every form it knows has x in an exponent (Gaussians, Ei) or under a function (li, Si, Ci).
  { name: 'special functions', step: 'special function', needs: (s) => s.exponential || s.functions.size > 0, apply: ({ f, x, note }) => integrateSpecial(f, x, note) },
  { name: 'trigonometric powers and products', step: 'trigonometric', needs: (s) => hasFunction(s, CIRCULAR_NAMES), apply: ({ f, x, integrate, note }) => integrateTrig(f, x, note, (g) => integrate(g)) },
  multipleAngleRule,
  hyperbolicLaurentRule,
  { name: 'square root of a quadratic', step: 'algebraic', needs: (s) => s.radical, apply: ({ f, x, note }) => integrateSqrtQuadratic(f, x, note) },
  rationalSqrtRule,
  {
    name: 'parts: fractional power × exponential',
    step: 'integration by parts',
    needs: (s) => s.radical,
    apply: ({ f, x, integrate }) => {
      const r = integratePowerExp(f, x, (g) => integrate(g));
      return r && { result: r, detail: 'u = xᵏ (fractional k), dv = eᵘ dx, down to k = ±1/2' };
    },
  },
  {
    name: 'exponential × rational function',
    step: 'integration by parts',
    needs: (s) => s.exponential,
    apply: ({ f, x }) => {
      const r = integrateExpRational(f, x);
      return r && { result: r, detail: 'partial fractions, then ∫eᵘ/(x − r)ᵏ reduced by parts to e^(ar + b)·Ei(a(x − r))' };
    },
  },
  {
    name: 'cyclic parts',
    step: 'integration by parts (cyclic)',
    apply: ({ x, fs }) => {
      const r = cyclic(fs, x);
      return r && { result: r, detail: 'parts twice: ∫eᵃˣ sin bx reappears, solve for it' };
    },
  },
  {
    // u = polynomial P, dv = exp/trig of a linear argument (tabular integration).
    name: 'parts: polynomial × exp/trig',
    step: 'integration by parts',
    apply: ({ x, fs, integrate }) => {
      const pp = polyTimesTranscendental(fs, x);
      if (!pp) return null;
      const [P, g] = pp;
      const T = tabular(P, g, x);
      if (T) return { result: T, detail: () => `u = ${show(P)}, dv = ${show(g)} d${x.name}` };
      const v = integrate(g);
      if (v === null) return null;
      const rest = integrate(expandProducts(mul(diff(P, x), v)));
      // u·v distributed over v's terms so that like terms of u·v and ∫v du combine.
      return rest && { result: sub(expandProducts(mul(P, v)), rest), detail: () => `u = ${show(P)}, dv = ${show(g)} d${x.name}` };
    },
  },
  {
    name: 'parts: inverse function × power of x',
    step: 'integration by parts',
    apply: (ctx) => (liateFirstApplies(ctx) ? liateParts(ctx.f, ctx.fs, ctx.x, (g) => ctx.integrate(g)) : null),
  },
  inversePowerPartsRule,
  logRatioRule,
  linearRadicalRule,
  linearRootsRule,
  binomialRule,
  evenRadicalRule,
  ansatzRule,
  biocheRule,
  halfAngleRadicalRule,
  secantRadicalRule,
  tanSignRule,
  uSubstitutionRule,
  { name: 'parts: LIATE', step: 'integration by parts', apply: ({ f, x, fs, integrate }) => liateParts(f, fs, x, (g) => integrate(g)) },
  // u = a polynomial factor, dv = whatever else integrates (x·sec²x).
  { name: 'parts: polynomial u', step: 'integration by parts', apply: ({ x, fs, integrate }) => polynomialParts(fs, x, (g) => integrate(g)) },
  trigOverPowerRule,
  { name: 'parts: negative power', step: 'integration by parts', apply: ({ x, fs, integrate }) => negativePowerParts(fs, x, (g) => integrate(g)) },
  { name: 'Weierstrass substitution', step: 'trigonometric', needs: (s) => hasFunction(s, CIRCULAR_NAMES), apply: ({ f, x, note }) => weierstrass(f, x, note) },
  { name: 'Euler substitution', step: 'algebraic', needs: (s) => s.radical, apply: ({ f, x, note }) => integrateEuler(f, x, note) },
  rewrite('rewrite: through related functions', 'write a function through a related one (erfc u = 1 − erf u)', viaRelatives),
  rewrite('rewrite: hyperbolic as exponentials', 'rewrite hyperbolic functions as exponentials', rewriteHyperbolic),
  rewrite('rewrite: expand products', 'expand', expandProducts),
  rewrite('rewrite: power reduction', 'power reduction (sin² = (1 − cos 2u)/2, cos² = (1 + cos 2u)/2)', reduceTrigPowers),
  rewrite('rewrite: bᵘ as e^(u·log b)', 'write bᵘ as e^(u·log b)', rewriteExpBase),
  rewrite('rewrite: double angle', 'double angle (sin 2u = 2 sin u cos u, cos 2u = 2cos²u − 1)', expandDoubleAngle),
];

