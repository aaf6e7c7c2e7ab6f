#!/usr/bin/python3
"""Join `actlab bench --json` and `tools/bench_torch.py` output into a markdown table.

Usage: tools/compare_bench.py actlab.json torch.json
Columns per function and size: ActLab and PyTorch forward/backward (Melem/s), ActLab's copy roofline, and the
ratios ActLab/PyTorch (> 1: ActLab faster). Only functions both files measured, same size and thread count.
"""
import json, sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip())
    ours, theirs = (json.load(open(p)) for p in sys.argv[1:])
    torch_rows = {(r["function"], r["size"], r["threads"]): r for r in theirs["results"]}
    print("| function | size | threads | kernel | ActLab fwd | PyTorch fwd | fwd ratio | ActLab bwd | PyTorch bwd "
          "| bwd ratio | copy |")
    print("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in ours["results"]:
        t = torch_rows.get((r["function"], r["size"], r["threads"]))
        if t is None:
            continue
        copy = ours["copy"].get(str(r["size"]), float("nan"))
        print("| %s | %d | %d | %s | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f | %.0f |" % (
            r["function"], r["size"], r["threads"], r["kernel"], r["forward"], t["forward"],
            r["forward"] / t["forward"], r["backward"], t["backward"], r["backward"] / t["backward"], copy))


if __name__ == "__main__":
    main()
