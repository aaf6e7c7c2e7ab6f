#!/usr/bin/python3
"""Join `actlab bench --json` and `tools/bench_torch.py` output into a markdown table, and check issue 3's targets.

Usage: tools/compare_bench.py actlab.json torch.json
Columns per function and size: ActLab and PyTorch forward/backward (Melem/s), ActLab's copy roofline, and the
ratios ActLab/PyTorch (> 1: ActLab faster). Only functions both files measured, same size and thread count.
After the table, each speed target of issue 3 with what this one run shows (targets whose functions or sizes the
files lack are skipped): one thread, 1M elements, every function faster than PyTorch forward and backward; the
cheap functions' forward at 16M at 80% of copy or more; the transcendental ones at 2x PyTorch or more at 1M.
Both files must hold the same dtype (float32 when a file names none); the targets are checked for float32 only.
"""
import json, sys

ONE_M = 1048576
SIXTEEN_M = 16777216
CHEAP = ["relu", "leaky_relu", "hardtanh", "relu6", "hardsigmoid"]
TRANSCENDENTAL = ["gelu", "silu", "mish", "tanh", "sigmoid", "elu", "softplus", "logsigmoid"]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip())
    ours, theirs = (json.load(open(p)) for p in sys.argv[1:])
    dtypes = {d.get("dtype", "float32") for d in (ours, theirs)}
    if len(dtypes) != 1:
        sys.exit("compare_bench.py: the two files measured different dtypes (%s)" % " and ".join(sorted(dtypes)))
    dtype = dtypes.pop()
    torch_rows = {(r["function"], r["size"], r["threads"]): r for r in theirs["results"]}
    print("| function | size | threads | kernel | ActLab fwd | PyTorch fwd | fwd ratio | ActLab bwd | PyTorch bwd "
          "| bwd ratio | copy |")
    print("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    joined = {}
    for r in ours["results"]:
        t = torch_rows.get((r["function"], r["size"], r["threads"]))
        if t is None:
            continue
        copy = ours["copy"].get(str(r["size"]), float("nan"))
        print("| %s | %d | %d | %s | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f | %.0f |" % (
            r["function"], r["size"], r["threads"], r["kernel"], r["forward"], t["forward"],
            r["forward"] / t["forward"], r["backward"], t["backward"], r["backward"] / t["backward"], copy))
        if r["threads"] == 1:
            joined[(r["function"], r["size"])] = (r, t, copy)
    print()
    if dtype == "float32":
        targets(joined)
    else:
        print("- %s run: issue 3's targets are float32 targets, not checked here" % dtype)


def targets(joined):
    at_1m = {f: v for (f, size), v in joined.items() if size == ONE_M}
    if at_1m:
        slower = ["%s %s %.2f" % (f, way, r[way] / t[way]) for f, (r, t, _) in at_1m.items()
                  for way in ("forward", "backward") if r[way] <= t[way]]
        report("every function faster than PyTorch at 1M", not slower, below(slower))
    cheap = [(f, joined[(f, SIXTEEN_M)]) for f in CHEAP if (f, SIXTEEN_M) in joined]
    if cheap:
        shares = ["%s %.0f%%" % (f, 100 * r["forward"] / copy) for f, (r, _, copy) in cheap]
        report("cheap functions >= 80% of copy at 16M (forward)",
               all(r["forward"] >= 0.8 * copy for _, (r, _, copy) in cheap), ", ".join(shares))
    slow = ["%s %s %.2f" % (f, way, at_1m[f][0][way] / at_1m[f][1][way]) for f in TRANSCENDENTAL if f in at_1m
            for way in ("forward", "backward") if at_1m[f][0][way] < 2 * at_1m[f][1][way]]
    if any(f in at_1m for f in TRANSCENDENTAL):
        report("transcendental functions >= 2x PyTorch at 1M", not slow, below(slow))


def below(misses):
    return "below: " + ", ".join(misses) if misses else ""


def report(target, met, detail):
    print("- %s: %s%s" % (target, "met" if met else "not met", " (%s)" % detail if detail else ""))


if __name__ == "__main__":
    main()
