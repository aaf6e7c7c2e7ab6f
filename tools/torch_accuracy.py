#!/usr/bin/python3
"""Worst float32 error of the kernels that tools/bench_torch.py times, PyTorch's and ActLab's, on the same inputs.

The speed comparison (tools/compare_bench.py) sets kernels side by side that do not compute the same thing
everywhere: PyTorch's gelu is 0.5·x·(1 + erf(x/√2)), which cancels for x < 0, and its sigmoid and tanh backward
passes take the saved output, y(1 − y) and 1 − y², which cancel in the tails. This script measures what each side
returns, forward and backward (dx for dy = 1, through the same torch.ops.aten calls the benchmark times), against
mpmath evaluated from the definitions in tools/golden.py (never from ActLab's code), in units of the float32 ULP
of the exact result.

Two input sets, all float32 values: "bench", 2,001 evenly spaced points on [−6, 6] (the benchmark draws its
inputs uniformly from that interval), and "wide", magnitudes 1e-30 to 1e4 log-spaced, 1,000 of each sign
(NUMERICS.md §2 measured PyTorch over that range). Derivatives exactly at a kink are left out: there the value is a
convention (NUMERICS.md §1), not a matter of accuracy. ActLab's values come from `actlab eval NAME --dtype f32
--kernel simd --grad`, one row holding every input, so they go through the same SIMD array kernels as `actlab
bench`. Run with Debian's python3-torch, python3-mpmath and python3-numpy:

    /usr/bin/python3 tools/torch_accuracy.py [--json] [NAMES...]

Takes about a minute on two cores. Prints a Markdown table, one row per function with "bench / wide" in each
cell, or with --json one object {"rows": [{function, inputs, torch_forward, torch_backward, actlab_forward,
actlab_backward, and each one's _at: the input of the worst error}]}.
"""
import argparse
import json
import math
import os
import subprocess
import sys
from multiprocessing import Pool

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import golden  # noqa: E402  (the mpmath definitions; importing runs nothing)
from bench_torch import FNS, autograd_backward  # noqa: E402


def inputs():
    bench = np.linspace(-6, 6, 2001).astype(np.float32)
    mags = np.logspace(-30, 4, 1000).astype(np.float32)
    wide = np.concatenate([-mags[::-1], mags])
    return {"bench": bench, "wide": wide}


def exact(job):
    """The exact f(x) and f'(x) of one function at float32 points, as Python floats (double keeps every float32
    ULP: the errors measured here are in float32 units)."""
    name, xs = job
    spec = golden.E[name]
    p = golden.mpp(golden.pvals(spec, None))
    kinks = {float(k) for k, _ in spec['kinks'](p)}
    out = []
    for x in xs:
        xm = golden.mpf(float(x))
        # at a kink the derivative is a convention (NUMERICS.md §1; PyTorch releases differ for hardswish), not an
        # accuracy: NaN here makes ulps() skip the point
        d = math.nan if float(x) in kinks else float(golden.hp(lambda: spec['d'](xm, p), xm))
        out.append((float(golden.hp(lambda: spec['f'](xm, p), xm)), d))
    return name, out


def torch_values(name, x):
    fwd, bwd = FNS[name]
    bwd = bwd or autograd_backward(fwd)
    t = torch.from_numpy(x)
    with torch.no_grad():
        y = fwd(t)
        d = bwd(t, y, torch.ones_like(t))
    return y.numpy().astype(np.float64), d.numpy().astype(np.float64)


def actlab_values(name, x):
    text = " ".join(float(v).hex() for v in x) + "\n"
    run = subprocess.run([os.path.join(HERE, "..", "actlab"), "eval", name, "--dtype", "f32", "--kernel", "simd", "--grad"], input=text,
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit("torch_accuracy.py: actlab eval %s failed: %s" % (name, run.stderr.strip()))
    # eval prints the shortest text that reads back to the same float32: read it back as a float32
    values, grads = run.stdout.strip().split("\t")
    return (np.array([float(np.float32(v)) for v in values.split()]),
            np.array([float(np.float32(v)) for v in grads.split()]))


def ulps(got, ref):
    """The largest |got − ref| in float32 ULPs of ref (the spacing of floats at |ref|), and its index; points where
    ref is NaN (a kink's derivative) or overflows float32 are skipped, a NaN result counts as infinitely far."""
    worst, at = 0.0, None
    for i, (g, r) in enumerate(zip(got, ref)):
        if math.isnan(r) or abs(r) > 3.4e38:
            continue
        if math.isnan(g):
            e = math.inf
        else:
            e = abs(g - r) / float(np.spacing(np.float32(abs(r))))
        if e > worst:
            worst, at = e, i
    return worst, at


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    names = a.names or list(FNS)
    unknown = [n for n in names if n not in FNS]
    if unknown:
        sys.exit("torch_accuracy.py: not in tools/bench_torch.py: %s" % unknown)
    sets = inputs()
    jobs = [(n, sets[s]) for n in names for s in sets]
    with Pool(os.cpu_count()) as pool:
        refs = pool.map(exact, jobs)
    rows = []
    for (name, x), (_, ref) in zip(jobs, refs):
        s = "bench" if x is sets["bench"] else "wide"
        rf = np.array([r[0] for r in ref]); rd = np.array([r[1] for r in ref])
        tf, td = torch_values(name, x)
        af, ad = actlab_values(name, x)
        row = {"function": name, "inputs": s}
        for side, f, d in (("torch", tf, td), ("actlab", af, ad)):
            for kind, got, r in (("forward", f, rf), ("backward", d, rd)):
                e, i = ulps(got, r)
                row["%s_%s" % (side, kind)] = e
                row["%s_%s_at" % (side, kind)] = None if i is None else float(x[i])
        rows.append(row)
        print("torch_accuracy: %s %s done" % (name, s), file=sys.stderr)
    if a.json:
        print(json.dumps({"rows": rows}, indent=1))
        return
    print("Worst error in float32 ULPs, on the bench inputs / on the wide ones (kink points left out).")
    print()
    print("| function | PyTorch fwd | PyTorch bwd | ActLab fwd | ActLab bwd |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name in names:
        pair = [r for r in rows if r["function"] == name]
        cell = lambda k: " / ".join(fmt(r[k]) for r in pair)
        print("| %s | %s | %s | %s | %s |" % (name, cell("torch_forward"), cell("torch_backward"),
                                              cell("actlab_forward"), cell("actlab_backward")))


def fmt(e):
    if math.isinf(e):
        return "NaN"
    return "%.3g" % e if e < 1e4 else "%.1e" % e


if __name__ == "__main__":
    main()
