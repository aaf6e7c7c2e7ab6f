#!/usr/bin/python3
"""Polynomials for f' next to its irrational roots, for ActLab's double references.

Writes core/src/main/java/org/actlab/core/math/RootSeries.java. Run from the repository root:

    /usr/bin/python3 tools/root_series.py            # regenerate the Java constants
    /usr/bin/python3 tools/root_series.py --measure FILE
                                                     # dense reference points near the roots (for measuring)

Needs Debian's python3-mpmath. The build never runs it: the generated Java file is committed.

Near a simple root r of f', the usual double formulas for f' subtract terms of size ~0.3 and keep only an
absolute error of a few 1e-17: millions of ULP of the tiny result. There we evaluate instead
f'(r + t) = t * Q(t), Q(t) = f'(r + t) / t, where Q is a Chebyshev fit (mpmath.chebyfit, at 80 digits) on the
window |t| <= w, converted to monomial coefficients and rounded to double. r is stored as three doubles, so
t = x - r is known to double-double accuracy. The degree is the smallest for which the fit's relative error is
below 2^-57 on the window (before the coefficients are rounded to double, which adds about half an ULP).

Independence from tools/golden.py (which makes the test references): the derivatives below are written out here
again, in different algebraic forms, and each is checked against mpmath.diff of f (also written here) before
anything is written. Nothing is imported from golden.py.
"""

import datetime
import os
import sys

import mpmath
from mpmath import mp, mpf

mp.dps = 80
TARGET = mpf(2) ** -57
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'core', 'src', 'main', 'java', 'org',
                   'actlab', 'core', 'math', 'RootSeries.java')

KAPPA = mpf('0.044715')  # gelu_tanh's decimal constant, exactly as written in its definition


def logistic(v):
    return mp.exp(v) / (1 + mp.exp(v)) if v < 0 else 1 / (1 + mp.exp(-v))


def softplus(v):
    return mp.log(1 + mp.exp(v))


# name -> (f, f', guess for the root, half-width of the window, what it is)
SERIES = {
    'GATE': (lambda v: v * logistic(v),
             lambda v: mp.exp(v) * (1 + v + mp.exp(v)) / (1 + mp.exp(v)) ** 2,
             -1.28, 0.25,
             "d/dv [v*sigmoid(v)]: silu' at v = x, swish' and adaptive_swish' at\n   * v = beta*x, quick_gelu' at "
             "v = 1.702x"),
    'MISH': (lambda x: x * mp.tanh(softplus(x)),
             lambda x: mp.tanh(softplus(x)) + x * logistic(x) / mp.cosh(softplus(x)) ** 2,
             -1.19, 0.4, "mish'(x) = tanh(sp(x)) + x*sech^2(sp(x))*sigmoid(x)"),
    'GELU': (lambda x: x * mp.ncdf(x),
             lambda x: mp.ncdf(x) + x * mp.npdf(x),
             -0.75, 0.4, "gelu'(x) = Phi(x) + x*phi(x)"),
    'GELU_TANH': (lambda x: x * (1 + mp.tanh(mp.sqrt(2 / mp.pi) * (x + KAPPA * x ** 3))) / 2,
                  lambda x: ((1 + mp.tanh(mp.sqrt(2 / mp.pi) * (x + KAPPA * x ** 3))) / 2
                             + x / 2 * mp.sqrt(2 / mp.pi) * (1 + 3 * KAPPA * x ** 2)
                             / mp.cosh(mp.sqrt(2 / mp.pi) * (x + KAPPA * x ** 3)) ** 2),
                  -0.75, 0.5, "gelu_tanh'(x) with u = sqrt(2/pi)(x + 0.044715x^3), the decimal taken exactly"),
    'TANHEXP': (lambda x: x * mp.tanh(mp.exp(x)),
                lambda x: mp.tanh(mp.exp(x)) + x * mp.exp(x) / mp.cosh(mp.exp(x)) ** 2,
                -1.08, 0.3, "tanhexp'(x) = tanh(e^x) + x*e^x*sech^2(e^x)"),
    'SERF': (lambda x: x * mp.erf(softplus(x)),
             lambda x: mp.erf(softplus(x)) + x * 2 / mp.sqrt(mp.pi) * mp.exp(-softplus(x) ** 2) * logistic(x),
             -1.19, 0.4, "serf'(x) = erf(sp(x)) + x*(2/sqrt(pi))*exp(-sp(x)^2)*sigmoid(x)"),
}


def check(name, f, d):
    for x in (-2.5, -1.3, -1.1, -0.8, -0.4, 0.3, 1.7):
        x = mpf(x)
        num = mp.diff(f, x)
        assert abs(num - d(x)) < mpf(10) ** -60, (name, x, num, d(x))


def words(r, n):
    out = []
    for _ in range(n):
        h = float(r)
        out.append(h)
        r -= mpf(h)
    return out


def fit(d, r, w):
    q = lambda t: d(r + t) / t if t != 0 else mp.diff(d, r)
    for n in range(4, 40):
        coeffs = mp.chebyfit(q, [-w, w], n)  # highest degree first
        worst = max(abs(mp.polyval(coeffs, t) - q(t)) / abs(q(t))
                    for t in mp.linspace(-w, w, 401) if t != 0)
        if worst < TARGET:
            return [float(c) for c in reversed(coeffs)], worst
    raise RuntimeError('no fit')


def pi4_words():
    """pi/4 as 30 + 30 + 53 bits: m*w1 and m*w2 are exact doubles for |m| < 2^23 (Cody-Waite reduction)."""
    out, rest = [], mp.pi / 4
    for bits in (30, 30):
        e = mp.floor(mp.log(rest, 2))
        scale = mpf(2) ** (bits - 1 - e)
        w = mp.floor(rest * scale) / scale
        out.append(float(w))
        rest -= w
    out.append(float(rest))
    return out


def generate():
    q = pi4_words()
    blocks = ['  /** pi/4 = PI4_1 + PI4_2 + PI4_3 to about 2^-115; PI4_1 and PI4_2 have 30 significant bits. */\n'
              '  public static final double PI4_1 = %s;\n  public static final double PI4_2 = %s;\n'
              '  public static final double PI4_3 = %s;\n' % (float.hex(q[0]), float.hex(q[1]), float.hex(q[2]))]
    for name, (f, d, guess, w, what) in SERIES.items():
        check(name, f, d)
        r = mp.findroot(d, mpf(guess))
        assert abs(d(r)) < mpf(10) ** -70
        hi, lo, lo2 = words(r, 3)
        coeffs, worst = fit(d, r, mpf(w))
        print('%-10s root %s  degree %d  fit error %.2e (relative)' % (name, mpmath.nstr(r, 25), len(coeffs) - 1,
                                                                      float(worst)))
        body = ',\n'.join('      %r' % c for c in coeffs)
        blocks.append(
            '  /**\n   * %s;\n   * root %s, |t| &lt;= %s, degree %d, fit error %.1e.\n   */\n'
            '  public static final Root %s = new Root(\n      %r, %r, %r, %r, new double[] {\n%s});\n'
            % (what, mpmath.nstr(r, 25), w, len(coeffs) - 1, float(worst), name, hi, lo, lo2, float(w), body))
    now = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d')
    src = ('package org.actlab.core.math;\n\n'
           '/**\n'
           ' * Generated by tools/root_series.py on %s (Python %s, mpmath %s); command:\n'
           ' * {@code /usr/bin/python3 tools/root_series.py}. Do not edit by hand.\n'
           ' *\n'
           ' * <p>Each constant is a root r of f\' (three doubles, r = hi + lo + lo2) and the coefficients, lowest\n'
           ' * degree first, of Q(t) = f\'(r + t)/t fitted on |t| &lt;= halfWidth, so that f\'(r + t) = t·Q(t) keeps\n'
           ' * its relative accuracy where the usual formula cancels. See {@link Root}.\n'
           ' */\n'
           'public final class RootSeries {\n\n'
           '  private RootSeries() {}\n\n%s}\n') % (now, sys.version.split()[0], mpmath.__version__, '\n'.join(blocks))
    with open(OUT, 'w') as fh:
        fh.write(src)
    print('wrote', os.path.normpath(OUT))


def measure(path):
    """Lines: <name> <x> <f'(x)>: doubles around each root (and in float32 steps), for local measurements."""
    import random
    rng = random.Random(7)
    with open(path, 'w') as fh:
        for name, (f, d, guess, w, what) in SERIES.items():
            r = mp.findroot(d, mpf(guess))
            xs = set()
            for k in range(-60, 1):
                for s in (1, -1):
                    xs.add(float(r + s * mpf(2) ** (k / 2.0)))
            for _ in range(3000):
                xs.add(float(r + mpf(rng.uniform(-0.8, 0.8))))
            for _ in range(3000):
                xs.add(float(r + mpf(rng.uniform(-4, 4))))
            h = float(r)
            for k in range(1, 8):
                xs.update([h + k * 2.0 ** -53 * abs(h) / 2 ** (0 if abs(h) >= 1 else 1) * s for s in (1, -1)])
            for x in sorted(xs):
                fh.write('%s %r %s\n' % (name, x, mpmath.nstr(d(mpf(x)), 30)))


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--measure':
        measure(sys.argv[2])
    else:
        generate()
