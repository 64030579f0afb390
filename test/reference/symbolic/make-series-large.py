# Makes series-large.json: Taylor coefficients at 0 of series whose order or integer powers are
# large (review rows U1 and H1). Small cases use sympy.series; the large ones use SymPy's
# truncated-power-series ring (sympy.polys.ring_series), which computes the same coefficients
# fast (sympy.series on sin(x)^80 to order 90 did not finish in 20 minutes).
# Run: python3 make-series-large.py > series-large.json
import json, sympy as sp
from sympy.polys.domains import QQ
from sympy.polys.rings import ring
from sympy.polys.ring_series import rs_tan, rs_sin, rs_pow, rs_exp

x = sp.Symbol('x')
R, X = ring('X', QQ)

def ring_coeffs(p, n):
    return [str(sp.Rational(p.coeff(X**k) if k else p.coeff(1))) for k in range(n)]

def sympy_coeffs(text, n):
    p = sp.series(sp.sympify(text.replace('^', '**')), x, 0, n).removeO()
    return [str(sp.nsimplify(p.coeff(x, k))) for k in range(n)]

RING = {
    ('tan(x)', 200): lambda n: rs_tan(X, X, n),
    ('sin(x)^80', 90): lambda n: rs_pow(rs_sin(X, X, n), 80, X, n),
    ('exp(sin(x))', 30): lambda n: rs_exp(rs_sin(X, X, n), X, n),
}
SMALL = [('x^65', 3), ('x^65', 70), ('(1+x)^100', 3), ('(1+x)^100', 101), ('x^70*sin(x)', 75),
         ('(2+x)^(-3)', 8), ('(1+x)^(1/3)', 8), ('log(cos(x))', 14), ('1/(1-x)^70', 6)]
out = [{'expr': t, 'order': n, 'coefficients': ring_coeffs(f(n), n), 'method': 'ring_series'} for (t, n), f in RING.items()]
out += [{'expr': t, 'order': n, 'coefficients': sympy_coeffs(t, n), 'method': 'series'} for t, n in SMALL]
print(json.dumps({'about': f'Taylor coefficients c_0..c_(order-1) at x = 0, SymPy {sp.__version__} (method: series or ring_series)', 'cases': out}, indent=1))
