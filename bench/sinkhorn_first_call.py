"""What the first `sinkhorn` call in a fresh process costs: numba compiles the package's kernels on first use and caches
them on disk where it can write. Each case runs in a new Python process, with numba's cache in a fresh, empty folder
(NUMBA_CACHE_DIR) for 'cold' and the same folder again for 'warm'; 'torch loop' is the same call on the uncompiled loop
(the baseline: no compilation at all). Seconds for the first forward + exact backward of B matrices of N x N (float32),
after the imports; ratio = seconds / the torch loop's seconds at that N.

    python bench/sinkhorn_first_call.py [--sizes 9 36] [--batch 256] [--out bench/results/sinkhorn_first_call.json]
"""
import os
import subprocess
import sys
import tempfile

from common import bench_args, report
from permtutorial.experiment import Table

CALL = """
import time, torch
import permtutorial.sinkhorn as S
S._COMPILED = {compiled}
x = torch.randn({batch}, {n}, {n}, requires_grad=True)
t0 = time.perf_counter()
S.sinkhorn(x).sum().backward()
print(time.perf_counter() - t0)
"""


def first_call(n, batch, compiled, cache_dir):
    env = dict(os.environ, NUMBA_CACHE_DIR=cache_dir)
    out = subprocess.run([sys.executable, "-c", CALL.format(n=n, batch=batch, compiled=compiled)], env=env, check=True,
                         capture_output=True, text=True)
    return float(out.stdout.split()[-1])


def bench(sizes, batch):
    table = Table(["N", "case"], ["seconds", "ratio"], digits=2,
                  title=f"first forward + exact backward in a fresh process, B = {batch}, float32: seconds, and ratio to the torch loop")
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as cache:
            base = first_call(n, batch, False, cache)
            cold, warm = first_call(n, batch, True, cache), first_call(n, batch, True, cache)
        rows += [{"N": n, "case": case, "seconds": s, "ratio": s / base}
                 for case, s in (("torch loop", base), ("compiled, cold cache", cold), ("compiled, warm cache", warm))]
    return table, rows


if __name__ == "__main__":
    a = bench_args(__doc__, sizes=[9, 36], batch=256)
    report(a, *bench(a.sizes, a.batch))
