#!/usr/bin/python3
"""Per-interval polynomial tables for exact gelu and gelu' in double precision (math.Gauss: the scalar reference
and the double lanes of kernel.simd.VGaussDouble).

Writes GaussTables.java in core/src/main/java/org/actlab/core/math/. Run from the repository root:

    /usr/bin/python3 tools/gelu_double_tables.py      # regenerate the Java tables, print the fit errors

Needs Debian's python3-mpmath. The build never runs it: the generated Java file is committed.

The float lanes' decomposition (tools/lane_tables.py), at double precision. With a = |x| (clamped to 39, beyond
which gelu(-a) is below half the smallest subnormal), Phi(-a) = e^(-a^2/2) H(a) and gelu'(x) = e^(-a^2/2) B(a)
for x < 0, 1 - e^(-a^2/2) B(a) above, B(a) = H(a) - a/sqrt(2 pi) = (a - r) W(a), r the root of gelu'.

Unit intervals, as in float, would need degree 16 next to a = 1 and 39 entries, and the fit error grows with the
interval's width at every scale (H = erfcx(a/sqrt 2)/2 grows like e^(y^2/2) off the real axis), so the intervals
follow the double's own bits: from a = 1/2 on, the exponent and the leading mantissa bit pick half a binade,
[L, 3L/2) or [3L/2, 2L), centred at c = a cut after one mantissa bit plus half that step: entry (bits >> 51) -
2043, 1..13 up to a = 39. [0, 1/2) is entry 0, centred at 7/16 (the same formula with the shifted bits clamped
below at those of [3/8, 1/2)). c is exact, and so is t = a - c (Sterbenz) but for a < 7/32 in entry 0, where t is
rounded by at most 2^-55, which moves H by at most 0.1 x 2^-53 relative. 16 entries fill a two-vector permute per
coefficient (one vpermi2q); entries 14 and 15 repeat entry 13.

Each fit is mpmath's Chebyshev interpolation at 40 digits (near-minimax), its coefficients rounded to double.
Each constant is kept as double + double (its low
part after the highest coefficient), and the evaluation ends with c0_hi + (r t + c0_lo), so that the result rounds
once, not also in the constant (0.5 ULP less, near gelu's root where the errors add up). The printed errors are
those of that double evaluation (each fma rounded once, computed in mpmath), relative, in units of 2^-53, at 2,001
points per interval. The exponential's quotient Q(r) = (e^r - 1)/r on
|r| <= 0.3466 (the reduced argument of e^(-a^2/2)) is fitted the same way.
"""

import datetime
import os

from mpmath import mp, mpf

import lane_tables
from lane_tables import h, w  # H and W as the float tables define them

mp.dps = 40
# the root of gelu' to 40 digits: lane_tables finds it at 30, which leaves the double root's low part only 14
# correct digits (gelu' at the double nearest the root came out 27 ULP off); w reads the module's ROOT
lane_tables.ROOT = ROOT = mp.findroot(lambda a: h(a) - a / mp.sqrt(2 * mp.pi), lane_tables.ROOT)

DEGREE_H = 17
DEGREE_W = 15
DEGREE_Q = 11
ENTRIES = 16
CLAMP = 39
R_MAX = mpf('0.3466')
OUT = 'core/src/main/java/org/actlab/core/math/GaussTables.java'


def q(r):
    """(e^r - 1)/r, 1 at 0."""
    return mpf(1) if r == 0 else mp.expm1(r) / r


def intervals():
    """(centre, lo, hi) of each entry, lo and hi relative to the centre."""
    centre = mpf(7) / 16
    out = [(centre, -centre, mpf('0.5') - centre)]
    binade = mpf('0.5')
    while binade < CLAMP:
        for half in range(2):
            lo = binade * (1 + mpf(half) / 2)
            centre = lo + binade / 4
            if lo < CLAMP:
                out.append((centre, lo - centre, min(lo + binade / 2, mpf(CLAMP)) - centre))
        binade *= 2
    return out


def d(v):
    """Round to double."""
    return float(v)


def fma(a, b, c):
    return d(mpf(a) * mpf(b) + mpf(c))


def horner(coeffs, t):
    """Horner with fma down to t's coefficient, then c0_hi + (r*t + c0_lo): the constant as double + double, so
    that the last addition is the only rounding of the size of the result."""
    r = coeffs[-2]
    for c in reversed(coeffs[1:-2]):
        r = fma(r, t, c)
    return d(mpf(coeffs[0]) + mpf(fma(r, t, coeffs[-1])))


def fit(fn, centre, lo, hi, degree, with_low=True):
    """Coefficients of fn(centre + t) in t on [lo, hi], constant first, rounded to double, and the worst relative
    error of their double Horner evaluation in units of 2^-53."""
    poly = mp.chebyfit(lambda t: fn(centre + t), [lo, hi], degree + 1)
    coeffs = [d(c) for c in reversed(poly)]
    coeffs.append(d(poly[-1] - mpf(coeffs[0])))  # the constant's low part
    worst = 0
    for i in range(2001):
        t = d(lo + (hi - lo) * i / 2000)
        exact = fn(centre + mpf(t))
        got = horner(coeffs, t) if with_low else horner(coeffs[:-1] + [0.0], t)
        worst = max(worst, abs(got / exact - 1) * 2 ** 53)
    return coeffs, worst


def table(name, fn, degree):
    rows = []
    for j, (centre, lo, hi) in enumerate(intervals()):
        coeffs, worst = fit(fn, centre, lo, hi, degree)
        print('%s entry %2d centre %-7s worst %.3f x 2^-53' % (name, j, mp.nstr(centre, 6), worst))
        rows.append(coeffs)
    rows += [rows[-1]] * (ENTRIES - len(rows))
    lines = []
    # evaluation order: c_degree .. c_1, then the constant's low part, then its high part
    for k in list(range(degree, 0, -1)) + [degree + 1, 0]:
        values = [repr(row[k]) for row in rows]
        for start in range(0, ENTRIES, 4):
            lines.append('      ' + ', '.join(values[start:start + 4]) + ',')
    return '\n'.join(lines)


def main():
    h_rows = table('H', h, DEGREE_H)
    w_rows = table('W', w, DEGREE_W)
    q_coeffs, q_worst = fit(q, mpf(0), -R_MAX, R_MAX, DEGREE_Q, with_low=False)
    q_coeffs = q_coeffs[:-1]  # Q enters as 1 + r*Q: its constant needs no low part
    print('Q worst %.3f x 2^-53' % q_worst)
    root_hi = d(ROOT)
    root_lo = d(ROOT - mpf(root_hi))
    q_list = ',\n      '.join(', '.join(repr(c) for c in q_coeffs[i:i + 4]) for i in range(0, len(q_coeffs), 4))
    java = f'''package org.actlab.core.math;

// GENERATED by tools/gelu_double_tables.py on {datetime.date.today().isoformat()}: do not edit; run the tool instead.

/**
 * Polynomials in {{@code t = a − c}} on the half binades of a = |x| (entry {{@code (bits(a) >> 51) − 2043}}, centred
 * at {{@code c}} = a cut after one mantissa bit plus half that step; [0, 1/2) is entry 0, centred at 7/16), of
 * {{@code H(a) = Φ(−a)·e^{{a²/2}}}} (degree {DEGREE_H}) and {{@code W(a) = (H(a) − a/√(2π))/(a − r)}}
 * (degree {DEGREE_W}), r the root of gelu' (see {{@link Gauss}}), and the exponential's quotient
 * {{@code Q(r) = (eʳ − 1)/r}} on |r| ≤ {R_MAX} (degree {DEGREE_Q}). The rows are in the order of evaluation, two
 * 8-lane vectors of {ENTRIES} entries each: the highest coefficient first, down to t's, then the constant as
 * double + double, low part first; entry j of row i is at {{@code [{ENTRIES}i + j]}}.
 */
final class GaussTables {{

  static final int ENTRIES = {ENTRIES};
  static final int DEGREE_H = {DEGREE_H};
  static final int DEGREE_W = {DEGREE_W};
  /** |x| is clamped here: beyond, gelu(x) is x or −0.0 and gelu'(x) 1 or −0.0 in double. */
  static final double CLAMP = {CLAMP};

  static final double[] H = {{
{h_rows}
  }};

  static final double[] W = {{
{w_rows}
  }};

  /** Q's coefficients, constant first. */
  static final double[] EXP_Q = {{
      {q_list}}};

  /** r = {mp.nstr(ROOT, 25)} (gelu'(−r) = 0), as double + double. */
  static final double ROOT_HI = {root_hi!r};
  static final double ROOT_LO = {root_lo!r};

  private GaussTables() {{}}
}}
'''
    with open(OUT + '.tmp', 'w') as out:
        out.write(java)
    os.replace(OUT + '.tmp', OUT)
    print('wrote', OUT)


if __name__ == '__main__':
    main()
