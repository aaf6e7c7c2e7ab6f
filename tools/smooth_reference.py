#!/usr/bin/python3
"""Reference values of the self-gated activations and their derivatives for SmoothFunctionsTest, from mpmath.

Not part of the build. Run from the repository root:
    /usr/bin/python3 tools/smooth_reference.py \
        > core/src/test/resources/org/actlab/core/activation/fn/smooth_reference.csv
Definitions are the catalog's (decimal constants 0.044715 and 1.702 taken exactly). Each value is written as the
correctly rounded double (hi) plus the double nearest to the remainder (lo). Rows of kind 'root' lie next to the
irrational root of f'.
f' is the sum of two terms; cond says how much they cancel, and the test holds f' to 4 ULP only where cond <= 4
(elsewhere to 4 ULP of the larger term, and reports the ULP error).
"""
import datetime
import math
import random

import mpmath as m

m.mp.dps = 80

SQRT2 = m.sqrt(2)
K = 2 * m.sqrt(2 / m.pi)
C = m.mpf("0.044715")
Q = m.mpf("1.702")


def sig(v):
    return 1 / (1 + m.exp(-v))


def silu(x):
    return x * sig(x), sig(x), x * sig(x) * sig(-x)


def gelu(x):
    cdf = m.erfc(-x / SQRT2) / 2
    return x * cdf, cdf, x * m.exp(-x * x / 2) / m.sqrt(2 * m.pi)


def mish(x):
    sp = m.log1p(m.exp(x))
    return x * m.tanh(sp), m.tanh(sp), x * m.sech(sp) ** 2 * sig(x)


def gelu_tanh(x):
    v = K * (x + C * x ** 3)
    return x * sig(v), sig(v), x * sig(v) * sig(-v) * K * (1 + 3 * C * x * x)


def quick_gelu(x):
    v = Q * x
    return x * sig(v), sig(v), v * sig(v) * sig(-v)


def tanhexp(x):
    e = m.exp(x)
    return x * m.tanh(e), m.tanh(e), x * e * m.sech(e) ** 2


def serf(x):
    sp = m.log1p(m.exp(x))
    return x * m.erf(sp), m.erf(sp), x * 2 / m.sqrt(m.pi) * m.exp(-sp * sp) * sig(x)


FUNCTIONS = {"silu": silu, "gelu": gelu, "mish": mish, "gelu_tanh": gelu_tanh, "quick_gelu": quick_gelu,
             "tanhexp": tanhexp, "serf": serf}
ROOT_GUESS = {"silu": -1.28, "gelu": -0.75, "mish": -1.19}

TAILS = [-745.0, -740.0, -720.0, -710.0, -700.0, -650.0, -420.0, -400.0, -100.0, -50.0, -41.0, -39.0, -38.5,
         -38.0, -37.5, -30.0, -25.0, -22.0, -21.0, -20.0, -15.0, -10.0, -8.0, -7.0, -6.0, -5.5, -5.0,
         0.5, 1.0, 2.0, 3.0, 5.0, 7.0, 10.0, 30.0, 100.0]


def rounded(exact):
    """The double nearest to exact (ties are irrelevant here), robust for subnormals."""
    hi = float(exact)
    for nb in (math.nextafter(hi, math.inf), math.nextafter(hi, -math.inf)):
        if abs(exact - m.mpf(nb)) < abs(exact - m.mpf(hi)):
            hi = nb
    return hi


def split(exact):
    hi = rounded(exact)
    return hi, float(exact - m.mpf(hi))


def j(v):
    return repr(v)


def grid_points(rnd):
    xs = list(TAILS)
    xs += [rnd.uniform(-40.0, 10.0) for _ in range(100)]
    xs += [-(10.0 ** rnd.uniform(0.0, 2.87)) for _ in range(40)]
    xs += [s * 10.0 ** rnd.uniform(-300.0, -1.0) for s in (1, -1) for _ in range(10)]
    xs += [rnd.uniform(-5.0, 0.0) for _ in range(200)]  # where the two terms of f' cancel
    return xs


def root_points(fn, guess):
    r = m.findroot(lambda x: fn(x)[1] + fn(x)[2], guess)
    c = float(r)
    xs = [c]
    up = down = c
    for _ in range(8):
        up = math.nextafter(up, math.inf)
        down = math.nextafter(down, -math.inf)
        xs += [up, down]
    for k in (3, 6, 9, 12):
        xs += [c * (1 + 10.0 ** -k), c * (1 - 10.0 ** -k)]
    return xs


def main():
    rnd = random.Random(20261122)
    print("# f and f' reference values for org.actlab.core.activation.fn.SmoothFunctionsTest")
    print(f"# tool: mpmath {m.__version__}, mp.dps = {m.mp.dps}; generated {datetime.date.today()}"
          " by tools/smooth_reference.py")
    print("# columns: id, kind (grid|root), x, f_hi, f_lo, df_hi, df_lo (true value = hi + lo), cond\n"
          "# cond = (|a| + |b|)/|a + b| for f' = a + b (its two terms as in each class's javadoc): the cancellation")
    grid = grid_points(rnd)
    for name, fn in FUNCTIONS.items():
        rows = [("grid", x) for x in grid]
        if name in ROOT_GUESS:
            rows += [("root", x) for x in root_points(fn, ROOT_GUESS[name])]
        for kind, x in rows:
            f, a, b = fn(m.mpf(x))  # f' = a + b
            d = a + b
            cond = (abs(a) + abs(b)) / abs(d) if d != 0 else m.inf
            print(",".join([name, kind, j(x), *map(j, split(f)), *map(j, split(d)), "%.3g" % float(cond)]))


if __name__ == "__main__":
    main()
