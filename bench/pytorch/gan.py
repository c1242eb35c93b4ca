"""The PyTorch peer of the suite's GAN study (org.mixupsuite.gan): the same toy data, networks, losses,
discriminator mixup and coverage metric, for two uses: GAN iterations/s beside the Java figure, and
a second implementation to tell whether a finding (or its absence) comes from the settings or from
the Java code.

Usage: /usr/bin/python3 bench/pytorch/gan.py [--dataset ring8] [--alpha 0] [--hidden 128] ...
Prints one JSON line per snapshot ({"iteration", "modes_covered", "high_quality_fraction", ...}) and
a last line with iterations_per_s.
"""
import argparse
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def modes_of(name):
    if name == "ring8":
        return torch.tensor([[math.cos(2 * math.pi * i / 8), math.sin(2 * math.pi * i / 8)] for i in range(8)])
    if name == "grid25":
        return torch.tensor([[-1 + 0.5 * i, -1 + 0.5 * j] for i in range(5) for j in range(5)])
    raise SystemExit("unknown data set " + name)


def sample(modes, n, std, generator):
    picks = torch.randint(len(modes), (n,), generator=generator)
    return modes[picks] + std * torch.randn(n, 2, generator=generator)


def mlp(inputs, hidden, layers, outputs):
    parts, width = [], inputs
    for _ in range(layers):
        parts += [nn.Linear(width, hidden), nn.ReLU()]
        width = hidden
    return nn.Sequential(*parts, nn.Linear(width, outputs))


def coverage(points, modes, std, share):
    """Same rule as ModeCoverage.java: within 3 std of the nearest mode; covered at >= share of all samples,
    reached at one sample or more."""
    distances = torch.cdist(points, modes)
    nearest, which = distances.min(dim=1)
    good = nearest <= 3 * std
    counts = torch.bincount(which[good], minlength=len(modes))
    covered = int(((counts > 0) & (counts >= share * len(points))).sum())
    return covered, int((counts > 0).sum()), float(good.float().mean())


def shuffled(real, fake, rng):
    order = torch.randperm(2 * len(real), generator=rng)
    labels = torch.cat([torch.ones(len(real), 1), torch.zeros(len(fake), 1)])
    return torch.cat([real, fake])[order], labels[order]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dataset", default="ring8")
    p.add_argument("--alpha", type=float, default=0.0, help="0 = ERM; > 0 = discriminator mixup")
    p.add_argument("--form", default="paper", choices=["paper", "demo"],
                   help="paper: D on lam real + (1 - lam) fake, target lam ~ Beta(alpha, alpha); demo (the authors' "
                        "script): two shuffled real+fake batches blended with lam ~ U(0, alpha) per example")
    p.add_argument("--hidden", type=int, default=128)
    p.add_argument("--layers", type=int, default=3)
    p.add_argument("--latent", type=int, default=2)
    p.add_argument("--iterations", type=int, default=2000)
    p.add_argument("--d-steps", type=int, default=5)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--std", type=float, default=0.01)
    p.add_argument("--loss", default="minimax", choices=["minimax", "non-saturating"])
    p.add_argument("--snapshots", type=int, default=10)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    rng = torch.Generator().manual_seed(a.seed)
    modes = modes_of(a.dataset)
    g = mlp(a.latent, a.hidden, a.layers, 2)
    d = mlp(2, a.hidden, a.layers, 1)
    opt_g = torch.optim.Adam(g.parameters())
    opt_d = torch.optim.Adam(d.parameters())
    beta = torch.distributions.Beta(a.alpha, a.alpha) if a.alpha > 0 else None
    eval_z = torch.randn(2500, a.latent, generator=rng)
    every = max(1, a.iterations // a.snapshots)
    started = time.perf_counter()
    for it in range(1, a.iterations + 1):
        for _ in range(a.d_steps):
            real = sample(modes, a.batch, a.std, rng)
            with torch.no_grad():
                fake = g(torch.randn(a.batch, a.latent, generator=rng))
            if beta is None:
                x = torch.cat([real, fake])
                y = torch.cat([torch.ones(a.batch, 1), torch.zeros(a.batch, 1)])
            elif a.form == "demo":
                x1, y1 = shuffled(real, fake, rng)
                with torch.no_grad():
                    x2, y2 = shuffled(sample(modes, a.batch, a.std, rng),
                                      g(torch.randn(a.batch, a.latent, generator=rng)), rng)
                lam = a.alpha * torch.rand(2 * a.batch, 1, generator=rng)
                x, y = lam * x1 + (1 - lam) * x2, lam * y1 + (1 - lam) * y2
            else:
                lam = beta.sample((a.batch, 1))
                x = lam * real + (1 - lam) * fake
                y = lam
            opt_d.zero_grad()
            F.binary_cross_entropy_with_logits(d(x), y).backward()
            opt_d.step()
        logits = d(g(torch.randn(a.batch, a.latent, generator=rng)))
        if a.loss == "minimax":
            loss_g = -F.binary_cross_entropy_with_logits(logits, torch.zeros_like(logits))
        else:
            loss_g = F.binary_cross_entropy_with_logits(logits, torch.ones_like(logits))
        opt_g.zero_grad()
        loss_g.backward()
        opt_g.step()
        if it % every == 0 or it == a.iterations:
            with torch.no_grad():
                covered, reached, quality = coverage(g(eval_z), modes, a.std, 0.25 / len(modes))
            print(json.dumps({"iteration": it, "modes_covered": covered, "modes_reached": reached, "modes_total": len(modes),
                              "high_quality_fraction": round(quality, 4)}), flush=True)
    seconds = time.perf_counter() - started
    print(json.dumps({"iterations_per_s": a.iterations / seconds}), flush=True)


if __name__ == "__main__":
    main()
