"""Sinkhorn benchmark: the package's `log_sinkhorn` next to a plain unrolled log-sum-exp loop, measured in the same run,
and next to POT and pygmtools when they are installed (`pip install -e ".[bench]"`).

B = 256 matrices of N x N (N in 9, 16, 36, 100), float32, 20 row+column rounds. 'fwd' is the forward pass without
autograd; 'fwd+bwd' is a forward pass with autograd followed by backward of a random linear loss. 'permtutorial' is the
default `backward='exact'` (the exact gradient of the 20 rounds, like the plain loop); 'implicit' is
`backward='implicit'` (the gradient of the converged operator, a different quantity; shown for reference). Times are
min and median milliseconds over repeats, the candidates interleaved within each repeat so that they share the
machine's slow and fast moments. 'ratio' is plain / package (above 1: the package is faster). 'error' is the package's
largest marginal error after those rounds. A CUDA section runs when a GPU is present.

    python bench/sinkhorn.py [--repeats 20] [--sizes 9 16 36 100] [--batch 256] [--iters 20] [--out bench/results/sinkhorn.json]
"""
import statistics
import time

import torch

from common import bench_args, report
from permtutorial.experiment import Table
from permtutorial.sinkhorn import log_sinkhorn, sinkhorn_error


def plain_log_sinkhorn(x, n_iters):
    "The baseline the peers use: unrolled row and column log-sum-exp normalisation, autograd through each step."
    for _ in range(n_iters):
        x = x - x.logsumexp(-1, keepdim=True)
        x = x - x.logsumexp(-2, keepdim=True)
    return x


def peers():
    "Optional peer implementations, each as f(x, n_iters) -> (batched) doubly-stochastic matrix or its log."
    found = {}
    try:
        from ot.batch import bregman_log_projection_batch
        found["POT batch log"] = lambda x, k: bregman_log_projection_batch(x, max_iter=k, tol=0.0, grad="autodiff")["log_T"]
    except ImportError:
        pass
    try:
        import pygmtools as pygm
        # pygmtools counts half-iterations (a row or a column step)
        found["pygmtools batched"] = lambda x, k: pygm.sinkhorn(x, max_iter=2 * k, batched_operation=True, backend="pytorch")
    except ImportError:
        pass
    return found


def time_ms(fns, repeats, device, warmup=3):
    "min and median milliseconds of each function in `fns`, interleaved: every repeat runs each once."
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    for fn in fns:
        for _ in range(warmup): fn()
    sync()
    times = [[] for _ in fns]
    for _ in range(repeats):
        for fn, ts in zip(fns, times):
            t = time.perf_counter(); fn(); sync()
            ts.append((time.perf_counter() - t) * 1e3)
    return [(min(ts), statistics.median(ts)) for ts in times]


def bench(device, sizes, batch, n_iters, repeats):
    "Rows `(N, pass)` with min ms of each candidate (medians under '<name> median'), the ratio and the error, and their Table."
    others = peers()
    name = torch.cuda.get_device_name() if device.type == "cuda" else f"{torch.get_num_threads()} threads"
    names = ["plain loop", "permtutorial", "implicit", *others]
    table = Table(["N", "pass"], ["plain loop", "permtutorial", "ratio", "error", "implicit", *others], digits=2,
                  title=f"{device.type.upper()} ({name}), B = {batch}, float32, {n_iters} rounds: ms, min of {repeats} repeats "
                        f"(medians in the file); ratio = plain loop / permtutorial; implicit has the same forward")
    rows = []
    for n in sizes:
        g = torch.Generator(device=device).manual_seed(n)
        x = torch.randn(batch, n, n, device=device, generator=g)
        w = torch.randn(batch, n, n, device=device, generator=g)
        err = sinkhorn_error(log_sinkhorn(x, n_iters=n_iters)).max().item()

        def fwd(f):
            def run():
                with torch.no_grad(): f(x, n_iters)
            return run

        def fwd_bwd(f):
            def run():
                xr = x.detach().requires_grad_()
                (f(xr, n_iters) * w).sum().backward()
            return run

        ours = lambda t, k: log_sinkhorn(t, n_iters=k)
        implicit = lambda t, k: log_sinkhorn(t, n_iters=k, backward="implicit")
        for pass_name, make in (("fwd", fwd), ("fwd+bwd", fwd_bwd)):
            cands = dict(zip(names, [plain_log_sinkhorn, ours, implicit, *others.values()]))
            if pass_name == "fwd": del cands["implicit"]
            times = dict(zip(cands, time_ms([make(f) for f in cands.values()], repeats, device)))
            row = {"N": n, "pass": pass_name, "ratio": times["plain loop"][0] / times["permtutorial"][0], "error": err}
            for c, (t_min, t_med) in times.items(): row.update({c: t_min, f"{c} median": t_med})
            rows.append(row)
    return table, rows


if __name__ == "__main__":
    a = bench_args(__doc__, sizes=[9, 16, 36, 100], batch=256, iters=20, repeats=20)
    report(a, *bench(torch.device("cpu"), a.sizes, a.batch, a.iters, a.repeats))
    if torch.cuda.is_available(): report(a, *bench(torch.device("cuda"), a.sizes, a.batch, a.iters, a.repeats), suffix="_cuda")
