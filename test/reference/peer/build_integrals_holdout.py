"""Build test/reference/peer/integrals-holdout.json from integrals-holdout-raw.txt.

Run from the repository root with SymPy 1.14 and mpmath (and `npm run build` done: nabla's parser
decides which integrands it can read):
    python3 test/reference/peer/build_integrals_holdout.py

The raw file holds test lines of the Rubi integration test suite (RuleBasedIntegration/
MathematicaSyntaxTestSuite), written as `{integrand, variable, antiderivative}` (the suite's step
count left out), grouped under `@ file | commit | chunk offset` headers.

Which lines (`python3 build_integrals_holdout.py --plan` prints the draw): integrals-holdout-files.txt
lists the suite's files by chapter (where the stored copy has a file under both an old and a new
folder name, the new one). random.Random(20261205) drew files per chapter and, for each, a fraction u
that picks a 16,000-character window: offset 16000*floor(20u), or 16000*floor(u*windows) when that
is past the end of the file. The windows were read in the plan's order until the time set aside
ran out (so not every planned window was read; the raw file lists those that lines were copied from,
not windows opened that gave none, and the order of reading did not always follow the plan). From each
window, test lines were copied by hand, spread over the window, passing over lines whose answer
uses functions outside the allowed set below and lines whose answer was too long to copy (about
450 characters or more). That last rule biases the sample towards shorter answers: the report
compares it with integrals.json restricted the same way.

For each line: the variable is renamed x; every other symbol is a parameter and gets a small number
(from 1, 2, 3, 1/2, -1, -2, -3, 3/2, -1/2; F, the base of exponentials, becomes E), drawn with a
seeded generator, up to 8 draws. A draw is kept when the suite's own antiderivative, with the same
numbers, differentiates back to the integrand (mpmath, 30 digits) at 4 real test points x in
[-6, 6] (4 decimals) where both are real and finite; only elementary antiderivatives and those with
erf, erfi, Si, Ci, Ei, li are used. Lines whose integrand (in the suite's own text) is a case of
integrals.json are dropped, and so are repeats.
"""
import json
import os
import random
import re
import sys

import mpmath
import sympy
from sympy import Symbol, E, Rational, sympify
from sympy.parsing.mathematica import parse_mathematica

from peer_build_common import ROOT, nabla_reads, timed

HERE = os.path.join(ROOT, 'test', 'reference', 'peer')
X = Symbol('x')
VALUES = [Rational(1), Rational(2), Rational(3), Rational(1, 2), Rational(-1), Rational(-2), Rational(-3),
          Rational(3, 2), Rational(-1, 2)]
CHAPTERS = {'0': 'independent', '2': 'exponential', '3': 'logarithmic', '4': 'trig', '5': 'inverse-trig',
            '6': 'hyperbolic', '7': 'inverse-hyperbolic', '8': 'special'}
ALLOWED_UNDEFINED = {'Erf': sympy.erf, 'Erfi': sympy.erfi, 'Erfc': sympy.erfc}


def read_raw(path):
    cases, head = [], None
    for line in open(path):
        line = line.rstrip('\n')
        if not line.strip():
            continue
        if line.startswith('@ '):
            f, commit, off = [s.strip() for s in line[2:].split('|')]
            head = {'file': f, 'commit': commit, 'chunk_offset': int(off)}
            continue
        assert line.startswith('{') and line.endswith('}'), line
        cases.append((head, line))
    return cases


def split_top(s):
    """Split a Mathematica list body at top-level commas."""
    out, depth, cur = [], 0, ''
    for ch in s:
        if ch in '([{':
            depth += 1
        elif ch in ')]}':
            depth -= 1
        if ch == ',' and depth == 0:
            out.append(cur.strip())
            cur = ''
        else:
            cur += ch
    out.append(cur.strip())
    return out


def to_sympy(text, var):
    e = parse_mathematica(text)
    for name, f in ALLOWED_UNDEFINED.items():
        e = e.replace(sympy.Function(name), f)
    return e.subs(Symbol(var), X) if var != 'x' else e


ALLOWED_FUNCS = (sympy.exp, sympy.log, sympy.sin, sympy.cos, sympy.tan, sympy.cot, sympy.sec, sympy.csc,
                 sympy.asin, sympy.acos, sympy.atan, sympy.acot, sympy.asec, sympy.acsc, sympy.sinh, sympy.cosh,
                 sympy.tanh, sympy.coth, sympy.sech, sympy.csch, sympy.asinh, sympy.acosh, sympy.atanh,
                 sympy.acoth, sympy.asech, sympy.acsch, sympy.erf, sympy.erfi, sympy.erfc, sympy.Si, sympy.Ci,
                 sympy.Ei, sympy.li, sympy.Abs, sympy.sign)


def allowed(e):
    for f in e.atoms(sympy.Function):
        if not isinstance(f, ALLOWED_FUNCS):
            return False
    return True


def for_nabla(e):
    """Rewrite functions nabla's parser does not read by real identities (as integrals.json does)."""
    rules = [
        (sympy.acot, lambda u: sympy.atan(1 / u)), (sympy.asec, lambda u: sympy.acos(1 / u)),
        (sympy.acsc, lambda u: sympy.asin(1 / u)), (sympy.coth, lambda u: sympy.cosh(u) / sympy.sinh(u)),
        (sympy.sech, lambda u: 1 / sympy.cosh(u)), (sympy.csch, lambda u: 1 / sympy.sinh(u)),
        (sympy.acoth, lambda u: sympy.atanh(1 / u)), (sympy.asech, lambda u: sympy.acosh(1 / u)),
        (sympy.acsch, lambda u: sympy.asinh(1 / u)),
    ]
    for cls, f in rules:
        e = e.replace(lambda a, cls=cls: isinstance(a, cls), lambda a, f=f: f(a.args[0]))
    return e


def real_value(f, t):
    try:
        v = timed(lambda: f(t), 5)
    except BaseException:
        return None
    v = mpmath.mpc(v)
    if not mpmath.isfinite(v.real) or not mpmath.isfinite(v.imag):
        return None
    if abs(v.imag) > mpmath.mpf(10) ** -25 * max(1, abs(v.real)):
        return None
    return v.real


def test_points(integrand, anti, rng):
    mpmath.mp.dps = 30
    fi = sympy.lambdify(X, integrand, modules='mpmath')
    fa = sympy.lambdify(X, anti, modules='mpmath')
    pts = []
    for _ in range(80):
        t = round(rng.uniform(-6, 6), 4)
        if t == 0 or any(abs(t - p['x']) < 0.05 for p in pts):
            continue
        mpmath.mp.dps = 30
        fv = real_value(fi, mpmath.mpf(str(t)))
        if fv is None or abs(fv) > 1e12:
            continue
        if real_value(fa, mpmath.mpf(str(t))) is None:
            continue
        try:
            mpmath.mp.dps = 40
            d = timed(lambda: mpmath.diff(lambda s: fa(s), mpmath.mpf(str(t))), 10)
            mpmath.mp.dps = 30
        except BaseException:
            mpmath.mp.dps = 30
            continue
        d = mpmath.mpc(d)
        if abs(d.imag) > 1e-20 * max(1, abs(d.real)) or abs(d.real - fv) > 1e-15 * max(1, abs(fv)):
            return None  # the antiderivative does not fit at a real point: the draw is rejected
        pts.append({'x': t, 'f': float(fv)})
        if len(pts) == 4:
            return pts
    return None


def norm(s):
    return re.sub(r'\s+', '', s)


def plan():
    files = [l.strip() for l in open(os.path.join(HERE, 'integrals-holdout-files.txt')) if l.strip()]
    chunks = {'0': 6, '1': 24, '2': 8, '3': 9, '4': 12, '5': 7, '6': 7, '7': 5, '8': 3}
    rng = random.Random(20261205)
    for c, k in chunks.items():
        fs = [f for f in files if f.split(' ')[0] == c]
        picks = rng.sample(fs, k) if k <= len(fs) else [fs[i % len(fs)] for i in range(k)]
        for f in picks:
            u = round(rng.random(), 6)
            print('%6d  u=%.6f  %s' % (16000 * int(u * 20), u, f))


def main():
    if '--plan' in sys.argv:
        plan()
        return
    raw = read_raw(os.path.join(HERE, 'integrals-holdout-raw.txt'))
    dev = json.load(open(os.path.join(HERE, 'integrals.json')))['cases']
    dev_texts = {norm(c['mathematica']) for c in dev}
    rng = random.Random(20261205)
    stats, seen, out = {}, set(), []

    def drop(why):
        stats[why] = stats.get(why, 0) + 1

    for head, line in raw:
        parts = split_top(line[1:-1])
        if len(parts) < 3:
            drop('not {integrand, x, antiderivative}')
            continue
        m_int, var, m_anti = parts[0], parts[1], parts[2]
        if norm(m_int) in dev_texts:
            drop('in integrals.json')
            continue
        if norm(m_int) in seen:
            drop('repeat')
            continue
        seen.add(norm(m_int))
        try:
            f0 = to_sympy(m_int, var)
            F0 = to_sympy(m_anti, var)
        except Exception:
            drop('Mathematica text SymPy cannot parse')
            continue
        if not allowed(F0) or not allowed(f0):
            drop('answer or integrand outside the allowed functions')
            continue
        params = sorted((f0.free_symbols | F0.free_symbols) - {X}, key=str)
        kept = None
        for attempt in range(8):
            sub = {}
            for p in params:
                sub[p] = E if str(p) == 'F' else rng.choice(VALUES)
            try:
                f = f0.subs(sub)
                F = F0.subs(sub)
            except Exception:
                continue
            if f.free_symbols != {X} or not allowed(F) or f.has(sympy.zoo, sympy.nan) or F.has(sympy.zoo, sympy.nan):
                continue
            pts = test_points(f, F, rng)
            if pts:
                kept = (sub, f, F, pts)
                break
        if kept is None:
            drop('no parameter draw whose antiderivative fits at 4 real points')
            continue
        sub, f, F, pts = kept
        c = head['file'].split(' ')[0]
        chapter = CHAPTERS.get(c) or ('rational' if f.is_rational_function(X) else 'algebraic')
        out.append({
            'chapter': chapter,
            'source': {'suite': 'RuleBasedIntegration/MathematicaSyntaxTestSuite', 'file': head['file'],
                       'commit': head['commit'], 'chunk_offset': head['chunk_offset']},
            'mathematica': m_int, 'variable': var,
            'params': {str(k): str(v) for k, v in sub.items()},
            'integrand': str(for_nabla(f)), 'reference': str(F), 'points': pts,
        })
        print(len(out), chapter, m_int, file=sys.stderr)
    ok = nabla_reads([c['integrand'] for c in out])
    final = [c for c, r in zip(out, ok) if r]
    stats['integrand nabla cannot parse'] = len(out) - len(final)
    for i, c in enumerate(final):
        final[i] = {'id': 'H%04d' % (i + 1), **c}
    counts = {}
    for c in final:
        counts[c['chapter']] = counts.get(c['chapter'], 0) + 1
    about = (
        "Held-out indefinite integrals (not used while developing integrate), sampled from the Rubi integration "
        "test suite (RuleBasedIntegration/MathematicaSyntaxTestSuite) like integrals.json but apart from it: a "
        "seeded plan (random.Random(20261205)) drew files per chapter in integrals.json's mix and a random "
        "16,000-character window of each (source.chunk_offset, at source.commit); the windows read (not all that "
        "were drawn, and not always in the plan's order; a window opened that gave no usable line leaves no trace) "
        "had a spread of their test lines copied by hand into integrals-holdout-raw.txt, passing over "
        "answers with functions outside the allowed set and answers too long to copy (about 450 characters or "
        "more: the sample leans to shorter answers than integrals.json). Symbolic parameters were replaced by small numbers "
        "(seeded draws from 1, 2, 3, 1/2, -1, -2, -3, 3/2, -1/2; F = E), kept only when the suite's own "
        "antiderivative then differentiates back to the integrand at 4 real points in [-6, 6] (mpmath, 30 "
        "digits); only elementary and erf/erfi/Si/Ci/Ei/li answers. Each case has those points with the "
        "integrand's value, its source, and the suite's antiderivative ('reference'). Integrands that are "
        "cases of integrals.json (same suite text) were left out. Built by "
        "test/reference/peer/build_integrals_holdout.py. Dropped: "
        + ', '.join('%s %d' % (k, n) for k, n in sorted(stats.items())) + '.'
    )
    json.dump({'about': about, 'counts': counts, 'count': len(final), 'cases': final},
              open(os.path.join(HERE, 'integrals-holdout.json'), 'w'), indent=1)
    print(counts, stats, file=sys.stderr)


if __name__ == '__main__':
    main()
