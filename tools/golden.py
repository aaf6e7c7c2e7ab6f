#!/usr/bin/python3
"""Golden reference values for ActLab's tests, from tools independent of the Java code.

Writes core/src/test/resources/golden/mpmath.txt.gz and torch.txt.gz. Run from the repository root:

    /usr/bin/python3 tools/golden.py

Needs Debian's python3-mpmath, python3-numpy and python3-torch (1.13). Deterministic (fixed seeds); takes a few
minutes. The build never runs this script: the .gz files are committed test resources.

The functions are written here from the exact definitions in the lead's briefing (/work/briefing.md) and
NUMERICS.md, never from the Java sources. Every derivative is written out explicitly and cross-checked against
mpmath.diff at smooth points (assert) before anything is written.
"""

import datetime
import gzip
import io
import math
import os
import random
import sys

import mpmath
import numpy as np
from mpmath import mp, mpf

SEED = 20261122
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'core', 'src', 'test', 'resources', 'golden')
TORCH_FLAG = 1e-13   # torch_inexact: torch vs mpmath relative difference (a tenth of the Java 1e-12 tolerance)
SIG = 30          # significant digits printed for reference values
BASE_DPS = 50     # starting working precision; raised adaptively (see hp)

# Built-in constants of the definitions, taken EXACTLY as the decimals/irrationals written in the definitions
# (NUMERICS.md §2: "the formula evaluated exactly"), not as their double roundings.
SELU_SCALE = '1.0507009873554804934193349852946'
SELU_ALPHA = '1.6732632423543772848170429916717'
GELU_TANH_KAPPA = '0.044715'
QUICK_GELU_K = '1.702'
SCALED_TANH_A = '1.7159'


def C(s):
    return mpf(s)


# ---------------------------------------------------------------------------------------------------------------
# Definitions. p is a dict name -> mpf (exact values of the double parameters). Each entry:
#   params: [(name, default double)], alt: {name: double} (one non-default set, or None),
#   f(x,p), d(x,p) (explicit derivative), dp: {name: fn} for trainable parameters,
#   kinks(p): list of (x, NUMERICS.md §1 derivative value) -- exact kink points are excluded from mpmath.txt,
#   joints(p): C1 joints (no kink, but probe around them), roots: True if f' has irrational roots to probe.
# ---------------------------------------------------------------------------------------------------------------

def sig(t):
    return 1 / (1 + mp.exp(-t))


def dsig(t):  # sigma(t) sigma(-t), no cancellation
    return sig(t) * sig(-t)


def sp(t):  # softplus, log(1+e^t) without cancellation for t << 0
    return mp.log1p(mp.exp(t))


def sech2(t):
    return mp.sech(t) ** 2


def Phi(t):
    return mp.erfc(-t / mp.sqrt(2)) / 2


def phi(t):
    return mp.exp(-t * t / 2) / mp.sqrt(2 * mp.pi)


def step(c):
    return mpf(1) if c else mpf(0)


E = {}


def fn(id, f, d, params=(), alt=None, dp=None, kinks=None, joints=None, roots=False):
    E[id] = dict(params=list(params), alt=alt, f=f, d=d, dp=dp or {}, kinks=kinks or (lambda p: []),
                 joints=joints or (lambda p: []), roots=roots)


# ReLU family
fn('identity', lambda x, p: x, lambda x, p: mpf(1))
fn('relu', lambda x, p: x if x > 0 else mpf(0), lambda x, p: step(x > 0), kinks=lambda p: [(0, 0)])
fn('relu6', lambda x, p: min(max(mpf(0), x), mpf(6)), lambda x, p: step(0 < x < 6),
   kinks=lambda p: [(0, 0), (6, 0)])
fn('leaky_relu', lambda x, p: x if x > 0 else p['negative_slope'] * x,
   lambda x, p: mpf(1) if x > 0 else p['negative_slope'],
   params=[('negative_slope', 0.01)], alt={'negative_slope': 0.2}, kinks=lambda p: [(0, p['negative_slope'])])
fn('prelu', lambda x, p: x if x > 0 else p['weight'] * x, lambda x, p: mpf(1) if x > 0 else p['weight'],
   params=[('weight', 0.25)], alt={'weight': -0.5}, dp={'weight': lambda x, p: mpf(0) if x > 0 else x},
   kinks=lambda p: [(0, p['weight'])])


def rr_slope(p):
    return (p['lower'] + p['upper']) / 2


fn('rrelu', lambda x, p: x if x > 0 else rr_slope(p) * x, lambda x, p: mpf(1) if x > 0 else rr_slope(p),
   params=[('lower', 1.0 / 8), ('upper', 1.0 / 3)], alt={'lower': 0.1, 'upper': 0.3},
   kinks=lambda p: [(0, rr_slope(p))])
fn('threshold', lambda x, p: x if x > p['threshold'] else p['value'], lambda x, p: step(x > p['threshold']),
   params=[('threshold', 0.0), ('value', 0.0)], alt={'threshold': 1.5, 'value': -2.0},
   kinks=lambda p: [(p['threshold'], 0)])
fn('heaviside', lambda x, p: mpf(1) if x > 0 else (mpf(0) if x < 0 else p['values']), lambda x, p: mpf(0),
   params=[('values', 1.0)], alt={'values': 0.5}, kinks=lambda p: [(0, 0)])
fn('hardtanh', lambda x, p: min(max(p['min_val'], x), p['max_val']),
   lambda x, p: step(p['min_val'] < x < p['max_val']),
   params=[('min_val', -1.0), ('max_val', 1.0)], alt={'min_val': -2.0, 'max_val': 0.5},
   kinks=lambda p: [(p['min_val'], 0), (p['max_val'], 0)])
fn('hardshrink', lambda x, p: x if abs(x) > p['lambd'] else mpf(0), lambda x, p: step(abs(x) > p['lambd']),
   params=[('lambd', 0.5)], alt={'lambd': 1.25}, kinks=lambda p: [(-p['lambd'], 0), (p['lambd'], 0)])
fn('softshrink',
   lambda x, p: x - p['lambd'] if x > p['lambd'] else (x + p['lambd'] if x < -p['lambd'] else mpf(0)),
   lambda x, p: step(abs(x) > p['lambd']),
   params=[('lambd', 0.5)], alt={'lambd': 1.25}, kinks=lambda p: [(-p['lambd'], 0), (p['lambd'], 0)])
fn('squared_relu', lambda x, p: max(mpf(0), x) ** 2, lambda x, p: 2 * max(mpf(0), x), joints=lambda p: [0])
fn('thresholded_relu', lambda x, p: x if x > p['theta'] else mpf(0), lambda x, p: step(x > p['theta']),
   params=[('theta', 1.0)], alt={'theta': 0.5}, kinks=lambda p: [(p['theta'], 0)])

# Exponential
fn('elu', lambda x, p: x if x > 0 else p['alpha'] * mp.expm1(x),
   lambda x, p: mpf(1) if x > 0 else p['alpha'] * mp.exp(x),
   params=[('alpha', 1.0)], alt={'alpha': 0.5}, kinks=lambda p: [(0, p['alpha'])])
fn('celu', lambda x, p: x if x > 0 else p['alpha'] * mp.expm1(x / p['alpha']),
   lambda x, p: mpf(1) if x > 0 else mp.exp(x / p['alpha']),
   params=[('alpha', 1.0)], alt={'alpha': 2.0}, kinks=lambda p: [(0, 1)])
fn('selu', lambda x, p: C(SELU_SCALE) * (x if x > 0 else C(SELU_ALPHA) * mp.expm1(x)),
   lambda x, p: C(SELU_SCALE) * (mpf(1) if x > 0 else C(SELU_ALPHA) * mp.exp(x)),
   kinks=lambda p: [(0, C(SELU_SCALE) * C(SELU_ALPHA))])
fn('softplus',
   lambda x, p: x if p['beta'] * x > p['threshold'] else sp(p['beta'] * x) / p['beta'],
   lambda x, p: mpf(1) if p['beta'] * x > p['threshold'] else sig(p['beta'] * x),
   params=[('beta', 1.0), ('threshold', 20.0)], alt={'beta': 2.0, 'threshold': 15.0},
   kinks=lambda p: [(p['threshold'] / p['beta'], sig(p['threshold']))])


def sqp(x, p):
    r = mp.sqrt(x * x + p['b'])
    return (x + r) / 2 if x >= 0 else p['b'] / (2 * (r - x))


def dsqp(x, p):
    r = mp.sqrt(x * x + p['b'])
    return (1 + x / r) / 2 if x >= 0 else p['b'] / (2 * r * (r - x))


fn('squareplus', sqp, dsqp, params=[('b', 4.0)], alt={'b': 1.0})

# Sigmoid-like
fn('sigmoid', lambda x, p: sig(x), lambda x, p: dsig(x))
fn('tanh', lambda x, p: mp.tanh(x), lambda x, p: sech2(x))
fn('hardsigmoid', lambda x, p: mpf(0) if x <= -3 else (mpf(1) if x >= 3 else (x + 3) / 6),
   lambda x, p: mpf(1) / 6 if -3 < x < 3 else mpf(0), kinks=lambda p: [(-3, 0), (3, 0)])
fn('softsign', lambda x, p: x / (1 + abs(x)), lambda x, p: 1 / (1 + abs(x)) ** 2)
fn('logsigmoid', lambda x, p: -sp(-x), lambda x, p: sig(-x))
fn('tanhshrink', lambda x, p: x - mp.tanh(x), lambda x, p: mp.tanh(x) ** 2)
fn('scaled_tanh', lambda x, p: C(SCALED_TANH_A) * mp.tanh(2 * x / 3),
   lambda x, p: C(SCALED_TANH_A) * 2 / 3 * sech2(2 * x / 3))
fn('rectified_tanh', lambda x, p: mp.tanh(x) if x > 0 else mpf(0),
   lambda x, p: sech2(x) if x > 0 else mpf(0), kinks=lambda p: [(0, 0)])
fn('isru', lambda x, p: x / mp.sqrt(1 + p['alpha'] * x * x), lambda x, p: (1 + p['alpha'] * x * x) ** mpf(-1.5),
   params=[('alpha', 1.0)], alt={'alpha': 0.25})
fn('bent_identity', lambda x, p: x * x / (2 * (mp.sqrt(x * x + 1) + 1)) + x,
   lambda x, p: x / (2 * mp.sqrt(x * x + 1)) + 1)

# Self-gated and smooth
fn('silu', lambda x, p: x * sig(x), lambda x, p: sig(x) + x * dsig(x), roots=True)
fn('swish', lambda x, p: x * sig(p['beta'] * x),
   lambda x, p: sig(p['beta'] * x) + p['beta'] * x * dsig(p['beta'] * x),
   params=[('beta', 1.0)], alt={'beta': 1.5}, dp={'beta': lambda x, p: x * x * dsig(p['beta'] * x)}, roots=True)
fn('adaptive_swish', lambda x, p: p['alpha'] * x * sig(p['beta'] * x),
   lambda x, p: p['alpha'] * (sig(p['beta'] * x) + p['beta'] * x * dsig(p['beta'] * x)),
   params=[('alpha', 1.0), ('beta', 1.0)], alt={'alpha': 0.2, 'beta': 2.0},
   dp={'alpha': lambda x, p: x * sig(p['beta'] * x),
       'beta': lambda x, p: p['alpha'] * x * x * dsig(p['beta'] * x)}, roots=True)
fn('mish', lambda x, p: x * mp.tanh(sp(x)), lambda x, p: mp.tanh(sp(x)) + x * sech2(sp(x)) * sig(x), roots=True)
fn('gelu', lambda x, p: x * Phi(x), lambda x, p: Phi(x) + x * phi(x), roots=True)


def gt_u2(x):  # 2u = 2 sqrt(2/pi) (x + kappa x^3)
    return 2 * mp.sqrt(2 / mp.pi) * (x + C(GELU_TANH_KAPPA) * x ** 3)


def gt_du2(x):
    return 2 * mp.sqrt(2 / mp.pi) * (1 + 3 * C(GELU_TANH_KAPPA) * x ** 2)


fn('gelu_tanh', lambda x, p: x * sig(gt_u2(x)), lambda x, p: sig(gt_u2(x)) + x * dsig(gt_u2(x)) * gt_du2(x),
   roots=True)
fn('quick_gelu', lambda x, p: x * sig(C(QUICK_GELU_K) * x),
   lambda x, p: sig(C(QUICK_GELU_K) * x) + C(QUICK_GELU_K) * x * dsig(C(QUICK_GELU_K) * x), roots=True)
fn('hardswish', lambda x, p: mpf(0) if x <= -3 else (x if x >= 3 else x * (x + 3) / 6),
   lambda x, p: mpf(0) if x < -3 else (mpf(1) if x > 3 else (2 * x + 3) / 6), kinks=lambda p: [(-3, 0), (3, 1)])
fn('tanhexp', lambda x, p: x * mp.tanh(mp.exp(x)),
   lambda x, p: mp.tanh(mp.exp(x)) + x * mp.exp(x) * sech2(mp.exp(x)), roots=True)
fn('serf', lambda x, p: x * mp.erf(sp(x)),
   lambda x, p: mp.erf(sp(x)) + x * 2 / mp.sqrt(mp.pi) * mp.exp(-sp(x) ** 2) * sig(x), roots=True)
fn('sparse_plus', lambda x, p: mpf(0) if x <= -1 else (x if x >= 1 else (x + 1) ** 2 / 4),
   lambda x, p: mpf(0) if x <= -1 else (mpf(1) if x >= 1 else (x + 1) / 2), joints=lambda p: [-1, 1])
fn('sparse_sigmoid', lambda x, p: mpf(0) if x <= -1 else (mpf(1) if x >= 1 else (x + 1) / 2),
   lambda x, p: mpf(1) / 2 if -1 < x < 1 else mpf(0), kinks=lambda p: [(-1, 0), (1, 0)])
fn('exponential', lambda x, p: mp.exp(x), lambda x, p: mp.exp(x))

# Periodic
fn('sine', lambda x, p: mp.sin(p['w0'] * x), lambda x, p: p['w0'] * mp.cos(p['w0'] * x),
   params=[('w0', 30.0)], alt={'w0': 2.5})
fn('snake', lambda x, p: x + mp.sin(p['alpha'] * x) ** 2 / p['alpha'], lambda x, p: 1 + mp.sin(2 * p['alpha'] * x),
   params=[('alpha', 1.0)], alt={'alpha': 0.5},
   dp={'alpha': lambda x, p: x * mp.sin(2 * p['alpha'] * x) / p['alpha']
       - mp.sin(p['alpha'] * x) ** 2 / p['alpha'] ** 2})

# Custom
fn('quadratic_softplus', lambda x, p: p['alpha'] * x * x if x > 0 else p['beta'] * sp(x),
   lambda x, p: 2 * p['alpha'] * x if x > 0 else p['beta'] * sig(x),
   params=[('alpha', 0.5), ('beta', 1.0)], alt={'alpha': 2.0, 'beta': 0.5},
   kinks=lambda p: [(0, p['beta'] / 2)])

# DL4J's rational tanh: 1.7159 * sgn(y) * (1 - 1/(1+|y|+y^2+1.41645 y^4)), y = 2x/3 (the definition is the
# approximation; derivative written out by the quotient rule).
def rt_d(y):
    return 1 + abs(y) + y ** 2 + mpf('1.41645') * y ** 4


fn('rational_tanh', lambda x, p: mpf('1.7159') * mp.sign(x) * (1 - 1 / rt_d(2 * x / 3)),
   lambda x, p: mpf('1.7159') * mpf(2) / 3 * (1 + 2 * abs(2 * x / 3) + 4 * mpf('1.41645') * abs(2 * x / 3) ** 3)
   / rt_d(2 * x / 3) ** 2,
   joints=lambda p: [0])

# DL4J's cube activation.
fn('cube', lambda x, p: x ** 3, lambda x, p: 3 * x ** 2)

# Snake's f' = 1 + sin(2 alpha x) touches 0 at alpha x = -pi/4 + k pi (double roots, no sign change).
SNAKE_ROOT_K = (-2, -1, 0, 1, 2)


# ---------------------------------------------------------------------------------------------------------------
# Row functions: forward and explicit vector-Jacobian products.
# ---------------------------------------------------------------------------------------------------------------

def softmax(x):
    m = max(x)
    e = [mp.exp(v - m) for v in x]
    s = mp.fsum(e)
    return [v / s for v in e]


def softmax_vjp(y, g):
    dot = mp.fsum(a * b for a, b in zip(g, y))
    return [yi * (gi - dot) for yi, gi in zip(y, g)]


def sparsemax(x):
    z = sorted(x, reverse=True)
    k, cs, csk = 0, mpf(0), mpf(0)
    for j, zj in enumerate(z, 1):
        cs += zj
        if 1 + j * zj > cs:
            k, csk = j, cs
    tau = (csk - 1) / k
    return [max(mpf(0), v - tau) for v in x]


def sparsemax_vjp(x, g):
    s = sparsemax(x)
    sup = [i for i, v in enumerate(s) if v > 0]
    mean = mp.fsum(g[i] for i in sup) / len(sup)
    return [(g[i] - mean) if s[i] > 0 else mpf(0) for i in range(len(x))]


def glu_fwd(act):
    def f(x, p):
        h = len(x) // 2
        return [x[i] * act[0](x[h + i], p) for i in range(h)]
    return f


def glu_vjp(act):
    def v(x, g, p):
        h = len(x) // 2
        return ([g[i] * act[0](x[h + i], p) for i in range(h)]
                + [g[i] * x[i] * act[1](x[h + i], p) for i in range(h)])
    return v


def gauss(b, p):
    t = (b - p['mean']) / p['std']
    return mp.exp(-t * t / 2)


def dgauss(b, p):
    t = (b - p['mean']) / p['std']
    return -t / p['std'] * mp.exp(-t * t / 2)


GLU_ACTS = {
    'glu': (lambda b, p: sig(b), lambda b, p: dsig(b)),
    'swiglu': (lambda b, p: b * sig(b), lambda b, p: sig(b) + b * dsig(b)),
    'geglu': (lambda b, p: b * Phi(b), lambda b, p: Phi(b) + b * phi(b)),
    'reglu': (lambda b, p: b if b > 0 else mpf(0), lambda b, p: step(b > 0)),
    'gaussian_glu': (gauss, dgauss),
}

R = {
    'softmax': dict(params=[], alt=None, f=lambda x, p: softmax(x),
                    vjp=lambda x, g, p: softmax_vjp(softmax(x), g), even=False),
    'softmin': dict(params=[], alt=None, f=lambda x, p: softmax([-v for v in x]),
                    vjp=lambda x, g, p: [-v for v in softmax_vjp(softmax([-v for v in x]), g)], even=False),
    'log_softmax': dict(params=[], alt=None,
                        f=lambda x, p: [v - max(x) - mp.log(mp.fsum(mp.exp(w - max(x)) for w in x)) for v in x],
                        vjp=lambda x, g, p: [gi - si * mp.fsum(g) for gi, si in zip(g, softmax(x))], even=False),
    'sparsemax': dict(params=[], alt=None, f=lambda x, p: sparsemax(x), vjp=lambda x, g, p: sparsemax_vjp(x, g),
                      even=False),
}
for _id, _act in GLU_ACTS.items():
    R[_id] = dict(params=[('mean', 0.0), ('std', 1.0)] if _id == 'gaussian_glu' else [],
                  alt={'mean': 0.5, 'std': 2.0} if _id == 'gaussian_glu' else None,
                  f=glu_fwd(_act), vjp=glu_vjp(_act), even=True)


# ---------------------------------------------------------------------------------------------------------------
# Precision control
# ---------------------------------------------------------------------------------------------------------------

def hp(thunk, x=None):
    """Evaluates thunk() at rising precision until two successive results agree to 10^-(BASE_DPS-5) relative.
    The start precision grows with |log10 x| so that cancellations such as x - tanh(x) at x = 1e-30 are
    already resolved; the doubling check catches the rest."""
    d = BASE_DPS
    if x is not None and x != 0:
        d += int(3 * abs(math.log10(abs(float(x)))))
    prev = None
    while True:
        with mp.workdps(d):
            v = thunk()
        if prev is not None:
            with mp.workdps(2 * d):
                tol = mpf(10) ** (-(BASE_DPS - 5))
                pairs = zip(v, prev) if isinstance(v, list) else [(v, prev)]
                if all(a == b or abs(a - b) <= abs(a) * tol for a, b in pairs):
                    return v
        if d > 5000:
            raise RuntimeError('no convergence')
        prev = v
        d *= 2


def pvals(spec, given):
    p = {name: float(dflt) for name, dflt in spec['params']}
    if given:
        p.update(given)
    return p


def mpp(p):
    return {k: mpf(v) for k, v in p.items()}  # exact: doubles convert exactly at any precision


def fmt(v):
    # Magnitudes below 1e-400 round to zero in double and float alike; writing them as 0 keeps the file readable by
    # java.math.BigDecimal, whose exponent range ends far short of values like 1e-30989009891 (gelu_tanh's tail).
    if v == 0 or abs(v) < mpf('1e-400'):
        return '0'
    return mpmath.nstr(v, SIG, min_fixed=1, max_fixed=0)


def fx(x):
    return repr(float(x))


def ptext(p):
    return ','.join('%s=%s' % (k, repr(float(v))) for k, v in p.items()) if p else '-'


def psets(spec):
    out = [('def', pvals(spec, None))]
    if spec['alt']:
        out.append(('alt', pvals(spec, spec['alt'])))
    return out


# ---------------------------------------------------------------------------------------------------------------
# Points (all exactly representable in float32)
# ---------------------------------------------------------------------------------------------------------------

def f32(v):
    return float(np.float32(v))


def f32_step(v, k):
    """v moved k float32 ULPs (k may be negative)."""
    a = np.float32(v)
    for _ in range(abs(k)):
        a = np.nextafter(a, np.float32(np.inf if k > 0 else -np.inf), dtype=np.float32)
    return float(a)


def f32_offsets(v, ks):
    a = np.float32(v)
    bits = int(a.view(np.int32))
    out = []
    for k in ks:
        for s in (1, -1):
            # step in the ordered-integer representation (handles crossing zero)
            o = bits if bits >= 0 else -(bits & 0x7fffffff)
            o += s * k
            b = o if o >= 0 else (-o) | -0x80000000
            out.append(float(np.int32(b).view(np.float32)))
    return out


GRID = sorted(set(f32(k / 10) for k in range(-100, 101)))
SWEEP = []
for _e in np.arange(-30, 4 + 1e-9, 1 / 6):
    SWEEP.extend([f32(10 ** _e), f32(-10 ** _e)])
SWEEP.extend([1e4, -1e4])
SWEEP = sorted(set(SWEEP))
KINK_ULPS = (1, 2, 3, 8, 64, 4096)
ROOT_ULPS = (0, 1, 2, 3, 5, 8, 10, 30, 100, 1000, 10000, 100000)
ROOT_DOUBLE_ULPS = (-3, -2, -1, 0, 1, 2, 3)   # double neighbours of the root (not float32 values: kind root64)


def roots_of(spec, p):
    """Irrational roots of f' in [-10, 10]: sign changes on a fine grid refined by mpmath.findroot."""
    pp = mpp(p)
    with mp.workdps(60):
        xs = [mpf(i) / 200 for i in range(-2000, 2001)]
        ds = [spec['d'](x, pp) for x in xs]
        out = []
        for a, b, da, db in zip(xs, xs[1:], ds, ds[1:]):
            if da == 0 or da * db < 0:
                r = mp.findroot(lambda t: spec['d'](t, pp), (a, b), solver='anderson')
                out.append(r)
    return out


def snake_roots(p):
    with mp.workdps(60):
        return [(-mp.pi / 4 + k * mp.pi) / mpf(p['alpha']) for k in SNAKE_ROOT_K]


def points(id, spec, p):
    pp = mpp(p)
    pts = {x: 'grid' for x in GRID}
    for x in SWEEP:
        pts.setdefault(x, 'sweep')
    kinks = [float(k) for k, _ in spec['kinks'](pp)]
    for k in kinks + [float(j) for j in spec['joints'](pp)]:
        for x in f32_offsets(k, KINK_ULPS):
            pts.setdefault(x, 'kink')
    roots = []
    if spec['roots']:
        roots = roots_of(spec, p)
    if id == 'snake':
        roots = snake_roots(p)
    for r in roots:
        for x in f32_offsets(float(r), ROOT_ULPS):
            pts[x] = 'root'
    for r in roots:
        h = float(r)
        for k in ROOT_DOUBLE_ULPS:
            pts.setdefault(h + k * math.ulp(h), 'root64')
    for k in kinks:
        pts.pop(k, None)
    pts.pop(-0.0, None)
    return sorted(pts.items()), roots


# ---------------------------------------------------------------------------------------------------------------
# Self-checks: every explicit derivative against mpmath.diff at smooth points
# ---------------------------------------------------------------------------------------------------------------

CHECK_X = [-7.25, -2.5, -1.1, -0.3, 0.2, 0.7, 1.3, 2.9, 4.4, 8.5]


def check_derivatives():
    n = 0
    with mp.workdps(50):
        for id, spec in E.items():
            for _, p in psets(spec):
                pp = mpp(p)
                kinks = [float(k) for k, _ in spec['kinks'](pp)] + [float(j) for j in spec['joints'](pp)]
                for x in CHECK_X:
                    if any(abs(x - k) < 0.05 for k in kinks):
                        continue
                    x = mpf(x)
                    num = mp.diff(lambda t: spec['f'](t, pp), x)
                    ex = spec['d'](x, pp)
                    assert abs(num - ex) <= mpf(10) ** -30 * max(1, abs(ex)), (id, p, x, num, ex)
                    for name, dfn in spec['dp'].items():
                        def fp(t, name=name):
                            q = dict(pp)
                            q[name] = t
                            return spec['f'](x, q)
                        num = mp.diff(fp, pp[name])
                        ex = dfn(x, pp)
                        assert abs(num - ex) <= mpf(10) ** -30 * max(1, abs(ex)), (id, name, p, x, num, ex)
                    n += 1
        rng = random.Random(SEED + 1)
        for id, spec in R.items():
            for _, p in psets(spec):
                pp = mpp(p)
                for length in (2, 4, 6):
                    x = [mpf(rng.uniform(-3, 3)) for _ in range(length)]
                    g = [mpf(rng.uniform(-1, 1)) for _ in range(len(spec['f'](x, pp)))]
                    vjp = spec['vjp'](x, g, pp)
                    for j in range(length):
                        def h(t, j=j):
                            xx = list(x)
                            xx[j] = t
                            return mp.fsum(a * b for a, b in zip(g, spec['f'](xx, pp)))
                        num = mp.diff(h, x[j])
                        assert abs(num - vjp[j]) <= mpf(10) ** -30 * max(1, abs(vjp[j])), (id, j, num, vjp[j])
                    n += 1
    return n


# ---------------------------------------------------------------------------------------------------------------
# Row inputs
# ---------------------------------------------------------------------------------------------------------------

def row_inputs(id, spec, rng):
    rows = []
    lengths = (2, 4, 6, 8) if spec['even'] else tuple(range(1, 9))
    for i in range(32):
        n = lengths[i % len(lengths)]
        scale = 30.0 if i % 8 == 7 else 4.0   # every 8th row spreads widely (underflow of small shares)
        x = [f32(rng.uniform(-scale, scale)) for _ in range(n)]
        rows.append(x)
    return rows


def row_out_len(spec, n):
    return n // 2 if spec['even'] else n


# ---------------------------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------------------------

def header(kind, lines):
    now = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d')
    import torch
    h = [
        '# ActLab golden values: %s' % kind,
        '# generated by tools/golden.py on %s; command: /usr/bin/python3 tools/golden.py' % now,
        '# tools: Python %s, mpmath %s, numpy %s, torch %s' % (sys.version.split()[0], mpmath.__version__,
                                                            np.__version__, torch.__version__),
        '# definitions: /work/briefing.md ("Exact definitions") and docs NUMERICS.md sections 1-2, written out',
        '#   in tools/golden.py independently of the Java sources; derivatives explicit, checked with mpmath.diff',
        '# constants taken exactly as written: selu scale %s alpha %s, gelu_tanh kappa %s and sqrt(2/pi),' % (
            SELU_SCALE, SELU_ALPHA, GELU_TANH_KAPPA),
        '#   quick_gelu %s, scaled_tanh %s and 2/3 (not their double roundings)' % (QUICK_GELU_K, SCALED_TANH_A),
        '# parameters and inputs are doubles (inputs are also exact float32 values, except kind root64),',
        '#   printed with repr',
        '# columns are TAB-separated; "-" means none; lists inside a column are space-separated',
    ]
    return h + ['# ' + s for s in lines]


def write(name, lines):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    data = ('\n'.join(lines) + '\n').encode('utf-8')
    buf = io.BytesIO()
    with gzip.GzipFile(filename='', mode='wb', fileobj=buf, mtime=0, compresslevel=9) as z:
        z.write(data)
    with open(path, 'wb') as fh:
        fh.write(buf.getvalue())
    return path, len(buf.getvalue())


def gen_mpmath():
    body = []
    counts = {'E': 0, 'R': 0, 'ROOT': 0}
    for id, spec in E.items():
        for set_name, p in psets(spec):
            pp = mpp(p)
            pts, roots = points(id, spec, p)
            for r in roots:
                body.append('ROOT\t%s\t%s\t%s\t%s' % (id, set_name, ptext(p), fmt(r)))
                counts['ROOT'] += 1
            for x, kind in pts:
                xm = mpf(x)
                fv = hp(lambda: spec['f'](xm, pp), x)
                dv = hp(lambda: spec['d'](xm, pp), x)
                dps = ' '.join('%s=%s' % (n, fmt(hp(lambda: dfn(xm, pp), x))) for n, dfn in spec['dp'].items())
                body.append('E\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' % (id, set_name, ptext(p), kind, fx(x), fmt(fv),
                                                                   fmt(dv), dps or '-'))
                counts['E'] += 1
    rng = random.Random(SEED)
    for id, spec in R.items():
        for set_name, p in psets(spec):
            pp = mpp(p)
            for x in row_inputs(id, spec, rng):
                g = [f32(rng.uniform(-1, 1)) for _ in range(row_out_len(spec, len(x)))]
                xm = [mpf(v) for v in x]
                gm = [mpf(v) for v in g]
                y = hp(lambda: spec['f'](xm, pp))
                dx = hp(lambda: spec['vjp'](xm, gm, pp))
                body.append('R\t%s\t%s\t%s\t%s\t%s\t%s\t%s' % (
                    id, set_name, ptext(p), ' '.join(map(fx, x)), ' '.join(map(fmt, y)), ' '.join(map(fx, g)),
                    ' '.join(map(fmt, dx))))
                counts['R'] += 1
    head = header('mpmath high-precision reference (%d-digit strings, adaptive working precision >= %d digits)'
                  % (SIG, BASE_DPS), [
        'E <id> <set def|alt> <params k=v,...> <kind grid|sweep|kink|root> <x> <f> <df/dx> <df/dp: name=v ...>',
        '  kind: grid = plot grid k/10 in [-10,10]; sweep = +-10^(k/6) for 1e-30..1e4 and +-1e4;',
        '  kink = float32 ULP neighbours (1,2,3,8,64,4096) of kinks and C1 joints (exact kink points omitted);',
        '  root = float32 neighbours (0..100000 ULP) of an irrational root of df/dx;',
        '  root64 = double neighbours (0..3 ULP) of such a root: NOT float32 values (skip them in float32 checks)',
        'ROOT <id> <set> <params> <root of df/dx> (findroot; tools/root_series.py finds them independently)',
        'R <id> <set> <params> <x row> <y row> <upstream g row> <dx = J^T g row>',
        'counts: E=%d R=%d ROOT=%d' % (counts['E'], counts['R'], counts['ROOT'])])
    return write('mpmath.txt.gz', head + body), counts


# ---------------------------------------------------------------------------------------------------------------
# PyTorch
# ---------------------------------------------------------------------------------------------------------------

def torch_elementwise():
    import torch
    import torch.nn.functional as F
    t = lambda v: torch.tensor(v, dtype=torch.float64)
    return {
        'identity': lambda x, p: x * 1,   # torch.nn.Identity
        'relu': lambda x, p: F.relu(x),
        'relu6': lambda x, p: F.relu6(x),
        'leaky_relu': lambda x, p: F.leaky_relu(x, p['negative_slope']),
        'prelu': None,  # special: weight gradient
        'rrelu': lambda x, p: F.rrelu(x, p['lower'], p['upper'], training=False),
        'threshold': lambda x, p: F.threshold(x, p['threshold'], p['value']),
        'hardtanh': lambda x, p: F.hardtanh(x, p['min_val'], p['max_val']),
        'hardshrink': lambda x, p: F.hardshrink(x, p['lambd']),
        'softshrink': lambda x, p: F.softshrink(x, p['lambd']),
        'elu': lambda x, p: F.elu(x, p['alpha']),
        'celu': lambda x, p: F.celu(x, p['alpha']),
        'selu': lambda x, p: F.selu(x),
        'softplus': lambda x, p: F.softplus(x, p['beta'], p['threshold']),
        'sigmoid': lambda x, p: torch.sigmoid(x),
        'tanh': lambda x, p: torch.tanh(x),
        'hardsigmoid': lambda x, p: F.hardsigmoid(x),
        'softsign': lambda x, p: F.softsign(x),
        'logsigmoid': lambda x, p: F.logsigmoid(x),
        'tanhshrink': lambda x, p: F.tanhshrink(x),
        'silu': lambda x, p: F.silu(x),
        'mish': lambda x, p: F.mish(x),
        'gelu': lambda x, p: F.gelu(x),
        'gelu_tanh': lambda x, p: F.gelu(x, approximate='tanh'),
        'hardswish': lambda x, p: F.hardswish(x),
        'heaviside': lambda x, p: torch.heaviside(x, t(p['values'])),
    }


def torch_rows():
    import torch.nn.functional as F
    return {
        'softmax': lambda x: F.softmax(x, -1),
        'softmin': lambda x: F.softmin(x, -1),
        'log_softmax': lambda x: F.log_softmax(x, -1),
        'glu': lambda x: F.glu(x, -1),
    }


def rel(a, b):
    a, b = mpf(a), mpf(b)
    return abs(a - b) / max(abs(b), mpf(10) ** -300)


def gen_torch():
    import torch
    torch.manual_seed(SEED)
    body = []
    counts = {'E': 0, 'R': 0, 'numerics': 0, 'inexact': 0, 'nograd': 0}
    differ = {}
    tf = torch_elementwise()
    base = sorted(set(f32(k / 4) for k in range(-40, 41)) | set(f32(k / 10 + 0.05) for k in range(-100, 100)))
    for id, fnt in tf.items():
        spec = E[id]
        for set_name, p in psets(spec):
            pp = mpp(p)
            kinks = {float(k): dv for k, dv in spec['kinks'](pp)}
            extra = set(kinks) | {f32_step(k, s) for k in kinks for s in (-1, 1)}
            xs = sorted(set(base) | extra)
            xt = torch.tensor(xs, dtype=torch.float64, requires_grad=True)
            wgrad = None
            if id == 'prelu':
                w = torch.full((len(xs),), p['weight'], dtype=torch.float64, requires_grad=True)
                y = torch.nn.functional.prelu(xt.view(1, -1), w).view(-1)
                y.sum().backward()
                wgrad = w.grad.tolist()
                dx = xt.grad.tolist()
            else:
                y = fnt(xt, p)
                try:
                    y.sum().backward()
                    dx = xt.grad.tolist()
                except RuntimeError:
                    dx = None   # heaviside: no derivative in PyTorch
            ys = y.detach().tolist()
            for i, x in enumerate(xs):
                xm = mpf(x)
                flags = []
                f_ref = hp(lambda: spec['f'](xm, pp), x)
                if x in kinks:
                    d_ref = mpf(kinks[x])
                else:
                    d_ref = hp(lambda: spec['d'](xm, pp), x)
                if rel(ys[i], f_ref) > TORCH_FLAG:
                    flags.append('f_inexact')
                if dx is None:
                    flags.append('dfdx_nograd')
                    dtxt = 'NA'
                else:
                    dtxt = repr(dx[i])
                    if rel(dx[i], d_ref) > TORCH_FLAG:
                        flags.append('dfdx_numerics' if x in kinks else 'dfdx_inexact')
                        if x in kinks:
                            differ.setdefault((id, set_name), []).append((x, dx[i], float(d_ref)))
                dpt, dpr = '-', '-'
                if wgrad is not None:
                    wref = hp(lambda: spec['dp']['weight'](xm, pp), x)
                    dpt = 'weight=%r' % wgrad[i]
                    dpr = 'weight=%s' % fmt(wref)
                    if rel(wgrad[i], wref) > TORCH_FLAG:
                        flags.append('dfdp_inexact')
                for fl in flags:
                    key = fl.split('_')[1]
                    counts[key] = counts.get(key, 0) + 1
                body.append('E\t%s\t%s\t%s\t%s\t%r\t%s\t%s\t%s\t%s\t%s\t%s' % (
                    id, set_name, ptext(p), fx(x), ys[i], dtxt, dpt, ','.join(flags) or '-', fmt(f_ref), fmt(d_ref),
                    dpr))
                counts['E'] += 1
    rng = random.Random(SEED + 2)
    for id, fnt in torch_rows().items():
        spec = R[id]
        p = {}
        for x in row_inputs(id, spec, rng)[:24]:
            g = [f32(rng.uniform(-1, 1)) for _ in range(row_out_len(spec, len(x)))]
            xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
            y = fnt(xt)
            (dx,) = torch.autograd.grad(y, xt, torch.tensor(g, dtype=torch.float64))
            ys, dxs = y.detach().tolist(), dx.tolist()
            xm, gm = [mpf(v) for v in x], [mpf(v) for v in g]
            yr = hp(lambda: spec['f'](xm, {}))
            dr = hp(lambda: spec['vjp'](xm, gm, {}))
            flags = []
            if max(abs(mpf(a) - b) for a, b in zip(ys, yr)) > TORCH_FLAG * max(abs(b) for b in yr):
                flags.append('y_inexact')
            if max(abs(mpf(a) - b) for a, b in zip(dxs, dr)) > TORCH_FLAG * max(max(abs(b) for b in dr), 1e-300):
                flags.append('dx_inexact')
            counts['inexact'] += len(flags)
            body.append('R\t%s\tdef\t-\t%s\t%s\t%s\t%s\t%s\t%s\t%s' % (
                id, ' '.join(map(fx, x)), ' '.join(map(repr, ys)), ' '.join(map(fx, g)), ' '.join(map(repr, dxs)),
                ','.join(flags) or '-', ' '.join(map(fmt, yr)), ' '.join(map(fmt, dr))))
            counts['R'] += 1
    for id in list(E) + list(R):
        if id not in tf and id not in torch_rows():
            body.append('NOTORCH\t%s' % id)
    hs = []
    for v in (-3.0, 3.0):
        xt = torch.tensor([v], dtype=torch.float64, requires_grad=True)
        torch.nn.functional.hardswish(xt).sum().backward()
        hs.append('x=%r: %r' % (v, xt.grad.item()))
    notes = ['hardswish at +-3 depends on the code path in this torch: a one-element tensor (scalar loop) gives '
             + ', '.join(hs) + '; long tensors (vectorised loop) give the values in the E rows',
             'torch disagrees with NUMERICS.md section 1 at these kinks (rows flagged dfdx_numerics):']
    for (id, s), lst in sorted(differ.items()):
        notes.append('  %s (%s): %s' % (id, s, '; '.join("x=%r torch %r, NUMERICS %r" % t for t in lst)))
    head = header('PyTorch float64 values and autograd derivatives (CPU, eval mode for rrelu)', [
        'E <id> <set> <params> <x> <f torch> <df/dx torch|NA> <df/dp torch: name=v|-> <flags> <f ref> <df/dx ref>'
        ' <df/dp ref>',
        'R <id> <set> <params> <x row> <y torch> <upstream g> <dx torch = J^T g> <flags> <y ref> <dx ref>',
        'NOTORCH <id>: a function of the definitions that PyTorch 1.13 does not have (no torch rows)',
        'flags (comma-separated, "-" for none): f_inexact/dfdx_inexact/dfdp_inexact/y_inexact/dx_inexact = torch',
        '  and mpmath differ by more than 1e-13 relative (check the ref column, which is mpmath); dfdx_numerics =',
        '  an exact kink where torch differs from NUMERICS.md section 1 (ref = NUMERICS value); dfdx_nograd =',
        '  torch has no derivative (ref = definition). Ref derivatives at exact kinks are the NUMERICS.md values.',
        'inputs: k/4 and k/10+0.05 in [-10,10], every kink and its float32 neighbours',
        'counts: E=%d R=%d' % (counts['E'], counts['R'])] + notes)
    return write('torch.txt.gz', head + body), counts, differ


def main():
    n = check_derivatives()
    print('derivative self-check: %d points OK' % n)
    (path, size), counts = gen_mpmath()
    print('%s: %d bytes, %s' % (path, size, counts))
    (path, size), counts, differ = gen_torch()
    print('%s: %d bytes, %s' % (path, size, counts))
    for k, v in sorted(differ.items()):
        print('torch vs NUMERICS.md at kinks:', k, v)


if __name__ == '__main__':
    main()
