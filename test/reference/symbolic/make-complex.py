"""Reference data for nabla's imaginary unit and solve(..., { domain: 'complex' }).

Run:  /usr/bin/python3 test/reference/symbolic/make-complex.py > test/reference/symbolic/complex.json

`arith`: an input in nabla's text syntax (SymPy parses the same text with ^ as **) and SymPy's
automatic (unevaluated-call) result, printed with ** as ^ and Abs as abs; `value` is its complex
value to 30 digits. `parts`: re, im, conjugate and Abs of a few numbers. `solve`: every root of
each equation over C (SymPy's `solve`, distinct roots), with 30-digit values, and SymPy's own
printed form; the real roots as `real` (what nabla's default real domain must keep giving).
"""
import json
import sys
import sympy
from sympy import I, N, Abs, conjugate, im, re, solve, symbols, sympify

x = symbols('x')


def text(e):
    return str(e).replace('**', '^').replace('Abs', 'abs')


def value(e):
    v = complex(N(e, 30))
    return [float(sympy.re(N(e, 30))), float(sympy.im(N(e, 30)))]


def parse(s):
    return sympify(s.replace('^', '**'), locals={'x': x})


ARITH = [
    'I', 'I^2', 'I^3', 'I^4', 'I^5', 'I^-1', '1/I', 'I^-2', 'I^10', 'I^-7', '2*I', 'I*I*x', '(2*I)^2', '(3*I)^3',
    'sqrt(-1)', 'sqrt(-4)', 'sqrt(-2)', 'sqrt(-8)', 'sqrt(-1/2)', '(-4)^(3/2)', '(-2)^(-1/2)', '(-9)^(5/2)',
    '1/(1+I)', '(1+I)^-2', '1/(3-4*I)', '(2+I)^-3', '(1/2 + I/3)^-1', '2/(1-I)',
    '(1+I)^2', '(1+I)*(1-I)', '2+3*I', '3*I + 2 + I', 'x + I', 'I*x + 2*I*x', '-1/2 - sqrt(3)*I/2', 'I*pi', 'x*I', 'I*(x + 1)',
    'exp(I*pi)', 'exp(I*pi/2)', 'exp(2*I*pi)', 'exp(3*I*pi/2)', 'exp(-I*pi)', 'exp(5*I*pi)', 'exp(-I*pi/2)', 'exp(I*pi/4)', 'exp(I*pi/3)',
    'I^(1/2)*I', 'I*I*I*I*I', '(I*x)^2', '(2*I*x)^4', 'abs(I)', 'abs(3+4*I)', 'abs(1-I)', 'abs(-2*I)', 'abs(2*I*x)',
]

PARTS = ['3 - 4*I', '1/(1+I)', 'I', '5', 'sqrt(2)*I/2 - 1/2', '-7*I']

SOLVE = [
    'x^2 + 1', 'x^2 + 4', 'x^2 + 2*x + 5', '2*x^2 - 2*x + 1', 'x^2 + x + 1', '3*x^2 + 2*x + 1',
    'x^3 - 1', 'x^3 + 8', 'x^3 - 2', 'x^3 + x^2 + x + 1', 'x^3 - 3*x + 1', 'x^3 + x + 1', 'x^3 - x^2 + 2',
    'x^4 - 1', 'x^4 + 1', 'x^4 + 4', 'x^4 + 5*x^2 + 6', 'x^4 - 2*x^2 + 5', 'x^4 + 16', 'x^4 - 3*x^2 + 4',
    'x^4 + x^3 + x^2 + x + 1', 'x^5 - x - 1', 'x^5 - 1', 'x^6 - 1', 'x^6 + 1', 'x^8 - 1', 'x^6 + x^3 + 1',
    '(x^2 + 1)^2', '(x^2 + 1)*(x - 2)^3', '(x^2 + 1)/(x - 1)', 'x^2 + 1/x', 'x^4 + 2*x^2 + 2',
    'exp(x) + 1', 'exp(x) + 2', 'exp(x) - 2', 'exp(x) - 1', 'log(x) - 1',
]


def main():
    out = {
        'about': 'SymPy %s: automatic arithmetic with I, re/im/conjugate/Abs, and solve over C (distinct roots) with 30-digit values; made by make-complex.py' % sympy.__version__,
        'arith': [], 'parts': [], 'solve': [],
    }
    for s in ARITH:
        e = parse(s)
        out['arith'].append({'input': s, 'sympy': text(e), 'value': value(e.subs(x, sympy.Rational(7, 10)))})
    for s in PARTS:
        e = parse(s)
        out['parts'].append({'input': s, 're': text(re(e)), 'im': text(im(e)), 'conjugate': text(conjugate(e)), 'abs': text(Abs(e))})
    for s in SOLVE:
        e = parse(s)
        roots = solve(e, x)
        vals = [value(r) for r in roots]
        out['solve'].append({
            'equation': s,
            'roots': [text(r) for r in roots],
            'values': vals,
            'real': [v[0] for v in sorted(vals) if abs(v[1]) < 1e-25],
        })
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write('\n')


main()
