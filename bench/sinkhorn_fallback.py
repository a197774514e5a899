"""What the log-domain fallback costs: `log_sinkhorn` forward plus exact backward on ordinary matrices (N(0, 1) scores,
tau = 1: every matrix stays on the scaling-vector loop) and on matrices that fail that loop's check (N(0, 1) x 50 at
tau = 0.01: every matrix takes its first round in the log domain, in float64, and the remaining rounds on scaling
vectors). Both at the same size, in the same run, interleaved; ratio = fallback / ordinary. The `bmm` column forces the
loop a GPU runs (on this CPU).

B matrices of N x N, float32, 20 rounds, min milliseconds of the repeats.

    python bench/sinkhorn_fallback.py [--sizes 9 30 100] [--batch 160] [--repeats 10] [--out bench/results/sinkhorn_fallback.json]
"""
import torch

from common import bench_args, report
from sinkhorn import time_ms
import permtutorial.sinkhorn as S
from permtutorial.experiment import Table

ORDINARY, EXTREME = (1.0, 1.0), (50.0, 0.01)           # (score scale, tau)


def step(x, tau, G):
    "One forward + exact backward of log_sinkhorn on x."
    def run():
        z = x.clone().requires_grad_()
        torch.autograd.grad(S.log_sinkhorn(z, tau=tau), z, G)
    return run


def all_fail_fast_path(x, tau):
    "Whether every matrix of x / tau fails the scaling-vector loop's check (so the fallback is what is timed)."
    return not bool(S._exp_domain_iterates(x / tau, 20, 0.0, None)[-1].any())


def main():
    a = bench_args(__doc__, sizes=[9, 30, 100], batch=160, repeats=10)
    g = torch.Generator().manual_seed(0)
    table = Table(["N", "loop"], ["ordinary", "fallback", "ratio"], digits=2,
                  title=f"CPU ({torch.get_num_threads()} threads), B = {a.batch}, float32, 20 rounds, forward + "
                        f"exact backward: ms, min of {a.repeats} repeats; ratio = fallback / ordinary")
    rows = []
    for n in a.sizes:
        x = torch.randn(a.batch, n, n, generator=g)
        G = torch.randn(a.batch, n, n, generator=g)
        extreme = x * EXTREME[0]
        assert all_fail_fast_path(extreme, EXTREME[1])
        for loop, compiled in (("default", True), ("bmm", False)):
            S._COMPILED = compiled
            try:
                times = time_ms([step(x, ORDINARY[1], G), step(extreme, EXTREME[1], G)], a.repeats,
                                torch.device("cpu"))
            finally:
                S._COMPILED = True
            (ordinary, _), (fallback, _) = times
            rows.append({"N": n, "loop": loop, "ordinary": ordinary, "fallback": fallback,
                         "ratio": fallback / ordinary})
    report(a, table, rows)


if __name__ == "__main__":
    main()
