"""Peak memory of Sinkhorn forward+backward as the iteration count grows: the package's default exact backward
(`backward='exact'`: input plus two vectors per iteration) and its implicit backward (`backward='implicit'`: the output
only) next to the unrolled loop (`backward='unrolled'`, what every peer does). 'saved ratio' is exact / unrolled.

Each measurement runs in a fresh process and reports the growth of its peak resident memory (VmHWM) over the resident
memory just before the forward pass, plus the bytes autograd saved for backward (counted with saved_tensors_hooks).
B = 32 matrices of 100 x 100 (float32): the unrolled loop at B = 256 and 500 rounds would need over 10 GB.

    python bench/sinkhorn_memory.py [--batch 32] [--n 100] [--iters 20 100 500] [--out bench/results/sinkhorn_memory.json]
"""
import json
import subprocess
import sys

from common import bench_args, report
from permtutorial.experiment import Table

CHILD = r"""
import json, sys, torch
from permtutorial.sinkhorn import log_sinkhorn
batch, n, n_iters, backward = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def rss_kib(field):
    for line in open('/proc/self/status'):
        if line.startswith(field): return int(line.split()[1])
x = torch.randn(batch, n, n, requires_grad=True); w = torch.randn(batch, n, n)
log_sinkhorn(torch.randn(2, n, n, requires_grad=True), n_iters=2, backward=backward).sum().backward()   # warm up
saved = [0]
def pack(t): saved[0] += t.numel() * t.element_size(); return t
base = rss_kib('VmRSS:')
with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
    loss = (log_sinkhorn(x, n_iters=n_iters, backward=backward) * w).sum()
loss.backward()
print(json.dumps(dict(peak_mib=(rss_kib('VmHWM:') - base) / 1024, saved_mib=saved[0] / 2**20)))
"""


def measure(batch, n, n_iters, backward):
    out = subprocess.run([sys.executable, "-c", CHILD, str(batch), str(n), str(n_iters), backward],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    a = bench_args(__doc__, batch=32, n=100, iters=[20, 100, 500])
    backs = ("exact", "implicit", "unrolled")
    table = Table(["n_iters"], [f"{b}: {m}" for b in backs for m in ("peak growth", "saved")] + ["saved ratio exact / unrolled"], digits=3,
                  title=f"Peak memory of forward+backward, B = {a.batch}, N = {a.n}, float32, MiB (input matrices: {a.batch * a.n * a.n * 4 / 2**20:.1f} MiB)")
    rows = []
    for k in a.iters:
        m = {b: measure(a.batch, a.n, k, b) for b in backs}
        rows.append({"n_iters": k, **{f"{b}: {x}": m[b][key] for b in backs for x, key in (("peak growth", "peak_mib"), ("saved", "saved_mib"))},
                     "saved ratio exact / unrolled": m["exact"]["saved_mib"] / m["unrolled"]["saved_mib"]})
    report(a, table, rows)
