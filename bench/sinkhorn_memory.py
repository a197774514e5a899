"""Peak memory of Sinkhorn forward+backward as the iteration count grows: the package's default exact backward
(`backward='exact'`: input plus two vectors per iteration) and its implicit backward (`backward='implicit'`: the output
only) next to the unrolled loop (`backward='unrolled'`, what every peer does). 'saved ratio' is exact / unrolled.

Each measurement runs in a fresh process and reports the growth of its peak resident memory (VmHWM) over the resident
memory just before the forward pass, plus the bytes autograd saved for backward (counted with saved_tensors_hooks).
B = 32 matrices of 100 x 100 (float32): the unrolled loop at B = 256 and 500 rounds would need over 10 GB.

    python bench/sinkhorn_memory.py [--batch 32] [--n 100] [--iters 20 100 500]
"""
import argparse
import json
import subprocess
import sys

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
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--iters", type=int, nargs="+", default=[20, 100, 500])
    a = ap.parse_args()
    print(f"\n### Peak memory of forward+backward, B = {a.batch}, N = {a.n}, float32 (MiB; input matrices are {a.batch * a.n * a.n * 4 / 2**20:.1f} MiB)\n")
    print("| n_iters | exact: peak growth | exact: saved | implicit: peak growth | implicit: saved | unrolled: peak growth | unrolled: saved | saved ratio exact / unrolled |")
    print("|---|---|---|---|---|---|---|---|")
    for k in a.iters:
        e, i, u = (measure(a.batch, a.n, k, b) for b in ("exact", "implicit", "unrolled"))
        print(f"| {k} | {e['peak_mib']:.1f} | {e['saved_mib']:.2f} | {i['peak_mib']:.1f} | {i['saved_mib']:.2f} | {u['peak_mib']:.1f} | {u['saved_mib']:.1f} | {e['saved_mib'] / u['saved_mib']:.3f} |", flush=True)
