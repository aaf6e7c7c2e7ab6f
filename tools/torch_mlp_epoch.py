#!/usr/bin/python3
"""PyTorch baseline for issue #4: epoch time of a 784-256-256-10 ReLU MLP on 8,000 MNIST digits, one thread.

Tool: Debian python3-torch 1.13 (run with /usr/bin/python3). Written 2026-11 for ActLab; not part of the build.

The network, data and schedule are those the Java engine is measured on: Linear(784,256)-ReLU-Linear(256,256)-
ReLU-Linear(256,10), softmax cross-entropy, Adam lr 1e-3 (betas 0.9/0.999, eps 1e-8), batch 64, 5 epochs,
PyTorch's default Linear initialisation, pixels scaled to [0,1], torch.set_num_threads(1).

Data: the 10,000-digit MNIST IDX files (sorted by label, so they must be shuffled before splitting). Split and
batch order reproduce ActLab's own (nn/data/Splits.random, nn/train/Batches and Seeds, i.e. `actlab train --data
mnist10k --data-opt stratify=false --seed S`): a Fisher-Yates permutation of 0..9999 drawn from
java.util.SplittableRandom(S) (reimplemented below bit-for-bit), the first 2,000 for test and the next 8,000 for
training; epoch e (from 0) visits the training set in the Fisher-Yates permutation drawn from
Seeds.stream(S, SHUFFLE=2, e). Epoch time covers the 125 training steps only; test accuracy on the 2,000 held-out
digits is evaluated after each epoch, outside the timer.

Prints one JSON object: per-epoch wall and thread-CPU seconds, mean training loss and test accuracy.
"""
import argparse
import gzip
import json
import os
import platform
import struct
import time

import numpy as np
import torch

MASK = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


class SplittableRandom:
    """java.util.SplittableRandom(seed): nextInt() and nextInt(bound) bit-for-bit (JDK 17+ RandomSupport)."""

    def __init__(self, seed):
        self.seed = seed & MASK

    def next_int(self):
        self.seed = (self.seed + GOLDEN_GAMMA) & MASK
        z = self.seed
        z = ((z ^ (z >> 33)) * 0x62A9D9ED799705F5) & MASK
        r = (((z ^ (z >> 28)) * 0xCB24D0A5C88C35B3) & MASK) >> 32
        return r - (1 << 32) if r >= (1 << 31) else r

    def next_int_bound(self, bound):
        r = self.next_int()
        m = bound - 1
        if bound & m == 0:
            return r & m
        u = (r & 0xFFFFFFFF) >> 1
        while True:
            r = u % bound
            if u + m - r < (1 << 31):  # Java's int overflow test: u + m - r < 0
                return r
            u = (self.next_int() & 0xFFFFFFFF) >> 1


def permutation(n, rnd):
    """ActLab's Splits.permutation / Batches.permutation: Fisher-Yates from the end with rnd.nextInt(i + 1)."""
    p = list(range(n))
    for i in range(n - 1, 0, -1):
        j = rnd.next_int_bound(i + 1)
        p[i], p[j] = p[j], p[i]
    return p


def seeds_stream(seed, stream, index):
    """ActLab's Seeds.stream(seed, stream, index): an independent SplittableRandom per (stream, index)."""
    z = (seed + GOLDEN_GAMMA * (stream * 0x100000001 + index + 1)) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return SplittableRandom(z ^ (z >> 31))


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def find(directory, stem):
    for name in (stem, stem + ".gz"):
        if os.path.exists(os.path.join(directory, name)):
            return os.path.join(directory, name)
    raise SystemExit(f"no {stem}[.gz] in {directory}: pass --data DIR")


def default_data():
    here = os.path.dirname(os.path.abspath(__file__))
    inside = os.path.join(here, "..", "nn", "src", "main", "resources", "org", "actlab", "nn", "data")
    return inside if os.path.isdir(inside) else "/work/shared/data"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=default_data(), help="folder with mnist10k-{images-idx3,labels-idx1}-ubyte[.gz]")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--train", type=int, default=8000)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    images = read_idx(find(args.data, "mnist10k-images-idx3-ubyte"))
    labels = read_idx(find(args.data, "mnist10k-labels-idx1-ubyte"))
    x_all = torch.from_numpy(images.reshape(len(images), -1).astype(np.float32) / 255.0)
    y_all = torch.from_numpy(labels.astype(np.int64))
    order = permutation(len(images), SplittableRandom(args.seed))
    test = len(images) - args.train
    train_idx = torch.tensor(order[test:])
    test_idx = torch.tensor(order[:test])
    x_train, y_train = x_all[train_idx].contiguous(), y_all[train_idx].contiguous()
    x_test, y_test = x_all[test_idx].contiguous(), y_all[test_idx].contiguous()

    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 256),
                                torch.nn.ReLU(), torch.nn.Linear(256, 10))
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = torch.nn.CrossEntropyLoss()
    epochs = []
    for epoch in range(1, args.epochs + 1):
        perm = torch.tensor(permutation(args.train, seeds_stream(args.seed, 2, epoch - 1)))
        batches = [(x_train[perm[s:s + args.batch]], y_train[perm[s:s + args.batch]])
                   for s in range(0, args.train, args.batch)]  # gathered before the timer, as a data loader would
        model.train()
        total = 0.0
        wall, cpu = time.perf_counter(), time.thread_time()
        for xb, yb in batches:
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * len(yb)
        wall, cpu = time.perf_counter() - wall, time.thread_time() - cpu
        model.eval()
        with torch.no_grad():
            acc = (model(x_test).argmax(1) == y_test).float().mean().item()
        epochs.append({"epoch": epoch, "seconds": round(wall, 4), "cpu_seconds": round(cpu, 4),
                       "steps": len(batches), "train_loss": round(total / args.train, 5),
                       "test_accuracy": round(acc, 4)})
    print(json.dumps({"tool": "torch " + torch.__version__, "python": platform.python_version(),
                      "threads": torch.get_num_threads(), "seed": args.seed, "train": args.train,
                      "test": len(test_idx), "batch": args.batch, "lr": args.lr, "epochs": epochs,
                      "min_epoch_seconds": min(e["seconds"] for e in epochs),
                      "min_epoch_cpu_seconds": min(e["cpu_seconds"] for e in epochs)}, indent=1))


if __name__ == "__main__":
    main()
