"""Matching benchmark: the package's `matching_indices` next to the per-example scipy loop every peer uses, measured in
the same run. B = 256 problems of N x N (N in 9, 16, 36, 100), float32 scores; min and median ms over repeats.
On CUDA the package's time includes the one transfer of the batch to the CPU and of the result back.

    python bench/matching.py [--repeats 20] [--sizes 9 16 36 100] [--batch 256] [--out bench/results/matching.json]
"""
import statistics
import time

import numpy as np
import torch
from scipy.optimize import linear_sum_assignment

from common import bench_args, report
from permtutorial.experiment import Table
from permtutorial.matching import matching_indices


def scipy_loop(scores: torch.Tensor) -> torch.Tensor:
    "The peers' way: one scipy call per example, each with its own host transfer."
    return torch.stack([torch.from_numpy(linear_sum_assignment(s.cpu().numpy(), maximize=True)[1]).to(scores.device)
                        for s in scores])


def time_ms(fn, repeats, device, warmup=2):
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    for _ in range(warmup): fn()
    sync(); times = []
    for _ in range(repeats):
        t = time.perf_counter(); fn(); sync(); times.append((time.perf_counter() - t) * 1e3)
    return min(times), statistics.median(times)


def bench(device, sizes, batch, repeats):
    "Rows per N: min ms of the scipy loop and of the package (medians under '<name> median'), their ratio; and their Table."
    table = Table(["N"], ["scipy loop", "permtutorial", "ratio"], digits=2,
                  title=f"{device.type.upper()} ({torch.get_num_threads()} threads), B = {batch}: ms, min of {repeats} repeats "
                        f"(medians in the file); ratio = scipy loop / permtutorial; both return the same permutations")
    rows = []
    for n in sizes:
        x = torch.randn(batch, n, n, device=device, generator=torch.Generator(device=device).manual_seed(n))
        assert torch.equal(matching_indices(x).cpu(), scipy_loop(x).cpu())
        s_min, s_med = time_ms(lambda: scipy_loop(x), repeats, device)
        o_min, o_med = time_ms(lambda: matching_indices(x), repeats, device)
        rows.append({"N": n, "scipy loop": s_min, "scipy loop median": s_med, "permtutorial": o_min,
                     "permtutorial median": o_med, "ratio": s_min / o_min})
    return table, rows


if __name__ == "__main__":
    a = bench_args(__doc__, sizes=[9, 16, 36, 100], batch=256, repeats=20)
    report(a, *bench(torch.device("cpu"), a.sizes, a.batch, a.repeats))
    if torch.cuda.is_available(): report(a, *bench(torch.device("cuda"), a.sizes, a.batch, a.repeats), suffix="_cuda")
