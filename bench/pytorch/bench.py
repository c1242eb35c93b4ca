"""The PyTorch peer of the suite's benchmark workloads: the same models, batch size, optimizer and
data files as org.mixupsuite.bench.BenchWorkload, on Debian's python3-torch (CPU).

Usage: /usr/bin/python3 bench/pytorch/bench.py <workload> <data-dir> <warmup> <timed> <seed> <threads>
Prints one JSON line with the same figures as the Java side.
"""
import gzip
import json
import os
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

BATCH = 128


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        magic = struct.unpack(">I", f.read(4))[0]
        rank = magic & 0xFF
        dims = struct.unpack(">" + "I" * rank, f.read(4 * rank))
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(dims)


def load_train(data_dir):
    names = sorted(os.listdir(data_dir))
    images = next(n for n in names if "train-images" in n)
    labels = next(n for n in names if "train-labels" in n)
    x = read_idx(os.path.join(data_dir, images)).astype(np.float32) / 255.0
    y = read_idx(os.path.join(data_dir, labels)).astype(np.int64)
    return torch.from_numpy(x.reshape(len(x), -1)), torch.from_numpy(y), x.shape[1], x.shape[2]


def mlp(inputs, classes):
    return nn.Sequential(nn.Linear(inputs, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, classes))


class LeNet(nn.Module):
    """conv 5x5x20, max-pool 2, conv 5x5x50, max-pool 2, dense 500, as the Java LeNet (no padding)."""

    def __init__(self, height, width, classes):
        super().__init__()
        self.height, self.width = height, width
        self.conv1 = nn.Conv2d(1, 20, 5)
        self.conv2 = nn.Conv2d(20, 50, 5)
        side_h = ((height - 4) // 2 - 4) // 2
        side_w = ((width - 4) // 2 - 4) // 2
        self.fc = nn.Linear(50 * side_h * side_w, 500)
        self.out = nn.Linear(500, classes)

    def forward(self, x):
        x = x.view(-1, 1, self.height, self.width)
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.out(F.relu(self.fc(x.flatten(1))))


def soft_cross_entropy(logits, targets):
    return -(targets * F.log_softmax(logits, dim=1)).sum(dim=1).mean()


class Batches:
    def __init__(self, x, y, classes, generator):
        self.x, self.y, self.classes, self.generator = x, y, classes, generator
        self.order, self.position = None, 0

    def next(self):
        if self.order is None or self.position + BATCH > len(self.x):
            self.order = torch.randperm(len(self.x), generator=self.generator)
            self.position = 0
        rows = self.order[self.position:self.position + BATCH]
        self.position += BATCH
        return self.x[rows], F.one_hot(self.y[rows], self.classes).float()


def step(model, optimizer, x, t):
    optimizer.zero_grad()
    loss = soft_cross_entropy(model(x), t)
    loss.backward()
    optimizer.step()


def mix(x, t, generator, alpha=1.0):
    lam = float(np.random.default_rng(int(torch.randint(1 << 30, (1,), generator=generator))).beta(alpha, alpha))
    perm = torch.randperm(len(x), generator=generator)
    return lam * x + (1 - lam) * x[perm], lam * t + (1 - lam) * t[perm]


def main():
    workload, data_dir, warmup, timed, seed, threads = sys.argv[1:7]
    warmup, timed, seed, threads = int(warmup), int(timed), int(seed), int(threads)
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    x, y, height, width = load_train(data_dir)
    classes = int(y.max()) + 1
    model = LeNet(height, width, classes) if workload == "lenet" else mlp(x.shape[1], classes)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    batches = Batches(x, y, classes, generator)
    if workload in ("mlp", "lenet"):
        for _ in range(warmup):
            step(model, optimizer, *batches.next())
        started = time.perf_counter()
        for _ in range(timed):
            step(model, optimizer, *batches.next())
        seconds = time.perf_counter() - started
        result = {"examples_per_s": timed * BATCH / seconds, "step_ms": 1000 * seconds / timed}
    elif workload == "mlp-mixup-ratio":
        for _ in range(warmup):
            step(model, optimizer, *mix(*batches.next(), generator))
        erm = mixed = 0.0
        block = 10
        blocks = (timed + block - 1) // block
        for _ in range(blocks):
            t0 = time.perf_counter()
            for _ in range(block):
                step(model, optimizer, *batches.next())
            t1 = time.perf_counter()
            for _ in range(block):
                step(model, optimizer, *mix(*batches.next(), generator))
            t2 = time.perf_counter()
            erm += t1 - t0
            mixed += t2 - t1
        steps = blocks * block
        result = {"erm_step_ms": 1000 * erm / steps, "mixup_step_ms": 1000 * mixed / steps,
                  "mixup_erm_step_ratio": mixed / erm}
    else:
        raise SystemExit("unknown workload " + workload)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
