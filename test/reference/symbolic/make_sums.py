"""SymPy's summation and product for the cases of test/symbolic/calculus/sum/sum.test.ts.
Run: /usr/bin/python3 test/reference/symbolic/make_sums.py > test/reference/symbolic/sums.json
Each case: [kind, term, lower, upper, SymPy's result (sstr), its value when it is a number (else null)].
"""
import json, sys
import sympy as sp
k, n, x = sp.symbols('k n x')
S = sp.sympify
cases = [
    ('sum', 'k', '1', 'n'), ('sum', 'k**2', '1', 'n'), ('sum', 'k**3', '0', 'n'), ('sum', 'k**5 - 3*k + 2', '1', 'n'),
    ('sum', '2**k', '0', 'n'), ('sum', 'k*2**k', '1', 'n'), ('sum', '3**(-k)', '1', 'oo'), ('sum', 'k**2/2**k', '1', 'oo'),
    ('sum', '1/(k*(k+1))', '1', 'n'), ('sum', '1/(k*(k+1))', '1', 'oo'), ('sum', '1/(k*(k+2))', '1', 'oo'), ('sum', '1/(k*(k+1)*(k+2))', '1', 'n'),
    ('sum', '1/(4*k**2 - 1)', '1', 'oo'), ('sum', '1/k**2', '1', 'oo'), ('sum', '1/k**4', '1', 'oo'), ('sum', '1/k**6', '2', 'oo'),
    ('sum', '1/(2*k+1)**2', '0', 'oo'), ('sum', '1/k**3', '1', 'oo'), ('sum', 'x**k/factorial(k)', '0', 'oo'), ('sum', '2**k/factorial(k)', '1', 'oo'),
    ('sum', 'k**2', '1', '1000'), ('sum', '1/k**2', '1', '10'), ('sum', 'exp(-k)', '0', 'oo'), ('sum', '(k + 1)/(k + 2)**3 - k/(k + 1)**3', '0', 'oo'),
    ('sum', '1/k', '1', 'oo'), ('sum', 'k', '1', 'oo'),
    ('sum', '1/k', '1', 'n'),
    ('sum', '(-1)**(k+1)/k', '1', 'oo'), ('sum', '1/(k*2**k)', '1', 'oo'), ('sum', '(-1)**k/(2*k+1)', '0', 'oo'),
    ('sum', '(1/3)**k/(k+2)', '0', 'oo'), ('sum', '(1/4)**k/(2*k+1)', '0', 'oo'), ('sum', 'k*(1/2)**k/(k+1)', '0', 'oo'),
    ('product', 'k', '1', 'n'), ('product', 'k + 1', '1', 'n'), ('product', '2*k', '1', 'n'), ('product', '2', '1', 'n'), ('product', '2**k', '1', 'n'),
    ('product', 'k/(k + 1)', '1', 'n'), ('product', 'k**2', '1', 'n'), ('product', 'k', '1', '30'), ('product', '(k + 2)/k', '1', 'n'),
]
out = []
for kind, f, a, b in cases:
    fn = sp.summation if kind == 'sum' else sp.product
    r = fn(S(f), (k, S(a), S(b)))
    r = sp.simplify(r) if kind == 'product' else r
    val = float(r) if r.is_number and r.is_finite else (str(r) if r in (sp.oo, -sp.oo) else None)
    out.append([kind, f.replace('**', '^'), a, b, sp.sstr(r).replace('**', '^'), val])
json.dump({'meta': {'made_with': f'SymPy {sp.__version__}', 'script': 'test/reference/symbolic/make_sums.py'}, 'cases': out}, sys.stdout, indent=1)
