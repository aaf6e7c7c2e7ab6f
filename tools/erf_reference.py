#!/usr/bin/python3
"""Reference values of erf, erfc and erfcx for ErfTest, from mpmath at 50 significant digits.

Not part of the build. Run from the repository root:
    /usr/bin/python3 tools/erf_reference.py > core/src/test/resources/org/actlab/core/math/erf_reference.csv
Each value is written as the double nearest to it (hi) plus the double nearest to the remainder (lo), so the test
can measure errors in fractions of an ULP. The points are seeded, so the file is reproducible.
"""
import datetime
import random

import mpmath

mpmath.mp.dps = 50


def j(v):
    """A double as Java's Double.parseDouble reads it (shortest round-trip decimal)."""
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "Infinity" if v > 0 else "-Infinity"
    return repr(v)


def split(exact):
    hi = float(exact)
    if hi in (float("inf"), float("-inf")):
        return hi, 0.0
    return hi, float(exact - mpmath.mpf(hi))


def points():
    rnd = random.Random(20261122)
    xs = [rnd.uniform(-30.0, 30.0) for _ in range(300)]
    xs += [rnd.uniform(-3.0, 3.0) for _ in range(100)]                  # all of fdlibm's intervals
    xs += [s * 10.0 ** rnd.uniform(-320.0, -5.0) for s in (1, -1) for _ in range(30)]  # tiny, some subnormal
    xs += [rnd.uniform(26.0, 27.5) for _ in range(20)]                  # erfc near and into underflow
    for edge in (0.84375, 1.25, 1 / 0.35, 6.0, 28.0, 2.0 ** -28, 2.0 ** -56):
        xs += [edge, -edge, edge * (1 - 2.0 ** -52), -edge * (1 - 2.0 ** -52)]
    return xs


def main():
    print("# erf, erfc, erfcx reference values for org.actlab.core.math.ErfTest")
    print(f"# tool: mpmath {mpmath.__version__}, mp.dps = {mpmath.mp.dps}; generated {datetime.date.today()}"
          " by tools/erf_reference.py")
    print("# columns: x, erf_hi, erf_lo, erfc_hi, erfc_lo, erfcx_hi, erfcx_lo (true value = hi + lo)")
    for x in points():
        X = mpmath.mpf(x)
        e = split(mpmath.erf(X))
        c = split(mpmath.erfc(X))
        cx = split(mpmath.exp(X * X) * mpmath.erfc(X))
        print(",".join(j(v) for v in (x, *e, *c, *cx)))


if __name__ == "__main__":
    main()
