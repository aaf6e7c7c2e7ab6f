#!/usr/bin/python3
"""Worst error of every elementwise function's float64 paths against mpmath on dense random doubles.

The golden tests (UlpAccuracyTest) check fixed points: a grid, sweeps, kinks and roots. Errors over the 4-ULP
bound of NUMERICS.md can sit between them (gelu's erfc-based reference reached 4.43 ULP at x = -23.78, silu's
double backward 4.51 at -6.57, with every golden point within bounds). This audit draws random doubles instead:
uniform on [-40, 40] and on [-4, 4], and magnitudes log-uniform on [1e-20, 1e3] with either sign, evaluates the
definitions of tools/golden.py with mpmath (never ActLab's code), and runs `actlab eval NAME --dtype f64 --grad`
through the scalar reference and through the SIMD kernel, at the default parameters and at the other set
tools/golden.py checks (the golden 'alt' set). Run from the repository root:

    /usr/bin/python3 tools/dense_audit.py [NAMES...] [--points N] [--seed S] [--json]

Prints one row per function: the worst error of f and f' for each path, in ULPs of the exact value rounded to
double, and where it happened; rows over 4 ULP are marked. With --json, one object {"points", "seed", "rows":
[{function, scalar_f, scalar_df, simd_f, simd_df, and each one's _at}]}. Exits 1 if a function is over the bound.
Needs Debian's python3-mpmath and python3-numpy; about four minutes on 2 cores for every function at the default
1,500 points.
"""

import argparse
import json
import math
import os
import random
import subprocess
import sys
from multiprocessing import Pool

from mpmath import mp, mpf, nstr

import golden

HERE = os.path.dirname(os.path.abspath(__file__))
BOUND = 4.0


def inputs(n, seed):
    r = random.Random(seed)
    third = n // 3
    x = [r.uniform(-40, 40) for _ in range(third)] + [r.uniform(-4, 4) for _ in range(third)]
    x += [r.choice((-1, 1)) * 10 ** r.uniform(-20, 3) for _ in range(n - 2 * third)]
    return x


def exact(job):
    """mpmath's f and f' at each x (None for f' exactly at a kink, where the value is a convention)."""
    name, params, xs = job
    spec = golden.E[name]
    p = golden.mpp(params)
    kinks = {float(k) for k, _ in spec['kinks'](p)}
    out = []
    for x in xs:
        xm = mpf(x)
        f = golden.hp(lambda: spec['f'](xm, p), xm)
        d = None if x in kinks else golden.hp(lambda: spec['d'](xm, p), xm)
        out.append((nstr(f, 50), None if d is None else nstr(d, 50)))  # as text across processes
    return out


def actlab(name, params, xs, kernel):
    """f and f' from `actlab eval`, or None when that kernel is not available for the function."""
    text = ' '.join(float(v).hex() for v in xs) + '\n'
    args = [a for k, v in params.items() for a in ('-p', '%s=%s' % (k, repr(float(v))))]
    run = subprocess.run([os.path.join(HERE, '..', 'actlab'), 'eval', name, '--dtype', 'f64', '--kernel', kernel,
                          '--grad'] + args, input=text, capture_output=True, text=True)
    if run.returncode != 0:
        if kernel == 'simd':
            return None
        sys.exit('dense_audit.py: actlab eval %s failed: %s' % (name, run.stderr.strip()))
    values, grads = run.stdout.strip().split('\t')
    return [float(v) for v in values.split()], [float(v) for v in grads.split()]


def worst(got, ref, xs):
    """The largest |got - exact| in ULPs of the exact value rounded to double, and its x (exact values beyond the
    double range must come out as that infinity); a NaN result counts as infinitely far."""
    w, at = 0.0, None
    for g, r, x in zip(got, ref, xs):
        if r is None:
            continue
        with mp.workdps(50):
            exact = mpf(r)
        rounded = float(exact)
        if math.isinf(rounded):
            e = 0.0 if g == rounded else math.inf
        elif math.isnan(g):
            e = math.inf
        else:
            with mp.workdps(50):
                e = float(abs(mpf(g) - exact) / math.ulp(rounded))
        if e > w:
            w, at = e, x
    return w, at


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('names', nargs='*')
    ap.add_argument('--points', type=int, default=1500)
    ap.add_argument('--seed', type=int, default=20261123)
    ap.add_argument('--json', action='store_true')
    a = ap.parse_args()
    names = a.names or sorted(golden.E)
    unknown = [n for n in names if n not in golden.E]
    if unknown:
        sys.exit('dense_audit.py: not in tools/golden.py: %s' % unknown)
    if a.points < 3:
        sys.exit('dense_audit.py: --points must be at least 3')
    xs = inputs(a.points, a.seed)
    chunk = max(1, len(xs) // (2 * (os.cpu_count() or 1)))
    # every function at its default parameters, and at tools/golden.py's other set where it has one
    cases = [(n, label, params) for n in names for label, params in golden.psets(golden.E[n])]
    jobs = [(n, params, xs[i:i + chunk]) for n, _, params in cases for i in range(0, len(xs), chunk)]
    with Pool(os.cpu_count()) as pool:
        parts = pool.map(exact, jobs)
    rows, over = [], []
    for n, label, params in cases:
        ref = [v for (name, ps, _), part in zip(jobs, parts) if name == n and ps is params for v in part]
        row = {'function': n if label == 'def' else '%s (%s)' % (n, golden.ptext(params))}
        for kernel in ('scalar', 'simd'):
            got = actlab(n, params, xs, kernel)
            for k, col in ((0, 'f'), (1, 'df')):
                e, at = worst(got[k], [r[k] for r in ref], xs) if got else (None, None)
                row['%s_%s' % (kernel, col)], row['%s_%s_at' % (kernel, col)] = e, at
                if e is not None and e > BOUND:
                    over.append(n)
        rows.append(row)
        print('dense_audit: %s done' % row['function'], file=sys.stderr)
    if a.json:
        print(json.dumps({'points': a.points, 'seed': a.seed, 'rows': rows}, indent=1))
    else:
        def cell(row, key):
            e = row[key]
            if e is None:
                return '-'
            return '%.3g @ %.17g%s' % (e, row[key + '_at'], ' **' if e > BOUND else '') if e else '0'
        print('| function | scalar f | scalar f\' | simd f | simd f\' |')
        print('| --- | --- | --- | --- | --- |')
        for row in rows:
            print('| %s | %s |' % (row['function'], ' | '.join(cell(row, k) for k in
                                                              ('scalar_f', 'scalar_df', 'simd_f', 'simd_df'))))
    sys.exit(1 if over else 0)


if __name__ == '__main__':
    main()
