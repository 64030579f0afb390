"""Reference values for the special functions of the function table (gamma, factorial, binomial,
polygamma, erfc, LambertW, log10/log2, floor/ceiling) and for sums and products of closed forms.

Numeric values: SciPy (what users compare against) and, for every point, mpmath at 50 digits (the
truth the relative-error bound is measured against). Exact values and closed forms: SymPy.
Run: /usr/bin/python3 test/reference/symbolic/make_special_functions.py > test/reference/symbolic/special-functions.json
"""
import json, math, sys
import numpy as np
import scipy, scipy.special as sc
import sympy as sp
import mpmath as mp

mp.mp.dps = 50


def f64(v):
    v = float(v)
    if math.isnan(v):
        return 'nan'
    if math.isinf(v):
        return 'inf' if v > 0 else '-inf'
    return v


def points(*groups):
    out = []
    for g in groups:
        out.extend(float(x) for x in g)
    return out


rng = np.random.default_rng(20261205)
numeric = {}

# gamma: positive reals, near the poles, negative non-integers, integers up to the overflow at 171.6
gx = points(rng.uniform(0.01, 10, 60), rng.uniform(10, 171, 40), rng.uniform(-20, 0, 40) ,
            [0.5, 1, 1.5, 2, 2.5, 3, 10, 20, 50, 100, 170, 171, 171.5, 1e-8, -1e-8, -0.5, -1.5, -2.5, -10.5, -170.5, 1e-300])
gx = [x for x in gx if not (x <= 0 and x == int(x))]
numeric['gamma'] = [[x, f64(sc.gamma(x)), f64(mp.gamma(x))] for x in gx]
fx = points(range(0, 171), rng.uniform(-0.99, 30, 30))
numeric['factorial'] = [[x, f64(sc.gamma(x + 1)), f64(mp.factorial(x))] for x in fx]
px = points(rng.uniform(0.05, 30, 50), rng.uniform(-10, 0, 20), [1, 2, 0.5, 100, 1e6])
px = [x for x in px if not (x <= 0 and x == int(x))]
numeric['polygamma'] = [[n, x, f64(sc.polygamma(n, x)), f64(mp.polygamma(n, x))] for n in (0, 1, 2, 3) for x in px]
ex = points(rng.uniform(-6, 6, 60), rng.uniform(6, 26, 30), [0, 0.5, 1, 2, 2.5, 5, 10, 20, 26, 27, -1, -3, -27, 1e-10])
numeric['erfc'] = [[x, f64(sc.erfc(x)), f64(mp.erfc(x))] for x in ex]
wx = points(rng.uniform(-1 / math.e, 0, 30), rng.uniform(0, 10, 30), rng.uniform(10, 1e6, 20),
            [-1 / math.e, -0.3678794411714423, -0.36, -0.1, 0, 1e-12, 1, math.e, 10, 1e100, 1e300])
wx = [x for x in wx if x >= -1 / math.e]
numeric['LambertW'] = [[x, f64(sc.lambertw(x).real), f64(mp.lambertw(x).real)] for x in wx]
wm = points(rng.uniform(-1 / math.e, 0, 30), [-1e-5, -1e-10, -1e-300, -0.3678794411714423, -0.2, -0.01])
wm = [x for x in wm if -1 / math.e <= x < 0]
numeric['LambertW_m1'] = [[x, f64(sc.lambertw(x, -1).real), f64(mp.lambertw(x, -1).real)] for x in wm]
zx = points(rng.uniform(1.05, 40, 30), rng.uniform(-14, 0.95, 30), [2, 3, 0.5, 0, -1, -2.5, 1.5, 60, -40.5])
numeric['zeta'] = [[x, f64(sc.zeta(x) if x > 1 else float('nan')), f64(mp.zeta(x))] for x in zx]
bn = [(n, k) for n in (0, 1, 5, 10, 20, 30, 52, 60) for k in (0, 1, 2, 3, 7, 15) if k <= n]
numeric['binomial'] = [[n, k, f64(sc.binom(n, k)), f64(mp.binomial(n, k))] for (n, k) in bn + [(2.5, 1.5), (7.3, 2.1), (-2.5, 3)]]

# Exact values SymPy gives.
x = sp.Symbol('x')
def s(e):
    return sp.sstr(e)
exact = [
    ['gamma(5)', s(sp.gamma(5))], ['gamma(1/2)', s(sp.gamma(sp.Rational(1, 2)))], ['gamma(5/2)', s(sp.gamma(sp.Rational(5, 2)))],
    ['gamma(-3/2)', s(sp.gamma(sp.Rational(-3, 2)))], ['gamma(1)', s(sp.gamma(1))], ['gamma(0)', s(sp.gamma(0))], ['gamma(-2)', s(sp.gamma(-2))],
    ['factorial(5)', s(sp.factorial(5))], ['factorial(0)', s(sp.factorial(0))], ['factorial(20)', s(sp.factorial(20))], ['factorial(30)', s(sp.factorial(30))],
    ['factorial(-1)', s(sp.factorial(-1))],
    ['binomial(10, 3)', s(sp.binomial(10, 3))], ['binomial(5, 0)', s(sp.binomial(5, 0))], ['binomial(4, 7)', s(sp.binomial(4, 7))], ['binomial(60, 30)', s(sp.binomial(60, 30))],
    ['erfc(0)', s(sp.erfc(0))], ['erfc(oo)', s(sp.erfc(sp.oo))], ['erfc(-oo)', s(sp.erfc(-sp.oo))],
    ['LambertW(0)', s(sp.LambertW(0))], ['LambertW(E)', s(sp.LambertW(sp.E))], ['LambertW(-exp(-1))', s(sp.LambertW(-sp.exp(-1)))],
    ['LambertW(oo)', s(sp.LambertW(sp.oo))],
    ['log(1000, 10)', s(sp.log(1000, 10))], ['log(8, 2)', s(sp.log(8, 2))], ['log(1/100, 10)', s(sp.log(sp.Rational(1, 100), 10))],
    ['floor(7/2)', s(sp.floor(sp.Rational(7, 2)))], ['floor(-7/2)', s(sp.floor(sp.Rational(-7, 2)))], ['ceiling(7/2)', s(sp.ceiling(sp.Rational(7, 2)))],
    ['zeta(2)', s(sp.zeta(2))], ['zeta(4)', s(sp.zeta(4))], ['zeta(0)', s(sp.zeta(0))], ['zeta(-1)', s(sp.zeta(-1))], ['zeta(3)', s(sp.zeta(3))],
    ['polygamma(1, 1)', s(sp.polygamma(1, 1))],
    ['ceiling(-7/2)', s(sp.ceiling(sp.Rational(-7, 2)))], ['floor(5)', s(sp.floor(5))], ['floor(pi)', s(sp.floor(sp.pi))], ['ceiling(E)', s(sp.ceiling(sp.E))],
]
derivatives = [
    ['gamma(x)', s(sp.diff(sp.gamma(x), x))], ['factorial(x)', s(sp.diff(sp.factorial(x), x))],
    ['erfc(x)', s(sp.diff(sp.erfc(x), x))], ['LambertW(x)', s(sp.diff(sp.LambertW(x), x))],
    ['log(x, 10)', s(sp.diff(sp.log(x, 10), x))], ['polygamma(0, x)', s(sp.diff(sp.polygamma(0, x), x))],
]
integrals = [
    ['erfc(x)', s(sp.integrate(sp.erfc(x), x))], ['log(x, 10)', s(sp.integrate(sp.log(x, 10), x))],
    ['LambertW(x)', s(sp.integrate(sp.LambertW(x), x))],
]
limits = [
    ['gamma(x)', 'oo', s(sp.limit(sp.gamma(x), x, sp.oo))], ['erfc(x)', 'oo', s(sp.limit(sp.erfc(x), x, sp.oo))],
    ['erfc(x)', '-oo', s(sp.limit(sp.erfc(x), x, -sp.oo))], ['LambertW(x)', 'oo', s(sp.limit(sp.LambertW(x), x, sp.oo))],
    ['x*erfc(x)', 'oo', s(sp.limit(x * sp.erfc(x), x, sp.oo))],
    ['LambertW(x)/log(x)', 'oo', s(sp.limit(sp.LambertW(x) / sp.log(x), x, sp.oo))],
]

json.dump({
    'meta': {
        'made_with': f'SciPy {scipy.__version__}, NumPy {np.__version__}, SymPy {sp.__version__}, mpmath {mp.__version__} (50 digits), Python {sys.version.split()[0]}',
        'script': 'test/reference/symbolic/make_special_functions.py',
        'numeric': 'rows [x, scipy, mpmath] (polygamma and binomial: [n, x, scipy, mpmath]; zeta: SciPy only for x > 1, nan below); inf/nan as strings',
    },
    'numeric': numeric,
    'exact': exact,
    'derivatives': derivatives,
    'integrals': integrals,
    'limits': limits,
}, sys.stdout, indent=1)
