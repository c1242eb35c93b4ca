"""The PyTorch peer of the suite's benchmark workloads: the same models, batch size, optimizer and
data files as org.mixupsuite.bench.BenchWorkload, on Debian's python3-torch (CPU).

Usage: /usr/bin/python3 bench/pytorch/bench.py <workload> <data-dir or -> <warmup> <timed> <seed> <threads> [options]
The options carry the shapes the Java side reads from the studies' presets (speech models, GAN).
Prints one JSON line with the same figures as the Java side.
"""
import argparse
import gzip
import json
import os
import resource
import struct
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


def load_part(data_dir, part):
    names = sorted(os.listdir(data_dir))
    images = next(n for n in names if part + "-images" in n or (part == "test" and "t10k-images" in n))
    labels = next(n for n in names if part + "-labels" in n or (part == "test" and "t10k-labels" in n))
    x = read_idx(os.path.join(data_dir, images)).astype(np.float32) / 255.0
    y = read_idx(os.path.join(data_dir, labels)).astype(np.int64)
    return torch.from_numpy(x.reshape(len(x), -1)), torch.from_numpy(y), x.shape[1], x.shape[2]


def load_train(data_dir):
    return load_part(data_dir, "train")


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


def plain_rate(workload, x, y, classes, height, width, warmup, timed, seed):
    """The same model trained as a PyTorch user writes the loop: contiguous slices of a tensor shuffled
    once per pass, F.cross_entropy on integer labels. Not the same work as the suite's (which gathers
    random rows and takes soft targets, as mixup needs): what someone switching to PyTorch would see."""
    torch.manual_seed(seed)
    model = LeNet(height, width, classes) if workload == "lenet" else mlp(x.shape[1], classes)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    order = torch.randperm(len(x), generator=torch.Generator().manual_seed(seed))
    xs, ys = x[order].contiguous(), y[order].contiguous()
    passes = (warmup + timed) * BATCH // len(x) + 1
    xs, ys = xs.repeat(passes, *([1] * (xs.dim() - 1))), ys.repeat(passes)

    def plain_step(i):
        optimizer.zero_grad()
        F.cross_entropy(model(xs[i * BATCH:(i + 1) * BATCH]), ys[i * BATCH:(i + 1) * BATCH]).backward()
        optimizer.step()

    for i in range(warmup):
        plain_step(i)
    started = time.perf_counter()
    for i in range(warmup, warmup + timed):
        plain_step(i)
    return timed * BATCH / (time.perf_counter() - started)


def mix(x, t, generator, alpha=1.0):
    lam = float(np.random.default_rng(int(torch.randint(1 << 30, (1,), generator=generator))).beta(alpha, alpha))
    perm = torch.randperm(len(x), generator=generator)
    return lam * x + (1 - lam) * x[perm], lam * t + (1 - lam) * t[perm]


class SpeechLeNet(nn.Module):
    """SpeechModels.lenet: conv 5x5x20, pool 2, conv 5x5x20, pool 2 (spatial dropout), dense max(32, 1000 / div), out."""

    def __init__(self, height, width, classes, div, dropout):
        super().__init__()
        self.height, self.width = height, width
        self.conv1 = nn.Conv2d(1, 20, 5)
        self.conv2 = nn.Conv2d(20, 20, 5)
        self.drop_maps = nn.Dropout2d(dropout) if dropout > 0 else nn.Identity()
        self.drop = nn.Dropout(dropout) if dropout > 0 else nn.Identity()
        side_h = ((height - 4) // 2 - 4) // 2
        side_w = ((width - 4) // 2 - 4) // 2
        hidden = max(32, 1000 // div)
        self.fc = nn.Linear(20 * side_h * side_w, hidden)
        self.out = nn.Linear(hidden, classes)

    def forward(self, x):
        x = x.view(-1, 1, self.height, self.width)
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = self.drop_maps(F.max_pool2d(F.relu(self.conv2(x)), 2))
        return self.out(self.drop(F.relu(self.fc(x.flatten(1)))))


VGG11 = [64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0]


class SpeechVgg(nn.Module):
    """SpeechModels.vgg11: 3x3 convolutions (no bias) + batch norm + ReLU, max-pools, dense max(32, 512 / div), out."""

    def __init__(self, height, width, classes, div):
        super().__init__()
        self.height, self.width = height, width
        layers, channels = [], 1
        for c in VGG11:
            if c == 0:
                layers.append(nn.MaxPool2d(2))
                height, width = height // 2, width // 2
            else:
                out = max(4, c // div)
                layers += [nn.Conv2d(channels, out, 3, padding=1, bias=False), nn.BatchNorm2d(out), nn.ReLU()]
                channels = out
        self.features = nn.Sequential(*layers)
        hidden = max(32, 512 // div)
        self.fc = nn.Linear(channels * height * width, hidden)
        self.out = nn.Linear(hidden, classes)

    def forward(self, x):
        x = self.features(x.view(-1, 1, self.height, self.width))
        return self.out(F.relu(self.fc(x.flatten(1))))


def timed_steps(model, optimizer, batches, warmup, timed, batch):
    for i in range(warmup):
        step(model, optimizer, *batches[i % len(batches)])
    started = time.perf_counter()
    for i in range(timed):
        step(model, optimizer, *batches[i % len(batches)])
    seconds = time.perf_counter() - started
    return {"examples_per_s": timed * batch / seconds, "step_ms": 1000 * seconds / timed, "batch": batch}


def speech(a):
    """Random N(0, 1) inputs of the speech preset's shape, as SpeechBench.trainingRate."""
    if a.workload == "speech-lenet":
        model = SpeechLeNet(a.height, a.width, a.classes, a.width_divisor, a.dropout)
    else:
        model = SpeechVgg(a.height, a.width, a.classes, a.width_divisor)
    optimizer = torch.optim.Adam(model.parameters(), lr=a.lr)
    g = torch.Generator().manual_seed(a.seed)
    batches = [(torch.randn(a.batch, a.height * a.width, generator=g),
                F.one_hot(torch.randint(a.classes, (a.batch,), generator=g), a.classes).float()) for _ in range(4)]
    return timed_steps(model, optimizer, batches, a.warmup, a.timed, a.batch)


def fgsm(model, x, t, epsilon, chunk=500):
    """FgsmAttack.fgsm: x + epsilon sign(grad_x loss), clipped to [0, 1], in chunks of 500 rows."""
    out = []
    for start in range(0, len(x), chunk):
        clean = x[start:start + chunk].clone().requires_grad_(True)
        loss = soft_cross_entropy(model(clean), t[start:start + chunk])
        grad, = torch.autograd.grad(loss, clean)
        out.append((clean.detach() + epsilon * grad.sign()).clamp(0, 1))
    return torch.cat(out)


def attack(a, generator):
    """Blocks of training steps, each followed by one FGSM on the first attack_rows test rows, as FgsmBench."""
    x, y, _, _ = load_train(a.data_dir)
    classes = int(y.max()) + 1
    tx, ty, _, _ = load_part(a.data_dir, "test")
    tx, tt = tx[:a.attack_rows], F.one_hot(ty[:a.attack_rows], classes).float()
    model = mlp(x.shape[1], classes)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    batches = Batches(x, y, classes, generator)
    for _ in range(a.warmup):
        step(model, optimizer, *batches.next())
    fgsm(model, tx, tt, 4 / 255)
    train = adv = 0.0
    blocks = max(1, (a.timed + a.block - 1) // a.block)
    for _ in range(blocks):
        t0 = time.perf_counter()
        for _ in range(a.block):
            step(model, optimizer, *batches.next())
        t1 = time.perf_counter()
        fgsm(model, tx, tt, 4 / 255)
        t2 = time.perf_counter()
        train += t1 - t0
        adv += t2 - t1
    attack_rate = blocks * len(tx) / adv
    train_rate = blocks * a.block * BATCH / train
    return {"fgsm_examples_per_s": attack_rate, "train_examples_per_s": train_rate,
            "fgsm_train_ratio": attack_rate / train_rate}


def gan(a):
    """GanBench: the GAN study's step (ERM discriminator, minimax G loss) as in gan.py, without snapshots."""
    from gan import mlp as gan_mlp, modes_of, sample
    rng = torch.Generator().manual_seed(a.seed)
    modes = modes_of("ring8")
    g = gan_mlp(a.latent, a.hidden, a.layers, 2)
    d = gan_mlp(2, a.hidden, a.layers, 1)
    opt_g = torch.optim.Adam(g.parameters())
    opt_d = torch.optim.Adam(d.parameters())
    ones, zeros = torch.ones(a.batch, 1), torch.zeros(a.batch, 1)

    def iteration():
        for _ in range(a.d_steps):
            real = sample(modes, a.batch, a.std, rng)
            with torch.no_grad():
                fake = g(torch.randn(a.batch, a.latent, generator=rng))
            opt_d.zero_grad()
            F.binary_cross_entropy_with_logits(d(torch.cat([real, fake])), torch.cat([ones, zeros])).backward()
            opt_d.step()
        logits = d(g(torch.randn(a.batch, a.latent, generator=rng)))
        opt_g.zero_grad()
        (-F.binary_cross_entropy_with_logits(logits, zeros)).backward()
        opt_g.step()

    for _ in range(a.warmup):
        iteration()
    started = time.perf_counter()
    for _ in range(a.timed):
        iteration()
    seconds = time.perf_counter() - started
    return {"iterations_per_s": a.timed / seconds, "iteration_ms": 1000 * seconds / a.timed}


def arguments():
    p = argparse.ArgumentParser()
    for name in ("workload", "data_dir"):
        p.add_argument(name)
    for name in ("warmup", "timed", "seed", "threads"):
        p.add_argument(name, type=int)
    p.add_argument("--batch", type=int, default=BATCH)
    p.add_argument("--height", type=int, default=40)
    p.add_argument("--width", type=int, default=50)
    p.add_argument("--width-divisor", type=int, default=8)
    p.add_argument("--dropout", type=float, default=0.0)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--classes", type=int, default=30)
    p.add_argument("--hidden", type=int, default=128)
    p.add_argument("--layers", type=int, default=3)
    p.add_argument("--latent", type=int, default=2)
    p.add_argument("--d-steps", type=int, default=5)
    p.add_argument("--std", type=float, default=0.01)
    p.add_argument("--attack-rows", type=int, default=1000)
    p.add_argument("--block", type=int, default=10)
    return p.parse_args()


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main():
    a = arguments()
    workload, data_dir, warmup, timed, seed = a.workload, a.data_dir, a.warmup, a.timed, a.seed
    torch.set_num_threads(a.threads)
    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    if workload in ("speech-lenet", "speech-vgg"):
        print(json.dumps({**speech(a), "peak_rss_mb": peak_rss_mb()}))
        return
    if workload == "gan":
        print(json.dumps({**gan(a), "peak_rss_mb": peak_rss_mb()}))
        return
    if workload == "fgsm":
        print(json.dumps({**attack(a, generator), "peak_rss_mb": peak_rss_mb()}))
        return
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
        result["examples_per_s_plain"] = plain_rate(workload, x, y, classes, height, width, warmup, timed, seed)
    elif workload == "mlp-mixup-ratio":
        for _ in range(warmup):
            step(model, optimizer, *mix(*batches.next(), generator))
        erm = mixed = mixing = 0.0
        block = 10
        blocks = (timed + block - 1) // block
        block_ratios = []
        for _ in range(blocks):
            t0 = time.perf_counter()
            for _ in range(block):
                step(model, optimizer, *batches.next())
            t1 = time.perf_counter()
            for _ in range(block):
                plain = batches.next()
                m0 = time.perf_counter()
                mixed_batch = mix(*plain, generator)
                mixing += time.perf_counter() - m0
                step(model, optimizer, *mixed_batch)
            t2 = time.perf_counter()
            erm += t1 - t0
            mixed += t2 - t1
            block_ratios.append((t2 - t1) / (t1 - t0))
        steps = blocks * block
        result = {"erm_step_ms": 1000 * erm / steps, "mixup_step_ms": 1000 * mixed / steps,
                  "mixup_erm_step_ratio": mixed / erm,
                  "mixup_erm_step_ratio_median": float(np.median(block_ratios)),
                  "mix_ms": 1000 * mixing / steps, "mix_share_of_erm_step": mixing / erm}
    else:
        raise SystemExit("unknown workload " + workload)
    print(json.dumps({**result, "peak_rss_mb": peak_rss_mb()}))


if __name__ == "__main__":
    main()
