"""Reference expansions for series at ±oo, Puiseux series (fractional powers), series with log
terms and multivariate Taylor polynomials, from SymPy. Writes series-puiseux.json beside this file.

Usage: /usr/bin/python3 test/reference/symbolic/make-series-puiseux.py

One-variable cases are SymPy's series(f, x, x0, n) with the O term removed. At +oo and at
finite points x is declared positive (SymPy's default direction is x -> x0 from the right, and
this makes log(1/x) read -log(x), 1/sqrt(1/x) read sqrt(x)); at -oo it is a plain symbol.
Multivariate cases are the Taylor polynomial computed independently from partial derivatives:
sum over |alpha| < n of d^alpha f(a)/alpha! * (x - a)^alpha (SymPy has no multivariate series;
nabla scales the displacement instead, so the two routes differ).
"""
import json, os, sys
from itertools import product
from math import factorial
import sympy
from sympy import Symbol, series, oo, sympify, diff, Rational, expand

HERE = os.path.dirname(os.path.abspath(__file__))

ONE_VAR = [
    # (expression, point, order)
    # at +oo
    ('sqrt(x**2 + 1)', 'oo', 3), ('sqrt(x**2 + 1)', 'oo', 4), ('1/(x + 1)', 'oo', 3), ('exp(1/x)', 'oo', 4),
    ('x**2/(x + 1)', 'oo', 3), ('sqrt(x + 1)', 'oo', 3), ('log(x + 1)', 'oo', 3), ('atan(x)', 'oo', 4),
    ('x*sin(1/x)', 'oo', 5), ('(x**3 + 1)**(1/3)', 'oo', 4), ('x*log(1 + 1/x)', 'oo', 4), ('(1 + 1/x)**x', 'oo', 3),
    ('sqrt(x**2 + 2*x) - x', 'oo', 3), ('cos(1/x)', 'oo', 5), ('x**2*tanh(1/x)', 'oo', 4), ('sqrt(x)*exp(1/x)', 'oo', 3),
    ('log(x**2 + x)', 'oo', 3), ('sqrt(x + 1) - sqrt(x)', 'oo', 4), ('1/(x**2 - 1)', 'oo', 6), ('atan(x**2)', 'oo', 5),
    ('asinh(x)', 'oo', 4), ('acosh(x)', 'oo', 4), ('x*atan(x) - pi*x/2', 'oo', 4), ('asinh(1/x)', '0', 3),
    # at -oo
    ('sqrt(x**2 + 1)', '-oo', 3), ('(x + 1)/(x - 1)', '-oo', 3), ('x**3/(x**2 + 1)', '-oo', 4), ('exp(1/x)', '-oo', 3),
    ('atan(x)', '-oo', 4), ('x*sin(1/x)', '-oo', 4),
    # fractional powers at 0
    ('sqrt(x)*exp(x)', '0', 3), ('sqrt(x + x**2)', '0', 3), ('(x**3 + x**4)**(1/3)', '0', 3), ('sqrt(sin(x))', '0', 3),
    ('x**(1/3)*cos(x)', '0', 3), ('1/sqrt(x + x**2)', '0', 2), ('sqrt(x)/(1 - sqrt(x))', '0', 3), ('(x + sqrt(x))**(1/3)', '0', 2),
    ('acos(1 - x)', '0', 3), ('sqrt(1 - cos(x))', '0', 5), ('sqrt(x)*sin(sqrt(x))', '0', 3), ('exp(sqrt(x))', '0', 3),
    ('x**(2/3)/(1 + x**(1/3))', '0', 2), ('asin(sqrt(x))', '0', 3),
    # logs at 0
    ('x*log(x) + x**2', '0', 3), ('log(x + x**2)', '0', 3), ('x**x', '0', 3), ('x**x', '0', 4), ('x**2*log(x) + sin(x)', '0', 4),
    ('1/(x*log(x))', '0', 3), ('exp(x)*log(x)', '0', 3), ('log(sin(x))', '0', 4), ('x**sin(x)', '0', 3),
    ('log(x)/(1 + x)', '0', 3), ('sqrt(x)*log(x)**2', '0', 2), ('log(1 + sqrt(x))', '0', 2), ('log(tan(x))', '0', 4),
    ('x**(x**2)', '0', 5), ('log(x*exp(x))', '0', 3),
    # other finite points
    ('sqrt(x - 1)*exp(x)', '1', 3), ('log(x - 2)*(x - 2)', '2', 3), ('sqrt(x**2 - 1)', '1', 3),
]

# Functions whose derivative is written with themselves: Taylor coefficients f^(k)(x0)/k! from
# SymPy's derivatives, as 30-digit numbers (nabla keeps polygamma(0, 1) where SymPy writes
# -EulerGamma, so these are compared by value).
SPECIAL = [
    ('gamma(x)', '1', 4), ('gamma(x)', '2', 4), ('gamma(x)', '1/2', 3), ('factorial(x)', '0', 4), ('polygamma(0, x)', '1', 4),
    ('LambertW(x)', '1', 4), ('gamma(1 + x**2)', '0', 6), ('exp(LambertW(x))', 'E', 3),
]

# SymPy 1.11 has no expansion of asinh/acosh at oo (PoleError): these are expanded from their
# log forms, asinh(u) = log(u + sqrt(u^2 + 1)), acosh(u) = log(u + sqrt(u^2 - 1)).
VIA_LOG_FORM = {'asinh(x)', 'acosh(x)', 'asinh(1/x)'}

MULTI = [
    # (expression, variables, point, total-degree order)
    ('exp(x)*sin(y)', ['x', 'y'], [0, 0], 4), ('1/(1 - x - y)', ['x', 'y'], [0, 0], 4), ('exp(x)*cos(y)', ['x', 'y'], [0, 0], 5),
    ('log(x + y)', ['x', 'y'], [1, 0], 3), ('sin(x*y + z)', ['x', 'y', 'z'], [0, 0, 0], 4), ('x**2*y + 1/(x + y)', ['x', 'y'], [1, 1], 3),
    ('sqrt(1 + x + 2*y)', ['x', 'y'], [0, 0], 3), ('exp(x + y**2)', ['x', 'y'], [0, 0], 5), ('atan(y/x)', ['x', 'y'], [1, 0], 3),
    ('log(1 + exp(x*y))', ['x', 'y'], [0, 0], 5), ('cos(x)*cos(y)', ['x', 'y'], [0, 0], 5), ('x*y/(1 + x**2 + y**2)', ['x', 'y'], [0, 0], 5),
    ('sigmoid(a*x + b*y)', ['x', 'y'], [0, 0], 3), ('(1 + x)**y', ['x', 'y'], [0, 0], 4),
]


def sym(text, syms):
    loc = dict(syms)
    loc['sigmoid'] = lambda u: 1 / (1 + sympy.exp(-u))
    return sympify(text, locals=loc, rational=True)


def text(e):
    return str(e).replace('**', '^')


def one_var(f, at, n):
    # At -oo x stays a plain symbol: SymPy (1.11) with x declared negative gives x + 1/(2x) for
    # sqrt(x^2 + 1), the wrong sign (the cases there have no logs to normalise).
    x = Symbol('x') if at == '-oo' else Symbol('x', positive=True)
    e = sym(f, {'x': x})
    if f in VIA_LOG_FORM:
        e = e.rewrite(sympy.log)
    x0 = oo if at == 'oo' else -oo if at == '-oo' else Rational(at)
    r = series(e, x, x0, n).removeO()
    r = sympy.expand_log(r, force=True)
    return text(r)


def multi(f, names, at, n):
    xs = [Symbol(v) for v in names]
    e = sym(f, dict(zip(names, xs)) | {'a': Symbol('a'), 'b': Symbol('b')})
    point = dict(zip(xs, [Rational(a) for a in at]))
    total = 0
    for alpha in product(range(n), repeat=len(xs)):
        if sum(alpha) >= n:
            continue
        d = e
        for v, k in zip(xs, alpha):
            if k:
                d = diff(d, v, k)
        c = sympy.simplify(d.subs(point))
        den = 1
        mono = 1
        for v, k, a in zip(xs, alpha, at):
            den *= factorial(k)
            mono *= (v - a) ** k
        total += c / den * mono
    return text(expand(total))


def special(f, at, n):
    # f^(k)(x0)/k! from SymPy's derivatives: SymPy 1.11's series() is wrong for LambertW at 1
    # (it gives 1 - x - (x - 1)^2) and for exp(LambertW(x)) at E.
    x = Symbol('x')
    e = sym(f, {'x': x})
    x0 = sympify(at)
    out = []
    for k in range(n):
        out.append(str(sympy.N(e.subs(x, x0) / factorial(k), 30)))
        e = diff(e, x)
    return out


def main():
    cases = []
    for f, at, n in ONE_VAR:
        try:
            cases.append({'expr': f.replace('**', '^'), 'at': at, 'order': n, 'expected': one_var(f, at, n)})
        except Exception as err:  # SymPy cannot expand it: the case is left out, and said so
            print('left out:', f, at, n, type(err).__name__, err, file=sys.stderr)
    multis = []
    for f, names, at, n in MULTI:
        multis.append({'expr': f.replace('**', '^'), 'vars': names, 'at': at, 'order': n, 'expected': multi(f, names, at, n)})
    specials = [{'expr': f.replace('**', '^'), 'at': at, 'order': n, 'coefficients': special(f, at, n)} for f, at, n in SPECIAL]
    out = {
        'about': 'series at +-oo, Puiseux (fractional powers) and log-term series from SymPy series(f, x, x0, n).removeO() '
                 '(x positive except at -oo, logs expanded with expand_log(force=True)); multivariate Taylor '
                 'polynomials of total degree < n from partial derivatives; special functions: f^(k)(x0)/k! by value. '
                 'Made by make-series-puiseux.py.',
        'meta': {'sympy': sympy.__version__, 'python': sys.version.split()[0]},
        'cases': cases,
        'multivariate': multis,
        'special': specials,
    }
    with open(os.path.join(HERE, 'series-puiseux.json'), 'w') as fh:
        json.dump(out, fh, indent=1)
        fh.write('\n')
    print(len(cases), 'one-variable cases,', len(multis), 'multivariate,', len(specials), 'special')


main()
