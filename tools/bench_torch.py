#!/usr/bin/python3
"""Time PyTorch CPU float32 (or float64) forward and backward of the catalog functions PyTorch has.

Prints one JSON object shaped like `actlab bench --json`: {"dtype", "copy": {"SIZE": Melem/s},
"results": [{"function", "size", "threads", "kernel": "torch", "forward", "backward"}]}
Forward: y = f(x) as PyTorch users call it, a fresh output tensor per call (most of these functions have no
out= argument). Backward: torch.ops.aten.*_backward (dx = dy * f'(x)), no autograd graph. Median of 7 repetitions, each
about 1/7 of --budget seconds after a warm-up. Tool: Debian python3-torch 1.13 (run with /usr/bin/python3).
Usage: tools/bench_torch.py [--sizes 1048576] [--threads 1] [--budget 0.3] [--dtype float32|float64] [NAMES...]
"""
import argparse, json, statistics, sys, time
import torch
import torch.nn.functional as F

A = torch.ops.aten
# id -> (forward(x, y), backward(x, y, dy) -> dx); y is the forward output (some backward ops take it)
FNS = {
    "relu": (lambda x: torch.relu(x), lambda x, y, g: A.threshold_backward(g, y, 0)),
    "relu6": (lambda x: F.relu6(x), lambda x, y, g: A.hardtanh_backward(g, x, 0.0, 6.0)),
    "leaky_relu": (lambda x: F.leaky_relu(x, 0.01), lambda x, y, g: A.leaky_relu_backward(g, x, 0.01, False)),
    "hardtanh": (lambda x: F.hardtanh(x), lambda x, y, g: A.hardtanh_backward(g, x, -1.0, 1.0)),
    "elu": (lambda x: F.elu(x), lambda x, y, g: A.elu_backward(g, 1.0, 1.0, 1.0, False, x)),
    "celu": (lambda x: F.celu(x), lambda x, y, g: A.elu_backward(g, 1.0, 1.0, 1.0, False, x)),
    "selu": (lambda x: F.selu(x), lambda x, y, g: A.elu_backward(g, 1.6732632423543772, 1.0507009873554805, 1.0,
                                                                False, x)),
    "softplus": (lambda x: F.softplus(x), lambda x, y, g: A.softplus_backward(g, x, 1.0, 20.0)),
    "sigmoid": (lambda x: torch.sigmoid(x), lambda x, y, g: A.sigmoid_backward(g, y)),
    "tanh": (lambda x: torch.tanh(x), lambda x, y, g: A.tanh_backward(g, y)),
    "hardsigmoid": (lambda x: F.hardsigmoid(x), lambda x, y, g: A.hardsigmoid_backward(g, x)),
    "hardswish": (lambda x: F.hardswish(x), lambda x, y, g: A.hardswish_backward(g, x)),
    "hardshrink": (lambda x: F.hardshrink(x), lambda x, y, g: A.hardshrink_backward(g, x, 0.5)),
    "softshrink": (lambda x: F.softshrink(x), lambda x, y, g: A.softshrink_backward(g, x, 0.5)),
    "logsigmoid": (lambda x: F.logsigmoid(x), None),
    "softsign": (lambda x: F.softsign(x), None),
    "tanhshrink": (lambda x: F.tanhshrink(x), None),
    "silu": (lambda x: F.silu(x), lambda x, y, g: A.silu_backward(g, x)),
    "mish": (lambda x: F.mish(x), lambda x, y, g: A.mish_backward(g, x)),
    "gelu": (lambda x: F.gelu(x), lambda x, y, g: A.gelu_backward(g, x)),
    "gelu_tanh": (lambda x: F.gelu(x, approximate="tanh"), lambda x, y, g: A.gelu_backward(g, x, approximate="tanh")),
    "threshold": (lambda x: F.threshold(x, 0.0, 0.0), lambda x, y, g: A.threshold_backward(g, x, 0.0)),
}


def autograd_backward(fwd):
    """Backward through autograd for functions without a public *_backward op (includes building the graph)."""
    def bw(x, y, g):
        with torch.enable_grad():
            xr = x.detach().requires_grad_()
            return torch.autograd.grad(fwd(xr), xr, g)[0]
    return bw


def melem(op, n, budget):
    start = time.perf_counter(); calls = 0
    while calls < 3 or time.perf_counter() - start < budget / 3:
        op(); calls += 1
    per = (time.perf_counter() - start) / calls
    inner = max(1, int(budget / 7 / per))
    rates = []
    for _ in range(7):
        t0 = time.perf_counter()
        for _ in range(inner):
            op()
        rates.append(n * inner / (time.perf_counter() - t0) / 1e6)
    return statistics.median(rates)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--sizes", default="4096,1048576,16777216")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--budget", type=float, default=0.3)
    ap.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    names = a.names or list(FNS)
    unknown = [n for n in names if n not in FNS]
    if unknown:
        sys.exit("bench_torch.py: PyTorch has no (known) kernel for %s; known: %s" % (unknown, ", ".join(FNS)))
    sizes = [int(s) for s in a.sizes.split(",")]
    gen = torch.Generator().manual_seed(42)
    dtype = getattr(torch, a.dtype)
    out = {"dtype": a.dtype, "copy": {}, "results": []}
    for n in sizes:
        x = torch.rand(n, generator=gen, dtype=torch.float32).to(dtype) * 12 - 6
        dst = torch.empty_like(x); g = torch.ones_like(x)
        out["copy"][str(n)] = melem(lambda: dst.copy_(x), n, a.budget)
        for name in names:
            fwd, bwd = FNS[name]
            bwd = bwd or autograd_backward(fwd)
            with torch.no_grad():
                y = fwd(x)
                f = melem(lambda: fwd(x), n, a.budget)
                b = melem(lambda: bwd(x, y, g), n, a.budget)
            out["results"].append({"function": name, "size": n, "threads": a.threads, "kernel": "torch",
                                   "forward": f, "backward": b})
            print("bench_torch: %s n=%d done" % (name, n), file=sys.stderr)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
