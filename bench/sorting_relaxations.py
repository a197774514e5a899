"""Cost of each sorting relaxation per training step: the relaxation alone (scores -> soft permutation -> the multinomial
log loss -> backward to the scores), without the score network, which is the same for every method. B = 32 sequences
of n scores (n x n for the row variant of Gumbel-Sinkhorn), float32, each method at its training defaults
(Gumbel-Sinkhorn: 5 noise samples, 20 Sinkhorn rounds; stochastic NeuralSort: 5 samples; sorting network: odd-even,
through the `diffsort` package when it is installed). ms per step, min over repeats; ratio = method / deterministic NeuralSort.

    python bench/sorting_relaxations.py [--sizes 5 15 32 100] [--repeats 20] [--out bench/results/sorting_relaxations.json]
"""
import time

import torch

from common import bench_args, report
from permtutorial.experiment import Table
from permtutorial.relaxations import RELAXATIONS, make_relaxation, diffsort_installed, target_matrix
from permtutorial.sorting_benchmark import sorting_targets


def step_ms(relax, scores, target, repeats):
    "Min ms of forward + loss + backward over `repeats` (after 2 warm-up steps)."
    times = []
    for k in range(repeats + 2):
        s = scores.clone().requires_grad_()
        t = time.perf_counter()
        relax.loss(s, target).backward()
        times.append(time.perf_counter() - t)
    return 1000 * min(times[2:])


def main():
    a = bench_args(__doc__, sizes=[5, 15, 32, 100], batch=32, repeats=20)
    methods = [m for m in RELAXATIONS if m != "sorting network" or diffsort_installed()]
    rows = []
    for n in a.sizes:
        g = torch.Generator().manual_seed(n)
        values = torch.randint(0, 10_000, (a.batch, n), generator=g)
        target = target_matrix(*sorting_targets(values))
        row = {"n": n}
        for m in methods:
            relax = make_relaxation(m)
            row[m] = step_ms(relax, torch.randn(a.batch, n, *([n] if relax.per_item(n) > 1 else []), generator=g), target, a.repeats)
        for m in methods: row[f"{m} / neuralsort"] = row[m] / row["neuralsort"]
        rows.append(row)
    report(a, Table(["n"], [*methods, *(f"{m} / neuralsort" for m in methods if m != "neuralsort")], digits=2,
                    title=f"CPU ({torch.get_num_threads()} threads), B = {a.batch}: ms per step of the relaxation alone (forward, loss, backward to the scores), "
                          f"min of {a.repeats} repeats; ratios to deterministic NeuralSort"), rows)


if __name__ == "__main__":
    main()
