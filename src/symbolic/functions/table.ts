/**
 * The function table entries: every elementary function is ONE entry — name, arity, parity,
 * numeric evaluation, automatic simplification on exact input, partial derivatives, printing
 * names and the JS it compiles to. `exp` and `sqrt` are not Function nodes: they are powers
 * (E^u, u^(1/2)) built by arith.ts. The entries register themselves with the registry in
 * `function-def.ts` at load; import from `functions.ts`, which loads both.
 *
 * @example
 * FUNCTIONS.cos.numeric(0) // → 1
 * FUNCTIONS.sin.parity     // → 'odd'
 */
import { ciNum, eiNum, erfiNum, siNum } from './special-numeric.js';
import { add, div, mul, neg, pow, sqrt, sub } from '../expr/arith.js';
import { logAbs } from './sign.js';
import {
  E,
  HALF,
  NEG_ONE,
  NEG_OO,
  ONE,
  OO,
  PI,
  TWO,
  ZERO,
  ZOO,
  int,
  isNum,
  numNeg,
  numSign,
  type Expr,
  type Num,
} from '../expr/expr.js';
import { ERFS, fn, registerFunctions, type FunctionDef } from './def.js';
import { absOfComplex } from './complex.js';
import { hasAssumedSymbol, knownSign } from '../expr/assumptions.js';
import { erfNum, heavisideNum, sigmoidNum, softplusNum } from './numeric.js';
import { D } from '../../numeric/dual.js';
import {
  ACOS_NEG,
  COS_AT,
  SIN_AT,
  TAN_AT,
  even,
  fromNumber,
  minMaxSimplify,
  numericFold,
  odd,
  piOver,
  recip,
  special,
  trigSpecial,
} from './special.js';

const u2 = (a: Expr): Expr => pow(a, TWO);
/** softplus at a float argument (its value at 0 is exact: log 2, built in its entry). */
const softplusAtNumber = special(softplusNum, []);

/** asin u near its branch point b = ±1: b·π/2 − atan(√(1 − u²)/u), the branch carried by the square root. */
const asinNearBranch = (u: Expr, b: number): Expr => sub(mul(b, PI, HALF), fn('atan', mul(sqrt(sub(ONE, u2(u))), pow(u, NEG_ONE))));


/**
 * atan2(y, x) by the quadrant when both signs are known (numbers, π, or assumptions), as SymPy:
 * x > 0 gives atan(y/x); x < 0 gives atan(y/x) ± π by the sign of y (π on the negative x-axis);
 * x = 0 gives ±π/2 by the sign of y. atan2(0, 0) and an unknown sign keep atan2 whole.
 * @example fn('atan2', -1, -1) // → -3*pi/4
 */
function atan2Special(args: readonly Expr[]): Expr | undefined {
  const folded = fromNumber(args, Math.atan2);
  if (folded !== undefined) return folded;
  const [y, x] = args as [Expr, Expr];
  const sx = knownSign(x), sy = knownSign(y);
  // Only when y's sign is known too, as SymPy (whose plain symbols are not known real) keeps
  // atan2(y, 2): the derivatives keep SymPy's form 2/(y² + 4).
  if (sy === null) return undefined;
  if (sx === 1) return fn('atan', div(y, x));
  if (sx === 0) return sy === 1 ? mul(HALF, PI) : sy === -1 ? neg(mul(HALF, PI)) : undefined;
  if (sx !== -1) return undefined;
  if (sy === 0) return PI;
  if (sy === 1 || sy === 'nonneg') return add(fn('atan', div(y, x)), PI);
  if (sy === -1) return sub(fn('atan', div(y, x)), PI);
  return undefined;
}

const table: FunctionDef[] = [
  {
    name: 'log',
    // log(c·tᵃ·(1 + r)) = log c + a·log t + log(1 + r)
    series: { expand: (g, S) => S.log(g) },
    domain: { lo: 0, hi: Infinity, open: 'lo' },
    monotone: 'increasing',
    // ∫ log u = u log u − u
    antiderivative: (u) => sub(mul(u, fn('log', u)), u),
    atInfinity: (s) => (s > 0 ? OO : null),
    inverse: (r) => [pow(E, r)],
    dual: D.log,
    arity: 1,
    numeric: Math.log,
    simplify: (args) => {
      const a = args[0]!;
      if (a === ONE) return ZERO;
      if (a === E) return ONE;
      if (a === ZERO) return ZOO;
      if (a === OO) return OO;
      // log(e^u) = u only when u is real; we keep it unevaluated like SymPy.
      return fromNumber(args, Math.log);
    },
    derivative: ([u]) => pow(u!, NEG_ONE),
    rule: 'd/du log(u) = 1/u',
    latex: '\\log',
    js: 'Math.log($0)',
  },
  {
    name: 'abs',
    range: { lo: 0, hi: Infinity },
    // |u| = s·u
    bySign: (s, [u]) => mul(s, u!),
    // ∫ |u| = u|u|/2
    antiderivative: (u) => mul(HALF, u, fn('abs', u)),
    atInfinity: () => OO,
    inverse: (r, rv) => (rv < 0 ? [] : [r, neg(r)]),
    dual: D.abs,
    arity: 1,
    parity: 'even',
    numeric: Math.abs,
    simplify: (args) => {
      const a = args[0]!;
      if (isNum(a)) return numSign(a) < 0 ? numNeg(a) : a;
      if (a === PI || a === E) return a;
      if (a.kind === 'Function' && a.name === 'abs') return a;
      const z = absOfComplex(a);
      if (z !== undefined) return z;
      // |a| = a, |b| = −b from the symbols' assumptions (a positive, b negative).
      if (hasAssumedSymbol(a)) {
        const s = knownSign(a);
        if (s === 1 || s === 0 || s === 'nonneg') return a;
        if (s === -1) return neg(a);
      }
      return undefined;
    },
    derivative: ([u]) => fn('sign', u!),
    rule: 'd/du |u| = sign(u)',
    latex: '\\operatorname{abs}',
    js: 'Math.abs($0)',
  },
  {
    name: 'sign',
    range: { lo: -1, hi: 1 },
    bySign: (s) => s,
    // ∫ sign u = |u|
    antiderivative: (u) => fn('abs', u),
    atInfinity: (s) => int(s),
    arity: 1,
    parity: 'odd',
    numeric: Math.sign,
    simplify: (args) => {
      const s = hasAssumedSymbol(args[0]!) ? knownSign(args[0]!) : null;
      if (s === 1 || s === -1 || s === 0) return int(s);
      return numericFold((x) => int(Math.sign(x)))(args);
    },
    derivative: () => ZERO,
    rule: 'd/du sign(u) = 0 (u ≠ 0)',
    latex: '\\operatorname{sign}',
    js: 'Math.sign($0)',
  },
  {
    name: 'heaviside',
    range: { lo: 0, hi: 1 },
    // H(u) = (1 + s)/2 (H(0) = 1/2)
    bySign: (s) => mul(HALF, add(1, s)),
    // ∫ H(u) = relu(u)
    antiderivative: (u) => fn('relu', u),
    atInfinity: (s) => (s > 0 ? ONE : ZERO),
    arity: 1,
    numeric: heavisideNum,
    simplify: numericFold((x) => (x > 0 ? ONE : x < 0 ? ZERO : HALF)),
    derivative: ([u]) => fn('dirac', u!),
    rule: 'd/du H(u) = δ(u)',
    latex: '\\theta',
    js: '($0 > 0 ? 1 : $0 < 0 ? 0 : 0.5)',
  },
  {
    name: 'dirac',
    // δ(g) = 0 wherever g does not vanish
    series: { expand: (g, S) => S.scale(S.awayFromZero(g), ZERO) },
    arity: 1,
    numeric: (x) => (x === 0 ? Infinity : 0),
    simplify: numericFold((x) => (x !== 0 ? ZERO : undefined)),
    rule: 'δ(u)',
    latex: '\\delta',
    js: '($0 === 0 ? Infinity : 0)',
  },
  {
    name: 'sin',
    series: { taylor: true, expand: (g, S) => S.sinCos(g)[0] },
    range: { lo: -1, hi: 1 },
    // ∫ sin u = −cos u
    antiderivative: (u) => neg(fn('cos', u)),
    atInfinity: () => ({ lo: -1, hi: 1 }),
    inverse: (r, rv) => (Math.abs(rv) > 1 ? [] : [fn('asin', r), sub(PI, fn('asin', r))]),
    dual: D.sin,
    arity: 1,
    parity: 'odd',
    numeric: Math.sin,
    simplify: trigSpecial('sin', 'sin', Math.sin, [[ZERO, ZERO], [PI, ZERO], ...odd(SIN_AT)]),
    derivative: ([u]) => fn('cos', u!),
    rule: 'd/du sin(u) = cos(u)',
    latex: '\\sin',
    js: 'Math.sin($0)',
  },
  {
    name: 'cos',
    series: { taylor: true, expand: (g, S) => S.sinCos(g)[1] },
    range: { lo: -1, hi: 1 },
    // ∫ cos u = sin u
    antiderivative: (u) => fn('sin', u),
    atInfinity: () => ({ lo: -1, hi: 1 }),
    inverse: (r, rv) => (Math.abs(rv) > 1 ? [] : [fn('acos', r), sub(mul(2, PI), fn('acos', r))]),
    dual: D.cos,
    arity: 1,
    parity: 'even',
    numeric: Math.cos,
    simplify: trigSpecial('cos', 'cos', Math.cos, [[ZERO, ONE], [PI, NEG_ONE], ...even(COS_AT)]),
    derivative: ([u]) => neg(fn('sin', u!)),
    rule: 'd/du cos(u) = -sin(u)',
    latex: '\\cos',
    js: 'Math.cos($0)',
  },
  {
    name: 'tan',
    series: { taylor: true, expand: (g, S) => { const [s, c] = S.sinCos(g); return S.mul(s, S.inv(c)); } },
    polesAt: 'cos',
    expLog: ([u]) => div(fn('sin', u!), fn('cos', u!)),
    // ∫ tan u = −log|cos u|
    antiderivative: (u) => neg(logAbs(fn('cos', u))),
    inverse: (r) => [fn('atan', r)],
    dual: D.tan,
    arity: 1,
    parity: 'odd',
    numeric: Math.tan,
    simplify: trigSpecial('tan', 'tan', Math.tan, [[ZERO, ZERO], [PI, ZERO], [piOver(2), ZOO], ...odd(TAN_AT)]),
    derivative: ([u]) => add(u2(fn('tan', u!)), ONE),
    rule: 'd/du tan(u) = tan²(u) + 1',
    latex: '\\tan',
    js: 'Math.tan($0)',
  },
  {
    name: 'sec',
    series: { taylor: true, expand: (g, S) => S.inv(S.sinCos(g)[1]) },
    polesAt: 'cos',
    expLog: ([u]) => pow(fn('cos', u!), NEG_ONE),
    // ∫ sec u = log|sec u + tan u|
    antiderivative: (u) => logAbs(add(fn('sec', u), fn('tan', u))),
    arity: 1,
    parity: 'even',
    numeric: (x) => 1 / Math.cos(x),
    simplify: trigSpecial('sec', 'cos', (x) => 1 / Math.cos(x), [[ZERO, ONE], [PI, NEG_ONE], ...recip(COS_AT)]),
    derivative: ([u]) => mul(fn('tan', u!), fn('sec', u!)),
    rule: 'd/du sec(u) = tan(u)·sec(u)',
    latex: '\\sec',
    js: '(1 / Math.cos($0))',
  },
  {
    name: 'csc',
    series: { taylor: true, expand: (g, S) => S.inv(S.sinCos(g)[0]) },
    polesAt: 'sin',
    expLog: ([u]) => pow(fn('sin', u!), NEG_ONE),
    // ∫ csc u = −log|csc u + cot u|
    antiderivative: (u) => neg(logAbs(add(fn('csc', u), fn('cot', u)))),
    arity: 1,
    parity: 'odd',
    numeric: (x) => 1 / Math.sin(x),
    simplify: trigSpecial('csc', 'sin', (x) => 1 / Math.sin(x), [[ZERO, ZOO], [PI, ZOO], ...recip(SIN_AT)]),
    derivative: ([u]) => neg(mul(fn('cot', u!), fn('csc', u!))),
    rule: 'd/du csc(u) = -cot(u)·csc(u)',
    latex: '\\csc',
    js: '(1 / Math.sin($0))',
  },
  {
    name: 'cot',
    series: { taylor: true, expand: (g, S) => { const [s, c] = S.sinCos(g); return S.mul(c, S.inv(s)); } },
    polesAt: 'sin',
    expLog: ([u]) => div(fn('cos', u!), fn('sin', u!)),
    // ∫ cot u = log|sin u|
    antiderivative: (u) => logAbs(fn('sin', u)),
    arity: 1,
    parity: 'odd',
    numeric: (x) => 1 / Math.tan(x),
    simplify: trigSpecial('cot', 'tan', (x) => 1 / Math.tan(x), [[ZERO, ZOO], [PI, ZOO], [piOver(2), ZERO], ...recip(TAN_AT)]),
    derivative: ([u]) => sub(NEG_ONE, u2(fn('cot', u!))),
    rule: 'd/du cot(u) = -cot²(u) - 1',
    latex: '\\cot',
    js: '(1 / Math.tan($0))',
  },
  {
    name: 'asin',
    series: { taylor: true },
    domain: { lo: -1, hi: 1 },
    range: { lo: -Math.PI / 2, hi: Math.PI / 2 },
    monotone: 'increasing',
    // Near b = ±1: asin u = b·π/2 − atan(√(1 − u²)/u)
    nearBranch: { at: [1, -1], form: (u, b) => asinNearBranch(u, b) },
    // ∫ asin u = u asin u + √(1 − u²)
    antiderivative: (u) => add(mul(u, fn('asin', u)), sqrt(sub(1, u2(u)))),
    inverse: (r, rv, symbolic) => (Math.abs(rv) <= Math.PI / 2 || symbolic ? [fn('sin', r)] : []),
    dual: D.asin,
    arity: 1,
    parity: 'odd',
    numeric: Math.asin,
    simplify: special(Math.asin, [[ZERO, ZERO], ...odd(SIN_AT.map(([a, v]) => [v, a]))]),
    derivative: ([u]) => pow(sub(ONE, u2(u!)), neg(HALF)),
    rule: 'd/du asin(u) = 1/√(1 - u²)',
    latex: '\\operatorname{asin}',
    js: 'Math.asin($0)',
  },
  {
    name: 'acos',
    series: { taylor: true },
    domain: { lo: -1, hi: 1 },
    range: { lo: 0, hi: Math.PI },
    monotone: 'decreasing',
    // acos u = π/2 − asin u
    nearBranch: { at: [1, -1], form: (u, b) => sub(mul(HALF, PI), asinNearBranch(u, b)) },
    // ∫ acos u = u acos u − √(1 − u²)
    antiderivative: (u) => sub(mul(u, fn('acos', u)), sqrt(sub(1, u2(u)))),
    inverse: (r, rv, symbolic) => ((rv >= 0 && rv <= Math.PI) || symbolic ? [fn('cos', r)] : []),
    dual: D.acos,
    arity: 1,
    numeric: Math.acos,
    simplify: special(Math.acos, [[ONE, ZERO], [NEG_ONE, PI], ...COS_AT.map(([a, v]): [Expr, Expr] => [v, a]), ...ACOS_NEG]),
    derivative: ([u]) => neg(pow(sub(ONE, u2(u!)), neg(HALF))),
    rule: 'd/du acos(u) = -1/√(1 - u²)',
    latex: '\\operatorname{acos}',
    js: 'Math.acos($0)',
  },
  {
    name: 'atan',
    series: { taylor: true },
    range: { lo: -Math.PI / 2, hi: Math.PI / 2, open: 'both' },
    monotone: 'increasing',
    // atan u = s·π/2 − atan(1/u) for u → s·∞
    nearInfinity: (u, s) => sub(mul(s, PI, HALF), fn('atan', pow(u, NEG_ONE))),
    // ∫ atan u = u atan u − ½ log(1 + u²)
    antiderivative: (u) => sub(mul(u, fn('atan', u)), mul(HALF, fn('log', add(1, u2(u))))),
    atInfinity: (s) => mul(s, PI, HALF),
    inverse: (r, rv, symbolic) => (Math.abs(rv) < Math.PI / 2 || symbolic ? [fn('tan', r)] : []),
    dual: D.atan,
    arity: 1,
    parity: 'odd',
    numeric: Math.atan,
    simplify: special(Math.atan, [[ZERO, ZERO], ...odd(TAN_AT.map(([a, v]) => [v, a]))]),
    derivative: ([u]) => pow(add(u2(u!), ONE), NEG_ONE),
    rule: 'd/du atan(u) = 1/(u² + 1)',
    latex: '\\operatorname{atan}',
    js: 'Math.atan($0)',
  },
  {
    name: 'atan2',
    arity: 2,
    numeric: Math.atan2,
    range: { lo: -Math.PI, hi: Math.PI, open: 'lo' },
    simplify: atan2Special,
    // atan2(y, x): ∂/∂y = x/(x² + y²), ∂/∂x = -y/(x² + y²)
    derivative: ([y, x], i) => div(i === 0 ? x! : neg(y!), add(u2(x!), u2(y!))),
    rule: 'atan2(y, x): ∂/∂y = x/(x² + y²), ∂/∂x = -y/(x² + y²)',
    latex: '\\operatorname{atan}_{2}',
    js: 'Math.atan2($0, $1)',
  },
  {
    name: 'sinh',
    // sinh g = (eᵍ − e⁻ᵍ)/2
    series: { taylor: true, expand: (g, S) => S.scale(S.add(S.exp(g), S.scale(S.exp(S.scale(g, NEG_ONE)), NEG_ONE)), HALF) },
    monotone: 'increasing',
    expLog: ([u]) => mul(HALF, sub(pow(E, u!), pow(E, neg(u!)))),
    // ∫ sinh u = cosh u
    antiderivative: (u) => fn('cosh', u),
    atInfinity: (s) => (s > 0 ? OO : NEG_OO),
    inverse: (r) => [fn('asinh', r)],
    dual: D.sinh,
    arity: 1,
    parity: 'odd',
    numeric: Math.sinh,
    simplify: special(Math.sinh, [[ZERO, ZERO]]),
    derivative: ([u]) => fn('cosh', u!),
    rule: 'd/du sinh(u) = cosh(u)',
    latex: '\\sinh',
    js: 'Math.sinh($0)',
  },
  {
    name: 'cosh',
    // cosh g = (eᵍ + e⁻ᵍ)/2
    series: { taylor: true, expand: (g, S) => S.scale(S.add(S.exp(g), S.exp(S.scale(g, NEG_ONE))), HALF) },
    range: { lo: 1, hi: Infinity },
    expLog: ([u]) => mul(HALF, add(pow(E, u!), pow(E, neg(u!)))),
    // ∫ cosh u = sinh u
    antiderivative: (u) => fn('sinh', u),
    atInfinity: () => OO,
    inverse: (r, rv) => (rv < 1 ? [] : [fn('acosh', r), neg(fn('acosh', r))]),
    dual: D.cosh,
    arity: 1,
    parity: 'even',
    numeric: Math.cosh,
    simplify: special(Math.cosh, [[ZERO, ONE]]),
    derivative: ([u]) => fn('sinh', u!),
    rule: 'd/du cosh(u) = sinh(u)',
    latex: '\\cosh',
    js: 'Math.cosh($0)',
  },
  {
    name: 'tanh',
    // tanh g = (eᵍ − e⁻ᵍ)/(eᵍ + e⁻ᵍ)
    series: {
      taylor: true,
      expand: (g, S) => {
        const ep = S.exp(g), em = S.exp(S.scale(g, NEG_ONE));
        return S.mul(S.add(ep, S.scale(em, NEG_ONE)), S.inv(S.add(ep, em)));
      },
    },
    range: { lo: -1, hi: 1, open: 'both' },
    monotone: 'increasing',
    // tanh u = 1 − 2/(e^(2u) + 1)
    expLog: ([u]) => sub(ONE, mul(TWO, pow(add(pow(E, mul(TWO, u!)), ONE), NEG_ONE))),
    // ∫ tanh u = log cosh u (cosh > 0)
    antiderivative: (u) => fn('log', fn('cosh', u)),
    atInfinity: (s) => int(s),
    inverse: (r, rv, symbolic) => (Math.abs(rv) < 1 || symbolic ? [fn('atanh', r)] : []),
    dual: D.tanh,
    arity: 1,
    parity: 'odd',
    numeric: Math.tanh,
    simplify: special(Math.tanh, [[ZERO, ZERO]]),
    derivative: ([u]) => sub(ONE, u2(fn('tanh', u!))),
    rule: 'd/du tanh(u) = 1 - tanh²(u)',
    latex: '\\tanh',
    js: 'Math.tanh($0)',
  },
  {
    name: 'asinh',
    series: { taylor: true },
    monotone: 'increasing',
    // asinh u = s·log(s·u + √(u² + 1)) for u → s·∞
    nearInfinity: (u, s) => mul(s, fn('log', add(mul(s, u), sqrt(add(u2(u), ONE))))),
    // ∫ asinh u = u asinh u − √(u² + 1)
    antiderivative: (u) => sub(mul(u, fn('asinh', u)), sqrt(add(u2(u), 1))),
    atInfinity: (s) => (s > 0 ? OO : NEG_OO),
    inverse: (r) => [fn('sinh', r)],
    arity: 1,
    parity: 'odd',
    numeric: Math.asinh,
    simplify: special(Math.asinh, [[ZERO, ZERO]]),
    derivative: ([u]) => pow(add(u2(u!), ONE), neg(HALF)),
    rule: 'd/du asinh(u) = 1/√(u² + 1)',
    latex: '\\operatorname{asinh}',
    js: 'Math.asinh($0)',
  },
  {
    name: 'acosh',
    series: { taylor: true },
    domain: { lo: 1, hi: Infinity },
    range: { lo: 0, hi: Infinity },
    monotone: 'increasing',
    expLog: ([u]) => fn('log', add(u!, sqrt(sub(u2(u!), ONE)))),
    // ∫ acosh u = u acosh u − √(u² − 1)
    antiderivative: (u) => sub(mul(u, fn('acosh', u)), sqrt(sub(u2(u), 1))),
    atInfinity: (s) => (s > 0 ? OO : null),
    arity: 1,
    numeric: Math.acosh,
    simplify: special(Math.acosh, [[ONE, ZERO]]),
    derivative: ([u]) => pow(sub(u2(u!), ONE), neg(HALF)),
    rule: 'd/du acosh(u) = 1/√(u² - 1)',
    latex: '\\operatorname{acosh}',
    js: 'Math.acosh($0)',
  },
  {
    name: 'atanh',
    series: { taylor: true },
    domain: { lo: -1, hi: 1, open: 'both' },
    monotone: 'increasing',
    // atanh u = (log(1 + u) − log(1 − u))/2
    expLog: ([u]) => mul(HALF, sub(fn('log', add(ONE, u!)), fn('log', sub(ONE, u!)))),
    // ∫ atanh u = u atanh u + ½ log(1 − u²)
    antiderivative: (u) => add(mul(u, fn('atanh', u)), mul(HALF, fn('log', sub(1, u2(u))))),
    inverse: (r) => [fn('tanh', r)],
    arity: 1,
    parity: 'odd',
    numeric: Math.atanh,
    simplify: special(Math.atanh, [[ZERO, ZERO]]),
    derivative: ([u]) => pow(sub(ONE, u2(u!)), NEG_ONE),
    rule: 'd/du atanh(u) = 1/(1 - u²)',
    latex: '\\operatorname{atanh}',
    js: 'Math.atanh($0)',
  },
  {
    name: 'erf',
    series: { taylor: true },
    range: { lo: -1, hi: 1, open: 'both' },
    monotone: 'increasing',
    // erf u = s·(1 − erfs(s·u)·e^(−u²)) for u → s·∞ (erfs u = e^(u²)·erfc u: see ERFS)
    nearInfinity: (u, s) => mul(s, sub(ONE, mul(fn(ERFS, mul(s, u)), pow(E, neg(u2(u)))))),
    // ∫ erf u = u erf u + e^(−u²)/√π
    antiderivative: (u) => add(mul(u, fn('erf', u)), div(pow(E, neg(u2(u))), sqrt(PI))),
    atInfinity: (s) => int(s),
    arity: 1,
    parity: 'odd',
    numeric: erfNum,
    simplify: special(erfNum, [
      [ZERO, ZERO],
      [OO, ONE],
      [NEG_OO, NEG_ONE],
    ]),
    // d/du erf(u) = 2/√π · e^(-u²)
    derivative: ([u]) => mul(TWO, pow(PI, neg(HALF)), pow(E, neg(u2(u!)))),
    rule: 'd/du erf(u) = 2·e^(-u²)/√π',
    latex: '\\operatorname{erf}',
    js: '__erf($0)',
  },
  {
    // The sine integral Si(u) = ∫₀ᵘ sin t / t dt (∫ sin x / x dx); entry added by the integrator.
    name: 'Si',
    series: { taylor: true },
    // ∫ Si u = u Si u + cos u
    antiderivative: (u) => add(mul(u, fn('Si', u)), fn('cos', u)),
    atInfinity: (s) => mul(s, PI, HALF),
    arity: 1,
    parity: 'odd',
    numeric: siNum,
    simplify: special(siNum, [
      [ZERO, ZERO],
      [OO, mul(HALF, PI)],
      [NEG_OO, mul(neg(HALF), PI)],
    ]),
    // d/du Si(u) = sin(u)/u
    derivative: ([u]) => div(fn('sin', u!), u!),
    rule: 'd/du Si(u) = sin(u)/u',
    latex: '\\operatorname{Si}',
    js: '__Si($0)',
  },
  {
    // Cosine integral Ci(u) = γ + log|u| + ∫₀ᵘ (cos t − 1)/t dt (∫ cos x / x dx; the real part for u < 0).
    name: 'Ci',
    series: { taylor: true },
    // ∫ Ci u = u Ci u − sin u
    antiderivative: (u) => sub(mul(u, fn('Ci', u)), fn('sin', u)),
    atInfinity: () => ZERO,
    arity: 1,
    numeric: ciNum,
    simplify: special(ciNum, [[OO, ZERO]]),
    derivative: ([u]) => div(fn('cos', u!), u!),
    rule: 'd/du Ci(u) = cos(u)/u',
    latex: '\\operatorname{Ci}',
    js: '__Ci($0)',
  },
  {
    // Exponential integral Ei(u) (∫ eˣ/x dx); added by the integrator.
    name: 'Ei',
    series: { taylor: true },
    // ∫ Ei u = u Ei u − eᵘ
    antiderivative: (u) => sub(mul(u, fn('Ei', u)), pow(E, u)),
    atInfinity: (s) => (s > 0 ? OO : ZERO),
    arity: 1,
    numeric: eiNum,
    simplify: special(eiNum, [
      [OO, OO],
      [NEG_OO, ZERO],
    ]),
    derivative: ([u]) => div(pow(E, u!), u!),
    rule: 'd/du Ei(u) = e^u/u',
    latex: '\\operatorname{Ei}',
    js: '__Ei($0)',
  },
  {
    // Imaginary error function erfi(u) = −i·erf(iu) (∫ e^(x²) dx); added by the integrator.
    name: 'erfi',
    series: { taylor: true },
    monotone: 'increasing',
    // ∫ erfi u = u erfi u − e^(u²)/√π
    antiderivative: (u) => sub(mul(u, fn('erfi', u)), div(pow(E, u2(u)), sqrt(PI))),
    atInfinity: (s) => (s > 0 ? OO : NEG_OO),
    arity: 1,
    parity: 'odd',
    numeric: erfiNum,
    simplify: special(erfiNum, [
      [ZERO, ZERO],
      [OO, OO],
      [NEG_OO, NEG_OO],
    ]),
    derivative: ([u]) => mul(TWO, pow(PI, neg(HALF)), pow(E, u2(u!))),
    rule: 'd/du erfi(u) = 2·e^(u²)/√π',
    latex: '\\operatorname{erfi}',
    js: '__erfi($0)',
  },
  {
    name: 'max',
    // max(a, b) = (a + b + s·(a − b))/2, s = sign(a − b)
    bySign: (s, [a, b]) => mul(HALF, add(a!, b!, mul(s, sub(a!, b!)))),
    arity: 2,
    numeric: Math.max,
    simplify: minMaxSimplify((c) => c >= 0),
    // ∂max(a, b)/∂a = H(a - b)
    derivative: ([a, b], i) => fn('heaviside', i === 0 ? sub(a!, b!) : sub(b!, a!)),
    rule: '∂max(a, b)/∂a = H(a - b), ∂/∂b = H(b - a)',
    latex: '\\max',
    js: 'Math.max($0, $1)',
  },
  {
    name: 'min',
    // min(a, b) = (a + b − s·(a − b))/2, s = sign(a − b)
    bySign: (s, [a, b]) => mul(HALF, add(a!, b!, mul(-1, s, sub(a!, b!)))),
    arity: 2,
    numeric: Math.min,
    simplify: minMaxSimplify((c) => c <= 0),
    derivative: ([a, b], i) => fn('heaviside', i === 0 ? sub(b!, a!) : sub(a!, b!)),
    rule: '∂min(a, b)/∂a = H(b - a), ∂/∂b = H(a - b)',
    latex: '\\min',
    js: 'Math.min($0, $1)',
  },
  {
    name: 'sigmoid',
    // σ(g) = 1/(1 + e⁻ᵍ)
    series: { taylor: true, expand: (g, S) => S.inv(S.add(S.constant(ONE), S.exp(S.scale(g, NEG_ONE)))) },
    range: { lo: 0, hi: 1, open: 'both' },
    monotone: 'increasing',
    // σ(u) = 1/(1 + e^(−u))
    expLog: ([u]) => pow(add(ONE, pow(E, neg(u!))), NEG_ONE),
    // ∫ σ(u) = softplus(u)
    antiderivative: (u) => fn('softplus', u),
    atInfinity: (s) => (s > 0 ? ONE : ZERO),
    arity: 1,
    numeric: sigmoidNum,
    simplify: special(sigmoidNum, [[ZERO, HALF]]),
    // σ'(u) = σ(u)(1 - σ(u))
    derivative: ([u]) => mul(fn('sigmoid', u!), sub(ONE, fn('sigmoid', u!))),
    rule: 'd/du σ(u) = σ(u)·(1 - σ(u))',
    latex: '\\sigma',
    js: '__sigmoid($0)',
  },
  {
    name: 'softplus',
    // softplus(g) = log(1 + eᵍ)
    series: { taylor: true, expand: (g, S) => S.log(S.add(S.constant(ONE), S.exp(g))) },
    range: { lo: 0, hi: Infinity, open: 'lo' },
    monotone: 'increasing',
    // softplus u = log(1 + eᵘ)
    expLog: ([u]) => fn('log', add(ONE, pow(E, u!))),
    // ∫ softplus needs the dilogarithm: no antiderivative in closed form here.
    atInfinity: (s) => (s > 0 ? OO : ZERO),
    arity: 1,
    numeric: softplusNum,
    // softplus(0) = log 2 (built on use: log is an entry of this same table).
    simplify: (args) => (args[0] === ZERO ? fn('log', TWO) : softplusAtNumber(args)),
    derivative: ([u]) => fn('sigmoid', u!),
    rule: 'd/du softplus(u) = σ(u)',
    latex: '\\operatorname{softplus}',
    js: '__softplus($0)',
  },
  {
    name: 'relu',
    range: { lo: 0, hi: Infinity },
    // relu u = (u + s·u)/2
    bySign: (s, [u]) => mul(HALF, add(u!, mul(s, u!))),
    // ∫ relu u = u·relu(u)/2
    antiderivative: (u) => mul(HALF, u, fn('relu', u)),
    atInfinity: (s) => (s > 0 ? OO : ZERO),
    arity: 1,
    numeric: (x) => (x > 0 ? x : 0),
    simplify: (args) => (isNum(args[0]!) ? (numSign(args[0] as Num) > 0 ? args[0] : ZERO) : undefined),
    derivative: ([u]) => fn('heaviside', u!),
    rule: 'd/du relu(u) = H(u)',
    latex: '\\operatorname{ReLU}',
    js: 'Math.max($0, 0)',
  },
];

registerFunctions(table);
