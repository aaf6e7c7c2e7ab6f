#!/usr/bin/python3
"""The polynomial that replaces the tail of Lambert's continued fraction in tanhshrink's double lanes
(TanhshrinkForm.TAIL). Run from the repository root:

    /usr/bin/python3 tools/tanhshrink_tail_fit.py     # print the coefficients and the fit's error

Needs Debian's python3-mpmath. The build never runs it: the coefficients are committed.

For |x| <= 1 the reference computes x - tanh x = x^3/(3 + s + t(s)), s = x^2, with the tail
t(s) = s/(5 + s/(7 + ... + s/19)) of the continued fraction: eight divisions. Its exact value,
t(s) = x^3/(x - tanh x) - 3 - s, is analytic on [0, 1] (the nearest singularity, from tanh's poles, is at
s = -pi^2/4), so s * P(s) with P a polynomial of degree 8 matches it: P interpolates t(s)/s at the 9 Chebyshev
nodes of [0, 1], with the coefficients rounded to double. t only enters the denominator 3 + s + t >= 3, so its
absolute error (1.3e-17 here, evaluated exactly; Horner's roundings add ulp(t) <= 2.8e-17) is below 0.04 of an
ulp of the denominator.
"""
from mpmath import mp, mpf, tanh, cos, pi, matrix, lu_solve, sqrt

mp.dps = 60
DEGREE = 8


def tail(s):
    """t(s) = x^3/(x - tanh x) - 3 - s, s = x^2 > 0."""
    x = sqrt(s)
    return x ** 3 / (x - tanh(x)) - 3 - s


def ratio(s):
    """t(s)/s, 1/5 at 0."""
    return mpf(1) / 5 if s < mpf('1e-20') else tail(s) / s


def main():
    n = DEGREE + 1
    nodes = [(1 + cos(pi * (k + mpf(1) / 2) / n)) / 2 for k in range(n)]
    a = matrix(n, n)
    b = matrix(n, 1)
    for i, s in enumerate(nodes):
        for j in range(n):
            a[i, j] = s ** j
        b[i] = ratio(s)
    c = lu_solve(a, b)
    coefficients = [float(c[j]) for j in range(n)]
    worst = mpf(0)
    for k in range(1, 4001):
        s = mpf(k) / 4000
        p = mpf(0)
        for v in reversed(coefficients):
            p = p * s + mpf(v)
        worst = max(worst, abs(s * p - tail(s)))
    print('max |s P(s) - t(s)| on [0, 1], exact evaluation: %.3g' % float(worst))
    print('  private static final double[] TAIL = {')
    print('      ' + ', '.join(repr(v) for v in coefficients) + '};')


if __name__ == '__main__':
    main()
