"""Which Sinkhorn loop for which size: the three implementations of the package's scaling-vector loop timed against each
other in the same run, forward plus exact backward. 'batch-last' is the compiled loop with the batch innermost, 'matrix by
matrix' the compiled loop that keeps one matrix in cache for all its rounds (the batch split over threads when it is large),
'bmm' one batched matrix-vector product per half-step (what a GPU runs). 'default' is the loop `log_sinkhorn` picks on the CPU
for that size (without `tol`); the thresholds in the `sinkhorn_kernels` notebook come from this table.

B = 256 matrices of N x N, float32, 20 rounds, min milliseconds of the repeats, the candidates interleaved within each repeat.

    python bench/sinkhorn_loops.py [--repeats 15] [--sizes 9 16 20 24 36 100] [--out bench/results/sinkhorn_loops.json]
"""

import torch

from common import bench_args, report
from sinkhorn import time_ms
import permtutorial.sinkhorn as S
import permtutorial.sinkhorn_kernels as K
from permtutorial.experiment import Table

LOOPS = {"batch-last": (10**9, True), "matrix by matrix": (0, True), "bmm": (0, False)}   # (_BATCH_LAST_MAX_N, _COMPILED) forcing each


def forced(loop, fn):
    "fn run with the package's loop choice forced to `loop`."
    def run():
        limit = K._BATCH_LAST_MAX_N
        K._BATCH_LAST_MAX_N, S._COMPILED = LOOPS[loop]
        try: fn()
        finally: K._BATCH_LAST_MAX_N, S._COMPILED = limit, True
    return run


def bench(sizes, batch, n_iters, repeats):
    table = Table(["N", "default"], list(LOOPS), digits=2,
                  title=f"CPU ({torch.get_num_threads()} threads), B = {batch}, float32, {n_iters} rounds, forward + exact backward: "
                        f"ms, min of {repeats} repeats; default = the loop log_sinkhorn picks")
    rows = []
    for n in sizes:
        g = torch.Generator().manual_seed(n)
        x, w = torch.randn(batch, n, n, generator=g), torch.randn(batch, n, n, generator=g)

        def fwd_bwd():
            xr = x.detach().requires_grad_()
            (S.log_sinkhorn(xr, n_iters=n_iters) * w).sum().backward()
        times = time_ms([forced(loop, fwd_bwd) for loop in LOOPS], repeats, torch.device("cpu"))
        rows.append({"N": n, "default": {"last": "batch-last", "matrix": "matrix by matrix"}.get(S._loop(x, None), "bmm"),
                     **{loop: t[0] for loop, t in zip(LOOPS, times)}})
    return table, rows


if __name__ == "__main__":
    a = bench_args(__doc__, sizes=[9, 16, 20, 24, 36, 100], batch=256, iters=20, repeats=15)
    report(a, *bench(a.sizes, a.batch, a.iters, a.repeats))
