#!/usr/bin/python3
"""Per-interval polynomial tables for float-lane kernels: gelu, gelu' (VGaussFloat), mish and mish' (VMishFloat),
silu' next to its root (VSiluFloat.slope), tanhshrink and tanhshrink' (VTanhshrinkFloat), softplus (VSoftplusFloat).

Writes GeluTables.java, MishTables.java, SiluTables.java, TanhshrinkTables.java and SoftplusTables.java in
core/src/main/java/org/actlab/core/kernel/simd/.
Run from the repository root:

    /usr/bin/python3 tools/lane_tables.py            # regenerate the Java tables, print the fit errors

Needs Debian's python3-mpmath and python3-numpy. The build never runs it: the generated Java files are committed.

gelu. With a = |x| (clamped to 15), Phi(-a) = e^(-a^2/2) * H(a), and gelu'(x) = e^(-a^2/2) * B(a) for x < 0 and
1 - e^(-a^2/2) * B(a) for x >= 0, where B(a) = H(a) - a/sqrt(2 pi) vanishes at a = r = 0.7518 (the root of gelu'),
so it is stored as B(a) = (a - r) * W(a). H and W are smooth and positive on [0, 15]. Both are tabulated as one
degree-7 polynomial per unit interval [n - 1/2, n + 1/2], n = 0..15, in t = a - n: n = rint(a) and a - n are exact
in float (Sterbenz), so the variable carries no rounding, and 16 intervals fill one 16-lane permute table per
coefficient (one vpermps per coefficient picks each lane's interval).

tanhshrink. With a = |x|, tanhshrink(x) = x^3 G(a) and tanhshrink'(x) = x^2 D(a), G(a) = (a - tanh a)/a^3 and
D(a) = (tanh a / a)^2, both smooth and even; degree-6 polynomials on half-unit intervals around m = j/2, j = 0..31,
in t = a - m (exact), a two-vector permute per coefficient. (Degree 7 on unit intervals missed D by 10 x 2^-24 next
to a = 1: tanh's poles at +-i pi/2 are close.) Beyond a = 15.5, x - tanh x is x - sign(x) and tanh^2 x is 1 in float.

mish'. With a = |x| and E = e^(-a): for x <= 0, mish'(x) = E * K(a), K(a) = (a - r) * V(a), r = 1.1924 (the root
of mish'); for x > 0 the table holds mish'(a) itself (bounded, no exponential needed). Intervals n = 0..19 of V are
entries 0..19 and n = 0..11 of mish'(a) entries 20..31 (a two-vector permute). Beyond them, K = 1 - a (a >= 19.5)
and mish'(a) = 1 (a >= 11.5) within 0.1 of 2^-24 (checked below). mish itself the same way: mish(-a) = -a E S(a),
mish(a) = a T(a), S and T tabulated on the same intervals, both 1 beyond them.

softplus. With e = e^(-|x|) in (0, 1], softplus(x) = max(x, 0) + log1p(e) = max(x, 0) + e * L(e), L(e) =
log1p(e)/e (1 at 0, smooth: its singularity is at e = -1). L is tabulated in v = 15e on the unit intervals around
n = 0..15, in t = 15e - n (one fma, rounded once, so the variable carries no rounding of v); degree 4 suffices,
as each interval is 1/30 wide in e and 1 away from the singularity.

Each fit is weighted least squares (relative error) on Chebyshev nodes against mpmath at 30 digits; the
coefficients are then rounded to float one at a time, lowest first, with the higher ones refitted, so the
rounding of each is absorbed by the rest where it can be. The printed errors are of the float Horner evaluation
with fma (emulated: the double sum rounds once more), relative, in units of 2^-24, over 4,001 float points per interval.
"""

import datetime
import os

import numpy as np
from mpmath import mp, mpf

mp.dps = 30

DEGREE = 7
INTERVALS = 16
OUT_DIR = 'core/src/main/java/org/actlab/core/kernel/simd/'

SQRT_2PI = mp.sqrt(2 * mp.pi)
ROOT = mp.findroot(lambda a: mp.ncdf(-a) * mp.exp(a * a / 2) - a / SQRT_2PI, mpf('0.75'))


def h(a):
    """Phi(-a) e^(a^2/2), the tail ratio of the Gaussian."""
    return mp.ncdf(-a) * mp.exp(a * a / 2)


def w(a):
    """(H(a) - a/sqrt(2 pi)) / (a - r); its value at the root is the derivative there."""
    if abs(a - ROOT) < mpf('1e-12'):
        return mp.diff(lambda s: h(s) - s / SQRT_2PI, ROOT)
    return (h(a) - a / SQRT_2PI) / (a - ROOT)


def softplus(x):
    return mp.log1p(mp.exp(x))


def mish_slope(x):
    """tanh(softplus x) + x sech^2(softplus x) sigmoid(x), written out here, independent of tools/golden.py."""
    s = softplus(x)
    return mp.tanh(s) + x * mp.sech(s) ** 2 / (1 + mp.exp(-x))


MISH_NEGATIVE = 20  # intervals of V: a <= 19.5
MISH_POSITIVE = 12  # intervals of mish'(a): a <= 11.5
MISH_ROOT = mp.findroot(lambda a: mish_slope(-a), mpf('1.19'))


def mish_v(a):
    """mish'(-a) / (e^(-a) (a - r)); at the root, the limit."""
    if abs(a - MISH_ROOT) < mpf('1e-12'):
        return mp.diff(lambda s: mish_slope(-s) / mp.exp(-s), MISH_ROOT)
    return mish_slope(-a) / (mp.exp(-a) * (a - MISH_ROOT))


def mish_s(a):
    """tanh(softplus(-a)) / e^(-a): mish(-a) = -a e^(-a) S(a)."""
    return mp.tanh(softplus(-a)) / mp.exp(-a)


def mish_t(a):
    """tanh(softplus(a)): mish(a) = a T(a)."""
    return mp.tanh(softplus(a))


def check_mish_tail():
    """Beyond the tables, (a - r) V(a) = 1 - a and mish'(a) = 1 within 0.1 of 2^-24, relative."""
    for a in (mpf(MISH_NEGATIVE) - mpf('0.5'), mpf(25), mpf(40)):
        k = mish_slope(-a) / mp.exp(-a)
        assert abs((1 - a) / k - 1) < mpf('0.1') * 2 ** -24, a
        assert abs(mish_s(a) - 1) < mpf('0.1') * 2 ** -24, a
    for a in (mpf(MISH_POSITIVE) - mpf('0.5'), mpf(15), mpf(40)):
        assert abs(mish_slope(a) - 1) < mpf('0.1') * 2 ** -24, a
        assert abs(mish_t(a) - 1) < mpf('0.1') * 2 ** -24, a


def f32(v):
    return float(np.float32(v))


def fma32(a, b, c):
    # a*b of two floats is exact in double; the double sum then rounds once to float (a second rounding could
    # only matter on exact ties, which the error figures would not notice)
    return f32(float(a) * float(b) + float(c))


def interval(n, width=1.0):
    """Entry n's interval in t: [-width/2, width/2] around its centre n * width, from 0 for n = 0."""
    return (0.0 if n == 0 else -width / 2), width / 2


def fit(fn, n, lo=None, hi=None, degree=DEGREE, width=1.0):
    """Coefficients in t of fn(n * width + t) on [lo, hi] (default: interval n)."""
    if lo is None:
        lo, hi = interval(n, width)
    nodes = np.cos(np.linspace(0, np.pi, 400)) * (hi - lo) / 2 + (hi + lo) / 2
    nodes = np.concatenate([nodes, [lo, hi]])
    target = np.array([float(fn(mpf(n) * mpf(width) + mpf(float(t)))) for t in nodes])
    weight = 1 / np.abs(target)
    powers = np.vander(nodes, degree + 1, increasing=True)
    coeffs = []
    residual = target.copy()
    for k in range(degree + 1):
        rest = powers[:, k:] * weight[:, None]
        solution, *_ = np.linalg.lstsq(rest, residual * weight, rcond=None)
        c = f32(solution[0])
        coeffs.append(c)
        residual = residual - c * powers[:, k]
    return coeffs


def horner32(coeffs, t):
    r = coeffs[-1]
    for c in reversed(coeffs[:-1]):
        r = fma32(r, t, c)
    return r


def error(fn, n, coeffs, lo=None, hi=None, width=1.0):
    if lo is None:
        lo, hi = interval(n, width)
    worst = 0.0
    for t in np.linspace(lo, hi, 4001):
        t = f32(t)
        exact = fn(mpf(n) * mpf(width) + mpf(t))
        worst = max(worst, float(abs(horner32(coeffs, t) / exact - 1)) * 2 ** 24)
    return worst


def table(name, *parts, degree=DEGREE, width=1.0):
    """parts: (function, intervals) pairs. Coefficient-major: coefficient k of entry j at [entries * k + j], the
    entries of the first function first."""
    rows = []
    for fn, intervals in parts:
        for n in range(intervals):
            coeffs = fit(fn, n, degree=degree, width=width)
            rows.append(coeffs)
            print('%s(%s) n=%2d  worst %.3f x 2^-24' % (name, fn.__name__, n, error(fn, n, coeffs, width=width)))
    lines = []
    for k in range(degree + 1):
        lines.append('      ' + ', '.join(repr(row[k]) + 'f' for row in rows) + ',')
    return '\n'.join(lines)


def write(name, doc, fields, root, root_doc, degree=DEGREE):
    """One generated Java class: the doc comment's lines, DEGREE, the fields, and the root r as float + float."""
    root_field = ''
    if root is not None:
        root_hi, root_lo = float_pair(root)
        root_field = f'''
  /** r = {root_doc}, as float + float. */
  static final float ROOT_HI = {root_hi!r}f;
  static final float ROOT_LO = {root_lo!r}f;
'''
    java = f'''package org.actlab.core.kernel.simd;

// GENERATED by tools/lane_tables.py on {datetime.date.today().isoformat()}: do not edit; run the tool instead.

/**
{doc}
 */
final class {name} {{

  static final int DEGREE = {degree};
{fields}{root_field}
  private {name}() {{}}
}}
'''
    path = OUT_DIR + name + '.java'
    with open(path + '.tmp', 'w') as out:
        out.write(java)
    os.replace(path + '.tmp', path)
    print('wrote', path)


def float_pair(v):
    hi = f32(v)
    return hi, f32(v - mpf(hi))


def main():
    assert MISH_NEGATIVE + MISH_POSITIVE == 2 * INTERVALS
    check_mish_tail()
    gelu()
    mish()
    silu()
    tanhshrink()
    softplus_table()


def gelu():
    h_rows = table('H', (h, INTERVALS))
    w_rows = table('W', (w, INTERVALS))
    doc = f''' * Degree-{DEGREE} polynomials in {{@code t = a − n}} on the unit intervals {{@code [n − 1/2, n + 1/2]}}, n = 0..15, of
 * {{@code H(a) = Φ(−a)·e^{{a²/2}}}} and {{@code W(a) = (H(a) − a/√(2π))/(a − r)}}, r the root of gelu' (see
 * {{@link VGaussFloat}}). Coefficient k of interval n is at {{@code [16k + n]}}: one 16-lane table per coefficient.'''
    fields = f'''
  static final float[] H = {{
{h_rows}
  }};

  static final float[] W = {{
{w_rows}
  }};
'''
    write('GeluTables', doc, fields, ROOT, f"{mp.nstr(-ROOT, 21)} (gelu'(−r) = 0)")


def mish():
    value_rows = table('mish', (mish_s, MISH_NEGATIVE), (mish_t, MISH_POSITIVE))
    rows = table('mish', (mish_v, MISH_NEGATIVE), (mish_slope, MISH_POSITIVE))
    doc = f''' * Degree-{DEGREE} polynomials in {{@code t = a − n}} on the unit intervals {{@code [n − 1/2, n + 1/2]}}, a = |x|, for mish
 * and mish' in float lanes (see {{@link VMishFloat}}): entries 0..{MISH_NEGATIVE - 1} hold the x ≤ 0 side on n = 0..{MISH_NEGATIVE - 1},
 * entries {MISH_NEGATIVE}..31 the x &gt; 0 side on n = 0..{MISH_POSITIVE - 1}. Coefficient k of entry j is at {{@code [32k + j]}}: two
 * 16-lane tables per coefficient.'''
    fields = f'''  /** The first entry of the x &gt; 0 side; the x ≤ 0 side's intervals end at a = {MISH_NEGATIVE - 0.5}, the other's at {MISH_POSITIVE - 0.5}. */
  static final int POSITIVE = {MISH_NEGATIVE};
  static final float NEGATIVE_END = {MISH_NEGATIVE - 0.5}f;
  static final float POSITIVE_END = {MISH_POSITIVE - 0.5}f;

  /** S(a) = tanh(softplus(−a))/e^{{−a}}, then T(a) = tanh(softplus(a)): mish(−a) = −a·e^{{−a}}·S(a), mish(a) = a·T(a). */
  static final float[] VALUE = {{
{value_rows}
  }};

  /** V(a), then mish'(a). */
  static final float[] SLOPE = {{
{rows}
  }};
'''
    write('MishTables', doc, fields, MISH_ROOT, f"{mp.nstr(MISH_ROOT, 21)} (mish'(−r) = 0)")


SILU_ROOT = mp.findroot(lambda x: 1 + x + mp.exp(x), mpf('-1.28'))  # silu'(x) = e(1 + x + e)/(1 + e)^2, e = e^x
SILU_WINDOW = 0.43
SILU_DEGREE = 5


def silu_r(d):
    """e^r * expm1(d)/d: 1 + x + e^x = d + d * R(d) at x = r + d, exactly, since 1 + r + e^r = 0."""
    return mp.exp(SILU_ROOT) * (mp.expm1(d) / d if d != 0 else 1)


def silu():
    coeffs = fit(silu_r, 0, -SILU_WINDOW, SILU_WINDOW, SILU_DEGREE)
    print('silu R  worst %.3f x 2^-24' % error(silu_r, 0, coeffs, -SILU_WINDOW, SILU_WINDOW))
    doc = f''' * silu' next to its root r in float lanes (see {{@link VSiluFloat#slope}}): for x = r + δ, {{@code 1 + x + eˣ}}
 * is {{@code δ + δ·R(δ)}} exactly (as {{@code 1 + r + eʳ = 0}}), {{@code R(δ) = eʳ·expm1(δ)/δ}} of degree {SILU_DEGREE} fitted
 * on |δ| &lt; {SILU_WINDOW}, where the float sum {{@code 1 + x + eˣ}} would cancel.'''
    coeff_list = '\n      ' + ', '.join(repr(c) + 'f' for c in coeffs[:3]) + ',\n      ' + ', '.join(
        repr(c) + 'f' for c in coeffs[3:])
    fields = f'''
  /** |δ| below this takes δ + δ·R(δ). */
  static final float WINDOW = {SILU_WINDOW}f;

  /** R's coefficients, constant first. */
  static final float[] R = {{{coeff_list}}};
'''
    write('SiluTables', doc, fields, SILU_ROOT, f"{mp.nstr(SILU_ROOT, 21)} (silu'(r) = 0)", SILU_DEGREE)


TANHSHRINK_DEGREE = 6
TANHSHRINK_ENTRIES = 32
TANHSHRINK_WIDTH = 0.5


def tanhshrink_g(a):
    """(a - tanh a)/a^3: tanhshrink(x) = x^3 G(|x|), smooth and even (1/3 at 0)."""
    if a == 0:
        return mpf(1) / 3
    return (a - mp.tanh(a)) / a ** 3


def tanhshrink_d(a):
    """(tanh a / a)^2: tanhshrink'(x) = tanh^2 x = x^2 D(|x|) (1 at 0)."""
    if a == 0:
        return mpf(1)
    return (mp.tanh(a) / a) ** 2


def tanhshrink():
    """Half-width intervals: tanh's poles at +-i pi/2 keep degree 7 on unit intervals 10 x 2^-24 from D near a = 1."""
    parts = dict(degree=TANHSHRINK_DEGREE, width=TANHSHRINK_WIDTH)
    g_rows = table('G', (tanhshrink_g, TANHSHRINK_ENTRIES), **parts)
    d_rows = table('D', (tanhshrink_d, TANHSHRINK_ENTRIES), **parts)
    end = (TANHSHRINK_ENTRIES - 1) * TANHSHRINK_WIDTH
    doc = f''' * Degree-{TANHSHRINK_DEGREE} polynomials in {{@code t = a − m}} on the intervals {{@code [m − 1/4, m + 1/4]}}, m = j/2, j = 0..{TANHSHRINK_ENTRIES - 1}, of
 * {{@code G(a) = (a − tanh a)/a³}} and {{@code D(a) = (tanh a/a)²}} for tanhshrink and its derivative in float lanes (see
 * {{@link VTanhshrinkFloat}}). Coefficient k of entry j is at {{@code [32k + j]}}: two 16-lane tables per coefficient.'''
    fields = f'''  /** The last interval's centre: beyond it the float lanes use x − sign(x) and 1. */
  static final float END = {end}f;

  static final float[] G = {{
{g_rows}
  }};

  static final float[] D = {{
{d_rows}
  }};
'''
    write('TanhshrinkTables', doc, fields, None, None, TANHSHRINK_DEGREE)


SOFTPLUS_DEGREE = 4
SOFTPLUS_SCALE = 15  # v = 15e: e in [0, 1] fills n = 0..15


def softplus_l(v):
    """log1p(e)/e at e = v/15 (1 at 0)."""
    e = v / SOFTPLUS_SCALE
    return mpf(1) if e == 0 else mp.log1p(e) / e


def softplus_table():
    rows = table('L', (softplus_l, INTERVALS), degree=SOFTPLUS_DEGREE)
    doc = f''' * Degree-{SOFTPLUS_DEGREE} polynomials of {{@code L(e) = log1p(e)/e}} in {{@code t = 15e − n}} on the intervals
 * {{@code |t| ≤ 1/2}}, n = 0..15, for softplus in float lanes (see {{@link VSoftplusFloat}}): with e = e^{{−|x|}},
 * softplus(x) = max(x, 0) + e·L(e). Coefficient k of interval n is at {{@code [16k + n]}}: one 16-lane table per
 * coefficient.'''
    fields = f'''  /** e is scaled by this to index the intervals. */
  static final float SCALE = {SOFTPLUS_SCALE}f;

  static final float[] L = {{
{rows}
  }};
'''
    write('SoftplusTables', doc, fields, None, None, SOFTPLUS_DEGREE)


if __name__ == '__main__':
    main()
